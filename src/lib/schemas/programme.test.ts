import { describe, expect, it } from "vitest";
import {
  academicYearLabel,
  currentAcademicYear,
  gradeMismatch,
  ZCreateClassInput,
  ZCreateProgrammeInput,
  ZUpdateProgrammeInput,
} from "./programme";

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("ZCreateProgrammeInput", () => {
  it("derives isBasic from the level and defaults form and adapted", () => {
    expect(ZCreateProgrammeInput.parse({ name: "ООП ООО", level: "BASIC" })).toEqual({
      name: "ООП ООО",
      level: "BASIC",
      isBasic: true,
      adapted: false,
      ovzCategory: null,
      direction: null,
      form: "FULL_TIME",
    });
    const additional = ZCreateProgrammeInput.parse({ name: "Робототехника", level: "ADDITIONAL", direction: "TECHNICAL", form: "PART_TIME" });
    expect(additional).toMatchObject({ isBasic: false, direction: "TECHNICAL", form: "PART_TIME" });
  });

  it("ignores an isBasic sent by the client", () => {
    const parsed = ZCreateProgrammeInput.parse({ name: "ООП НОО", level: "PRIMARY", isBasic: false });
    expect(parsed.isBasic).toBe(true);
  });

  it("requires the ОВЗ category exactly for adapted programmes", () => {
    expect(issuesOf(ZCreateProgrammeInput.safeParse({ name: "АООП НОО", level: "PRIMARY", adapted: true }))).toEqual({
      ovzCategory: "Для адаптированной программы укажите категорию ОВЗ",
    });
    expect(issuesOf(ZCreateProgrammeInput.safeParse({ name: "ООП НОО", level: "PRIMARY", ovzCategory: "AUTISM" }))).toEqual({
      ovzCategory: "Категория ОВЗ указывается только для адаптированной программы",
    });
    expect(ZCreateProgrammeInput.parse({ name: "АООП НОО", level: "PRIMARY", adapted: true, ovzCategory: "DEVELOPMENTAL_DELAY" }).ovzCategory).toBe(
      "DEVELOPMENTAL_DELAY",
    );
  });

  it("requires a direction for additional programmes and forbids it otherwise", () => {
    expect(issuesOf(ZCreateProgrammeInput.safeParse({ name: "Кружок", level: "ADDITIONAL" }))).toEqual({
      direction: "Для дополнительной программы укажите направленность",
    });
    expect(issuesOf(ZCreateProgrammeInput.safeParse({ name: "ООП СОО", level: "SECONDARY", direction: "ARTS" }))).toEqual({
      direction: "Направленность указывается только для дополнительной программы",
    });
  });

  it("reports every problem at once, in Russian", () => {
    const issues = issuesOf(ZCreateProgrammeInput.safeParse({ name: " x ", level: "NOPE", form: "REMOTE", ovzCategory: "OTHER" }));
    expect(issues).toMatchObject({
      name: "Название программы: не короче 3 символов",
      level: "Выберите уровень образования",
      form: "Выберите форму обучения",
      ovzCategory: "Выберите категорию ОВЗ из списка",
    });
  });

  it("update takes an id and the same rules", () => {
    expect(issuesOf(ZUpdateProgrammeInput.safeParse({ id: "x", name: "АООП", level: "BASIC", adapted: true }))).toEqual({
      id: "Неверный идентификатор программы",
      ovzCategory: "Для адаптированной программы укажите категорию ОВЗ",
    });
  });
});

describe("ZCreateClassInput", () => {
  const base = { programmeId: "7f0c2a3e-0b1d-4c5e-8f9a-0b1c2d3e4f50", academicYear: 2026, grade: 5 };

  it("uppercases and trims the letter", () => {
    expect(ZCreateClassInput.parse({ ...base, letter: " в " }).letter).toBe("В");
    expect(ZCreateClassInput.parse({ ...base, letter: "ёж" }).letter).toBe("ЁЖ");
  });

  it("refuses Latin, digits and long letters", () => {
    for (const letter of ["B", "1", "АБВ", ""]) {
      expect(issuesOf(ZCreateClassInput.safeParse({ ...base, letter }))).toEqual({ letter: "Литера класса: одна-две заглавные русские буквы" });
    }
  });

  it("bounds grade and academic year", () => {
    expect(issuesOf(ZCreateClassInput.safeParse({ ...base, letter: "А", grade: 13, academicYear: 1999 }))).toEqual({
      grade: "Класс от 0 до 12",
      academicYear: "Учебный год от 2000 до 2100",
    });
    expect(ZCreateClassInput.safeParse({ ...base, letter: "А", grade: 0, academicYear: 2100 }).success).toBe(true);
  });
});

describe("gradeMismatch", () => {
  it("holds school levels to their grades and leaves others free", () => {
    expect(gradeMismatch("PRIMARY", 1)).toBeNull();
    expect(gradeMismatch("PRIMARY", 5)).toBe("Для программы этого уровня класс от 1 до 4");
    expect(gradeMismatch("BASIC", 9)).toBeNull();
    expect(gradeMismatch("BASIC", 4)).toBe("Для программы этого уровня класс от 5 до 9");
    expect(gradeMismatch("SECONDARY", 12)).toBe("Для программы этого уровня класс от 10 до 11");
    expect(gradeMismatch("ADDITIONAL", 0)).toBeNull();
    expect(gradeMismatch("PRESCHOOL", 0)).toBeNull();
  });
});

describe("currentAcademicYear", () => {
  it("turns over on 1 September", () => {
    expect(currentAcademicYear(new Date("2026-08-31T12:00:00+03:00"))).toBe(2025);
    expect(currentAcademicYear(new Date("2026-09-01T12:00:00+03:00"))).toBe(2026);
    expect(currentAcademicYear(new Date("2027-01-15T12:00:00+03:00"))).toBe(2026);
  });

  it("takes the calendar date in the region's time zone", () => {
    // 00:30 on 1 September in Moscow is still 31 August in UTC.
    expect(currentAcademicYear(new Date("2026-08-31T21:30:00Z"))).toBe(2026);
    expect(currentAcademicYear(new Date("2026-08-31T21:30:00Z"), "UTC")).toBe(2025);
  });

  it("labels a year as 2026/27", () => {
    expect(academicYearLabel(2026)).toBe("2026/27");
    expect(academicYearLabel(2099)).toBe("2099/00");
  });
});
