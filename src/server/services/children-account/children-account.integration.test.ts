// The municipal account of children and the admission forecast on a real
// database (both kinds): a small world the test inserts — two municipalities,
// their schools, learners with enrolments, orders (coded and uncoded reasons,
// a cancelled one), marks and addresses, the register's residents, territories
// — and for each list exactly which children appear with which reason, and
// which do not (enrolled, family education, left the region, dead, adult,
// graduated СОО, re-enrolled, too recent, other municipality). Then scope per
// role, the audit row of every read, the forecast's counts per assigned school
// (street, house, settlement, an overlap, places), and the XLSX equal to the screen.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EducationLevel, LeavingReason, MovementType } from "../../generated/prisma/enums";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleChildrenAccountExport } from "../../http/children-account-files";
import { createAddressFixture, type AddressFixture } from "../../testing/address-fixtures";
import { callerAs } from "../../testing/callers";
import { sessionToken } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { accountCells, ACCOUNT_COLUMNS, FORECAST_COLUMNS } from "./xlsx";

const D = "2026-11-16"; // Y = 2026, 1 September = 2026-09-01
const YEAR = 2026;
const F = 2027; // the forecast's year of admission

describeDb("municipal account of children", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let Z: string; // Заречный: mun.officer's
  let S: string; // Сосновский
  let school1: string, school9: string, kinder5: string, gymn2: string;
  let registrar: string;
  let fx: AddressFixture, fx2: AddressFixture;
  const L: Record<string, string> = {};
  const R: Record<string, string> = {};

  const learner = async (key: string, birth: string, address?: { municipalityId: string; kind?: "RESIDENCE" | "STAY" | "ACTUAL"; house?: bigint }) => {
    const l = await db.prisma.learner.create({
      data: { regionId: db.seeded.regionId, lastName: `Учётов${key.replace(/[^A-Za-zА-Яа-я]/g, "")}`, firstName: "Иван", birthDate: new Date(birth), sex: "MALE", citizenship: "643" },
    });
    L[key] = l.id;
    if (address)
      await db.prisma.learnerAddress.create({
        data: { learnerId: l.id, kind: address.kind ?? "RESIDENCE", municipalityId: address.municipalityId, settlement: "Заречный", street: "Школьная", house: "1", garHouseId: address.house ?? null, match: address.house ? "HOUSE" : "UNMATCHED" },
      });
    return l.id;
  };
  const enrol = (key: string, organisationId: string, enrolledAt: string, endedAt: string | null = null, level: EducationLevel = "BASIC") =>
    db.prisma.enrolment.create({
      data: { learnerId: L[key]!, organisationId, level, grade: level === "PRESCHOOL" ? null : 7, enrolledAt: new Date(enrolledAt), endedAt: endedAt ? new Date(endedAt) : null, status: endedAt ? "ENDED" : "ACTIVE" },
    });
  let orderNo = 0;
  const order = (key: string, organisationId: string, type: MovementType, effective: string, extra: { leavingReason?: LeavingReason; reason?: string; fromLevel?: EducationLevel; cancelsEventId?: string } = {}) =>
    db.prisma.movementEvent.create({
      data: { learnerId: L[key]!, organisationId, type, orderNumber: `${++orderNo}-у`, orderDate: new Date(effective), effectiveDate: new Date(effective), createdById: registrar, ...extra },
    });
  /** Enrolled from 2019, ended by an order of `type` on `effective`. */
  const left = async (key: string, organisationId: string, effective: string, reason: LeavingReason | null, text?: string, type: MovementType = "EXPULSION") => {
    await enrol(key, organisationId, "2019-09-01", effective);
    await order(key, organisationId, type, effective, { ...(reason ? { leavingReason: reason } : {}), ...(text ? { reason: text } : {}) });
  };
  const resident = async (key: string, municipalityId: string, birth: string, extra: Record<string, unknown> = {}) => {
    const r = await db.prisma.residentChild.create({
      data: { municipalityId, lastName: `Жителев${key}`, firstName: "Пётр", searchName: `жителев${key.toLowerCase()} петр`, birthDate: new Date(birth), source: "POLYCLINIC", addressText: "г. Заречный, ул. Школьная, д. 1", ...extra },
    });
    R[key] = r.id;
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    Z = db.seeded.municipalityIds.zarechny!;
    S = db.seeded.municipalityIds.sosnovka!;
    school1 = db.seeded.organisationIds.school1!;
    kinder5 = db.seeded.organisationIds.kinder5!;
    gymn2 = db.seeded.organisationIds.gymn2!;
    school9 = (
      await db.prisma.organisation.create({
        data: { municipalityId: Z, type: "GENERAL_SCHOOL", shortName: "МБОУ СОШ № 9", fullName: "МБОУ «Средняя школа № 9»", inn: "9901000099", ogrn: "1029900000099", kpp: "990101001", founder: "Администрация городского округа Заречный" },
      })
    ).id;
    registrar = (await db.prisma.user.findUniqueOrThrow({ where: { login: "school.registrar" } })).id;
    await db.prisma.user.create({
      data: { login: "mun.sosnovka", fullName: "Сосновский Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: S, regionId: db.seeded.regionId, passwordHash: await hashPassword("Municipal-officer-password-1") },
    });
    fx = await createAddressFixture(db.prisma, { municipalityId: Z });
    fx2 = await createAddressFixture(db.prisma, { municipalityId: Z, settlementName: "Луговое", prefix: "Луговая" });
    const A = fx.streetAHouses, B = fx.streetBHouses;
    const z = (house?: bigint) => ({ municipalityId: Z, house });

    // ── List 1 and 3 ───────────────────────────────────────────────────────
    await learner("enrolled", "2012-05-05", z(A[0]));
    await enrol("enrolled", school1, "2020-09-01");
    await db.prisma.subjectGrade.create({ data: { learnerId: L.enrolled!, organisationId: school1, academicYear: YEAR, subject: "Математика", period: "1 четверть", mark: 4, createdById: registrar, createdAt: new Date("2026-10-01T09:00:00Z") } });
    await learner("never", "2012-05-05", z(A[1]));
    await learner("expelled", "2012-05-05", z());
    await left("expelled", school1, "2026-10-01", "DISCIPLINARY", "систематические нарушения");
    await learner("nullReason", "2012-05-05", z());
    await left("nullReason", school1, "2026-09-05", null, "по заявлению");
    await learner("transferOut", "2012-05-05", z());
    await left("transferOut", school1, "2026-09-15", "TRANSFER_IN_REGION", undefined, "TRANSFER_OUT");
    await learner("family", "2012-05-05", z());
    await left("family", school1, "2026-10-01", "FAMILY_EDUCATION");
    await learner("familyRegister", "2012-05-05", z());
    await resident("FamReg", Z, "2012-05-05", { learnerId: L.familyRegister, matchedBy: "SNILS", educationForm: "FAMILY", educationFormSince: new Date("2026-09-01") });
    await learner("leftRegion", "2012-05-05", z());
    await left("leftRegion", school1, "2026-10-10", "TRANSFER_OTHER_REGION");
    await learner("abroad", "2012-05-05", z());
    await left("abroad", school1, "2026-09-20", "TRANSFER_ABROAD");
    await learner("oldLeft", "2012-05-05", z());
    await left("oldLeft", school1, "2026-05-01", "TRANSFER_OTHER_REGION");
    await learner("dead", "2012-05-05", z());
    await left("dead", school1, "2026-10-01", "DEATH");
    await learner("adult", "2008-01-01", z());
    await learner("adultAtOrder", "2008-06-01", z());
    await left("adultAtOrder", school1, "2026-09-05", "DISCIPLINARY");
    await learner("sooGraduate", "2009-03-03", z());
    await enrol("sooGraduate", school1, "2019-09-01", "2026-06-25", "SECONDARY");
    await order("sooGraduate", school1, "GRADUATION", "2026-06-25", { fromLevel: "SECONDARY" });
    await learner("sooCertificate", "2009-03-03", z());
    await db.prisma.certificate.create({ data: { learnerId: L.sooCertificate!, organisationId: school1, level: "SECONDARY_GENERAL", number: "77 000001", issuedAt: new Date("2026-06-28"), createdById: registrar } });
    await learner("basicGraduate", "2010-04-04", z());
    await enrol("basicGraduate", school1, "2019-09-01", "2026-06-25");
    await order("basicGraduate", school1, "GRADUATION", "2026-06-25", { fromLevel: "BASIC" });
    await learner("reenrolled", "2012-05-05", z());
    await left("reenrolled", school1, "2026-09-10", "OTHER", "переезд");
    await enrol("reenrolled", gymn2, "2026-09-20");
    await learner("recent", "2012-05-05", z());
    await left("recent", school1, "2026-11-01", "HEALTH");
    await learner("otherMunicipality", "2012-05-05", { municipalityId: S });
    await learner("young", "2019-01-01", z());
    await learner("cancelledExpulsion", "2012-05-05", z());
    await enrol("cancelledExpulsion", school1, "2019-09-01");
    const exp = await order("cancelledExpulsion", school1, "EXPULSION", "2026-10-01", { leavingReason: "DISCIPLINARY" });
    await order("cancelledExpulsion", school1, "CANCELLATION", "2026-10-01", { cancelsEventId: exp.id });
    await learner("stayOnly", "2012-05-05", { municipalityId: Z, kind: "STAY" });
    await learner("residenceElsewhere", "2012-05-05", { municipalityId: S });
    await db.prisma.learnerAddress.create({ data: { learnerId: L.residenceElsewhere!, kind: "ACTUAL", municipalityId: Z, match: "UNMATCHED", sourceText: "где-то в Заречном" } });
    await learner("expelledElsewhere", "2012-05-05", z());
    await left("expelledElsewhere", gymn2, "2026-10-01", "DISCIPLINARY");
    await learner("registerOnly", "2012-05-05");
    await resident("RegOnly", Z, "2012-05-05", { learnerId: L.registerOnly, matchedBy: "NAME_BIRTH_ADDRESS", garHouseId: A[2] });
    await resident("Unknown", Z, "2013-02-02", { garHouseId: A[0] });
    await resident("Family", Z, "2013-02-02", { educationForm: "FAMILY", educationFormSince: new Date("2025-09-01") });
    await resident("Left", Z, "2013-02-02", { leftAt: new Date("2026-10-05") });
    await resident("Young", Z, "2020-02-02");
    await resident("Sosnovka", S, "2013-02-02");

    // ── List 2 ─────────────────────────────────────────────────────────────
    await learner("noStart", "2012-05-05", z());
    await enrol("noStart", school1, "2025-09-01");
    await learner("oldMark", "2012-05-05", z());
    await enrol("oldMark", school1, "2025-09-01");
    await db.prisma.subjectGrade.create({ data: { learnerId: L.oldMark!, organisationId: school1, academicYear: 2025, subject: "Математика", period: "год", mark: 4, createdById: registrar, createdAt: new Date("2026-05-20T09:00:00Z") } });
    await learner("classChange", "2012-05-05", z());
    await enrol("classChange", school1, "2025-09-01");
    await order("classChange", school1, "CLASS_CHANGE", "2026-10-01");
    await learner("lateEnrol", "2012-05-05", z());
    await enrol("lateEnrol", school1, "2026-10-01");
    await learner("kinder", "2020-06-01", z(A[2]));
    await enrol("kinder", kinder5, "2023-09-01", null, "PRESCHOOL");

    // ── Territories: 2026 (the lists' Y) and 2027 (the forecast) ──────────
    const officer = (await db.prisma.user.findUniqueOrThrow({ where: { login: "mun.officer" } })).id;
    for (const year of [YEAR, F]) {
      const o = await db.prisma.territoryOrder.create({ data: { municipalityId: Z, academicYear: year, orderNumber: `${year}-T`, orderDate: new Date(`${year}-03-01`), createdById: officer } });
      const assign = (organisationId: string, objectKind: "HOUSE" | "STREET" | "SETTLEMENT", garObjectId: bigint) =>
        db.prisma.territoryAssignment.create({ data: { orderId: o.id, organisationId, academicYear: year, objectKind, garObjectId } });
      await assign(school1, "STREET", fx.streetIds[0]);
      if (year === F) {
        await assign(school1, "HOUSE", B[0]!);
        await assign(school9, "HOUSE", B[0]!);
        await assign(school9, "SETTLEMENT", fx2.settlementId);
      }
    }
    await db.prisma.firstGradePlaces.create({ data: { organisationId: school1, academicYear: F, places: 25, updatedById: officer } });
    await db.prisma.firstGradePlaces.create({ data: { organisationId: school1, academicYear: YEAR, places: 99, updatedById: officer } });

    // ── Forecast (1 September 2027: from 2019-09-02 to 2021-03-01) ─────────
    await resident("F1", Z, "2020-12-01", { garHouseId: A[0] });
    await resident("F2", Z, "2020-01-15", { garHouseId: A[1] });
    await resident("F3", Z, "2020-06-01", { garHouseId: B[0] });
    await resident("F4", Z, "2020-06-01", { garHouseId: fx2.streetAHouses[0] });
    await resident("F5", Z, "2020-06-01");
    await resident("F6", Z, "2020-06-01", { garHouseId: B[1] });
    await resident("F7", Z, "2021-06-01", { garHouseId: A[0] });
    await resident("F8", Z, "2019-06-01", { garHouseId: A[0] });
    await resident("F9", Z, "2020-06-01", { garHouseId: A[0], leftAt: new Date("2026-10-01") });
    await resident("F13", S, "2020-06-01");
    // A preschool learner counted through its address; one matched to a resident counted once (kinder, above, through RegKinder).
    await learner("preschool", "2020-03-03", z(A[2]));
    await enrol("preschool", kinder5, "2023-09-01", null, "PRESCHOOL");
    await resident("RegKinder", Z, "2020-06-01", { learnerId: L.kinder, matchedBy: "SNILS", garHouseId: A[3] });
    await learner("firstGrader", "2019-10-01", z(A[3]));
    await enrol("firstGrader", school1, "2026-09-01", null, "PRIMARY");
    await resident("FirstGrader", Z, "2019-10-01", { learnerId: L.firstGrader, matchedBy: "SNILS", garHouseId: A[3] });
  });
  afterAll(() => db?.close());

  const list = async (login: string, input: Record<string, unknown>) =>
    (await callerAs(db.prisma, login)).childrenAccount.list({ date: D, pageSize: 500, ...input } as never);
  const byId = <T extends { id: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.id, r]));
  const keysOf = (rows: { id: string }[]) => rows.map((r) => Object.keys(L).find((k) => L[k] === r.id) ?? Object.keys(R).find((k) => R[k] === r.id)).sort();

  it("lists children not in education with the reason, and none of those who are", async () => {
    const page = await list("mun.officer", { list: "notInEducation" });
    expect(keysOf(page.rows)).toEqual(
      ["never", "expelled", "nullReason", "transferOut", "basicGraduate", "recent", "stayOnly", "expelledElsewhere", "registerOnly", "Unknown"].sort(),
    );
    const rows = byId(page.rows);
    expect(rows[L.never!]).toMatchObject({ reasonCode: "NO_RECORD", reason: "нет сведений об обучении", source: "learner", organisation: null });
    expect(rows[L.expelled!]).toMatchObject({ reasonCode: "EXPELLED", reason: "отчислен(а): Отчисление как мера дисциплинарного взыскания (систематические нарушения)", organisation: "МБОУ СОШ № 1", date: "2026-10-01" });
    expect(rows[L.nullReason!]!.reason).toBe("отчислен(а): не указана (по заявлению)");
    expect(rows[L.transferOut!]!.reason).toBe("отчислен(а): Перевод в другую организацию региона");
    expect(rows[L.basicGraduate!]).toMatchObject({ reasonCode: "BASIC_GRADUATE", reason: "окончил(а) 9 класс и не продолжил(а) обучение", organisation: "МБОУ СОШ № 1" });
    expect(rows[L.expelledElsewhere!]!.organisation).toBe("МБОУ «Гимназия № 2»");
    expect(rows[R.Unknown!]).toMatchObject({ source: "resident", reasonCode: "NO_RECORD", assignedSchool: "МБОУ СОШ № 1", age: 13 });
    expect(rows[L.registerOnly!]).toMatchObject({ source: "learner", assignedSchool: "МБОУ СОШ № 1", address: "г. Заречный, ул. Школьная, д. 1" });
    expect(rows[L.never!]!.assignedSchool).toBe("МБОУ СОШ № 1");
    for (const r of page.rows) expect(r.nextStep, r.name).not.toBe("");
    expect(page.total).toBe(10);
    // The other municipality's account holds its own children only.
    expect(keysOf((await list("mun.sosnovka", { list: "notInEducation" })).rows)).toEqual(["Sosnovka", "otherMunicipality", "residenceElsewhere"].sort());
  });

  it("lists learners who did not start after 1 September + K days, and nobody before", async () => {
    const page = await list("mun.officer", { list: "didNotStart" });
    expect(keysOf(page.rows)).toEqual(["noStart", "oldMark", "cancelledExpulsion", "firstGrader"].sort());
    expect(page.rows[0]).toMatchObject({ reasonCode: "DID_NOT_START", organisation: "МБОУ СОШ № 1" });
    expect((await list("mun.officer", { list: "didNotStart", date: "2026-09-10" })).total).toBe(0);
    expect((await list("mun.officer", { list: "didNotStart", date: "2026-09-10", grace: 5 })).total).toBeGreaterThan(0);
  });

  it("lists children who left an organisation of the municipality N days ago without a new enrolment", async () => {
    const page = await list("mun.officer", { list: "droppedOut" });
    expect(keysOf(page.rows)).toEqual(["expelled", "nullReason", "transferOut"].sort());
    const rows = byId(page.rows);
    expect(rows[L.expelled!]).toMatchObject({ reason: "Отчисление как мера дисциплинарного взыскания (систематические нарушения)", date: "2026-10-01", daysSince: 46, organisation: "МБОУ СОШ № 1" });
    expect(rows[L.expelled!]!.order).toMatch(/^№ \d+-у от 01\.10\.2026$/);
    expect(rows[L.nullReason!]!.reason).toBe("не указана (по заявлению)");
    // N = 10 reaches the order of 1 November too.
    expect(keysOf((await list("mun.officer", { list: "droppedOut", days: 10 })).rows)).toEqual(["expelled", "nullReason", "transferOut", "recent"].sort());
    expect(keysOf((await list("mun.sosnovka", { list: "droppedOut" })).rows)).toEqual(["expelledElsewhere"]);
  });

  it("lists children who left the region since 1 September, by order and by the register", async () => {
    const page = await list("mun.officer", { list: "leftRegion" });
    expect(keysOf(page.rows)).toEqual(["leftRegion", "abroad", "Left", "F9"].sort());
    const rows = byId(page.rows);
    expect(rows[L.leftRegion!]).toMatchObject({ reason: "Выбытие в другой субъект РФ", nextStep: expect.stringContaining("Запросить подтверждение зачисления") });
    expect(rows[L.abroad!]!.nextStep).toContain("выезда за пределы РФ");
    expect(rows[R.Left!]).toMatchObject({ source: "resident", reasonCode: "RESIDENT_LEFT", date: "2026-10-05" });
    expect(keysOf((await list("mun.officer", { list: "leftRegion", since: "2026-01-01" })).rows)).toContain("oldLeft");
  });

  it("counts each list as its rows, pages a list, and audits every read with the learners listed", async () => {
    const caller = await callerAs(db.prisma, "mun.officer");
    const { counts, params } = await caller.childrenAccount.counts({ date: D });
    expect(counts).toEqual({ notInEducation: 10, didNotStart: 4, droppedOut: 3, leftRegion: 4 });
    expect(params).toMatchObject({ municipalityId: Z, academicYear: YEAR, since: "2026-09-01", days: 30, grace: 14 });
    const whole = await list("mun.officer", { list: "notInEducation" });
    const second = await caller.childrenAccount.list({ list: "notInEducation", date: D, page: 2, pageSize: 4 });
    expect(second.rows).toEqual(whole.rows.slice(4, 8));
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "childrenAccount.list.read", actorLogin: "mun.officer" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ entityType: "Municipality", entityId: Z });
    expect(audit.details).toMatchObject({ list: "notInEducation", date: D, total: 10, page: 2 });
    const links = await db.prisma.auditEventLearner.findMany({ where: { eventId: audit.id }, select: { learnerId: true } });
    const onPage = second.rows;
    expect(links.map((l) => l.learnerId).sort()).toEqual(onPage.filter((r) => r.source === "learner").map((r) => r.id).sort());
    expect((audit.details as { residentIds: string[] }).residentIds.sort()).toEqual(onPage.filter((r) => r.source === "resident").map((r) => r.id).sort());
  });

  it("keeps a municipal officer to its municipality, makes the region's officer name one, refuses other roles", async () => {
    await expect(list("mun.officer", { list: "notInEducation", municipalityId: S })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(list("mun.sosnovka", { list: "droppedOut", municipalityId: Z })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(list("edu.officer", { list: "notInEducation" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const region = await list("edu.officer", { list: "notInEducation", municipalityId: Z });
    expect(region.rows).toEqual((await list("mun.officer", { list: "notInEducation" })).rows);
    for (const login of ["school.admin", "school.registrar", "school.medic", "health.officer", "sys.admin", "auditor"]) {
      await expect(list(login, { list: "notInEducation", municipalityId: Z }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect((await callerAs(db.prisma, login)).childrenAccount.forecast({ municipalityId: Z, year: F }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect((await callerAs(db.prisma, "mun.sosnovka")).childrenAccount.forecast({ municipalityId: Z, year: F })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("forecasts first-graders per assigned school: street, house, settlement, an overlap, places", async () => {
    const result = await (await callerAs(db.prisma, "mun.officer")).childrenAccount.forecast({ year: F });
    const row = (id: string) => result.rows.find((r) => r.organisationId === id);
    // Street A: F1, F2, the register's RegKinder (its learner `kinder` once) and the preschool learner; house B1: F3, also school 9's.
    expect(row(school1)).toMatchObject({ children: 5, overlap: 1, places: 25, difference: 20 });
    // F3 (the overlap) and F4 (school 9's settlement).
    expect(row(school9)).toMatchObject({ children: 2, overlap: 1, places: null, difference: null });
    // No house: F5 and the resident «Young»; B2 assigned to nobody: F6. Not counted: too young, too old, left, the other municipality, the first-grader.
    expect(result).toMatchObject({ unknownHouse: 2, unassigned: 1, total: 9, yearLabel: "2027/28" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "childrenAccount.forecast.read" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ year: F, total: result.total });
  });

  const download = async (login: string, query: string) =>
    handleChildrenAccountExport(
      new NextRequest(`http://localhost:3000/api/ministry/children-account?${query}`, { headers: { cookie: `${sessionCookieName()}=${await sessionToken(db.prisma, login)}` } }),
      db.prisma,
    );
  const sheet = async (res: Response) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return Array.from(wb.worksheets[0]!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : [])).filter((r) => r.length > 0);
  };

  describe("XLSX", () => {
    it("returns each list as a workbook whose rows equal the screen's, audited; refuses outside the scope", async () => {
      for (const kind of ["notInEducation", "didNotStart", "droppedOut", "leftRegion"] as const) {
        const screen = await list("mun.officer", { list: kind });
        const res = await download("mun.officer", `kind=${kind}&date=${D}`);
        expect(res.status, kind).toBe(200);
        expect(res.headers.get("Content-Disposition")).toContain(`${D}.xlsx`);
        const values = await sheet(res);
        const start = values.findIndex((r) => r[0] === ACCOUNT_COLUMNS[0]);
        expect(values[start]).toEqual(ACCOUNT_COLUMNS);
        const cells = (v: unknown[]) => v.map((c) => (c === undefined || c === null ? "" : c));
        expect(values.slice(start + 1).map(cells), kind).toEqual(screen.rows.map((r) => cells(accountCells(r))));
        const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "childrenAccount.list.export" }, orderBy: { id: "desc" } });
        expect(audit.details).toMatchObject({ list: kind, total: screen.total });
        expect(await db.prisma.auditEventLearner.count({ where: { eventId: audit.id } })).toBe(screen.rows.filter((r) => r.source === "learner").length);
      }
      const forecast = await sheet(await download("mun.officer", `kind=forecast&year=${F}`));
      expect(forecast).toContainEqual(FORECAST_COLUMNS);
      expect(forecast).toContainEqual(["МБОУ СОШ № 1", 5, 1, 25, 20]);
      expect((await download("mun.officer", `kind=droppedOut&municipalityId=${S}`)).status).toBe(404);
      expect((await download("school.admin", `kind=droppedOut`)).status).toBe(403);
      expect((await download("mun.officer", `kind=droppedOut&days=0`)).status).toBe(400);
      expect((await download("mun.officer", `kind=nothing`)).status).toBe(400);
    });
  });
});
