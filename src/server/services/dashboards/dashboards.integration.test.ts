// Dashboards on a real database: known counts equal the procedures' numbers
// and a direct count, the drill-down levels, a municipal officer's scope,
// roles without reports, movement by type without cancelled orders,
// completeness per organisation, and the audited class list.
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashPassword } from "../../auth/password";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

const HELD = { in: ["ACTIVE", "PENDING_TRANSFER"] as ("ACTIVE" | "PENDING_TRANSFER")[] };
const order = (n: string, date = "2026-03-02") => ({ orderNumber: n, orderDate: date, effectiveDate: date });

describeDb("dashboards", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let zarechny: string;
  let ozyorsk: string;
  let school1: string;
  let school4: string;
  let boyA: string;

  const create = async (login: string, lastName: string, sex: "MALE" | "FEMALE", birthDate: string, level: string, grade: number, classLetter: string) => {
    const caller = await callerAs(db.prisma, login);
    const input = learnerInput({ learner: { lastName, sex, birthDate }, enrolment: { level, grade, classLetter, enrolledAt: "2025-09-01" } as never, acknowledgeDuplicate: true });
    return (await caller.learners.create(input)).id;
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    ({ zarechny, ozyorsk } = db.seeded.municipalityIds);
    school1 = db.seeded.organisationIds.school1!;
    school4 = db.seeded.organisationIds.school4!;
    const passwordHash = await hashPassword("Municipal-officer-password-1");
    await db.prisma.user.create({
      data: { login: "edu.ozyorsk", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: ozyorsk, regionId: db.seeded.regionId, passwordHash },
    });
    boyA = await create("school.registrar", "Альфов", "MALE", "2016-03-07", "PRIMARY", 4, "А");
    await create("school.registrar", "Бетова", "FEMALE", "2016-01-10", "PRIMARY", 4, "А");
    await create("school.registrar", "Гаммова", "FEMALE", "2018-05-05", "PRIMARY", 2, "Б");
    const expelled = await create("school.registrar", "Дельтов", "MALE", "2016-02-02", "PRIMARY", 4, "А");
    const kept = await create("school2.admin", "Эпсилонов", "MALE", "2011-05-10", "BASIC", 9, "А");
    const registrar = await callerAs(db.prisma, "school.registrar");
    await registrar.movement.event({ type: "EXPULSION", learnerId: expelled, order: order("D-1"), leavingReason: "DISCIPLINARY", reason: "Решение комиссии" });
    const school4Admin = await callerAs(db.prisma, "school2.admin");
    const mistaken = await school4Admin.movement.event({ type: "EXPULSION", learnerId: kept, order: order("E-1"), leavingReason: "DISCIPLINARY", reason: "Решение комиссии" });
    await school4Admin.movement.cancel({ learnerId: kept, eventId: mistaken.eventId, order: order("E-2", "2026-03-03"), reason: "Ошибочный приказ" });
    // One school-1 learner has a health record: completeness HEALTH = 1 of 3.
    const medic = await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } });
    await db.prisma.healthRecord.create({ data: { learnerId: boyA, organisationId: school1, recordedAt: new Date("2026-02-01T00:00:00Z"), createdById: medic.id, healthGroup: "I", peGroup: "MAIN" } });
  });
  afterAll(() => db?.close());

  const total = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);

  it("counts the region by municipality, equal to a direct count", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const region = await officer.ministry.dashboard.contingent({});
    expect(region.level).toBe("region");
    const direct = await db.prisma.learner.count({ where: { enrolments: { some: { status: HELD } } } });
    expect(total(region.units)).toBe(4);
    expect(total(region.units)).toBe(direct);
    expect(total(region.grades)).toBe(direct);
    const byKey = (key: string) => region.units.filter((u) => u.key === key);
    expect(byKey(zarechny).map((u) => [u.level, u.sex, u.count])).toEqual([["PRIMARY", "FEMALE", 2], ["PRIMARY", "MALE", 1]]);
    expect(byKey(ozyorsk).map((u) => [u.level, u.sex, u.count])).toEqual([["BASIC", "MALE", 1]]);
    expect(region.grades).toEqual([
      { grade: 2, sex: "FEMALE", count: 1 },
      { grade: 4, sex: "FEMALE", count: 1 },
      { grade: 4, sex: "MALE", count: 1 },
      { grade: 9, sex: "MALE", count: 1 },
    ]);
  });

  it("drills down municipality → organisation → class, and the age pyramid", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const municipality = await officer.ministry.dashboard.contingent({ municipalityId: zarechny });
    expect(municipality.level).toBe("municipality");
    expect(new Set(municipality.units.map((u) => u.key))).toEqual(new Set([school1]));
    const organisation = await officer.ministry.dashboard.contingent({ organisationId: school1 });
    expect(organisation.level).toBe("organisation");
    expect(organisation.units.map((u) => [u.key, u.label, u.sex, u.count])).toEqual([
      ["2|Б", "2Б", "FEMALE", 1],
      ["4|А", "4А", "FEMALE", 1],
      ["4|А", "4А", "MALE", 1],
    ]);
    const direct = await db.prisma.enrolment.count({ where: { organisationId: school1, status: HELD, grade: 4, classLetter: "А" } });
    expect(total(organisation.units.filter((u) => u.key === "4|А"))).toBe(direct);
    const pyramid = await officer.ministry.dashboard.agePyramid({ organisationId: school1 });
    const ageOf = (birth: string) => {
      const b = new Date(birth), now = new Date();
      return now.getUTCFullYear() - b.getUTCFullYear() - (now.getUTCMonth() * 100 + now.getUTCDate() < b.getUTCMonth() * 100 + b.getUTCDate() ? 1 : 0);
    };
    expect(total(pyramid)).toBe(3);
    expect(pyramid.find((r) => r.sex === "MALE")).toEqual({ age: ageOf("2016-03-07"), sex: "MALE", count: 1 });
  });

  it("counts movement by type without cancelled orders, and completeness per organisation", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const movement = await officer.ministry.dashboard.movement({ from: "2025-09-01", to: "2026-06-30" });
    const count = (type: string) => movement.byType.find((r) => r.type === type)?.count;
    expect(count("EXPULSION")).toBe(1);
    const enrolments = await db.prisma.movementEvent.count({
      where: { type: "ENROLMENT", effectiveDate: { gte: new Date("2025-09-01"), lte: new Date("2026-06-30") }, cancelledBy: null },
    });
    expect(count("ENROLMENT")).toBe(enrolments);
    const ozyorskOnly = await officer.ministry.dashboard.movement({ municipalityId: ozyorsk, from: "2026-03-01", to: "2026-03-31" });
    expect(ozyorskOnly.byType.every((r) => r.count === 0)).toBe(true);
    await expect(officer.ministry.dashboard.movement({ from: "2026-06-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const completeness = await officer.ministry.dashboard.completeness({});
    expect(completeness.find((r) => r.organisationId === school1)).toMatchObject({ learners: 3, personal: 3, health: 1, portfolio: 0 });
    expect(completeness.find((r) => r.organisationId === school4)).toMatchObject({ learners: 1, health: 0 });
  });

  it("keeps a municipal officer inside its municipality", async () => {
    const officer = await callerAs(db.prisma, "edu.ozyorsk");
    const region = await officer.ministry.dashboard.contingent({});
    expect(new Set(region.units.map((u) => u.key))).toEqual(new Set([ozyorsk]));
    expect(total(region.units)).toBe(1);
    expect((await officer.ministry.dashboard.completeness({})).map((r) => r.organisationId)).toEqual([school4]);
    await expect(officer.ministry.dashboard.contingent({ municipalityId: zarechny })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(officer.ministry.dashboard.contingent({ organisationId: school1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(officer.ministry.dashboard.agePyramid({ organisationId: school1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(officer.ministry.dashboard.classList({ organisationId: school1, grade: 4, letter: "А" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await officer.ministry.dashboard.classList({ organisationId: school4, grade: 9, letter: "А" })).learners).toHaveLength(1);
  });

  it("refuses roles without reports", async () => {
    for (const login of ["school.admin", "school.registrar", "school.medic", "health.officer", "sys.admin", "auditor"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.ministry.dashboard.contingent({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.dashboard.classList({ organisationId: school1, grade: 4, letter: "А" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("lists one class and audits the read as one event without names", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const list = await officer.ministry.dashboard.classList({ organisationId: school1, grade: 4, letter: "А" });
    expect(list.organisation).toBe("МБОУ СОШ № 1");
    expect(list.learners.map((l) => l.lastName)).toEqual(["Альфов", "Бетова"]);
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "dashboard.classlist.read", actorLogin: "edu.officer" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: "Organisation", entityId: school1, details: { grade: 4, letter: "А", count: 2 } });
    expect(JSON.stringify(audits[0]!.details)).not.toContain("Альфов");
  });
});
