// Data quality on a real database: known bad data (some of it inserted
// directly, where the API would refuse it) gives known counts per check; the
// registrar sees no health check, the medic sees it; schools see their own
// learners only; officers see their scope; snapshots are idempotent.
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashPassword } from "../../auth/password";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { snilsColumns } from "../person/identity-fields";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { QUALITY_CHECKS, type QualityCheck } from "./data-quality";
import { countsPerOrganisation, snapshotToday } from "./quality-snapshots";
import { loadActor } from "../../auth/actor";
import { signedInClaims } from "../../testing/sessions";
import { regionToday } from "@/lib/time-zone";

describeDb("data quality", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let school1: string;
  let school4: string;
  const ids: Record<string, string> = {};

  const create = async (login: string, key: string, learner: Record<string, unknown> = {}, enrolment?: Record<string, unknown>) => {
    const caller = await callerAs(db.prisma, login);
    const input = learnerInput({ learner: { lastName: `Кач${key}`, ...learner }, ...(enrolment ? { enrolment } : {}), acknowledgeDuplicate: true } as never);
    ids[key] = (await caller.learners.create(input)).id;
  };
  const health = async (key: string, organisationId: string) => {
    const createdById = (await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } })).id;
    await db.prisma.healthRecord.create({
      data: { learnerId: ids[key]!, organisationId, recordedAt: new Date("2026-01-10T00:00:00Z"), healthGroup: "I", peGroup: "MAIN", createdById },
    });
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    school1 = db.seeded.organisationIds.school1!;
    school4 = db.seeded.organisationIds.school4!;
    const school4Municipality = (await db.prisma.organisation.findUniqueOrThrow({ where: { id: school4 } })).municipalityId;
    await db.prisma.user.create({
      data: {
        login: "edu.dq.municipal", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY",
        municipalityId: school4Municipality, regionId: db.seeded.regionId, passwordHash: await hashPassword("Municipal-officer-password-1"),
      },
    });
    await create("school.registrar", "A"); // clean apart from health
    await health("A", school1);
    await create("school.registrar", "B", { snils: undefined });
    await create("school.registrar", "C");
    await db.prisma.learner.update({ where: { id: ids.C! }, data: snilsColumns("Learner", "11111111100") }); // wrong check digits
    await create("school.registrar", "D", { lastName: "Двойников", firstName: "Иван", birthDate: "2015-05-05" });
    await create("school2.admin", "X", { lastName: "двойников", firstName: "ИВАН", birthDate: "2015-05-05" });
    await create("school.registrar", "E", {}, { level: "PRIMARY", grade: 1, classLetter: "А", enrolledAt: "2022-09-01" });
    await health("E", school1);
    await create("school.registrar", "F");
    await db.prisma.learner.update({ where: { id: ids.F! }, data: { docNumberEnc: null } });
    await create("school.registrar", "G");
    await db.prisma.consent.deleteMany({ where: { learnerId: ids.G! } });
    await db.prisma.learnerRepresentative.deleteMany({ where: { learnerId: ids.G! } });
    await create("school.registrar", "H");
    // 14 and over with a birth certificate; grade 8 keeps the age/grade check quiet.
    await db.prisma.learner.update({ where: { id: ids.H! }, data: { birthDate: new Date("2012-01-01T00:00:00Z") } });
    await db.prisma.enrolment.updateMany({ where: { learnerId: ids.H! }, data: { level: "BASIC", grade: 8 } });
    // Whether the fixtures' address is in the demo directory does not matter here: one learner's address is not found.
    await db.prisma.learnerAddress.deleteMany({ where: { learnerId: { in: Object.values(ids) } } });
    await db.prisma.learnerAddress.create({ data: { learnerId: ids.F!, kind: "RESIDENCE", match: "UNMATCHED", sourceText: "где-то" } });
  });
  afterAll(async () => db?.close());

  const expected1: Record<QualityCheck, number> = {
    missingSnils: 1, invalidSnils: 1, possibleDuplicates: 1, doubleBasicEnrolment: 0, ageGradeMismatch: 1,
    missingDocument: 1, expiredDocument: 1, missingRepresentative: 1, missingConsent: 1, addressNotFound: 1, missingHealth: 6,
  };
  const countIn = (rows: { checks: string[] }[], check: string) => rows.filter((r) => r.checks.includes(check)).length;

  it("lists the school's learners with their checks; the admin sees every check", async () => {
    const rows = await (await callerAs(db.prisma, "school.admin")).school.quality.list();
    for (const check of QUALITY_CHECKS) expect([check, countIn(rows, check)]).toEqual([check, expected1[check]]);
    expect(rows.find((r) => r.learnerId === ids.A)).toBeUndefined();
    expect(rows.find((r) => r.learnerId === ids.G)?.checks).toEqual(["missingRepresentative", "missingConsent", "missingHealth"]);
    expect(rows.some((r) => r.learnerId === ids.X)).toBe(false);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "quality.list.read" }, orderBy: { id: "desc" } });
    expect(audit?.entityId).toBe(school1);
  });

  it("hides health from the registrar and shows the medic identity checks plus missing health", async () => {
    const registrar = await (await callerAs(db.prisma, "school.registrar")).school.quality.list();
    expect(countIn(registrar, "missingHealth")).toBe(0);
    expect(countIn(registrar, "missingConsent")).toBe(1);
    const medic = await (await callerAs(db.prisma, "school.medic")).school.quality.list();
    expect(countIn(medic, "missingHealth")).toBe(6);
    for (const hidden of ["missingDocument", "expiredDocument", "missingRepresentative", "missingConsent"]) expect(countIn(medic, hidden)).toBe(0);
    expect(countIn(medic, "missingSnils")).toBe(1);
  });

  it("school2.admin sees only its own school", async () => {
    const rows = await (await callerAs(db.prisma, "school2.admin")).school.quality.list();
    expect(rows.map((r) => r.learnerId)).toEqual([ids.X]);
    expect(rows[0]!.checks).toEqual(["possibleDuplicates", "missingHealth"]);
  });

  it("gives the ministry counts per organisation equal to the school's list", async () => {
    const { organisations: counts } = await (await callerAs(db.prisma, "edu.officer")).ministry.quality.counts();
    const s1 = counts.find((c) => c.organisationId === school1)!;
    expect(s1.learners).toBe(8);
    expect(s1.counts).toEqual(expected1);
    expect(counts.find((c) => c.organisationId === school4)?.counts.possibleDuplicates).toBe(1);
    const { organisations: municipal } = await (await callerAs(db.prisma, "edu.dq.municipal")).ministry.quality.counts();
    expect(municipal.some((c) => c.organisationId === school4)).toBe(true);
    expect(municipal.some((c) => c.organisationId === school1)).toBe(false);
  });

  it("refuses roles without dataQuality.read in the ministry portal", async () => {
    for (const login of ["health.officer", "sys.admin", "auditor", "school.admin", "school.medic"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.ministry.quality.counts(), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.quality.trend({ days: 30 }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const login of ["health.officer", "edu.officer"]) {
      await expect((await callerAs(db.prisma, login)).school.quality.list(), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("takes an idempotent snapshot that the trend returns", async () => {
    const { rows: first } = await snapshotToday(db.prisma);
    const { rows: again } = await snapshotToday(db.prisma);
    expect(again).toBe(first);
    expect(await db.prisma.dataQualitySnapshot.count()).toBe(first);
    const trend = await (await callerAs(db.prisma, "edu.officer")).ministry.quality.trend({ days: 30 });
    expect(trend).toHaveLength(1);
    expect(trend[0]!.day).toBe(regionToday());
    expect(trend[0]!.counts.missingSnils).toBe(1);
    expect(trend[0]!.counts.possibleDuplicates).toBe(2);
    const municipal = await (await callerAs(db.prisma, "edu.dq.municipal")).ministry.quality.trend({ days: 30 });
    expect(municipal[0]!.counts.possibleDuplicates).toBe(1);
  });

  it("snapshots a region of 7,000 organisations in one statement (past the 65,535-parameter limit)", async () => {
    // Found at 1M learners: one value per (organisation, check) overflowed the bind message.
    const municipalityId = (await db.prisma.organisation.findUniqueOrThrow({ where: { id: school1 }, select: { municipalityId: true } })).municipalityId;
    await db.prisma.$executeRaw`
      INSERT INTO "Organisation" ("id", "municipalityId", "type", "fullName", "shortName", "inn", "ogrn", "kpp", "founder", "updatedAt")
      SELECT gen_random_uuid(), ${municipalityId}::uuid, 'GENERAL_SCHOOL', 'Школа ' || n, 'Школа ' || n, '8' || lpad(n::text, 9, '0'), '8' || lpad(n::text, 12, '0'), '770101001', 'Учредитель', now()
      FROM generate_series(1, 7000) AS n`;
    const open = await db.prisma.organisation.count({ where: { closedAt: null } });
    expect(open).toBeGreaterThan(7000);
    const { rows } = await snapshotToday(db.prisma);
    expect(rows).toBe(open * (QUALITY_CHECKS.length + 1)); // each check, and the learner count
  });

  it("serves the ministry today's snapshot while it is fresh, and recounts it once it is older", async () => {
    const officer = (await loadActor(db.prisma, await signedInClaims(db.prisma, "edu.officer")))!;
    const missing = async (maxAge: number) => {
      const { refreshedAt, organisations } = await countsPerOrganisation(db.prisma, officer, maxAge);
      return { refreshedAt, missingSnils: organisations.find((o) => o.organisationId === school1)!.counts.missingSnils };
    };
    const first = await missing(15);
    await create("school.registrar", "Свежий", { snils: undefined });
    // Within 15 minutes: the same snapshot, the new learner not yet counted.
    expect(await missing(15)).toEqual(first);
    // Older than allowed (0 minutes): recounted, with a later timestamp.
    const recounted = await missing(0);
    expect(recounted.missingSnils).toBe(first.missingSnils + 1);
    expect(recounted.refreshedAt.getTime()).toBeGreaterThan(first.refreshedAt.getTime());
    expect(await missing(15)).toEqual(recounted);
  });
});
