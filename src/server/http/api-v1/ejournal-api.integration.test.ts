// The e-journal API on a real database: class lists with the identity subset
// only, grades pushed per row (accepted / duplicate / correction / refused),
// the organisation boundary both ways, and one audit row per call. Every
// answer is validated against the OpenAPI document.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "../../audit/verify";
import { API_YEAR, classAt, enrolLearner } from "../../testing/api-fixtures";
import { callApi, registerTestClient } from "../../testing/api-clients";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { getFederalChanges, getJournalClasses, getJournalClassLearners, postJournalGrades } from "./endpoints";

describeDb("e-journal API", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let journal: { id: string; token: string };
  let ownClass: string;
  let otherClass: string;
  let pupils: { id: string }[];
  let stranger: { id: string };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    ownClass = (await classAt(db.prisma, "school.admin")).classId;
    otherClass = (await classAt(db.prisma, "school2.admin")).classId;
    pupils = [await enrolLearner(db.prisma, "school.registrar", "А", "Алексеев"), await enrolLearner(db.prisma, "school.registrar", "А", "Борисов")];
    stranger = await enrolLearner(db.prisma, "school2.admin", "А", "Чужой");
    journal = await registerTestClient(db.prisma, { kind: "E_JOURNAL", organisationId: db.seeded.organisationIds.school1! });
  });
  afterAll(() => db?.close());

  const grades = (rows: unknown[]) => callApi(db.prisma, postJournalGrades, { method: "post", path: "/ejournal/grades", token: journal.token, body: { grades: rows } });
  const row = (over: Record<string, unknown> = {}) => ({ journalRecordId: "r-1", learnerId: pupils[0]!.id, academicYear: API_YEAR, subject: "Математика", period: "1 четверть", mark: 4, ...over });

  it("lists its own classes and a class's learners with the identity subset only", async () => {
    const classes = await callApi(db.prisma, getJournalClasses, { method: "get", path: "/ejournal/classes", token: journal.token, url: `/ejournal/classes?academicYear=${API_YEAR}` });
    expect(classes.status).toBe(200);
    // The school's other classes (test fixtures) are empty; its own 5А holds the two learners.
    const own = classes.body.classes.filter((c: { learnerCount: number }) => c.learnerCount > 0);
    expect(own).toEqual([expect.objectContaining({ id: ownClass, grade: 5, letter: "А", learnerCount: 2 })]);
    expect(classes.body.classes.every((c: { id: string }) => c.id !== otherClass)).toBe(true);

    const list = await callApi(db.prisma, getJournalClassLearners, {
      method: "get",
      path: "/ejournal/classes/{classId}/learners",
      url: `/ejournal/classes/${ownClass}/learners`,
      params: { classId: ownClass },
      token: journal.token,
    });
    expect(list.status).toBe(200);
    expect(list.body.learners.map((l: { lastName: string }) => l.lastName)).toEqual(["Алексеев", "Борисов"]);
    expect(Object.keys(list.body.learners[0]).sort()).toEqual(["birthDate", "firstName", "id", "lastName", "middleName", "sex"]);
  });

  it("answers CLASS_NOT_FOUND for another organisation's class, exactly as for a missing one", async () => {
    const ask = (classId: string) =>
      callApi(db.prisma, getJournalClassLearners, { method: "get", path: "/ejournal/classes/{classId}/learners", url: `/ejournal/classes/${classId}/learners`, params: { classId }, token: journal.token });
    const other = await ask(otherClass);
    const missing = await ask("0b6f8c1e-7f51-4a43-9d8e-3c1c2d1e0f00");
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect(other.body.error.code).toBe("CLASS_NOT_FOUND");
  });

  it("accepts grades, treats a re-sent record as a duplicate and changed content as a correction", async () => {
    const first = await grades([row(), row({ journalRecordId: "r-2", learnerId: pupils[1]!.id, credit: true, mark: undefined, subject: "PHYSICAL_EDUCATION" })]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 2, duplicate: 0, refused: 0 });
    const gradeId = first.body.results[0].gradeId;

    const again = await grades([row()]);
    expect(again.body.results[0]).toMatchObject({ status: "duplicate", gradeId });
    expect(await db.prisma.subjectGrade.count({ where: { learnerId: pupils[0]!.id } })).toBe(1);

    const corrected = await grades([row({ mark: 5 })]);
    expect(corrected.body.results[0]).toMatchObject({ status: "accepted", supersededGradeId: gradeId });
    const current = await db.prisma.subjectGrade.findMany({ where: { learnerId: pupils[0]!.id, supersededBy: null } });
    expect(current.map((g) => g.mark)).toEqual([5]);
    // The corrected content is now the record's content: sending it again is a duplicate.
    expect((await grades([row({ mark: 5 })])).body.results[0].status).toBe("duplicate");
  });

  it("refuses rows for learners outside its organisation (and bad rows) one by one, writing the rest", async () => {
    const before = await db.prisma.subjectGrade.count({ where: { learnerId: stranger.id } });
    const res = await grades([
      row({ journalRecordId: "x-1", learnerId: stranger.id }),
      row({ journalRecordId: "x-2", subject: "Русский язык" }),
      row({ journalRecordId: "x-3", mark: 7 }),
      row({ journalRecordId: "x-2", subject: "Литература" }),
      row({ journalRecordId: "r-1", learnerId: pupils[1]!.id }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string; reason?: { code: string } }) => r.reason?.code ?? r.status)).toEqual([
      "LEARNER_NOT_IN_ORGANISATION",
      "accepted",
      "INVALID_ROW",
      "DUPLICATE_IN_BATCH",
      "RECORD_LEARNER_MISMATCH",
    ]);
    expect(res.body.results[2].reason.issues).toEqual([{ path: "mark", message: "Отметка от 2 до 5" }]);
    expect(res.body.results[0].reason.message.ru).toMatch(/не числится/);
    expect(await db.prisma.subjectGrade.count({ where: { learnerId: stranger.id } })).toBe(before);

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api.ejournal.grades.push" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ machineClientId: journal.id, actorId: null, outcome: "SUCCESS" });
    expect(audit.details).toMatchObject({ status: "refused_rows", accepted: 1, refused: 4, learnerSet: { count: 1 } });
    expect(await db.prisma.auditEventLearner.findMany({ where: { eventId: audit.id }, select: { learnerId: true } })).toEqual([{ learnerId: pupils[0]!.id }]);
  });

  it("names the subject by the vocabulary's code or its exact name; an unknown subject refuses the row on `subject`", async () => {
    const res = await grades([
      row({ journalRecordId: "s-1", subject: "GEOMETRY", period: "2 четверть" }),
      row({ journalRecordId: "s-2", subject: "  ВЕРОЯТНОСТЬ и статистика ", period: "2 четверть" }),
      row({ journalRecordId: "s-3", subject: "Геометрия 7 класс", period: "2 четверть" }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(["accepted", "accepted", "refused"]);
    expect(res.body.results[2].reason).toMatchObject({ code: "INVALID_ROW", issues: [{ path: "subject", message: expect.stringMatching(/справочник/) }] });
    const written = await db.prisma.subjectGrade.findMany({
      where: { id: { in: [res.body.results[0].gradeId, res.body.results[1].gradeId] } },
      select: { subject: true, subjectRef: { select: { code: true } } },
    });
    expect(written.map((g) => [g.subject, g.subjectRef?.code]).sort()).toEqual([
      ["Вероятность и статистика", "PROBABILITY"],
      ["Геометрия", "GEOMETRY"],
    ]);
    // The same record sent again by name is the same content: a duplicate.
    expect((await grades([row({ journalRecordId: "s-1", subject: "геометрия", period: "2 четверть" })])).body.results[0].status).toBe("duplicate");
  });

  it("refuses a malformed or oversized batch whole with a clear error", async () => {
    const bad = await grades([]);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "grades", message: "Передайте хотя бы одну отметку" }] } });
    const big = await grades(Array.from({ length: 501 }, (_, i) => row({ journalRecordId: `b-${i}` })));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("BATCH_TOO_LARGE");
    const notJson = await callApi(db.prisma, postJournalGrades, { method: "post", path: "/ejournal/grades", token: journal.token, body: "{oops" });
    expect(notJson.status).toBe(400);
  });

  it("cannot call the federal feed (FORBIDDEN, audited), and the audit chain stays whole", async () => {
    const res = await callApi(db.prisma, getFederalChanges, { method: "get", path: "/federal/changes", token: journal.token });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "FORBIDDEN", message: { ru: expect.any(String), en: expect.any(String) } });
    const denied = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api.request.denied" }, orderBy: { id: "desc" } });
    expect(denied).toMatchObject({ machineClientId: journal.id, outcome: "DENIED", details: { reason: "wrong_kind", endpoint: "GET /federal/changes" } });
    expect((await verifyAuditChain(db.prisma)).ok).toBe(true);
  });
});
