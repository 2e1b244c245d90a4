// The dry run and the commit check the same things in every row, so a file the
// dry run accepts never fails the commit with an internal error. (The route
// answers an ImportFileError with its status and message; the hostile
// workbooks themselves are in read-xlsx-limits.test.ts.)
import iconv from "iconv-lite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadActor, type Actor } from "../../../auth/actor";
import { HEADERS, learnersCsv } from "../../../testing/import-fixtures";
import { signedInClaims } from "../../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../../testing/test-db";
import { importLearners } from "./import-learners";
import { ImportFileError, readRows } from "./read-file";

describeDb("import checks shared by the dry run and the commit", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let registrar: Actor;
  const run = async (bytes: Uint8Array, commit: boolean) =>
    importLearners(db.prisma, registrar, await readRows(bytes, "class.csv"), { commit, fileName: "class.csv", ip: null });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    registrar = (await loadActor(db.prisma, await signedInClaims(db.prisma, "school.registrar")))!;
  });
  afterAll(() => db?.close());

  it("reports a NUL past the first 64 KiB of a CSV on its row and column, in the dry run and the commit alike", async () => {
    const lines = learnersCsv(600).split("\r\n");
    const at = 500; // data row 500 is spreadsheet row 501, far past 64 KiB
    expect(Buffer.byteLength(lines.slice(0, at).join("\r\n"))).toBeGreaterThan(65_536);
    // A free-text column: no pattern of the form's schema catches a NUL there, the database would.
    expect(HEADERS).toContain("Адрес регистрации");
    lines[at] = lines[at]!.replace(";г. Заречный", ";г. \u0000Заречный");
    const file = new Uint8Array(Buffer.from(lines.join("\r\n"), "utf8"));
    const issue = { row: 501, column: "Адрес регистрации", message: expect.stringMatching(/^Недопустимый управляющий символ \(U\+0000\) в 4-й позиции/) };

    const before = await db.prisma.learner.count();
    expect(await run(file, false)).toMatchObject({ committed: false, rows: 600, errorCount: 1, errors: [issue] });
    expect(await run(file, true)).toMatchObject({ committed: false, rows: 600, errorCount: 1, errors: [issue] });
    expect(await db.prisma.learner.count()).toBe(before);
  });

  it("reports a byte that is no character in a Windows-1251 row, and still refuses a binary header line as a whole file", async () => {
    const csv = learnersCsv(3);
    const at = csv.indexOf("Смирнов") + 4; // row 3: the second learner
    const bytes = Buffer.concat([iconv.encode(csv.slice(0, at), "win1251"), Buffer.from([0x98]), iconv.encode(csv.slice(at), "win1251")]);
    const result = await run(new Uint8Array(bytes), false);
    expect(result.errors).toEqual([{ row: 3, column: "Фамилия", message: expect.stringMatching(/^Символ в 5-й позиции не удалось прочитать/) }]);
    const binary = await readRows(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0x41]), "list.csv").catch((e: unknown) => e);
    expect(binary).toBeInstanceOf(ImportFileError);
    expect(binary).toMatchObject({ status: 400, message: expect.stringMatching(/как текст CSV/) });
  });
});
