// Portfolio inputs: exams by kind, grade assessments, certificate numbers,
// dates and years within range, all with Russian messages on the right field.
import { describe, expect, it } from "vitest";
import { currentYear, ZAddAchievementInput, ZAddExamInput, ZAddGradeInput, ZCorrectGradeInput, ZSetCertificateInput } from "./portfolio";

const learnerId = "6f1c2b4e-8f0a-4c1e-9a57-3c2d1e0f9a8b";
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("portfolio schemas", () => {
  it("accepts an achievement and refuses future dates and unknown levels", () => {
    const a = { learnerId, kind: "Олимпиада", title: "Региональная олимпиада по математике", organiser: "", level: "REGIONAL", result: "PRIZE_WINNER", date: "2024-03-15" };
    expect(ZAddAchievementInput.parse(a)).toMatchObject({ organiser: undefined, level: "REGIONAL" });
    expect(issues(ZAddAchievementInput.safeParse({ ...a, date: "2999-01-01", level: "GALACTIC", title: " " }))).toEqual({
      date: "Дата не может быть в будущем",
      level: "Выберите уровень",
      title: "Укажите название",
    });
  });

  it("checks exam scores by kind", () => {
    const oge = { learnerId, kind: "OGE", subjectId: learnerId, year: "2024", primaryScore: "20", mark: "4" };
    expect(ZAddExamInput.parse(oge)).toEqual({ ...oge, year: 2024, primaryScore: 20, mark: 4 });
    expect(issues(ZAddExamInput.safeParse({ ...oge, mark: 6 }))).toEqual({ mark: "Отметка от 2 до 5" });
    expect(issues(ZAddExamInput.safeParse({ ...oge, kind: "GVE", mark: "" }))).toEqual({ mark: "Укажите отметку" });
    const ege = { learnerId, kind: "EGE", subjectId: learnerId, year: 2024, testScore: 87 };
    expect(ZAddExamInput.parse({ ...ege, mark: 5 })).toEqual(ege); // ЕГЭ has no mark: dropped
    expect(issues(ZAddExamInput.safeParse({ ...ege, testScore: 101 }))).toEqual({ testScore: "Тестовый балл от 0 до 100" });
    expect(issues(ZAddExamInput.safeParse({ ...ege, year: 1999 }))).toEqual({ year: `Год от 2000 до ${currentYear()}` });
    expect(issues(ZAddExamInput.safeParse({ ...ege, year: currentYear() + 1 }))).toEqual({ year: `Год от 2000 до ${currentYear()}` });
    expect(ZAddExamInput.safeParse({ ...ege, kind: "IELTS" }).success).toBe(false);
    // The subject is picked from the vocabulary: free text is refused on its field.
    expect(issues(ZAddExamInput.safeParse({ ...ege, subjectId: "Физика" }))).toEqual({ subjectId: "Выберите предмет из справочника" });
  });

  it("takes a mark 2–5 or a credit, never both or neither", () => {
    const g = { learnerId, academicYear: 2024, subjectId: learnerId, period: "1 четверть" };
    expect(ZAddGradeInput.parse({ ...g, mark: "5" })).toMatchObject({ mark: 5 });
    expect(ZAddGradeInput.parse({ ...g, credit: false })).toMatchObject({ credit: false });
    expect(issues(ZAddGradeInput.safeParse(g))).toEqual({ mark: "Укажите отметку от 2 до 5 или зачёт" });
    expect(issues(ZAddGradeInput.safeParse({ ...g, mark: 4, credit: true }))).toEqual({ mark: "Укажите отметку от 2 до 5 или зачёт" });
    expect(issues(ZAddGradeInput.safeParse({ ...g, mark: 1 }))).toEqual({ mark: "Отметка от 2 до 5" });
    expect(issues(ZAddGradeInput.safeParse({ ...g, mark: 5, period: "5 четверть" }))).toEqual({ period: "Выберите период" });
    expect(ZAddGradeInput.safeParse({ ...g, mark: 5, period: "итоговая" }).success).toBe(true);
    expect(ZCorrectGradeInput.parse({ learnerId, gradeId: learnerId, mark: 3 })).toMatchObject({ mark: 3 });
  });

  it("checks the certificate number and issue date", () => {
    const c = { learnerId, level: "BASIC_GENERAL", number: "12345678901234", issuedAt: "2024-06-28" };
    expect(ZSetCertificateInput.parse(c)).toEqual({ ...c, withHonours: false, duplicate: false, state: "ACTIVE" });
    expect(issues(ZSetCertificateInput.safeParse({ ...c, series: "A B", registrationNumber: "1".repeat(21), state: "SOLD" }))).toEqual({
      series: "Серия: буквы и цифры",
      registrationNumber: "Регистрационный номер не длиннее 20 символов",
      state: "Выберите состояние аттестата",
    });
    expect(ZSetCertificateInput.parse({ ...c, series: " ", registrationNumber: "" })).toEqual({ ...c, withHonours: false, duplicate: false, state: "ACTIVE" });
    expect(issues(ZSetCertificateInput.safeParse({ ...c, number: "12 34-5" }))).toEqual({ number: "Номер аттестата: только цифры" });
    expect(issues(ZSetCertificateInput.safeParse({ ...c, number: "1".repeat(31) }))).toEqual({ number: "Номер аттестата не длиннее 30 цифр" });
    expect(issues(ZSetCertificateInput.safeParse({ ...c, number: "", issuedAt: "2999-06-28" }))).toEqual({
      number: "Укажите номер аттестата",
      issuedAt: "Дата выдачи не может быть в будущем",
    });
  });

  it("takes a duplicate's original with Russian messages on each field, and refuses it on an original", () => {
    const c = { learnerId, level: "SECONDARY_GENERAL", number: "12345678901234", issuedAt: "2024-06-28", duplicate: true };
    const original = { originalSeries: "АБ", originalNumber: "0012345", originalRegistrationNumber: "11-4", originalIssuedAt: "2020-06-25" };
    expect(ZSetCertificateInput.parse({ ...c, ...original })).toMatchObject(original);
    // The same day as the duplicate is not after it; blanks are simply missing (the ФРДО check lists them).
    expect(ZSetCertificateInput.safeParse({ ...c, ...original, originalIssuedAt: c.issuedAt }).success).toBe(true);
    expect(ZSetCertificateInput.parse({ ...c, originalSeries: " ", originalNumber: "", originalRegistrationNumber: "", originalIssuedAt: "" })).toMatchObject({
      originalSeries: undefined,
      originalNumber: undefined,
      originalRegistrationNumber: undefined,
      originalIssuedAt: undefined,
    });
    expect(
      issues(ZSetCertificateInput.safeParse({ ...c, originalSeries: "А Б", originalNumber: "12-34", originalRegistrationNumber: "1".repeat(21), originalIssuedAt: "2999-06-28" })),
    ).toEqual({
      originalSeries: "Серия оригинала: буквы и цифры",
      originalNumber: "Номер оригинала: только цифры",
      originalRegistrationNumber: "Регистрационный номер оригинала не длиннее 20 символов",
      originalIssuedAt: "Дата выдачи оригинала не может быть в будущем",
    });
    expect(issues(ZSetCertificateInput.safeParse({ ...c, originalSeries: "А".repeat(11), originalNumber: "1".repeat(31), originalIssuedAt: "2024-02-30" }))).toEqual({
      originalSeries: "Серия оригинала не длиннее 10 символов",
      originalNumber: "Номер оригинала не длиннее 30 цифр",
      originalIssuedAt: "Такой даты нет",
    });
    expect(issues(ZSetCertificateInput.safeParse({ ...c, ...original, originalIssuedAt: "2024-06-29" }))).toEqual({
      originalIssuedAt: "Дата выдачи оригинала позже даты выдачи дубликата",
    });
    const onOriginal = "Сведения об оригинале указываются только для дубликата";
    expect(issues(ZSetCertificateInput.safeParse({ ...c, ...original, duplicate: false }))).toEqual({
      originalSeries: onOriginal,
      originalNumber: onOriginal,
      originalRegistrationNumber: onOriginal,
      originalIssuedAt: onOriginal,
    });
    expect(issues(ZSetCertificateInput.safeParse({ ...c, duplicate: undefined, originalNumber: "1" }))).toEqual({ originalNumber: onOriginal });
  });
});
