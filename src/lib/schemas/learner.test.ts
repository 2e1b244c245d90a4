// The shared learner schemas: what the forms, the import and the server accept.
import { describe, expect, it } from "vitest";
import { ZCreateLearnerInput, ZEnrolmentData, ZLearnerData, ZRepresentativeData } from "./learner";

const child = {
  lastName: "Петрова",
  firstName: "Анна",
  middleName: "",
  birthDate: "2016-05-10",
  sex: "FEMALE",
  snils: "",
  citizenship: "643",
  docType: "BIRTH_CERTIFICATE_RF",
  docSeries: "XII-МЮ",
  docNumber: "654321",
};
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("learner schemas", () => {
  it("accepts a valid child and maps blanks to absent", () => {
    const parsed = ZLearnerData.parse(child);
    expect(parsed.middleName).toBeUndefined();
    expect(parsed.snils).toBeUndefined();
    expect(parsed.docSeries).toBe("XII-МЮ");
  });

  it("checks document series and number by type, together with other errors", () => {
    const r = ZLearnerData.safeParse({ ...child, lastName: "", docSeries: "XII-MU", docNumber: "12345" });
    expect(issues(r)).toMatchObject({
      lastName: "Укажите фамилию",
      docSeries: expect.stringMatching(/Серия свидетельства/),
      docNumber: "Номер свидетельства о рождении должен состоять из 6 цифр",
    });
    const passport = ZLearnerData.parse({ ...child, docType: "PASSPORT_RF", docSeries: "45 12", docNumber: "345678" });
    expect(passport.docSeries).toBe("4512");
    expect(issues(ZLearnerData.safeParse({ ...child, docType: "FOREIGN_PASSPORT", docSeries: "", docNumber: "AB123" }))).toEqual({
      docCountry: "Укажите страну выдачи документа",
    });
    expect(issues(ZLearnerData.safeParse({ ...child, docType: "", docSeries: "", docNumber: "123" }))).toEqual({ docType: "Выберите тип документа" });
  });

  it("accepts stateless and rejects unknown citizenship", () => {
    expect(ZLearnerData.safeParse({ ...child, citizenship: "STATELESS" }).success).toBe(true);
    expect(issues(ZLearnerData.safeParse({ ...child, citizenship: "000" }))).toEqual({ citizenship: "Выберите гражданство из списка" });
  });

  it("rejects impossible and future dates, and names with digits", () => {
    expect(issues(ZLearnerData.safeParse({ ...child, birthDate: "2016-02-30" }))).toEqual({ birthDate: "Такой даты нет" });
    expect(issues(ZLearnerData.safeParse({ ...child, birthDate: "2999-01-01" }))).toEqual({ birthDate: "Дата рождения не может быть в будущем" });
    expect(issues(ZLearnerData.safeParse({ ...child, firstName: "Анна2" }))).toEqual({ firstName: "Только буквы, пробел, дефис или апостроф" });
  });

  it("matches grades to levels", () => {
    const e = { level: "BASIC", grade: "3", classLetter: "б", enrolledAt: "2024-09-01" };
    expect(issues(ZEnrolmentData.safeParse(e))).toEqual({ grade: "Для этого уровня класс от 5 до 9" });
    expect(ZEnrolmentData.parse({ ...e, grade: "7" })).toMatchObject({ grade: 7, classLetter: "Б" });
    expect(ZEnrolmentData.parse({ level: "PRESCHOOL", grade: "", enrolledAt: "2024-09-01" }).grade).toBeUndefined();
  });

  it("checks age plausibility for the programme at enrolment", () => {
    const base = { learner: child, enrolment: { level: "PRESCHOOL", enrolledAt: "2026-09-01" } };
    expect(issues(ZCreateLearnerInput.safeParse(base))).toEqual({ "learner.birthDate": "Возраст 10 лет не подходит для этого уровня (0–8)" });
    expect(ZCreateLearnerInput.safeParse({ ...base, enrolment: { level: "PRIMARY", grade: 4, enrolledAt: "2026-09-01" } }).success).toBe(true);
  });

  it("needs a representative for consent, and one primary contact at most", () => {
    const rep = { relation: "MOTHER", lastName: "Петрова", firstName: "Ольга", citizenship: "643", isPrimaryContact: true };
    const base = { learner: child, enrolment: { level: "PRIMARY", grade: 2, enrolledAt: "2024-09-01" } };
    expect(issues(ZCreateLearnerInput.safeParse({ ...base, consent: { givenAt: "2024-08-01", scope: "Учёт контингента" } }))).toEqual({
      consent: "Согласие даёт законный представитель: добавьте его",
    });
    expect(issues(ZCreateLearnerInput.safeParse({ ...base, representatives: [rep, { ...rep, relation: "FATHER" }] }))).toEqual({
      representatives: "Основной контакт может быть только один",
    });
    expect(issues(ZRepresentativeData.safeParse({ ...rep, email: "not-an-email" }))).toEqual({ email: "Неверный адрес электронной почты" });
  });
});
