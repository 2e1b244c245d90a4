// Coded reasons for leaving on a real database: the expulsion order requires
// one (and its text for «Иная причина»), a transfer records "within the
// region" by itself, the mapping migration's SQL gives old orders the codes
// mapLeavingReasonText gives their texts, and the movement report's counts by
// reason equal a direct count.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXPULSION_TEXTS } from "@/lib/movement/leaving-reason-texts";
import { LEAVING_REASONS, mapLeavingReasonText, type LeavingType } from "@/lib/movement/leaving-reasons";
import { reportsRu } from "@/messages/reports-ru";
import { regionToday } from "@/lib/time-zone";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

const today = regionToday();
const order = (n: string) => ({ orderNumber: n, orderDate: today, effectiveDate: today });
const MIGRATION = "prisma/migrations/20261208000100_leaving_reason_mapping/migration.sql";

const issuesOf = (error: { cause?: { issues?: { path: string[]; message: string }[] } }) =>
  Object.fromEntries((error.cause?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describeDb("coded reasons for leaving", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let school: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    school = await callerAs(db.prisma, "school.registrar");
  });
  afterAll(() => db?.close());

  async function newLearner() {
    const input = learnerInput({ acknowledgeDuplicate: true });
    input.enrolment = { level: "BASIC", grade: 6, classLetter: "А", enrolledAt: "2024-09-01" } as never;
    input.learner.birthDate = "2013-04-01";
    return (await school.learners.create(input)).id;
  }

  it("refuses an expulsion without a reason, with OTHER but no text, or «within the region»; stores the code", async () => {
    const id = await newLearner();
    const missing = await school.movement.event({ type: "EXPULSION", learnerId: id, order: order("В-1"), reason: "Решение комиссии" } as never).catch((e) => e);
    expect(missing.code).toBe("BAD_REQUEST");
    expect(issuesOf(missing).leavingReason).toBe("Укажите причину выбытия");

    const other = await school.movement.event({ type: "EXPULSION", learnerId: id, order: order("В-2"), leavingReason: "OTHER" }).catch((e) => e);
    expect(other.code).toBe("BAD_REQUEST");
    expect(issuesOf(other).reason).toBe("Опишите причину выбытия в основании");

    const inRegion = await school.movement.event({ type: "EXPULSION", learnerId: id, order: order("В-3"), leavingReason: "TRANSFER_IN_REGION" }).catch((e) => e);
    expect(issuesOf(inRegion).leavingReason).toBe("Перевод в организацию региона оформляется переводом, а не отчислением");
    expect(await db.prisma.movementEvent.count({ where: { learnerId: id, type: "EXPULSION" } })).toBe(0);

    // The text is optional for a named reason.
    const { eventId } = await school.movement.event({ type: "EXPULSION", learnerId: id, order: order("В-4"), leavingReason: "FAMILY_EDUCATION" });
    expect(await db.prisma.movementEvent.findFirstOrThrow({ where: { learnerId: id, id: eventId } })).toMatchObject({ leavingReason: "FAMILY_EDUCATION", reason: null });
    const history = await school.movement.trajectory({ learnerId: id });
    expect(history.at(-1)).toMatchObject({ type: "EXPULSION", leavingReason: "FAMILY_EDUCATION" });

    const second = await newLearner();
    await school.movement.event({ type: "EXPULSION", learnerId: second, order: order("В-5"), leavingReason: "OTHER", reason: "Решение суда" });
    expect(await db.prisma.movementEvent.findFirstOrThrow({ where: { learnerId: second, type: "EXPULSION" } })).toMatchObject({ leavingReason: "OTHER", reason: "Решение суда" });
  });

  it("records a transfer to another school of the region as TRANSFER_IN_REGION", async () => {
    const id = await newLearner();
    const started = await school.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.school4!, order: order("П-1") });
    const receiver = await callerAs(db.prisma, "school2.admin");
    await receiver.movement.transfers.accept({ learnerId: id, transferId: started.transferId, placement: { level: "BASIC", grade: 6, classLetter: "А" }, order: order("П-2") });
    expect(await db.prisma.movementEvent.findFirstOrThrow({ where: { learnerId: id, id: started.eventId } })).toMatchObject({ type: "TRANSFER_OUT", leavingReason: "TRANSFER_IN_REGION" });
  });

  it("maps old orders' texts in the migration's SQL exactly as mapLeavingReasonText does", async () => {
    const learnerId = await newLearner();
    const enrolment = await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId } });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } });
    const transfer = await db.prisma.transfer.create({
      data: { learnerId, fromOrganisationId: enrolment.organisationId, toOrganisationId: db.seeded.organisationIds.school4!, fromEnrolmentId: enrolment.id, createdById: user.id, status: "REJECTED" },
    });
    const cases: { type: LeavingType; text: string | null; transferId: string | null; expected: string | null }[] = [
      ...EXPULSION_TEXTS.map(([text]) => ({ type: "EXPULSION" as const, text, transferId: null, expected: mapLeavingReasonText(text, "EXPULSION") })),
      ...EXPULSION_TEXTS.map(([text]) => ({ type: "TRANSFER_OUT" as const, text, transferId: null, expected: mapLeavingReasonText(text, "TRANSFER_OUT") })),
      // The registry's own transfer is within the region whatever its text says.
      { type: "TRANSFER_OUT", text: "переезд в другой регион", transferId: transfer.id, expected: "TRANSFER_IN_REGION" },
    ];
    const rows = await db.prisma.movementEvent.createManyAndReturn({
      data: cases.map((c, i) => ({
        learnerId,
        organisationId: enrolment.organisationId,
        type: c.type,
        orderNumber: `M-${i}`,
        orderDate: new Date(`${today}T00:00:00Z`),
        effectiveDate: new Date(`${today}T00:00:00Z`),
        reason: c.text,
        transferId: c.transferId,
        createdById: user.id,
      })),
      select: { id: true, orderNumber: true },
    });
    await db.sql.exec(readFileSync(MIGRATION, "utf8"));
    const stored = new Map(
      (await db.prisma.movementEvent.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { orderNumber: true, leavingReason: true } })).map((r) => [r.orderNumber, r.leavingReason]),
    );
    const got = cases.map((c, i) => ({ type: c.type, text: c.text, code: stored.get(`M-${i}`) ?? null }));
    expect(got).toEqual(cases.map((c) => ({ type: c.type, text: c.text, code: c.expected })));
    // The append-only rule is back on.
    await expect(db.prisma.movementEvent.updateMany({ where: { id: rows[0]!.id }, data: { reason: "x" } })).rejects.toThrow(/append-only/);
  });

  it("counts the report's transfers out and expulsions by reason as a direct count does", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const from = `${today.slice(0, 4)}-01-01`;
    const model = await officer.ministry.reports.movement({ from, to: today });
    const table = model.tables.find((t) => t.caption === reportsRu.reports.captions.movementReasons)!;
    const direct = await db.sql.query<{ reason: string | null; type: string; n: number }>(
      `SELECT ev."leavingReason"::text AS reason, ev."type"::text AS type, count(*)::int AS n
       FROM "MovementEvent" ev
       WHERE ev."type" IN ('TRANSFER_OUT', 'EXPULSION') AND ev."effectiveDate" BETWEEN $1::date AND $2::date
         AND NOT EXISTS (SELECT 1 FROM "MovementEvent" c WHERE c."learnerId" = ev."learnerId" AND c."cancelsEventId" = ev."id")
       GROUP BY 1, 2`,
      [from, today],
    );
    const labels = reportsRu.reports.leavingReasons;
    const expected = [...LEAVING_REASONS, "NONE"].map((key) => {
      const n = (type: string) => direct.filter((d) => (d.reason ?? "NONE") === key && d.type === type).reduce((s, d) => s + d.n, 0);
      return [labels[key], n("TRANSFER_OUT"), n("EXPULSION"), n("TRANSFER_OUT") + n("EXPULSION")];
    });
    expect(table.rows).toEqual(expected);
    // Earlier tests made some of each, and the mapping left the unreadable texts «не указана».
    expect(table.rows.find((r) => r[0] === labels.FAMILY_EDUCATION)![2]).toBeGreaterThan(0);
    expect(table.rows.find((r) => r[0] === labels.NONE)![2]).toBeGreaterThan(0);
    expect(table.totals![3]).toBe(direct.reduce((s, d) => s + d.n, 0));
  });
});
