// Hostile workbooks: each is refused with a 4xx status and a Russian message,
// in bounded time and memory, without inflating more than its limits allow.
// The bounds are generous (a busy 2-core machine is slow, not unbounded): a
// 300 MB cell used to cost the server about 0.9 GB, a million rows 12–30 s.
import { describe, expect, it } from "vitest";
import { cellBomb, deflated, manyRows, sharedStringBomb, zip } from "../../../testing/hostile-xlsx";
import { learnersCsv } from "../../../testing/import-fixtures";
import { ImportFileError, readRows } from "./read-file";
import { XLSX_LIMITS } from "./xlsx-zip";

const MB = 1024 * 1024;
const TIME_MS = 10_000;
const GROWTH_BYTES = 300 * MB;

/** Reads the file, expecting a refusal; reports it with the time and memory growth it cost. */
async function refusal(file: Buffer, name = "bomb.xlsx") {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const error = await readRows(new Uint8Array(file), name).then(
    () => null,
    (e: unknown) => (e instanceof ImportFileError ? e : Promise.reject(e)),
  );
  const ms = performance.now() - started;
  const growth = process.memoryUsage().rss - rss;
  expect(error, "the file must be refused").not.toBeNull();
  return { status: error!.status, message: error!.message, ms, growth };
}

describe("XLSX limits", { timeout: 60_000 }, () => {
  it("refuses a part that declares more than the budget, before inflating it", async () => {
    const file = cellBomb(300);
    expect(file.length).toBeLessThan(MB); // 300 MB of one cell in well under a megabyte
    const r = await refusal(file);
    expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/^Файл слишком большой после распаковки: (книга|лист) занимает 3\d\d МБ, допускается не больше/) });
    expect(r.ms).toBeLessThan(TIME_MS);
    expect(r.growth).toBeLessThan(GROWTH_BYTES);
  });

  it("stops inflating a part whose header claims less than it holds", async () => {
    const r = await refusal(cellBomb(300, 4096));
    expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/^Файл слишком большой после распаковки: лист распаковывается в больший объём, чем указано/) });
    expect(r.ms).toBeLessThan(TIME_MS);
    expect(r.growth).toBeLessThan(GROWTH_BYTES);
  });

  it("names a cell longer than 10,000 characters without holding it, even under a plausible header", async () => {
    // Declared 100 MB (within the sheet's limit), holds 300 MB: the cell limit comes first.
    const r = await refusal(cellBomb(300, 100 * MB));
    expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/^В ячейке A2 \(строка 2\) больше 10\s000 символов/) });
    expect(r.ms).toBeLessThan(TIME_MS);
    expect(r.growth).toBeLessThan(GROWTH_BYTES);
  });

  it("keeps an over-long shared string as a marker and names the cell that uses it", async () => {
    const file = sharedStringBomb(30); // honestly declared, within the table's limit
    expect(file.length).toBeLessThan(MB);
    const r = await refusal(file);
    expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/^В ячейке B2 \(строка 2\) больше 10\s000 символов/) });
    expect(r.ms).toBeLessThan(TIME_MS);
    expect(r.growth).toBeLessThan(GROWTH_BYTES);
    const huge = await refusal(sharedStringBomb(XLSX_LIMITS.sharedStringsBytes / MB + 1));
    expect(huge).toMatchObject({ status: 413, message: expect.stringMatching(/таблица строк книги занимает \d+ МБ, допускается не больше 32 МБ/) });
  });

  it("stops reading a million short rows at the row limit", async () => {
    const file = manyRows(1_000_000);
    expect(file.length).toBeLessThan(12 * MB);
    const r = await refusal(file);
    expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/^В файле больше 100\s000 строк: разделите его на части$/) });
    expect(r.ms).toBeLessThan(TIME_MS);
    expect(r.growth).toBeLessThan(GROWTH_BYTES);
  });

  it("refuses a too-long CSV cell with its row and column", async () => {
    const csv = learnersCsv(3).replace("Иванов", "Я".repeat(10_001));
    const r = await refusal(Buffer.from(csv, "utf8"), "long.csv");
    expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/^В ячейке A2 \(строка 2\) больше 10\s000 символов/) });
  });

  it("refuses archives that are not books, and a sheet that is not XML, as damaged", async () => {
    const notXml = zip([
      deflated('<workbook><sheets><sheet r:id="rId1"/></sheets></workbook>').part("xl/workbook.xml"),
      deflated('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>').part("xl/_rels/workbook.xml.rels"),
      deflated("<worksheet><sheetData><row r=1></worksheet>").part("xl/worksheets/sheet1.xml"),
    ]);
    expect(await refusal(notXml)).toMatchObject({ status: 400, message: expect.stringMatching(/файл повреждён/) });
    const noBook = zip([deflated("hello").part("readme.txt")]);
    expect(await refusal(noBook)).toMatchObject({ status: 400, message: expect.stringMatching(/файл повреждён/) });
  });
});
