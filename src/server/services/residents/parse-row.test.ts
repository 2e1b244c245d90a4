// The pure half of the resident children's import: a row's cells, the age
// bound, and duplicates within one file.
import { describe, expect, it } from "vitest";
import { mapResidentHeader } from "./columns";
import { parseResidentRow, residentSearchName, yearsBefore } from "./parse-row";
import { duplicateOf, type KeyedRow } from "./plan";

const columns = mapResidentHeader(["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "СНИЛС", "Адрес", "Квартира"]);
const TODAY = "2026-12-07";

describe("resident row", () => {
  it("reads a good row: names, ДД.ММ.ГГГГ, sex, SNILS digits, the search key", () => {
    const parsed = parseResidentRow(["Ёлкина", "Алёна", "", "08.12.2008", "Ж", "112-233-445 95", "г. Заречный, ул. Школьная, д. 1", "3"], columns, 2, TODAY);
    expect(parsed).toEqual({
      value: { row: 2, lastName: "Ёлкина", firstName: "Алёна", middleName: null, searchName: "елкина алена", birthDate: "2008-12-08", sex: "FEMALE", snils: "11223344595", address: "г. Заречный, ул. Школьная, д. 1", flat: "3" },
    });
  });

  it("refuses 18 years and over, a future date, a missing name, a bad sex", () => {
    const issues = (cells: string[]) => ("issues" in parseResidentRow(cells, columns, 5, TODAY) ? (parseResidentRow(cells, columns, 5, TODAY) as { issues: { column: string; message: string }[] }).issues : []);
    // 17 years and 364 days: a child; 18 years today: not any more.
    expect(issues(["А", "Б", "", "08.12.2008", "", "", "адрес", ""])).toEqual([]);
    expect(issues(["А", "Б", "", "07.12.2008", "", "", "адрес", ""]).map((i) => i.column)).toEqual(["Дата рождения"]);
    expect(issues(["А", "Б", "", "08.12.2026", "", "", "адрес", ""])[0]?.message).toBe("Дата рождения не может быть в будущем");
    expect(issues(["", "Б", "", "01.01.2020", "x", "", "", ""]).map((i) => i.column)).toEqual(["Фамилия", "Пол", "Адрес"]);
  });

  it("counts years back with 29 February", () => {
    expect(yearsBefore("2028-02-29", 18)).toBe("2010-02-28");
    expect(yearsBefore("2026-12-07", 18)).toBe("2008-12-07");
    expect(residentSearchName("Иванов", "Пётр", null)).toBe("иванов петр");
  });
});

describe("duplicates in one file", () => {
  const row = (row: number, searchName: string, snilsIndex: string | null): KeyedRow =>
    ({ row, searchName, birthDate: "2020-01-01", snilsIndex }) as KeyedRow;
  it("the same SNILS, or the same name and birth date where one has no SNILS; different SNILS are two children", () => {
    expect([...duplicateOf([row(2, "a", "s1"), row(3, "b", "s1"), row(4, "a", null), row(5, "c", "s2"), row(6, "c", "s3")])]).toEqual([
      [3, 2],
      [4, 2],
    ]);
  });
});
