// Every portal's procedures, called as every role: the home portal's roles
// are served, every other role gets FORBIDDEN, and scope limits what is seen.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../../prisma/seed/demo-region";
import type { Role } from "../authz/matrix";
import { approvePendingAccount } from "../testing/approvals";
import { callerAs } from "../testing/callers";
import { createSeededTestDatabase, describeDb } from "../testing/test-db";

type Caller = Awaited<ReturnType<typeof callerAs>>;
const PROBES: { name: string; allowed: Role[]; call: (c: Caller) => Promise<unknown> }[] = [
  { name: "school.organisation", allowed: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR", "SCHOOL_MEDIC"], call: (c) => c.school.organisation() },
  { name: "school.organisationsDirectory", allowed: ["SCHOOL_ADMIN", "SCHOOL_REGISTRAR", "SCHOOL_MEDIC"], call: (c) => c.school.organisationsDirectory() },
  { name: "ministry.organisationsByMunicipality", allowed: ["EDU_OFFICER"], call: (c) => c.ministry.organisationsByMunicipality() },
  { name: "health.organisationsByMunicipality", allowed: ["HEALTH_OFFICER"], call: (c) => c.health.organisationsByMunicipality() },
  { name: "admin.users.list", allowed: ["SYSTEM_ADMIN"], call: (c) => c.admin.users.list({}) },
  { name: "admin.users.scopeOptions", allowed: ["SYSTEM_ADMIN"], call: (c) => c.admin.users.scopeOptions() },
  { name: "admin.audit.list", allowed: ["AUDITOR"], call: (c) => c.admin.audit.list({}) },
  { name: "admin.audit.verifyChain", allowed: ["AUDITOR"], call: (c) => c.admin.audit.verifyChain() },
];

describeDb("portal access per role", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  for (const account of DEMO_ACCOUNTS) {
    for (const probe of PROBES) {
      const allowed = probe.allowed.includes(account.role);
      it(`${account.role} → ${probe.name}: ${allowed ? "served" : "FORBIDDEN"}`, async () => {
        const caller = await callerAs(db.prisma, account.login);
        if (allowed) await expect(probe.call(caller)).resolves.toBeDefined();
        else await expect(probe.call(caller)).rejects.toMatchObject({ code: "FORBIDDEN" });
      });
    }
  }

  it("a school role sees its own organisation, never another one", async () => {
    const org = await (await callerAs(db.prisma, "school.admin")).school.organisation();
    expect(org.id).toBe(db.seeded.organisationIds.school1);
    expect(org.inn).toMatch(/^\d{10}$/);
    expect(org.activeStaffAccounts).toBe(3);
  });

  it("the school directory lists the region's open organisations by public name only", async () => {
    const directory = await (await callerAs(db.prisma, "school.registrar")).school.organisationsDirectory();
    expect(directory).toHaveLength(7);
    expect(Object.keys(directory[0]!).sort()).toEqual(["id", "municipalityName", "shortName"]);
  });

  it("a region-wide officer sees every municipality; a municipal one only its own", async () => {
    const region = await (await callerAs(db.prisma, "edu.officer")).ministry.organisationsByMunicipality();
    expect(region.map((r) => r.total).reduce((a, b) => a + b, 0)).toBe(7);
    expect(region).toHaveLength(3);

    const admin = await callerAs(db.prisma, "sys.admin");
    const municipalityId = db.seeded.municipalityIds.sosnovka;
    await admin.admin.users.create({ login: "edu.sosnovka", fullName: "Муниципальный Специалист Тестовый", password: "Long-enough-password-1", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId });
    await approvePendingAccount(db.prisma, "edu.sosnovka"); // two-person rule
    const local = await (await callerAs(db.prisma, "edu.sosnovka")).ministry.organisationsByMunicipality();
    expect(local).toEqual([expect.objectContaining({ municipalityId, total: 2 })]);
  });

  it("an account whose stored scope contradicts its role is refused (deny on doubt)", async () => {
    // Bypass the service to simulate a corrupted row; the CHECK constraint
    // allows it (REGION columns are consistent), the matrix does not.
    await db.sql.query(`UPDATE "User" SET "scopeKind" = 'REGION', "organisationId" = NULL WHERE login = 'school.medic'`);
    const caller = await callerAs(db.prisma, "school.medic");
    await expect(caller.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
