// The public-services portal's question on a real database: answered for a
// linked parent with consent in force; the same 404 body for an unknown
// learner, an unlinked parent and a withdrawn consent; SNILS only in bodies.
import { afterAll, beforeAll, expect, it } from "vitest";
import { API_YEAR, enrolLearner } from "../../testing/api-fixtures";
import { callApi, registerTestClient } from "../../testing/api-clients";
import { callerAs } from "../../testing/callers";
import { uniqueSnils } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { subjectIds } from "../../testing/subjects";
import { getJournalClasses, postPublicPerformance } from "./endpoints";

describeDb("public-services API", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let subjects: Record<string, string> = {};
  let portal: { id: string; token: string };
  let child: Awaited<ReturnType<typeof enrolLearner>>;
  let other: Awaited<ReturnType<typeof enrolLearner>>;

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    subjects = await subjectIds(db.prisma);
    child = await enrolLearner(db.prisma, "school.registrar", "А", "Смирнов");
    other = await enrolLearner(db.prisma, "school.registrar", "А", "Соколов");
    const school = await callerAs(db.prisma, "school.admin");
    await school.learners.portfolio.addGrade({ learnerId: child.id, academicYear: API_YEAR, subjectId: subjects.MATH!, period: "1 четверть", mark: 5 });
    await school.learners.portfolio.addGrade({ learnerId: child.id, academicYear: API_YEAR, subjectId: subjects.PHYSICAL_EDUCATION!, period: "1 четверть", credit: true });
    portal = await registerTestClient(db.prisma, { kind: "PUBLIC_SERVICES" });
  });
  afterAll(() => db?.close());

  const ask = (learnerSnils: string, parentSnils: string) =>
    callApi(db.prisma, postPublicPerformance, { method: "post", path: "/public-services/performance", token: portal.token, body: { learnerSnils, parentSnils } });

  it("answers a linked parent with consent in force with the current marks", async () => {
    const res = await ask(child.snils, child.parentSnils);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ learner: { lastName: "Смирнов" }, grade: 5, academicYear: API_YEAR, organisation: { shortName: expect.any(String) } });
    expect(res.body.marks).toEqual([
      { subject: "Математика", period: "1 четверть", mark: 5, credit: null },
      { subject: "Физическая культура", period: "1 четверть", mark: null, credit: true },
    ]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api.publicServices.performance.read" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ machineClientId: portal.id, outcome: "SUCCESS", details: { learnerSet: { count: 1 }, representativeId: expect.any(String) } });
    // The learner is linked like a portal read, and the asking representative is the child's parent.
    expect(await db.prisma.auditEventLearner.findMany({ where: { eventId: audit.id }, select: { learnerId: true } })).toEqual([{ learnerId: child.id }]);
    const asked = (audit.details as { representativeId: string }).representativeId;
    expect(await db.prisma.learnerRepresentative.count({ where: { learnerId: child.id, representativeId: asked } })).toBe(1);
    // No SNILS in the audit trail.
    expect(JSON.stringify(audit.details)).not.toContain(child.snils);
  });

  it("gives the same not-found answer for an unknown learner, an unlinked parent and a withdrawn consent", async () => {
    const unknownLearner = await ask(uniqueSnils(), child.parentSnils);
    const unlinkedParent = await ask(child.snils, other.parentSnils);
    const unknownParent = await ask(child.snils, uniqueSnils());

    const consent = await db.prisma.consent.findFirstOrThrow({ where: { learnerId: child.id } });
    const school = await callerAs(db.prisma, "school.registrar");
    await school.learners.withdrawConsent({ learnerId: child.id, consentId: consent.id, withdrawnAt: new Date().toISOString().slice(0, 10) });
    const withdrawn = await ask(child.snils, child.parentSnils);

    for (const res of [unknownLearner, unlinkedParent, unknownParent, withdrawn]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(unknownLearner.body);
    }
    expect(unknownLearner.body.error.code).toBe("LEARNER_NOT_FOUND");
    const reasons = await db.prisma.auditEvent.findMany({ where: { action: "api.publicServices.performance.read", outcome: "FAILURE" }, orderBy: { id: "asc" } });
    expect(reasons.map((r) => (r.details as { refused: string }).refused)).toEqual(["unknown_learner", "not_linked", "unknown_parent", "no_consent"]);
  });

  it("refuses a malformed SNILS on its field and another kind's endpoint", async () => {
    const bad = await ask("123", child.parentSnils);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toMatchObject({ path: "learnerSnils" });
    expect(bad.body.error.details.issues[0].message).toMatch(/СНИЛС/);
    const wrongKind = await callApi(db.prisma, getJournalClasses, { method: "get", path: "/ejournal/classes", token: portal.token });
    expect(wrongKind.status).toBe(403);
  });
});
