// Every school order type, cancellation, year-end rollover, the trajectory,
// and the ministry's view of transfers, on a real database.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { currentTestYear } from "../../testing/class-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { regionToday } from "@/lib/time-zone";

const order = (n: string, date = "2026-05-31") => ({ orderNumber: n, orderDate: date, effectiveDate: date });

describeDb("school movement orders", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let school: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    school = await callerAs(db.prisma, "school2.admin"); // МБОУ СОШ № 4, empty otherwise
  });
  afterAll(() => db?.close());

  async function learnerIn(grade: number, letter = "А", birthDate = "2012-03-01") {
    const input = learnerInput({ acknowledgeDuplicate: true });
    const level = grade <= 4 ? "PRIMARY" : grade <= 9 ? "BASIC" : "SECONDARY";
    input.enrolment = { level, grade, classLetter: letter, enrolledAt: "2025-09-01" } as never;
    input.learner.birthDate = birthDate;
    return (await school.learners.create(input)).id;
  }
  const placement = async (id: string) => {
    const e = await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId: id }, orderBy: { createdAt: "desc" } });
    return [e.level, e.grade, e.classLetter, e.status];
  };

  it("promotes (4 → 5 moves НОО to ООО), repeats, moves class, expels, reinstates and graduates", async () => {
    const id = await learnerIn(4, "Б", "2015-03-01");
    // The promoted learner lands in the school's 5«Б» of the current year (a back-dated order places where the learner is now).
    const class5b = await db.prisma.schoolClass.findUniqueOrThrow({
      where: { organisationId_academicYear_grade_letter: { organisationId: db.seeded.organisationIds.school4!, academicYear: currentTestYear(), grade: 5, letter: "Б" } },
    });
    const programme = { id: class5b.programmeId };
    await school.movement.event({ type: "PROMOTION", learnerId: id, order: order("101") });
    expect(await placement(id)).toEqual(["BASIC", 5, "Б", "ACTIVE"]);
    expect(await db.prisma.enrolment.findFirstOrThrow({ where: { learnerId: id } })).toMatchObject({ classId: class5b.id, programmeId: programme.id });
    await school.movement.event({ type: "REPEAT_YEAR", learnerId: id, order: order("102") });
    expect(await placement(id)).toEqual(["BASIC", 5, "Б", "ACTIVE"]);
    await school.movement.event({ type: "CLASS_CHANGE", learnerId: id, order: order("103"), placement: { level: "BASIC", grade: 5, classLetter: "в" }, reason: "По заявлению родителей" });
    expect(await placement(id)).toEqual(["BASIC", 5, "В", "ACTIVE"]);
    await expect(school.movement.event({ type: "EXPULSION", learnerId: id, order: order("104"), reason: "" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await school.movement.event({ type: "EXPULSION", learnerId: id, order: order("104"), leavingReason: "DISCIPLINARY", reason: "Решение комиссии" });
    expect((await placement(id))[3]).toBe("ENDED");
    // Expelled: the school is now a former organisation of the learner and makes no more orders (reinstatement aside).
    await expect(school.movement.event({ type: "PROMOTION", learnerId: id, order: order("105") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await school.movement.reinstate({ learnerId: id, placement: { level: "BASIC", grade: 5, classLetter: "В" }, order: order("106", "2026-06-10") });
    expect(await placement(id)).toEqual(["BASIC", 5, "В", "ACTIVE"]);

    const trajectory = await school.movement.trajectory({ learnerId: id });
    expect(trajectory.map((e) => e.type)).toEqual(["ENROLMENT", "PROMOTION", "REPEAT_YEAR", "CLASS_CHANGE", "EXPULSION", "REINSTATEMENT"]);
    expect(trajectory[0]).toMatchObject({ orderNumber: "б/н", toLevel: "PRIMARY", toGrade: 4, toLetter: "Б" });
    expect(trajectory[1]).toMatchObject({ fromLevel: "PRIMARY", fromGrade: 4, toLevel: "BASIC", toGrade: 5, orderNumber: "101", organisation: { shortName: "МБОУ СОШ № 4" } });
    // Only an expelled learner of this school can be reinstated.
    await expect(school.movement.reinstate({ learnerId: await learnerIn(6), placement: { level: "BASIC", grade: 6 }, order: order("107") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cancels the latest order by a new one, restoring the enrolment; never edits history", async () => {
    const id = await learnerIn(7);
    const promotion = await school.movement.event({ type: "PROMOTION", learnerId: id, order: order("201") });
    const graduation = await school.movement.event({ type: "GRADUATION", learnerId: id, order: order("202") }).catch((e) => e);
    expect(graduation).toMatchObject({ eventId: expect.any(String) }); // graduation from 8th is allowed by order
    await expect(school.movement.cancel({ learnerId: id, eventId: promotion.eventId, order: order("203"), reason: "Ошибка в приказе" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("более поздние"),
    });
    await school.movement.cancel({ learnerId: id, eventId: graduation.eventId, order: order("203"), reason: "Ошибочный приказ" });
    expect(await placement(id)).toEqual(["BASIC", 8, "А", "ACTIVE"]);
    await school.movement.cancel({ learnerId: id, eventId: promotion.eventId, order: order("204"), reason: "Ошибочный приказ" });
    expect(await placement(id)).toEqual(["BASIC", 7, "А", "ACTIVE"]);
    await expect(school.movement.cancel({ learnerId: id, eventId: promotion.eventId, order: order("205"), reason: "Ещё раз" })).rejects.toMatchObject({ code: "CONFLICT" });
    const trajectory = await school.movement.trajectory({ learnerId: id });
    expect(trajectory.map((e) => [e.type, e.cancelled])).toEqual([
      ["ENROLMENT", false],
      ["PROMOTION", true],
      ["GRADUATION", true],
      ["CANCELLATION", false],
      ["CANCELLATION", false],
    ]);
    // Another school cannot cancel this school's orders.
    // The order is named with its learner: another learner's id does not find it.
    const sibling = await learnerIn(7);
    await expect(school.movement.cancel({ learnerId: sibling, eventId: graduation.eventId, order: order("206"), reason: "Не тот обучающийся" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await callerAs(db.prisma, "school.admin");
    await expect(other.movement.cancel({ learnerId: id, eventId: promotion.eventId, order: order("206"), reason: "Чужой приказ" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rolls a whole school over: preview, overrides, one transaction", async () => {
    const fresh = await createSeededTestDatabase();
    try {
      const head = await callerAs(fresh.prisma, "school2.admin");
      const make = async (grade: number, letter: string, birthDate: string) => {
        const input = learnerInput({ acknowledgeDuplicate: true });
        input.enrolment = { level: grade <= 4 ? "PRIMARY" : grade <= 9 ? "BASIC" : "SECONDARY", grade, classLetter: letter, enrolledAt: "2025-09-01" } as never;
        input.learner.birthDate = birthDate;
        return (await head.learners.create(input)).id;
      };
      const first = await make(1, "А", "2018-04-01");
      const fourth = await make(4, "Б", "2015-04-01");
      const ninth = await make(9, "А", "2010-04-01");
      const ninthStays = await make(9, "Б", "2010-05-01");
      const eleventh = await make(11, "А", "2008-04-01");
      const repeater = await make(6, "В", "2013-04-01");

      const preview = await head.movement.rollover.preview();
      expect(preview.totals).toEqual({ PROMOTION: 3, REPEAT_YEAR: 0, GRADUATION: 3 });
      const byLearner = Object.fromEntries(preview.rows.map((r) => [r.learner.id, r]));
      expect(byLearner[fourth]).toMatchObject({ action: "PROMOTION", to: { level: "BASIC", grade: 5, classLetter: "Б" } });
      expect(byLearner[ninth]).toMatchObject({ action: "GRADUATION", to: null });

      const enrolmentOf = (id: string) => byLearner[id]!.enrolmentId;
      const counts = await head.movement.rollover.commit({
        order: order("300-у", "2026-06-25"),
        overrides: [
          { enrolmentId: enrolmentOf(repeater), action: "REPEAT_YEAR" },
          { enrolmentId: enrolmentOf(ninthStays), action: "PROMOTION" },
        ],
      });
      expect(counts).toEqual({ PROMOTION: 3, REPEAT_YEAR: 1, GRADUATION: 2 });
      const now = async (id: string) => fresh.prisma.enrolment.findFirstOrThrow({ where: { learnerId: id } });
      expect(await now(first)).toMatchObject({ grade: 2, level: "PRIMARY", status: "ACTIVE" });
      expect(await now(fourth)).toMatchObject({ grade: 5, level: "BASIC" });
      expect(await now(ninth)).toMatchObject({ status: "ENDED" });
      expect(await now(ninthStays)).toMatchObject({ grade: 10, level: "SECONDARY", status: "ACTIVE" });
      expect(await now(eleventh)).toMatchObject({ status: "ENDED" });
      expect(await now(repeater)).toMatchObject({ grade: 6, status: "ACTIVE" });
      expect(await fresh.prisma.movementEvent.count({ where: { orderNumber: "300-у" } })).toBe(6);

      // An override for someone outside the school's classes refuses the whole rollover.
      await expect(
        head.movement.rollover.commit({ order: order("301-у", "2026-06-26"), overrides: [{ enrolmentId: "00000000-0000-4000-8000-000000000000", action: "PROMOTION" }] }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await fresh.prisma.movementEvent.count({ where: { orderNumber: "301-у" } })).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("shows the ministry stale transfers and flows between municipalities; refuses others", async () => {
    const id = await learnerIn(5);
    const registrar = await callerAs(db.prisma, "school2.admin");
    const { transferId } = await registrar.movement.transfers.start({ learnerId: id, toOrganisationId: db.seeded.organisationIds.school1!, order: order("401", "2026-09-01") });
    const officer = await callerAs(db.prisma, "edu.officer");
    expect((await officer.movement.oversight.staleTransfers({ olderThanDays: 0 })).map((t) => t.id)).toContain(transferId);
    expect((await officer.movement.oversight.staleTransfers({ olderThanDays: 30 })).map((t) => t.id)).not.toContain(transferId);

    const receiver = await callerAs(db.prisma, "school.admin");
    await receiver.movement.transfers.accept({ learnerId: id, transferId, placement: { level: "BASIC", grade: 5, classLetter: "А" }, order: order("402", "2026-09-02") });
    const today = regionToday();
    const flows = await officer.movement.oversight.flows({ from: "2026-01-01", to: today });
    expect(flows).toContainEqual({ fromMunicipality: "Озёрский муниципальный округ", toMunicipality: "Городской округ Заречный", transfers: 1 });
    // The receiving school now sees the sender's orders in the trajectory.
    expect((await receiver.movement.trajectory({ learnerId: id })).map((e) => [e.type, e.organisation.shortName])).toEqual([
      ["ENROLMENT", "МБОУ СОШ № 4"],
      ["TRANSFER_OUT", "МБОУ СОШ № 4"],
      ["TRANSFER_IN", "МБОУ СОШ № 1"],
    ]);
    for (const login of ["school.admin", "health.officer", "sys.admin", "auditor"]) {
      await expect((await callerAs(db.prisma, login)).movement.oversight.flows({ from: "2026-01-01", to: today }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect((await callerAs(db.prisma, "sys.admin")).movement.trajectory({ learnerId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerAs(db.prisma, "school.registrar")).movement.trajectory({ learnerId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
