import { describe, expect, it } from "vitest";
import { ZCreateLearnerInput } from "@/lib/schemas/learner";
import { errorOfField, issuesToErrors, serverErrorsOf } from "./form-errors";

const badLearner = {
  learner: { lastName: "Иванова", firstName: "", birthDate: `${new Date().getFullYear() + 1}-01-01`, sex: "FEMALE", snils: "112-233-445 96", citizenship: "643" },
  enrolment: { level: "PRIMARY", grade: "3", enrolledAt: "2024-09-01" },
};

describe("the browser's check of a form", () => {
  it("puts the first message of each dotted path on its field, in the reader's language", () => {
    const parsed = ZCreateLearnerInput.safeParse(badLearner);
    expect(parsed.success).toBe(false);
    const ru = issuesToErrors(parsed.error!.issues, "ru");
    expect(ru["learner.snils"]).toBe("Неверная контрольная сумма СНИЛС");
    expect(ru["learner.firstName"]).toBe("Укажите имя");
    expect(ru["learner.birthDate"]).toBe("Дата рождения не может быть в будущем");
    const en = issuesToErrors(parsed.error!.issues, "en");
    expect(en["learner.snils"]).toBe("Wrong SNILS check digits");
    expect(en["learner.firstName"]).toBe("Enter the first name");
    expect(en["learner.birthDate"]).toBe("The date of birth cannot be in the future");
  });

  it("answers for one field only (the check when a field is left)", () => {
    const parsed = ZCreateLearnerInput.safeParse(badLearner);
    expect(errorOfField(parsed.error!.issues, "learner.snils", "en")).toBe("Wrong SNILS check digits");
    expect(errorOfField(parsed.error!.issues, "learner.lastName", "en")).toBeUndefined();
  });
});

describe("a server refusal on a form", () => {
  it("maps zod issues and a domain error's field; a field-less refusal goes to the form", () => {
    const zod = serverErrorsOf({ message: "[{…}]", data: { zodError: { issues: [{ path: "learner.snils", message: "Wrong SNILS check digits" }] } } }, "fallback");
    expect(zod).toEqual({ fields: { "learner.snils": "Wrong SNILS check digits" }, form: null });
    const conflict = serverErrorsOf({ message: "Such a login is taken", data: { code: "CONFLICT", field: "login" } }, "fallback");
    expect(conflict).toEqual({ fields: { login: "Such a login is taken" }, form: null });
    expect(serverErrorsOf({ message: "Insufficient rights", data: { code: "FORBIDDEN" } }, "fallback").form).toBe("Insufficient rights");
    // A zod error's own message is a JSON dump, never shown.
    expect(serverErrorsOf({ message: "[{…}]", data: { zodError: { issues: [] } } }, "fallback").form).toBe("fallback");
  });

  it("never drops a message for a field the form does not show", () => {
    const error = { message: "x", data: { zodError: { issues: [{ path: "id", message: "Invalid id" }, { path: "name", message: "Enter the name" }] } } };
    expect(serverErrorsOf(error, "fallback", ["name"])).toEqual({ fields: { name: "Enter the name" }, form: "Invalid id" });
  });

  it("reads the flattened field errors older callers and the API tests see", () => {
    const error = { message: "x", data: { zodError: { fieldErrors: { login: ["Too short", "Bad chars"] } } } };
    expect(serverErrorsOf(error, "fallback").fields).toEqual({ login: "Too short" });
  });
});
