// The demo seed: complete, valid, and idempotent on a real database.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoRegion } from "../../../prisma/seed/demo-region";
import { isValidInn, isValidKpp, isValidOgrn } from "@/lib/validators";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";

describeDb("demo seed", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  const counts = async () => ({
    regions: await db.prisma.region.count(),
    municipalities: await db.prisma.municipality.count(),
    organisations: await db.prisma.organisation.count(),
    users: await db.prisma.user.count(),
    hashes: (await db.prisma.user.findMany({ select: { passwordHash: true }, orderBy: { login: "asc" } })).map((u) => u.passwordHash),
  });

  it("creates 3 municipalities, organisations of every type and one account per role (two education officers: the region's and a municipality's)", async () => {
    const c = await counts();
    expect(c).toMatchObject({ regions: 1, municipalities: 3, users: DEMO_ACCOUNTS.length });
    expect(c.organisations).toBeGreaterThanOrEqual(6);
    const types = await db.prisma.organisation.groupBy({ by: ["type"], _count: { _all: true } });
    expect(types).toHaveLength(5);
    const roles = (await db.prisma.user.findMany({ select: { role: true } })).map((u) => u.role).sort();
    expect(roles).toEqual(["AUDITOR", "EDU_OFFICER", "EDU_OFFICER", "HEALTH_OFFICER", "SCHOOL_ADMIN", "SCHOOL_ADMIN", "SCHOOL_MEDIC", "SCHOOL_REGISTRAR", "SYSTEM_ADMIN"]);
  });

  it("stores organisation identifiers that pass the domain checksums", async () => {
    for (const org of await db.prisma.organisation.findMany()) {
      expect(isValidInn(org.inn), org.inn).toBe(true);
      expect(isValidOgrn(org.ogrn), org.ogrn).toBe(true);
      expect(isValidKpp(org.kpp), org.kpp).toBe(true);
    }
  });

  it("changes nothing when run again", async () => {
    const before = await counts();
    await seedDemoRegion(db.prisma);
    expect(await counts()).toEqual(before);
  });

  it("is backed by database checks on identifier formats", async () => {
    const municipalityId = db.seeded.municipalityIds.zarechny;
    await expect(
      db.prisma.organisation.create({
        data: { municipalityId, type: "GENERAL_SCHOOL", shortName: "x", fullName: "x", founder: "x", inn: "77-0708389", ogrn: "1027700132195", kpp: "773601001" },
      }),
    ).rejects.toThrow();
  });
});
