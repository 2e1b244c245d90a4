// The dashboards' per-learner summary on a real database: every kind of write
// reaches it (through the procedures and through plain SQL alike), the
// incremental recount equals a rebuild from scratch, a dashboard read flushes
// the queue first, and (PostgreSQL) a flush waits for a writer that has
// queued a learner but not committed, instead of counting stale data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb, testDatabaseKind } from "../../testing/test-db";
import { flushLearnerSummary, rebuildLearnerSummary } from "./learner-summary";

const order = (n: string) => ({ orderNumber: n, orderDate: "2026-03-02", effectiveDate: "2026-03-02" });

describeDb("learner summary", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let medicId: string;
  let school1: string;

  const create = async (lastName: string, overrides: Parameters<typeof learnerInput>[0] = {}) => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    return (await registrar.learners.create(learnerInput({ ...overrides, learner: { lastName, ...overrides.learner }, acknowledgeDuplicate: true }))).id;
  };
  const summaryOf = (learnerId: string) => db.prisma.learnerSummary.findUnique({ where: { learnerId } });
  const allRows = () => db.prisma.learnerSummary.findMany({ orderBy: { learnerId: "asc" } });
  const health = (learnerId: string, healthGroup: "I" | "II" | "III", supersedesId?: string) =>
    db.prisma.healthRecord.create({
      data: { learnerId, organisationId: school1, recordedAt: new Date("2026-02-01T00:00:00Z"), createdById: medicId, healthGroup, peGroup: "MAIN", supersedesId },
    });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    school1 = db.seeded.organisationIds.school1!;
    medicId = (await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } })).id;
  });
  afterAll(() => db?.close());

  it("follows every kind of write, and the incremental recount equals a rebuild", async () => {
    const complete = await create("Полнова", { learner: { sex: "FEMALE", birthDate: "2015-05-05" } });
    const noConsent = await create("Безсогласов", { consent: undefined });
    const expelled = await create("Уходов");
    await flushLearnerSummary(db.prisma);
    expect(await summaryOf(complete)).toMatchObject({
      organisationId: school1, level: "PRIMARY", isBasic: true, grade: 4, classLetter: "А", sex: "FEMALE",
      personalComplete: true, hasHealth: false, hasPortfolio: false, healthGroup: null,
    });
    expect(await summaryOf(noConsent)).toMatchObject({ personalComplete: false });

    // Health: the newest record that no correction supersedes.
    const first = await health(complete, "II");
    await health(complete, "III", first.id);
    await db.prisma.achievement.create({
      data: { learnerId: complete, organisationId: school1, kind: "Олимпиада", title: "Школьный этап", level: "SCHOOL", result: "WINNER", date: new Date("2026-01-10T00:00:00Z"), createdById: medicId },
    });
    // A consent withdrawn by a plain UPDATE: the personal stage is no longer complete.
    await db.prisma.consent.updateMany({ where: { learnerId: complete }, data: { withdrawnAt: new Date("2026-03-01T00:00:00Z") } });
    const registrar = await callerAs(db.prisma, "school.registrar");
    await registrar.movement.event({ type: "EXPULSION", learnerId: expelled, order: order("S-1"), leavingReason: "DISCIPLINARY", reason: "Решение комиссии" });

    expect(await db.prisma.learnerSummaryPending.count()).toBeGreaterThanOrEqual(2);
    await flushLearnerSummary(db.prisma);
    expect(await db.prisma.learnerSummaryPending.count()).toBe(0);
    expect(await summaryOf(complete)).toMatchObject({ hasHealth: true, healthGroup: "III", hasPortfolio: true, personalComplete: false });
    expect(await summaryOf(expelled)).toBeNull();

    const incremental = await allRows();
    expect(incremental.length).toBeGreaterThanOrEqual(2);
    await rebuildLearnerSummary(db.prisma);
    expect(await allRows()).toEqual(incremental);
  });

  it("is flushed by the dashboard read, so a new learner counts at once", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const total = async () => (await officer.ministry.dashboard.contingent({})).units.reduce((s, u) => s + u.count, 0);
    const before = await total();
    await create("Новенький");
    expect(await db.prisma.learnerSummaryPending.count()).toBe(1);
    expect(await total()).toBe(before + 1);
    expect(await db.prisma.learnerSummaryPending.count()).toBe(0);
  });

  (testDatabaseKind === "postgres" ? describe : describe.skip)("with concurrent transactions", () => {
    it("a flush waits for a writer that queued a learner and counts its change once it commits", async () => {
      const learner = await create("Гонкин");
      // Queued and committed, not yet flushed: the row a careless flush would take early.
      expect(await db.prisma.learnerSummaryPending.count({ where: { learnerId: learner } })).toBe(1);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let queued!: () => void;
      const writerQueued = new Promise<void>((resolve) => (queued = resolve));
      const writer = db.prisma.$transaction(async (tx) => {
        await tx.healthRecord.create({
          data: { learnerId: learner, organisationId: school1, recordedAt: new Date("2026-02-01T00:00:00Z"), createdById: medicId, healthGroup: "II", peGroup: "MAIN" },
        });
        queued();
        await gate;
      }, { timeout: 20_000 });
      await writerQueued;
      let flushed = false;
      const flush = db.sql.query(`SELECT "learner_summary_flush"() AS n`).then(() => (flushed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(flushed).toBe(false);
      release();
      await writer;
      await flush;
      expect(await summaryOf(learner)).toMatchObject({ hasHealth: true, healthGroup: "II" });
      expect(await db.prisma.learnerSummaryPending.count()).toBe(0);
    });
  });
});
