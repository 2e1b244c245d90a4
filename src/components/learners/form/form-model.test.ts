import { describe, expect, it } from "vitest";
import { ZCreateLearnerInput } from "@/lib/schemas/learner";
import { issuesToErrors, serverErrorsOf } from "@/lib/errors/form-errors";
import { emptyEnrolment, emptyLearner } from "./form-model";

describe("learner form errors", () => {
  it("maps zod issues to dotted field names, first message per field", () => {
    const parsed = ZCreateLearnerInput.safeParse({
      learner: { ...emptyLearner(), lastName: "Иванова", firstName: "Анна", birthDate: "2016-04-12", sex: "FEMALE", snils: "112-233-445 96" },
      enrolment: { ...emptyEnrolment(), level: "PRIMARY", grade: "3" },
      representatives: [{ relation: "", lastName: "", firstName: "Ольга", citizenship: "643" }],
    });
    expect(parsed.success).toBe(false);
    const errors = issuesToErrors(parsed.error!.issues);
    expect(errors["learner.snils"]).toBe("Неверная контрольная сумма СНИЛС");
    expect(errors["representatives.0.lastName"]).toBe("Укажите фамилию");
    expect(errors["representatives.0.relation"]).toBe("Укажите, кем приходится ребёнку");
    expect(errors["learner.lastName"]).toBeUndefined();
  });

  it("puts a domain error on its field and a field-less one on the form", () => {
    const conflict = serverErrorsOf({ message: "Уже есть", data: { code: "CONFLICT", field: "learner.snils" } }, "fallback");
    expect(conflict).toEqual({ fields: { "learner.snils": "Уже есть" }, form: null });
    const zod = serverErrorsOf({ message: "[{…}]", data: { zodError: { issues: [{ path: "learner.snils", message: "СНИЛС" }] } } }, "fallback");
    expect(zod.fields).toEqual({ "learner.snils": "СНИЛС" });
    expect(serverErrorsOf({ message: "", data: { zodError: { issues: [] } } }, "fallback").form).toBe("fallback");
    expect(serverErrorsOf({ message: "Недостаточно прав", data: { code: "FORBIDDEN" } }, "fallback").form).toBe("Недостаточно прав");
  });
});
