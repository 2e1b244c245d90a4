// Decisions that cannot race: two concurrent decisions on one transfer or
// order, repeated many times, always leave exactly one winner, a CONFLICT (or
// another clear refusal) for the other, and a state where the transfer's
// status matches the learner's enrolments. PGlite runs one query at a time,
// so the PostgreSQL run is the one that can interleave.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb, testDatabaseKind } from "../../testing/test-db";

const ITERATIONS = testDatabaseKind === "postgres" ? 20 : 4;
const order = (n: string, date = "2026-10-01") => ({ orderNumber: n, orderDate: date, effectiveDate: date });
const grade5 = { level: "BASIC" as const, grade: 5, classLetter: "В" };

/** Exactly one of the calls succeeded; the other was refused with a clear client error. */
function oneWinner(results: PromiseSettledResult<unknown>[], loserCodes = ["CONFLICT"]) {
  const won = results.filter((r) => r.status === "fulfilled");
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(won, JSON.stringify(lost.map((l) => String(l.reason)))).toHaveLength(1);
  expect(lost).toHaveLength(results.length - 1);
  for (const l of lost) {
    expect(loserCodes, String(l.reason)).toContain(l.reason.code);
    expect(l.reason.message).toMatch(/[а-яё]/i); // said to a person, in Russian
  }
  return results.findIndex((r) => r.status === "fulfilled");
}

