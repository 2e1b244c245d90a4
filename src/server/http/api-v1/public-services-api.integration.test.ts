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
import { regionToday } from "@/lib/time-zone";
import { readPublicPerformance } from "../../services/api/public-performance";
import type { MachineClientActor } from "../../services/machine-clients/authenticate";

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
    await school.learners.withdrawConsent({ learnerId: child.id, consentId: consent.id, withdrawnAt: regionToday() });
    const withdrawn = await ask(child.snils, child.parentSnils);

    for (const res of [unknownLearner, unlinkedParent, unknownParent, withdrawn]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(unknownLearner.body);
    }
    expect(unknownLearner.body.error.code).toBe("LEARNER_NOT_FOUND");
    const reasons = await db.prisma.auditEvent.findMany({ where: { action: "api.publicServices.performance.read", outcome: "FAILURE" }, orderBy: { id: "asc" } });
    expect(reasons.map((r) => (r.details as { refused: string }).refused)).toEqual(["unknown_learner", "not_linked", "unknown_parent", "no_consent"]);
  });

  it("counts a withdrawal from the region's midnight, not UTC's", async () => {
    // 21:30 UTC on 7 December is 00:30 on 8 December in Moscow: a consent withdrawn on
    // the 8th no longer holds, although UTC's calendar still says the 7th.
    const consent = await db.prisma.consent.findFirstOrThrow({ where: { learnerId: other.id } });
    await db.prisma.consent.update({ where: { learnerId_id: { learnerId: other.id, id: consent.id } }, data: { givenAt: new Date("2026-01-01"), withdrawnAt: new Date("2026-12-08") } });
    const client = { regionId: db.seeded.regionId } as MachineClientActor;
    const asked = { learnerSnils: other.snils, parentSnils: other.parentSnils };
    const at = (instant: string) => db.prisma.$transaction((tx) => readPublicPerformance(tx, client, asked, new Date(instant)));
    expect((await at("2026-12-07T20:30:00Z")).ok).toBe(true); // 23:30 on the 7th in Moscow
    expect(await at("2026-12-07T21:30:00Z")).toMatchObject({ ok: false, error: "LEARNER_NOT_FOUND", details: { refused: "no_consent" } });
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
