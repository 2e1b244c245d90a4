// Health aggregates on a real database: known counts that equal a direct
// count, the current-record rule (newest, not superseded, as of the date), only
// learners with a current enrolment, scope, roles, no mutation in health.*,
// and the XLSX export with its audit record.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { sessionToken } from "../../testing/sessions";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleHealthExport } from "../../http/health-files";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { appRouter } from "../../trpc/root";
import { healthRouter } from "../../trpc/routers/portals";

const AS_OF = "2026-06-01";
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type HealthRow = { recordedAt: string; healthGroup: "I" | "II" | "III" | "IV" | "V"; peGroup: "MAIN" | "PREPARATORY" | "SPECIAL_A" | "SPECIAL_B" } & Record<string, unknown>;

describeDb("health statistics", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let zarechny: string;
  let ozyorsk: string;
  let school1: string;

  const create = async (login: string, lastName: string, birthDate: string, level: string, grade: number, enrolledAt = "2022-09-01") => {
    const caller = await callerAs(db.prisma, login);
    const input = learnerInput({ learner: { lastName, birthDate }, enrolment: { level, grade, classLetter: "А", enrolledAt } as never, acknowledgeDuplicate: true });
    return (await caller.learners.create(input)).id;
  };
  const record = async (learnerId: string, organisationId: string, row: HealthRow, supersedesId?: string) => {
    const createdById = (await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } })).id;
    const { recordedAt, ...rest } = row;
    return (await db.prisma.healthRecord.create({ data: { learnerId, organisationId, recordedAt: d(recordedAt), createdById, supersedesId, ...rest } })).id;
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    ({ zarechny, ozyorsk } = db.seeded.municipalityIds);
    school1 = db.seeded.organisationIds.school1!;
    const school4 = db.seeded.organisationIds.school4!;
    const passwordHash = await hashPassword("Municipal-officer-password-1");
    await db.prisma.user.create({
      data: { login: "edu.zarechny", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: zarechny, regionId: db.seeded.regionId, passwordHash },
    });
    const l1 = await create("school.registrar", "Первов", "2015-03-07", "PRIMARY", 4);
    const l2 = await create("school.registrar", "Второв", "2015-06-02", "PRIMARY", 3);
    const l3 = await create("school.registrar", "Третьев", "2017-01-01", "PRIMARY", 4);
    const l4 = await create("school.registrar", "Четвертов", "2019-06-01", "PRIMARY", 1, "2025-09-01");
    const l5 = await create("school2.admin", "Пятов", "2011-05-10", "BASIC", 9);
    await create("school2.admin", "Шестов", "2011-07-10", "BASIC", 9); // no health record: not counted
    const l7 = await create("school.registrar", "Седьмов", "2015-01-01", "PRIMARY", 4);
    await db.prisma.enrolment.updateMany({ where: { learnerId: l7 }, data: { status: "ENDED", endedAt: d("2026-01-01") } });

    await record(l1, school1, { recordedAt: "2026-01-10", healthGroup: "I", peGroup: "MAIN" });
    await record(l1, school1, { recordedAt: "2026-03-01", healthGroup: "II", peGroup: "PREPARATORY" });
    const wrong = await record(l2, school1, { recordedAt: "2026-02-01", healthGroup: "III", peGroup: "SPECIAL_A", disability: "CHILD", disabilityIndefinite: true });
    await record(l2, school1, { recordedAt: "2026-02-01", healthGroup: "IV", peGroup: "SPECIAL_B", disability: "CHILD", disabilityIndefinite: true, needsAdaptedProgramme: true, ovzCategory: "AUTISM" }, wrong);
    await record(l3, school1, { recordedAt: "2026-01-05", healthGroup: "I", peGroup: "MAIN" });
    // Superseded by a correction dated earlier: the newest row is not current.
    const superseded = await record(l3, school1, { recordedAt: "2026-05-01", healthGroup: "V", peGroup: "SPECIAL_B", disability: "CHILD", disabilityIndefinite: true });
    await record(l3, school1, { recordedAt: "2026-04-30", healthGroup: "III", peGroup: "PREPARATORY" }, superseded);
    await record(l4, school1, { recordedAt: "2026-02-01", healthGroup: "I", peGroup: "MAIN", needsAdaptedProgramme: true, ovzCategory: "DEVELOPMENTAL_DELAY" });
    await record(l4, school1, { recordedAt: "2026-07-01", healthGroup: "V", peGroup: "SPECIAL_B" }); // after the as-of date
    await record(l5, school4, { recordedAt: "2026-01-20", healthGroup: "II", peGroup: "MAIN", disability: "CHILD", disabilityIndefinite: true });
    await record(l7, school1, { recordedAt: "2026-01-20", healthGroup: "I", peGroup: "MAIN" }); // no active enrolment
  });
  afterAll(() => db?.close());

  const counts = (table: { cells: { label: string; category: string; count: number | null }[] }) => Object.fromEntries(table.cells.map((r) => [`${r.label}|${r.category}`, r.count]));

  /** The same rule applied row by row in JS, for comparison with the SQL aggregate. */
  async function directHealthGroups() {
    const enrolments = await db.prisma.enrolment.findMany({ where: { status: { in: ["ACTIVE", "PENDING_TRANSFER"] } }, include: { organisation: { include: { municipality: true } } } });
    const records = await db.prisma.healthRecord.findMany({ include: { supersededBy: true } });
    const out: Record<string, number> = {};
    for (const e of enrolments) {
      const current = records
        .filter((r) => r.learnerId === e.learnerId && r.recordedAt <= d(AS_OF) && !r.supersededBy)
        .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime())[0];
      if (!current) continue;
      const key = `${e.organisation.municipality.name}|${current.healthGroup}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  it("counts health groups by municipality: known numbers equal to a direct count", async () => {
    const officer = await callerAs(db.prisma, "health.officer");
    const rows = await officer.health.stats.counts({ measure: "healthGroup", by: "municipality", asOf: AS_OF });
    const names = Object.fromEntries((await db.prisma.municipality.findMany()).map((m) => [m.id, m.name]));
    expect(counts(rows)).toEqual({
      [`${names[zarechny]}|I`]: 1,
      [`${names[zarechny]}|II`]: 1,
      [`${names[zarechny]}|III`]: 1,
      [`${names[zarechny]}|IV`]: 1,
      [`${names[ozyorsk]}|II`]: 1,
    });
    expect(counts(rows)).toEqual(await directHealthGroups());
  });

  it("counts PE groups, disabilities and ОВЗ categories; drills down to organisations, grades and ages", async () => {
    const officer = await callerAs(db.prisma, "health.officer");
    const base = { municipalityId: zarechny, asOf: AS_OF };
    const pe = await officer.health.stats.counts({ measure: "peGroup", by: "organisation", ...base });
    expect(pe.cells.map((r) => [r.key, r.category, r.count])).toEqual([
      [school1, "MAIN", 1],
      [school1, "PREPARATORY", 2],
      [school1, "SPECIAL_B", 1],
    ]);
    const disabled = await officer.health.stats.counts({ measure: "disability", by: "municipality", asOf: AS_OF });
    expect(disabled.cells.map((r) => [r.key, r.category, r.count])).toEqual([
      [zarechny, "CHILD", 1], // «Городской округ Заречный» sorts before «Озёрский…»
      [ozyorsk, "CHILD", 1],
    ]);
    const adapted = await officer.health.stats.counts({ measure: "ovzCategory", by: "grade", organisationId: school1, ...base });
    expect(adapted.cells.map((r) => [r.key, r.category, r.count])).toEqual([
      ["1", "DEVELOPMENTAL_DELAY", 1],
      ["3", "AUTISM", 1],
    ]);
    const byGrade = await officer.health.stats.counts({ measure: "healthGroup", by: "grade", organisationId: school1, ...base });
    expect(byGrade.cells.map((r) => [r.key, r.category, r.count])).toEqual([["1", "I", 1], ["3", "IV", 1], ["4", "II", 1], ["4", "III", 1]]);
    // Full years on the date: a birthday on the date counts, the day after does not.
    const byAge = await officer.health.stats.counts({ measure: "healthGroup", by: "age", organisationId: school1, ...base });
    expect(byAge.cells.map((r) => [r.key, r.category, r.count])).toEqual([["7", "I", 1], ["9", "III", 1], ["10", "IV", 1], ["11", "II", 1]]);
    // An earlier date: only the records made by then count.
    const early = await officer.health.stats.counts({ measure: "healthGroup", by: "municipality", asOf: "2026-01-31" });
    expect(early.cells.map((r) => [r.key, r.category, r.count])).toEqual([[zarechny, "I", 2], [ozyorsk, "II", 1]]);
  });

  it("gives the education officer the same aggregates, limited to its municipality", async () => {
    // Every count here is below 5, so the officer gets the same cells with each count hidden
    // (small-numbers.integration.test.ts checks shown figures against exact ones).
    const region = await (await callerAs(db.prisma, "edu.officer")).ministry.healthStats.counts({ measure: "healthGroup", by: "municipality", asOf: AS_OF });
    const exact = await (await callerAs(db.prisma, "health.officer")).health.stats.counts({ measure: "healthGroup", by: "municipality", asOf: AS_OF });
    const hide = <X extends { count: number | null }>(xs: X[]) => xs.map((x) => ({ ...x, count: null }));
    expect(region).toEqual({ cells: hide(exact.cells), places: hide(exact.places), categories: hide(exact.categories), total: 5, threshold: 5 });
    const municipal = await callerAs(db.prisma, "edu.zarechny");
    const own = await municipal.ministry.healthStats.counts({ measure: "healthGroup", by: "municipality", asOf: AS_OF });
    expect(new Set(own.cells.map((r) => r.key))).toEqual(new Set([zarechny]));
    expect(await municipal.ministry.healthStats.counts({ measure: "healthGroup", by: "organisation", municipalityId: ozyorsk, asOf: AS_OF })).toEqual({ cells: [], places: [], categories: [], total: 0, threshold: 5 });
    expect((await municipal.ministry.healthStats.places()).map((m) => m.id)).toEqual([zarechny]);
  });

  it("refuses school roles, the administrator and the auditor (FORBIDDEN), and each portal the other's router", async () => {
    const input = { measure: "healthGroup" as const, by: "municipality" as const, asOf: AS_OF };
    for (const login of ["school.admin", "school.registrar", "school.medic", "sys.admin", "auditor"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.health.stats.counts(input), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.healthStats.counts(input), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect((await callerAs(db.prisma, "edu.officer")).health.stats.counts(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerAs(db.prisma, "health.officer")).ministry.healthStats.counts(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("has no mutation anywhere under health.* but the second-person approval of health accounts", () => {
    // The Ministry of Health never writes learner data; approving a health role's account (the two-person rule) is its only decision.
    const approvals = (path: string) => path.startsWith("health.approvals.");
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>).filter(([path]) => path.startsWith("health.") && !approvals(path));
    expect(Object.keys(appRouter._def.procedures).filter(approvals).sort()).toEqual(["health.approvals.accounts", "health.approvals.approveAccount", "health.approvals.rejectAccount"].sort());
    expect(procedures.map(([path]) => path)).toContain("health.stats.counts");
    for (const [path, procedure] of procedures) expect(procedure._def.type, path).toBe("query");
    for (const [path, procedure] of Object.entries(healthRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)) {
      if (path.startsWith("approvals.")) continue;
      expect(procedure._def.type, path).toBe("query");
    }
  });

  const cookieOf = async (login: string) => {
    const token = await sessionToken(db.prisma, login);
    return `${sessionCookieName()}=${token}`;
  };
  const download = async (login: string | null, query: string) =>
    handleHealthExport(new NextRequest(`http://localhost:3000/api/health/export?${query}`, { headers: login ? { cookie: await cookieOf(login) } : undefined }), db.prisma);

  it("exports the groups aggregate to XLSX equal to the procedure's counts, audited with filters and row count", async () => {
    const res = await download("health.officer", `report=groups&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as never);
    const ws = workbook.worksheets[0]!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const body = [3, 4].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(ws.rowCount).toBe(5); // title, header, two municipalities, the totals row
    const officer = await callerAs(db.prisma, "health.officer");
    const health = await officer.health.stats.counts({ measure: "healthGroup", by: "municipality", asOf: AS_OF });
    const totals = (ws.getRow(5).values as unknown[]).slice(1);
    expect(totals[0]).toBe("Всего");
    expect(totals.at(-1)).toBe(health.total);
    expect(String(ws.getRow(1).getCell(1).value)).toContain("Демонстрационная область");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`Группы здоровья — Демонстрационная область — ${AS_OF}.xlsx`)}`);
    const pe = await officer.health.stats.counts({ measure: "peGroup", by: "municipality", asOf: AS_OF });
    for (const row of body) {
      const name = row[0];
      const cell = (label: string) => Number(row[header.indexOf(label)]);
      for (const r of health.cells.filter((x) => x.label === name)) expect(cell(`Группы здоровья: ${r.category}`)).toBe(r.count);
      const pePlace = pe.cells.filter((x) => x.label === name);
      expect(cell("Основная")).toBe(pePlace.find((x) => x.category === "MAIN")?.count ?? 0);
      expect(cell("Подготовительная")).toBe(pePlace.find((x) => x.category === "PREPARATORY")?.count ?? 0);
      expect(cell("Всего")).toBe(health.places.find((x) => x.label === name)?.count);
    }
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "health.export", actorLogin: "health.officer" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ report: "groups", rows: 2, filters: { asOf: AS_OF, municipalityId: null, organisationId: null } });
  });

  it("lets the municipal education officer export its own municipality only; refuses others (401/403)", async () => {
    const res = await download("edu.zarechny", `report=adapted&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as never);
    expect(workbook.worksheets[0]!.rowCount).toBe(4); // title, header, its municipality, the totals row
    expect((await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "health.export", actorLogin: "edu.zarechny" } })).details).toMatchObject({ report: "adapted", rows: 1 });
    expect((await download(null, "report=groups")).status).toBe(401);
    for (const login of ["school.admin", "school.medic", "sys.admin", "auditor"]) expect((await download(login, "report=groups")).status, login).toBe(403);
    expect((await download("health.officer", "report=people")).status).toBe(400);
  });

  it("exports one organisation's list with health to the Ministry of Health only, audited", async () => {
    const res = await download("health.officer", `report=list&organisationId=${school1}&asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as never);
    const ws = workbook.worksheets[0]!;
    const names = [3, 4, 5, 6].map((n) => String((ws.getRow(n).values as unknown[])[1] ?? ""));
    // Current records on the as-of date at school 1 with an active enrolment: Первов, Второв, Третьев, Четвертов.
    expect(ws.rowCount).toBe(6);
    expect(names.map((n) => n.split(" ")[0]).sort()).toEqual(["Второв", "Первов", "Третьев", "Четвертов"]);
    const row = (ln: string) => (ws.getRow(3 + names.findIndex((n) => n.startsWith(ln))).values as unknown[]).slice(1);
    expect(row("Третьев").slice(4, 6)).toEqual(["III", "Подготовительная"]); // the correction, not the superseded row
    expect((await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "health.export", actorLogin: "health.officer" }, orderBy: { id: "desc" } })).details).toMatchObject({ report: "list", rows: 4 });
    // Education officers see counts only: no per-learner list.
    expect((await download("edu.officer", `report=list&organisationId=${school1}&asOf=${AS_OF}`)).status).toBe(403);
    expect((await download("health.officer", `report=list&asOf=${AS_OF}`)).status).toBe(400);
  });
});
