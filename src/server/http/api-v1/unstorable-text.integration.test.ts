// Text PostgreSQL cannot store (a NUL character, a lone UTF-16 surrogate) sent
// to /api/v1 in a JSON body or a query string: refused before any schema or
// query as VALIDATION_FAILED on its field, with the message tRPC gives, and
// audited like any other refused call. Before the guard a NUL in a grade's
// subject reached PostgreSQL and the call ended as INTERNAL_ERROR, and a lone
// surrogate in a record id was accepted and stored as U+FFFD — not the id sent.
import { afterAll, beforeAll, expect, it } from "vitest";
import { API_YEAR, classAt, enrolLearner } from "../../testing/api-fixtures";
import { callApi, registerTestClient } from "../../testing/api-clients";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { getFederalChanges, getJournalClasses, postJournalGrades } from "./endpoints";

const MESSAGE = "Недопустимый символ в тексте: удалите невидимые символы";

describeDb("API refuses unstorable text", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let journal: { id: string; token: string };
  let federal: { id: string; token: string };
  let pupil: { id: string };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    await classAt(db.prisma, "school.admin");
    pupil = await enrolLearner(db.prisma, "school.registrar", "А", "Алексеев");
    journal = await registerTestClient(db.prisma, { kind: "E_JOURNAL", organisationId: db.seeded.organisationIds.school1! });
    federal = await registerTestClient(db.prisma, { kind: "FEDERAL_SEGMENT" });
  });
  afterAll(() => db?.close());

  const row = (over: Record<string, unknown> = {}) => ({ journalRecordId: "u-1", learnerId: pupil.id, academicYear: API_YEAR, subject: "Математика", period: "1 четверть", mark: 4, ...over });
  // callApi sends JSON.stringify(body): a lone surrogate travels as the escape "\ud800", NUL as "\u0000".
  const grades = (rows: unknown[]) => callApi(db.prisma, postJournalGrades, { method: "post", path: "/ejournal/grades", token: journal.token, body: { grades: rows } });
  const lastGradeAudit = () => db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api.ejournal.grades.push" }, orderBy: { id: "desc" } });

  it("a NUL character in a grade's subject is refused on its field and audited", async () => {
    const res = await grades([row(), row({ journalRecordId: "u-2", subject: "Физика\u0000" })]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "grades.1.subject", message: MESSAGE }] } });
    // Refused whole: the good row beside it was not written either.
    expect(await db.prisma.subjectGrade.count({ where: { learnerId: pupil.id } })).toBe(0);
    const audit = await lastGradeAudit();
    expect(audit).toMatchObject({ machineClientId: journal.id, outcome: "FAILURE", details: { status: "error", error: "VALIDATION_FAILED" } });
  });

  it("a lone surrogate in a grade's journal record id is refused on its field", async () => {
    const res = await grades([row({ journalRecordId: "u-\ud800" })]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "grades.0.journalRecordId", message: MESSAGE }] } });
    expect(await db.prisma.journalGrade.count({ where: { clientId: journal.id } })).toBe(0);
    expect((await lastGradeAudit()).details).toMatchObject({ error: "VALIDATION_FAILED" });
  });

  it("a character outside the BMP (a valid surrogate pair) is still accepted", async () => {
    const res = await grades([row({ journalRecordId: "u-😀", subject: "Математика" })]);
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ journalRecordId: "u-😀", status: "accepted" });
  });

  it("a NUL character in a query parameter is refused on its field", async () => {
    const classes = await callApi(db.prisma, getJournalClasses, { method: "get", path: "/ejournal/classes", url: "/ejournal/classes?academicYear=2026%00", token: journal.token });
    expect(classes.status).toBe(400);
    expect(classes.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "academicYear", message: MESSAGE }] } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api.ejournal.classes.read" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ machineClientId: journal.id, outcome: "FAILURE", details: { error: "VALIDATION_FAILED" } });

    // The feed's cursor: refused as text before its own check would call it an INVALID_CURSOR.
    const feed = await callApi(db.prisma, getFederalChanges, { method: "get", path: "/federal/changes", url: "/federal/changes?cursor=0%00", token: federal.token });
    expect(feed.status).toBe(400);
    expect(feed.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "cursor", message: MESSAGE }] } });
  });
});
