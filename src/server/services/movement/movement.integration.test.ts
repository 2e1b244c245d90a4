// Movement on a real database: transfers between two demo schools, the
// one-basic-enrolment invariant under a real race, and append-only events.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { snilsWhere } from "../person/identity-fields";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

const order = (n: string, date = "2026-10-01") => ({ orderNumber: n, orderDate: date, effectiveDate: date });
const grade5 = { level: "BASIC" as const, grade: 5, classLetter: "Б" };

describeDb("movement", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let school1: Awaited<ReturnType<typeof callerAs>>;
  let school4: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    school1 = await callerAs(db.prisma, "school.registrar");
    school4 = await callerAs(db.prisma, "school2.admin");
  });
  afterAll(() => db?.close());

  async function newLearner(grade = 5) {
    const input = learnerInput();
    input.enrolment = { level: "BASIC", grade, classLetter: "А", enrolledAt: "2024-09-01" };
    input.learner.birthDate = "2014-02-01";
    input.acknowledgeDuplicate = true; // same fixture name each time
    return { ...(await school1.learners.create(input)), snils: input.learner.snils! };
  }

  it("transfers a learner: pending and still counted by the sender, then accepted by the receiver", async () => {
    const { id } = await newLearner();
    const started = await school1.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.school4!, order: order("12-о") });

    const outgoing = await school1.movement.transfers.list({ direction: "outgoing" });
    expect(outgoing.find((t) => t.id === started.transferId)).toMatchObject({ status: "PENDING", outOrder: { orderNumber: "12-о", fromGrade: 5 } });
    const sending = await school1.learners.list({ status: "PENDING_TRANSFER" });
    expect(sending.rows.map((r) => r.id)).toContain(id);
    await expect(school1.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.gymn2!, order: order("13-о") })).rejects.toMatchObject({ code: "CONFLICT" });

    const incoming = await school4.movement.transfers.list({ direction: "incoming" });
    expect(incoming.find((t) => t.id === started.transferId)).toMatchObject({ status: "PENDING", fromOrganisation: { shortName: "МБОУ СОШ № 1" } });
    // The receiver sees nothing else of the learner before accepting.
    await expect(school4.learners.card({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await school4.movement.transfers.accept({ learnerId: id, transferId: started.transferId, placement: { level: "BASIC", grade: 5, classLetter: "В" }, order: order("45") });
    const card = await school4.learners.card({ id });
    expect(card.learner).toMatchObject({ organisation: { id: db.seeded.organisationIds.school4 }, grade: 5, classLetter: "В" });
    // The sender is now a former organisation: identity only, placed at its own
    // (ended) enrolment, never told where the learner went; it can change nothing.
    const former = await school1.learners.card({ id });
    expect(former).toMatchObject({ view: "identity", relationship: "FORMER", canWrite: false, status: "ENDED" });
    expect(former.learner.organisation?.id).toBe(db.seeded.organisationIds.school1);
    expect(JSON.stringify(former)).not.toContain(db.seeded.organisationIds.school4!);
    await expect(school1.learners.update({ id, learner: learnerInput().learner })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const events = await db.prisma.movementEvent.findMany({ where: { learnerId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, e.orderNumber])).toEqual([["ENROLMENT", "б/н"], ["TRANSFER_OUT", "12-о"], ["TRANSFER_IN", "45"]]);
    await expect(school4.movement.transfers.accept({ learnerId: id, transferId: started.transferId, placement: grade5, order: order("46") })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets the receiver reject with a reason; the learner stays active at the sender", async () => {
    const { id } = await newLearner();
    const { transferId } = await school1.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.school4!, order: order("14-о") });
    await expect(school4.movement.transfers.reject({ learnerId: id, transferId, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await school4.movement.transfers.reject({ learnerId: id, transferId, reason: "Нет мест в 5-х классах" });
    const outgoing = await school1.movement.transfers.list({ direction: "outgoing" });
    expect(outgoing.find((t) => t.id === transferId)).toMatchObject({ status: "REJECTED", rejectReason: "Нет мест в 5-х классах" });
    expect((await school1.learners.list({ status: "ACTIVE" })).rows.map((r) => r.id)).toContain(id);
  });

  it("refuses roles without movement rights, and schools outside the transfer", async () => {
    const { id } = await newLearner();
    for (const login of ["school.medic", "edu.officer", "health.officer", "sys.admin", "auditor"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.school4!, order: order("1") }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.movement.transfers.list({ direction: "incoming" }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Another school cannot transfer a learner it does not hold, nor decide a transfer not addressed to it.
    await expect(school4.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.gymn2!, order: order("2") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { transferId } = await school1.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.gymn2!, order: order("3") });
    await expect(school4.movement.transfers.accept({ learnerId: id, transferId, placement: grade5, order: order("4") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(school1.movement.transfers.accept({ learnerId: id, transferId, placement: grade5, order: order("5") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The addressee must name the transfer with its own learner (the key is (learnerId, id)).
    const { id: other } = await newLearner();
    const toSchool4 = await school1.movement.transfers.start({ learnerId: other, toOrganisationId: db.seeded.organisationIds.school4!, order: order("6") });
    await expect(school4.movement.transfers.accept({ learnerId: id, transferId: toSchool4.transferId, placement: grade5, order: order("7") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(school4.movement.transfers.reject({ learnerId: id, transferId: toSchool4.transferId, reason: "Чужой обучающийся" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await school4.movement.transfers.accept({ learnerId: other, transferId: toSchool4.transferId, placement: grade5, order: order("8") });
  });

  it("refuses a basic enrolment of a learner held elsewhere without naming the school, and hides unknown people", async () => {
    const { snils } = await newLearner();
    const refused = school4.movement.enrolExisting({ snils, birthDate: "2014-02-01", placement: grade5, order: order("7") });
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("оформить перевод") });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringContaining("СОШ") });
    await expect(school4.movement.enrolExisting({ snils, birthDate: "2014-02-02", placement: grade5, order: order("7") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets exactly one of two schools win a simultaneous enrolment", async () => {
    const { id, snils } = await newLearner();
    // The learner has left school 1 (e.g. moved away and came back): no basic enrolment now.
    await db.prisma.enrolment.updateMany({ where: { learnerId: id }, data: { status: "ENDED", endedAt: new Date("2026-06-01T00:00:00Z") } });
    const gymn = await callerAs(db.prisma, "school.admin");
    const attempts = await Promise.allSettled([
      school4.movement.enrolExisting({ snils, birthDate: "2014-02-01", placement: grade5, order: order("A-1") }),
      gymn.movement.enrolExisting({ snils, birthDate: "2014-02-01", placement: grade5, order: order("B-1") }),
    ]);
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("уже зачислен в другую организацию") });
    expect(lost[0]!.reason.message).not.toMatch(/СОШ/);
    expect(await db.prisma.enrolment.count({ where: { learnerId: id, status: "ACTIVE", isBasic: true } })).toBe(1);
    expect(await db.prisma.movementEvent.count({ where: { learnerId: id, type: "ENROLMENT", orderNumber: { in: ["A-1", "B-1"] } } })).toBe(1);
  });

  it("keeps movement events append-only at the database", async () => {
    await expect(db.sql.query(`UPDATE "MovementEvent" SET "orderNumber" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.sql.query(`DELETE FROM "MovementEvent"`)).rejects.toThrow(/append-only/);
  });

  it("enrols no one into a closed organisation", async () => {
    const { snils } = await newLearner();
    await db.prisma.organisation.update({ where: { id: db.seeded.organisationIds.school4! }, data: { closedAt: new Date() } });
    await expect(school4.learners.create(learnerInput({ acknowledgeDuplicate: true }))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("закрыта") });
    await db.prisma.enrolment.updateMany({ where: { learner: snilsWhere(snils) }, data: { status: "ENDED", endedAt: new Date("2026-06-01T00:00:00Z") } });
    await expect(school4.movement.enrolExisting({ snils, birthDate: "2014-02-01", placement: grade5, order: order("9") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
