// The ГИА import end to end through its route handler (a real NextRequest with
// a session cookie, the door, the service, the database): good files in the
// three formats, broken rows with their reasons, duplicates, idempotent
// re-import, an appeal, all-or-nothing, the audit row, access per role.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { GiaImportResult } from "@/lib/schemas/gia-import";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleGiaImport, handleGiaTemplate } from "../../http/gia-import-files";
import { callerAs } from "../../testing/callers";
import { learnerInput, uniqueSnils } from "../../testing/learner-fixtures";
import { sessionToken } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { readRows } from "../learners/import/read-file";

const BASE = "http://localhost:3000/api/ministry/gia-import";
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");

const HEADER = ["Вид экзамена", "Год", "СНИЛС", "Фамилия", "Код предмета", "Первичный балл", "Тестовый балл", "Отметка", "Класс"];
const YEAR = String(new Date().getUTCFullYear() - 1);
type Row = string[];
const ege = (snils: string, last: string, code: string, test: string, primary = "20"): Row => ["ЕГЭ", YEAR, snils, last, code, primary, test, "", "11А"];
const oge = (snils: string, last: string, code: string, mark: string, primary = "25"): Row => ["ОГЭ", YEAR, snils, last, code, primary, "", mark, "9Б"];

const csv = (rows: Row[], delimiter = ";") => [HEADER, ...rows].map((r) => r.join(delimiter)).join("\r\n") + "\r\n";
const utf8 = (rows: Row[], bom = false) => new Uint8Array(Buffer.from((bom ? "\ufeff" : "") + csv(rows), "utf8"));
const cp1251 = (rows: Row[]) => new Uint8Array(iconv.encode(csv(rows, ","), "win1251"));
async function xlsx(rows: Row[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Лист1");
  sheet.addRow(HEADER);
  // Numbers as numbers, as an exam centre's export writes them; SNILS as text.
  for (const r of rows) sheet.addRow(r.map((v, i) => (i !== 2 && /^\d+$/.test(v) ? Number(v) : v)));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describeDb("ГИА import (route handler)", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const snils = { ivanov: uniqueSnils(), smirnova: uniqueSnils(), kuznetsov: uniqueSnils(), unknown: uniqueSnils() };
  const ids = { ivanov: "", smirnova: "", kuznetsov: "" };

  const upload = async (login: string, bytes: Uint8Array, name: string, mode = "commit") => {
    const form = new FormData();
    form.set("file", new File([bytes as BlobPart], name));
    form.set("mode", mode);
    const cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
    return handleGiaImport(new NextRequest(BASE, { method: "POST", body: form, headers: { origin: "http://localhost:3000", cookie } }), db.prisma);
  };
  const run = async (bytes: Uint8Array, name: string, mode = "commit", login = "edu.officer") => {
    const res = await upload(login, bytes, name, mode);
    expect(res.status).toBe(200);
    return (await res.json()) as GiaImportResult;
  };
  const results = () => db.prisma.examResult.findMany({ where: { giaSubjectCode: { not: null } }, orderBy: [{ learnerId: "asc" }, { giaSubjectCode: "asc" }] });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const { regionId, municipalityIds } = db.seeded;
    await db.prisma.user.create({
      data: { login: "edu.zarechny", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: municipalityIds.zarechny, regionId, passwordHash: await hashPassword("Zarechny-password-1") },
    });
    const school1 = await callerAs(db.prisma, "school.registrar");
    const school4 = await callerAs(db.prisma, "school2.admin");
    ids.ivanov = (await school1.learners.create(learnerInput({ learner: { lastName: "Иванов", snils: snils.ivanov } }))).id;
    ids.smirnova = (await school1.learners.create(learnerInput({ learner: { lastName: "Смирнова", firstName: "Анна", middleName: "Сергеевна", sex: "FEMALE", snils: snils.smirnova } }))).id;
    ids.kuznetsov = (await school4.learners.create(learnerInput({ learner: { lastName: "Кузнецов", snils: snils.kuznetsov } }))).id;
  });
  afterAll(() => db?.close());

  it("a dry run of a UTF-8 CSV lists what each row would do and writes nothing but its audit row", async () => {
    const file = utf8([ege(snils.ivanov, "Иванов", "1", "81"), oge(snils.smirnova, "СМИРНОВА", "2", "5")], true);
    const dry = await run(file, "ЕГЭ.csv", "dry-run");
    expect(dry).toMatchObject({ committed: false, rows: 2, added: 2, updated: 0, unchanged: 0, errorCount: 0, ignoredColumns: ["Класс"] });
    expect(dry.items.map((i) => [i.row, i.status, i.learner?.name, i.learner?.organisation])).toEqual([
      [2, "add", "Иванов Пётр Сергеевич", "МБОУ СОШ № 1"],
      [3, "add", "Смирнова Анна Сергеевна", "МБОУ СОШ № 1"],
    ]);
    expect(await results()).toHaveLength(0);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "gia.import" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ mode: "dry-run", added: 2, committed: false });
    const links = await db.prisma.auditEventLearner.findMany({ where: { eventId: audit.id } });
    expect(links.map((l) => l.learnerId).sort()).toEqual([ids.ivanov, ids.smirnova].sort());
  });

  it("commits a UTF-8 CSV: subject from the vocabulary, the holding school, the code; one audit row with the learners", async () => {
    const before = await db.prisma.auditEvent.count({ where: { action: "gia.import" } });
    const done = await run(utf8([ege(snils.ivanov, "Иванов", "1", "81"), oge(snils.smirnova, "Смирнова", "2", "5")]), "ЕГЭ.csv");
    expect(done).toMatchObject({ committed: true, added: 2, errorCount: 0 });
    const rows = await results();
    const math = await db.prisma.giaSubject.findUniqueOrThrow({ where: { code: 2 }, select: { subjectId: true, name: true } });
    expect(rows.find((r) => r.learnerId === ids.smirnova)).toMatchObject({
      kind: "OGE", year: Number(YEAR), giaSubjectCode: 2, subjectId: math.subjectId, subject: math.name, primaryScore: 25, mark: 5, testScore: null,
      organisationId: db.seeded.organisationIds.school1,
    });
    expect(rows.find((r) => r.learnerId === ids.ivanov)).toMatchObject({ kind: "EGE", giaSubjectCode: 1, testScore: 81, mark: null });
    expect(await db.prisma.auditEvent.count({ where: { action: "gia.import" } })).toBe(before + 1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "gia.import" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorLogin: "edu.officer", outcome: "SUCCESS", details: { mode: "commit", added: 2, committed: true } });
  });

  it("re-importing the same results as Windows-1251 CSV and as XLSX changes nothing", async () => {
    const rows = [ege(snils.ivanov, "Иванов", "1", "81"), oge(snils.smirnova, "Смирнова", "2", "5")];
    const stored = await results();
    for (const [bytes, name] of [[cp1251(rows), "rcoi.csv"], [await xlsx(rows), "rcoi.xlsx"]] as const) {
      const again = await run(bytes, name);
      expect(again).toMatchObject({ committed: true, added: 0, updated: 0, unchanged: 2, errorCount: 0 });
    }
    expect(await results()).toEqual(stored);
  });

  it("adds new results from a Windows-1251 CSV and an XLSX", async () => {
    expect(await run(cp1251([ege(snils.ivanov, "Иванов", "22", "", "15").map((v, i) => (i === 7 ? "4" : v))]), "base.csv")).toMatchObject({ committed: true, added: 1 });
    expect(await run(await xlsx([oge(snils.smirnova, "Смирнова", "1", "4")]), "oge.xlsx")).toMatchObject({ committed: true, added: 1 });
    const base = await db.prisma.examResult.findFirstOrThrow({ where: { learnerId: ids.ivanov, giaSubjectCode: 22 } });
    expect(base).toMatchObject({ kind: "EGE", mark: 4, testScore: null, primaryScore: 15 });
    expect(await db.prisma.examResult.findFirstOrThrow({ where: { learnerId: ids.smirnova, giaSubjectCode: 1 } })).toMatchObject({ kind: "OGE", mark: 4, primaryScore: 25 });
  });

  it("an appeal: a changed score replaces the stored result of the same learner, exam, year and code", async () => {
    const before = await db.prisma.examResult.findFirstOrThrow({ where: { learnerId: ids.ivanov, giaSubjectCode: 1 } });
    const dry = await run(utf8([ege(snils.ivanov, "Иванов", "1", "84", "22")]), "appeal.csv", "dry-run");
    expect(dry.items[0]).toMatchObject({ status: "update", previous: { testScore: 81, primaryScore: 20 }, scores: { testScore: 84, primaryScore: 22 } });
    expect(await run(utf8([ege(snils.ivanov, "Иванов", "1", "84", "22")]), "appeal.csv")).toMatchObject({ committed: true, updated: 1, added: 0 });
    const after = await db.prisma.examResult.findMany({ where: { learnerId: ids.ivanov, giaSubjectCode: 1 } });
    expect(after).toEqual([{ ...before, testScore: 84, primaryScore: 22 }]);
  });

  it("refuses broken rows with row, column and a Russian reason, and one bad row writes nothing at all", async () => {
    const count = await db.prisma.examResult.count();
    const dry = await run(
      utf8([
        ege(snils.smirnova, "Смирнова", "6", "70"), // good: would be added
        ege(snils.ivanov, "Иванов", "77", "70"), // unknown subject code
        oge(snils.smirnova, "Смирнова", "3", "6"), // mark out of range
        ege(snils.ivanov, "Иванов", "3", "101"), // test score out of range
        ege(snils.unknown, "Петров", "3", "60"), // nobody with this SNILS
        ege(snils.ivanov, "Петров", "4", "60"), // last name does not match
        oge(snils.smirnova, "Смирнова", "5", ""), // ОГЭ without a mark
        ["ЕГЭ", YEAR, "", "Иванов", "3", "", "50", "", ""], // no SNILS
      ]),
      "broken.csv",
      "commit",
    );
    expect(dry).toMatchObject({ committed: false, added: 1, errorCount: 7, unmatched: 1 });
    const byRow = new Map(dry.items.map((i) => [i.row, i]));
    expect(byRow.get(2)?.status).toBe("add");
    expect(byRow.get(3)).toMatchObject({ status: "error", column: "Код предмета", message: expect.stringMatching(/Неизвестный код предмета ФЦТ «77»/) });
    expect(byRow.get(4)).toMatchObject({ status: "error", column: "Отметка", message: expect.stringMatching(/от 2 до 5/) });
    expect(byRow.get(5)).toMatchObject({ status: "error", column: "Тестовый балл", message: expect.stringMatching(/от 0 до 100.*«101»/) });
    expect(byRow.get(6)).toMatchObject({ status: "unmatched", column: "СНИЛС", message: expect.stringMatching(/не найден/) });
    expect(byRow.get(7)).toMatchObject({ status: "error", column: "Фамилия", message: expect.stringMatching(/Фамилия не совпадает/) });
    expect(byRow.get(8)).toMatchObject({ status: "error", column: "Отметка", message: expect.stringMatching(/нужна отметка/) });
    expect(byRow.get(9)).toMatchObject({ status: "error", column: "СНИЛС" });
    expect(await db.prisma.examResult.count()).toBe(count);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "gia.import" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "FAILURE", details: { mode: "commit", committed: false, errors: 7 } });
  });

  it("duplicate rows: the same result twice is a repeat, a different one refuses the later row", async () => {
    const same = await run(utf8([ege(snils.smirnova, "Смирнова", "8", "65"), ege(snils.smirnova, "Смирнова", "8", "65")]), "dup.csv", "dry-run");
    expect(same).toMatchObject({ added: 1, unchanged: 1, errorCount: 0 });
    expect(same.items[1]).toMatchObject({ row: 3, status: "unchanged", message: "Повторяет строку 2" });
    const clash = await run(utf8([ege(snils.smirnova, "Смирнова", "8", "65"), ege(snils.smirnova, "Смирнова", "8", "66")]), "dup.csv");
    expect(clash).toMatchObject({ committed: false, errorCount: 1 });
    expect(clash.items[1]).toMatchObject({ row: 3, status: "error", message: expect.stringMatching(/в строке 2 указан другой результат/) });
    expect(await db.prisma.examResult.count({ where: { learnerId: ids.smirnova, giaSubjectCode: 8 } })).toBe(0);
  });

  it("takes over a result a school typed in by hand instead of doubling it", async () => {
    const physics = await db.prisma.giaSubject.findUniqueOrThrow({ where: { code: 3 }, select: { subjectId: true } });
    const school = await callerAs(db.prisma, "school.registrar");
    await school.learners.portfolio.addExam({ learnerId: ids.ivanov, kind: "EGE", subjectId: physics.subjectId, year: Number(YEAR), testScore: 55 });
    const done = await run(utf8([ege(snils.ivanov, "Иванов", "3", "57")]), "phys.csv");
    expect(done).toMatchObject({ committed: true, updated: 1, added: 0 });
    const rows = await db.prisma.examResult.findMany({ where: { learnerId: ids.ivanov, subjectId: physics.subjectId, year: Number(YEAR) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ giaSubjectCode: 3, testScore: 57 });
  });

  it("a municipal officer reaches only learners held in its municipality; others read as unknown", async () => {
    const file = utf8([ege(snils.smirnova, "Смирнова", "7", "70"), ege(snils.kuznetsov, "Кузнецов", "7", "70")]);
    const dry = await run(file, "mun.csv", "dry-run", "edu.zarechny");
    expect(dry.items.map((i) => i.status)).toEqual(["add", "unmatched"]);
    const unknown = await run(utf8([ege(snils.unknown, "Кузнецов", "7", "70")]), "u.csv", "dry-run", "edu.zarechny");
    expect(dry.items[1]!.message).toBe(unknown.items[0]!.message);
    expect(dry.items[1]!.learner).toBeUndefined();
    // The region's officer reaches both.
    expect((await run(file, "mun.csv", "dry-run")).items.map((i) => i.status)).toEqual(["add", "add"]);
  });

  it("refuses other roles (403), a wrong header (400), and serves the template that reads back with the columns", async () => {
    const file = utf8([ege(snils.ivanov, "Иванов", "1", "81")]);
    for (const login of ["school.admin", "school.registrar", "health.officer", "auditor"]) expect((await upload(login, file, "a.csv")).status).toBe(403);
    const bad = await upload("edu.officer", new Uint8Array(Buffer.from("Фамилия;Балл\r\nИванов;5\r\n")), "a.csv");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/нет обязательных столбцов: «Вид экзамена», «Год»/);
    const cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, "edu.officer")}`;
    const template = await handleGiaTemplate(new NextRequest(`${BASE}/template`, { headers: { cookie } }), db.prisma);
    expect(template.headers.get("content-type")).toMatch(/spreadsheetml/);
    const sheet = await readRows(new Uint8Array(await template.arrayBuffer()), "t.xlsx");
    expect(sheet.header.slice(0, 5)).toEqual(["Вид экзамена", "Год", "СНИЛС", "Тип документа", "Серия документа"]);
    const schoolCookie = `${sessionCookieName()}=${await sessionToken(db.prisma, "school.admin")}`;
    expect((await handleGiaTemplate(new NextRequest(`${BASE}/template`, { headers: { cookie: schoolCookie } }), db.prisma)).status).toBe(403);
  });
});