describeDb("movement decisions under concurrency", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let sender: Awaited<ReturnType<typeof callerAs>>;
  let receiver: Awaited<ReturnType<typeof callerAs>>;
  let receiverId: string;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    sender = await callerAs(db.prisma, "school.registrar"); // МБОУ СОШ № 1
    receiver = await callerAs(db.prisma, "school2.admin"); // МБОУ СОШ № 4
    receiverId = db.seeded.organisationIds.school4!;
  });
  afterAll(() => db?.close());

  async function newLearner() {
    const input = learnerInput({ acknowledgeDuplicate: true });
    input.enrolment = { level: "BASIC", grade: 5, classLetter: "А", enrolledAt: "2024-09-01" };
    input.learner.birthDate = "2014-02-01";
    return (await sender.learners.create(input)).id;
  }
  async function pendingTransfer() {
    const learnerId = await newLearner();
    const { transferId } = await sender.movement.transfers.start({ learnerId, toOrganisationId: receiverId, order: order("П-1") });
    return { learnerId, transferId };
  }
  const accept = (learnerId: string, transferId: string, n: string) =>
    receiver.movement.transfers.accept({ learnerId, transferId, placement: grade5, order: order(n) });
  const reject = (learnerId: string, transferId: string) => receiver.movement.transfers.reject({ learnerId, transferId, reason: "Нет мест" });

  /** The transfer's status and the learner's enrolments tell the same story. */
  async function expectConsistent(learnerId: string, transferId: string) {
    const transfer = await db.prisma.transfer.findFirstOrThrow({ where: { learnerId, id: transferId } });
    const enrolments = await db.prisma.enrolment.findMany({ where: { learnerId } });
    const at = (org: string) => enrolments.filter((e) => e.organisationId === org);
    const transfersIn = await db.prisma.movementEvent.count({ where: { learnerId, type: "TRANSFER_IN" } });
    const sent = enrolments.find((e) => e.id === transfer.fromEnrolmentId)!;
    if (transfer.status === "ACCEPTED") {
      expect(sent.status).toBe("ENDED");
      expect(at(receiverId).map((e) => e.status)).toEqual(["ACTIVE"]);
      expect(transfersIn).toBe(1);
    } else {
      expect(transfer.status).toBe("REJECTED");
      expect(sent.status).toBe("ACTIVE");
      expect(at(receiverId)).toHaveLength(0);
      expect(transfersIn).toBe(0);
    }
    expect(enrolments.filter((e) => e.isBasic && e.status !== "ENDED")).toHaveLength(1);
    return transfer.status;
  }

  it("lets exactly one of accept and reject decide a transfer", async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < ITERATIONS; i++) {
      const { learnerId, transferId } = await pendingTransfer();
      const first = i % 2 === 0;
      const calls = first ? [accept(learnerId, transferId, `A-${i}`), reject(learnerId, transferId)] : [reject(learnerId, transferId), accept(learnerId, transferId, `A-${i}`)];
      oneWinner(await Promise.allSettled(calls));
      outcomes.add(await expectConsistent(learnerId, transferId));
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it("accepts a transfer once when two accepts race, and rejects it once when two rejects race", async () => {
    for (let i = 0; i < ITERATIONS; i++) {
      const a = await pendingTransfer();
      oneWinner(await Promise.allSettled([accept(a.learnerId, a.transferId, `AA-${i}`), accept(a.learnerId, a.transferId, `AB-${i}`)]));
      expect(await expectConsistent(a.learnerId, a.transferId)).toBe("ACCEPTED");

      const r = await pendingTransfer();
      oneWinner(await Promise.allSettled([reject(r.learnerId, r.transferId), reject(r.learnerId, r.transferId)]));
      expect(await expectConsistent(r.learnerId, r.transferId)).toBe("REJECTED");
    }
  });

  it("lets either the transfer start or the sender's expulsion win, never both", async () => {
    for (let i = 0; i < ITERATIONS; i++) {
      const learnerId = await newLearner();
      const results = await Promise.allSettled([
        sender.movement.transfers.start({ learnerId, toOrganisationId: receiverId, order: order(`П-${i}`) }),
        sender.movement.event({ type: "EXPULSION", learnerId, order: order(`О-${i}`), leavingReason: "OTHER", reason: "Решение комиссии" }),
      ]);
      // The loser read the enrolment before (CONFLICT) or after (pending: BAD_REQUEST; ended: NOT_FOUND/FORBIDDEN) the winner wrote it.
      const winner = oneWinner(results, ["CONFLICT", "BAD_REQUEST", "NOT_FOUND", "FORBIDDEN"]);
      const enrolment = await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId } });
      const transfers = await db.prisma.transfer.count({ where: { learnerId } });
      const expulsions = await db.prisma.movementEvent.count({ where: { learnerId, type: "EXPULSION" } });
      if (winner === 0) expect([enrolment.status, transfers, expulsions]).toEqual(["PENDING_TRANSFER", 1, 0]);
      else expect([enrolment.status, transfers, expulsions]).toEqual(["ENDED", 0, 1]);
    }
  });

  it("refuses the sender's orders on a pending transfer, whatever the receiver decides meanwhile", async () => {
    for (let i = 0; i < Math.min(ITERATIONS, 6); i++) {
      const { learnerId, transferId } = await pendingTransfer();
      const transferOut = await db.prisma.movementEvent.findFirstOrThrow({ where: { learnerId, type: "TRANSFER_OUT" } });
      const decision = i % 2 === 0 ? accept(learnerId, transferId, `D-${i}`) : reject(learnerId, transferId);
      const [decided, expelled, cancelled] = await Promise.allSettled([
        decision,
        sender.movement.event({ type: "EXPULSION", learnerId, order: order(`E-${i}`), leavingReason: "OTHER", reason: "Решение комиссии" }),
        // A transfer is undone by rejection, never by cancelling its TRANSFER_OUT.
        sender.movement.cancel({ learnerId, eventId: transferOut.id, order: order(`C-${i}`), reason: "Ошибка" }),
      ]);
      expect(decided.status).toBe("fulfilled");
      if (i % 2 === 0) expect(expelled.status).toBe("rejected"); // pending, then a former school: never applies
      expect(cancelled).toMatchObject({ status: "rejected", reason: { code: "BAD_REQUEST" } });
      const status = await expectConsistent(learnerId, transferId).catch(async (error) => {
        // After a rejection the sender may expel legitimately once the enrolment is active again.
        const enrolment = await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId } });
        if (expelled.status === "fulfilled" && enrolment.status === "ENDED") return "REJECTED_THEN_EXPELLED";
        throw error;
      });
      expect(status).toBe(i % 2 === 0 ? "ACCEPTED" : expelled.status === "fulfilled" ? "REJECTED_THEN_EXPELLED" : "REJECTED");
    }
  });

  it("cancels an order once when two cancellations race", async () => {
    const cancelSchool = await callerAs(db.prisma, "school.registrar");
    for (let i = 0; i < ITERATIONS; i++) {
      const learnerId = await newLearner();
      const change = await sender.movement.event({
        type: "CLASS_CHANGE",
        learnerId,
        order: order(`К-${i}`),
        placement: { level: "BASIC", grade: 5, classLetter: "Б" },
        reason: "По заявлению родителей",
      });
      const results = await Promise.allSettled([
        sender.movement.cancel({ learnerId, eventId: change.eventId, order: order(`ОТ-${i}-1`), reason: "Ошибка в приказе" }),
        cancelSchool.movement.cancel({ learnerId, eventId: change.eventId, order: order(`ОТ-${i}-2`), reason: "Ошибка в приказе" }),
      ]);
      oneWinner(results);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { message: expect.stringContaining("уже отменён") } });
      expect(await db.prisma.movementEvent.count({ where: { learnerId, type: "CANCELLATION" } })).toBe(1);
      expect(await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId } })).toMatchObject({ status: "ACTIVE", grade: 5, classLetter: "А" });
    }
  });
});
