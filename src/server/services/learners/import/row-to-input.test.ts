import { describe, expect, it } from "vitest";
import { HEADERS, learnerRow } from "../../../testing/import-fixtures";
import { mapHeader } from "./columns";
import { isoDay, rowToInput } from "./row-to-input";

const columns = mapHeader(HEADERS);
const parse = (overrides: Record<string, string>) => rowToInput(learnerRow(0, overrides), columns, 7);

describe("rowToInput", () => {
  it("turns a template row into the form's input", () => {
    const { input, issues } = parse({ "Уровень": "", "Класс": "3", "Пол (М/Ж)": "ж", "Гражданство": "Россия" });
    expect(issues).toEqual([]);
    expect(input).toMatchObject({
      learner: { lastName: "Иванов", sex: "FEMALE", citizenship: "643", docType: "BIRTH_CERTIFICATE_RF", docSeries: "IV-АК" },
      enrolment: { level: "PRIMARY", grade: 3, classLetter: "А", enrolledAt: "2024-09-01" },
      representatives: [{ relation: "MOTHER", citizenship: "643", isPrimaryContact: true }],
      consent: { givenAt: "2024-09-01" },
    });
  });

  it("reports each bad cell once, by row and column, in Russian", () => {
    const { input, issues } = parse({
      "Пол (М/Ж)": "X",
      "СНИЛС": "112-233-445 96",
      "Дата рождения (ДД.ММ.ГГГГ)": "31.02.2015",
      "Уровень": "ООО",
      "Класс": "3",
      "Представитель: Кем приходится": "сосед",
      "Представитель: Email": "not-an-email",
    });
    expect(input).toBeNull();
    const byColumn = Object.fromEntries(issues.map((i) => [i.column, i.message]));
    expect(issues.every((i) => i.row === 7)).toBe(true);
    expect(byColumn["Пол (М/Ж)"]).toMatch(/Неизвестное значение «X»/);
    expect(byColumn["СНИЛС"]).toBe("Неверная контрольная сумма СНИЛС");
    expect(byColumn["Дата рождения (ДД.ММ.ГГГГ)"]).toBe("Такой даты нет");
    expect(byColumn["Класс"]).toBe("Для этого уровня класс от 5 до 9");
    expect(byColumn["Представитель: Кем приходится"]).toMatch(/«сосед»/);
    expect(byColumn["Представитель: Email"]).toBe("Неверный адрес электронной почты");
    expect(new Set(issues.map((i) => i.column)).size).toBe(issues.length);
  });

  it("treats blank representative columns as no representative", () => {
    const blank = Object.fromEntries(HEADERS.filter((h) => h.startsWith("Представитель")).map((h) => [h, ""]));
    expect(parse(blank).input?.representatives).toEqual([]);
    const consentOnly = parse({ ...blank, "Представитель: Согласие дано (ДД.ММ.ГГГГ)": "01.09.2024" });
    expect(consentOnly.issues[0]).toMatchObject({ column: "Представитель: Согласие дано (ДД.ММ.ГГГГ)", message: expect.stringMatching(/представител/) });
  });

  it("reads dates as ДД.ММ.ГГГГ, ISO or date cells", () => {
    expect(isoDay("1.9.2024")).toBe("2024-09-01");
    expect(isoDay("2024-09-01")).toBe("2024-09-01");
    expect(isoDay(new Date(Date.UTC(2024, 8, 1)))).toBe("2024-09-01");
    expect(isoDay("сентябрь")).toBe("сентябрь");
    expect(isoDay("")).toBeUndefined();
  });
});
