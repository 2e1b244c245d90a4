import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { HEADERS, learnerRow, learnersCsv, toCsv } from "../../../testing/import-fixtures";
import { mapHeader } from "./columns";
import type { NextConfig } from "next";
// @ts-expect-error next.config.js is plain JavaScript (type-checked there by // @ts-check)
import nextConfigJs from "../../../../../next.config.js";
import { decodeCsv, detectDelimiter, ImportFileError, MAX_FILE_BYTES, MAX_UPLOAD_BODY_BYTES, readRows } from "./read-file";
import { templateCsv, templateXlsx, writeLearnersXlsx } from "./workbook";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const fileError = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof ImportFileError ? e : Promise.reject(e)));

describe("decodeCsv", () => {
  it("reads UTF-8 with and without a BOM, and Windows-1251", () => {
    expect(decodeCsv(utf8("Фамилия;Имя"))).toBe("Фамилия;Имя");
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Фамилия")]))).toBe("Фамилия");
    expect(decodeCsv(new Uint8Array(iconv.encode("Фамилия;Имя;Ёлкин", "win1251")))).toBe("Фамилия;Имя;Ёлкин");
  });

  it("refuses UTF-16 and binary content", () => {
    expect(() => decodeCsv(new Uint8Array([0xff, 0xfe, 0x24, 0x04]))).toThrow(/UTF-16/);
    expect(() => decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow(/как текст CSV/);
  });
});

describe("readRows", () => {
  it("detects ; and , delimiters and keeps spreadsheet row numbers", async () => {
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectDelimiter("a;b;c\n")).toBe(";");
    for (const delimiter of [";", ","]) {
      const csv = toCsv([HEADERS, learnerRow(0), HEADERS.map(() => ""), learnerRow(1)], delimiter);
      const sheet = await readRows(utf8(csv), "class.CSV");
      expect(sheet.header).toEqual(HEADERS);
      expect(sheet.rows.map((r) => r.row)).toEqual([2, 4]);
      expect(sheet.rows[0]!.cells).toEqual(learnerRow(0));
    }
  });

  it("reads a cp1251 CSV like its UTF-8 twin", async () => {
    const csv = learnersCsv(3);
    const a = await readRows(new Uint8Array(iconv.encode(csv, "win1251")), "a.csv");
    const b = await readRows(utf8(`\ufeff${csv}`), "b.csv");
    expect(a).toEqual(b);
    mapHeader(a.header);
  });

  it("round-trips XLSX, dates as date cells", async () => {
    const file = await writeLearnersXlsx([{ "learner.lastName": "Иванов", "learner.birthDate": new Date(Date.UTC(2016, 2, 15)), "learner.snils": "112-233-445 95", "enrolment.grade": 3 }]);
    const sheet = await readRows(new Uint8Array(file), "export.xlsx");
    expect(sheet.header).toEqual(HEADERS);
    const cells = sheet.rows[0]!.cells;
    expect(cells[HEADERS.indexOf("Фамилия")]).toBe("Иванов");
    expect(cells[HEADERS.indexOf("Дата рождения (ДД.ММ.ГГГГ)")]).toEqual(new Date(Date.UTC(2016, 2, 15)));
    expect(cells[HEADERS.indexOf("Класс")]).toBe("3");
  });

  it("serves templates that pass the header check", async () => {
    mapHeader((await readRows(new Uint8Array(await templateXlsx()), "t.xlsx")).header);
    const csv = await readRows(new Uint8Array(templateCsv()), "t.csv");
    mapHeader(csv.header);
    expect(csv.rows).toHaveLength(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await templateXlsx()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Обучающиеся", "Справка"]);
  });

  it("refuses wrong formats, oversized and empty files with a status and a Russian message", async () => {
    expect(await fileError(readRows(utf8("x"), "list.xls"))).toMatchObject({ status: 415, message: expect.stringMatching(/XLS не поддерживается/) });
    expect(await fileError(readRows(utf8("x"), "list.pdf"))).toMatchObject({ status: 415 });
    expect(await fileError(readRows(utf8(learnersCsv(1)), "renamed.xlsx"))).toMatchObject({ status: 415, message: expect.stringMatching(/не является книгой XLSX/) });
    expect(await fileError(readRows(new Uint8Array([0x50, 0x4b, 1, 2, 3]), "broken.xlsx"))).toMatchObject({ status: 400, message: expect.stringMatching(/повреждён/) });
    expect(await fileError(readRows(new Uint8Array(MAX_FILE_BYTES + 1), "big.csv"))).toMatchObject({ status: 413 });
    expect(await fileError(readRows(utf8(toCsv([HEADERS])), "empty.csv"))).toMatchObject({ status: 400, message: "В файле нет строк с данными" });
  });
});

describe("mapHeader", () => {
  it("ignores case, ё and hints, and names every missing or unknown column", () => {
    const map = mapHeader(HEADERS.map((h) => h.toUpperCase().replace(/\s*\(.*\)/, "")));
    expect(map.get("learner.birthDate")).toBe(3);
    const withoutSnils = HEADERS.filter((h) => h !== "СНИЛС" && h !== "Класс").concat("Примечание");
    expect(() => mapHeader(withoutSnils)).toThrow(/нет обязательных столбцов: «СНИЛС», «Класс»; неизвестный столбец «Примечание»/);
    expect(() => mapHeader([...HEADERS, "фамилия"])).toThrow(/«Фамилия» повторяется/);
  });
});

describe("upload size", () => {
  // Next cuts a body at the proxy's limit before the route sees it; a file the
  // route accepts must arrive whole (a 100,000-row CSV is about 13 MB).
  it("next.config.js lets through every body the import route accepts", () => {
    expect((nextConfigJs as NextConfig).experimental?.proxyClientMaxBodySize).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(MAX_UPLOAD_BODY_BYTES).toBeGreaterThan(MAX_FILE_BYTES);
  });
});
