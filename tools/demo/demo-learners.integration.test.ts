// The demo learners `npm start` writes on a first run: enough in the demo
// school for its accounts to see real lists, a transfer waiting at the second
// school, every kind of record, derived tables that agree with the raw ones,
// an intact audit chain — and never a second helping.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemoRegion } from "../../prisma/seed/demo-region";
import { callerAs } from "@/server/testing/callers";
import { decryptIdentity } from "@/server/services/person/identity-fields";
import { runAuditVerification } from "@/server/services/audit/verification-runs";
import { healthMonthHeld } from "@/server/services/health/health-month-counts";
import { todayIso } from "@/lib/schemas/person";
import { createTestDatabase, describeDb, type TestDatabase } from "@/server/testing/test-db";
import { pgliteBulkTarget, postgresBulkTarget, type BulkTarget } from "../generate/copy";
import { DEMO_LEARNERS, seedDemoLearners, type DemoLearnersOutcome } from "./demo-learners";

describeDb("demo learners of a first run", () => {
  let db: TestDatabase;
  let client: pg.Client | undefined;
  let bulk: BulkTarget;
  let outcome: DemoLearnersOutcome;
  let organisationIds: Record<string, string>;
  const one = async <T>(sql: string, params: unknown[] = []) => (await db.sql.query<T>(sql, params))[0]!;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = db.url ? new pg.Client({ connectionString: db.url }) : undefined;
    await client?.connect();
    bulk = client ? postgresBulkTarget(client) : pgliteBulkTarget(db.pglite!);
    ({ organisationIds } = await seedDemoRegion(db.prisma));
    outcome = await seedDemoLearners(bulk, db.prisma, { postgres: !!client });
  });
  afterAll(async () => {
    await client?.end();
    await db?.close();
  });

  it("puts several hundred learners in the demo school, across grades and class letters, readable by its accounts", async () => {
    expect(outcome).toMatchObject({ seeded: true, learners: DEMO_LEARNERS });
    const school = await one<{ learners: number; grades: number; classes: number }>(
      `SELECT count(DISTINCT "learnerId")::int AS learners, count(DISTINCT grade)::int AS grades, count(DISTINCT (grade, "classLetter"))::int AS classes
         FROM "Enrolment" WHERE "organisationId" = $1 AND "isBasic" AND status IN ('ACTIVE', 'PENDING_TRANSFER')`,
      [organisationIds.school1],
    );
    expect(school.learners).toBeGreaterThan(300);
    expect(school.grades).toBe(11);
    expect(school.classes).toBeGreaterThan(school.grades);
    const list = await (await callerAs(db.prisma, "school.admin")).learners.list({ page: 0, pageSize: 20 });
    expect(list.total).toBe(school.learners);
    // Every placed learner sits in one of the school's classes of the year.
    const unclassed = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Enrolment" e WHERE e."organisationId" = $1 AND e."isBasic" AND e.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM "SchoolClass" c WHERE c.id = e."classId" AND c.grade = e.grade AND c.letter = e."classLetter")`,
      [organisationIds.school1],
    );
    expect(unclassed.n).toBe(0);
  });

  it("fills every demo organisation; the club's pupils also attend a school", async () => {
    const held = await db.sql.query<{ organisationId: string }>(`SELECT DISTINCT "organisationId" FROM "Enrolment" WHERE status <> 'ENDED'`);
    expect(new Set(held.map((r) => r.organisationId))).toEqual(new Set(Object.values(organisationIds)));
    const club = await one<{ pupils: number; atSchool: number }>(
      `SELECT count(DISTINCT a."learnerId")::int AS pupils,
              count(DISTINCT a."learnerId") FILTER (WHERE EXISTS (SELECT 1 FROM "Enrolment" b WHERE b."learnerId" = a."learnerId" AND b."isBasic" AND b.status <> 'ENDED'))::int AS "atSchool"
         FROM "Enrolment" a WHERE a."organisationId" = $1 AND NOT a."isBasic" AND a.status = 'ACTIVE'`,
      [organisationIds.cdt],
    );
    expect(club.pupils).toBeGreaterThan(50);
    expect(club.atSchool).toBe(club.pupils);
  });

  it("leaves a transfer from school1 waiting at school4: incoming for school2.admin, outgoing for school.admin, audited", async () => {
    const incoming = await (await callerAs(db.prisma, "school2.admin")).movement.transfers.list({ direction: "incoming" });
    const waiting = incoming.filter((t) => t.status === "PENDING");
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.fromOrganisation.id).toBe(organisationIds.school1);
    const outgoing = await (await callerAs(db.prisma, "school.admin")).movement.transfers.list({ direction: "outgoing" });
    expect(outgoing.filter((t) => t.status === "PENDING").map((t) => t.id)).toEqual([waiting[0]!.id]);
    const audit = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'movement.transfer.start' AND "entityId" = $1`, [waiting[0]!.learner.id]);
    expect(audit.n).toBe(1);
    const run = await runAuditVerification(db.prisma, { trigger: "CLI", full: true, actor: { id: null, login: "test", role: null, ip: null } });
    expect(run.status === "done" ? run.run.ok : run).toBe(true);
  });

  it("writes families, consents, health, portfolio and movement history, with identity fields encrypted", async () => {
    const counts = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM "Representative") AS representatives, (SELECT count(*)::int FROM "Consent") AS consents,
              (SELECT count(*)::int FROM "HealthRecord") AS health, (SELECT count(*)::int FROM "Achievement") AS achievements,
              (SELECT count(*)::int FROM "ExamResult") AS exams, (SELECT count(*)::int FROM "SubjectGrade") AS marks,
              (SELECT count(*)::int FROM "MovementEvent") AS orders`,
    );
    expect(counts.representatives).toBeGreaterThan(DEMO_LEARNERS / 2);
    expect(counts.consents).toBe(DEMO_LEARNERS);
    for (const k of ["health", "achievements", "exams", "marks", "orders"]) expect(counts[k], k).toBeGreaterThan(100);
    // Marks and exams name their subject from the vocabulary (issue 21).
    const unmapped = await one<{ n: number }>(
      `SELECT ((SELECT count(*) FROM "ExamResult" WHERE "subjectId" IS NULL) + (SELECT count(*) FROM "SubjectGrade" WHERE "subjectId" IS NULL))::int AS n`,
    );
    expect(unmapped.n).toBe(0);
    const stored = await one<{ snilsEnc: string; docNumberEnc: string }>(`SELECT "snilsEnc", "docNumberEnc" FROM "Learner" WHERE "snilsEnc" IS NOT NULL LIMIT 1`);
    expect(stored.snilsEnc).not.toMatch(/^\d{11}$/);
    expect(decryptIdentity("Learner", stored).snils).toMatch(/^\d{11}$/);
  });

  it("keeps the derived tables in step with the raw ones: summary, dashboard, health months, data-quality findings", async () => {
    const summary = await one<{ summary: number; enrolled: number }>(
      `SELECT (SELECT count(*)::int FROM "LearnerSummary") AS summary,
              (SELECT count(DISTINCT "learnerId")::int FROM "Enrolment" WHERE status IN ('ACTIVE', 'PENDING_TRANSFER')) AS enrolled`,
    );
    expect(summary.summary).toBe(summary.enrolled);
    const pending = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "LearnerSummaryPending"`);
    expect(pending.n).toBe(0);
    // The summary row of the transferred learner says so, as the incremental recount would.
    const before = await db.prisma.learnerSummary.findMany({ orderBy: { learnerId: "asc" } });
    await db.sql.query(`SELECT "learner_summary_compute"(array(SELECT "learnerId" FROM "LearnerSummary"))`);
    expect(await db.prisma.learnerSummary.findMany({ orderBy: { learnerId: "asc" } })).toEqual(before);
    const raw = await one<{ n: number }>(
      `SELECT count(DISTINCT "learnerId")::int AS n FROM "Enrolment" WHERE "organisationId" = $1 AND "isBasic" AND status IN ('ACTIVE', 'PENDING_TRANSFER')`,
      [organisationIds.school1],
    );
    const dashboard = await (await callerAs(db.prisma, "edu.officer")).ministry.dashboard.contingent({ organisationId: organisationIds.school1 });
    expect(dashboard.units.reduce((s, u) => s + u.count, 0)).toBe(raw.n);
    expect(await healthMonthHeld(db.prisma, todayIso())).toBe(true);
    const findings = await one<{ n: number }>(`SELECT coalesce(sum(count), 0)::int AS n FROM "DataQualitySnapshot" WHERE "check" = 'missingSnils' AND "organisationId" = $1`, [organisationIds.school1]);
    expect(findings.n).toBeGreaterThan(0);
  });

  it("adds nothing when run again, and leaves a database with learners alone", async () => {
    const count = async () => one<{ learners: number; transfers: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM "Learner") AS learners, (SELECT count(*)::int FROM "Transfer") AS transfers, (SELECT count(*)::int FROM "AuditEvent") AS audit`,
    );
    const before = await count();
    const again = await seedDemoLearners(bulk, db.prisma, { postgres: !!client });
    expect(again).toEqual({ seeded: false, reason: expect.stringMatching(/already holds 3000 learner/) });
    expect(await count()).toEqual(before);
  });
});
