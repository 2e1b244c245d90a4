// The ministry's performance view (issue 21) on the test world of
// src/server/testing/performance-world.ts: each figure shown equals the direct
// recount, every small count is hidden (and what follows from it), a
// drill-down agrees with the level above, the region and a municipality see
// the same figures, scope and roles are enforced, and the XLSX/PDF export is
// the screen's table under the reports' header, audited.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handlePerformanceExport } from "../../http/report-files";
import { callerAs } from "../../testing/callers";
import { buildPerformanceWorld, P1, recount, type World } from "../../testing/performance-world";
import { sessionToken } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import type { TerritoryPerformance } from "./territory-performance";

const THRESHOLD = 5;
type Figures = TerritoryPerformance["totals"]["current"];

/** Every shown figure equals the exact one; every count from 1 to 4 is hidden; shares only with their learners shown. */
function expectShownMatch(shown: Figures, exact: ReturnType<typeof recount>, what: string) {
  const counts = { learners: shown.learners, ...shown.marks };
  for (const [k, v] of Object.entries(counts)) {
    const real = exact[k as keyof typeof exact] as number;
    if (real > 0 && real < THRESHOLD) expect(v, `${what}: ${k} is small`).toBeNull();
    if (v !== null) expect(v, `${what}: ${k}`).toBe(real);
  }
  if (shown.learners === null) expect([shown.successRate, shown.qualityRate], what).toEqual([null, null]);
  if (shown.successRate !== null) expect(shown.successRate, what).toBe(exact.successRate);
  if (shown.qualityRate !== null) expect(shown.qualityRate, what).toBe(exact.qualityRate);
  if (Object.values(shown.marks).some((v) => v === null)) expect(shown.average, what).toBeNull();
  if (shown.average !== null) expect(shown.average, what).toBe(exact.average);
}

describeDb("performance by territory: the ministry's view", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let w: World;
  const input = () => ({ academicYear: w.year, period: P1 });
  const gymnMembers = () => w.members.a6gymn.map((learnerId) => ({ learnerId, organisationId: w.org.gymn2 }));

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    w = await buildPerformanceWorld(db.prisma, db.seeded);
    const passwordHash = await hashPassword("Municipal-officer-password-1");
    for (const [login, key] of [["edu.sosnovka", "sosnovka"], ["edu.zarechny", "zarechny"]] as const) {
      await db.prisma.user.create({
        data: { login, fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds[key]!, regionId: db.seeded.regionId, passwordHash },
      });
    }
  }, 120_000);
  afterAll(() => db?.close());

  it("the region by municipality: Сосновка's figures equal the recount of gymn2's class, every figure obeys the small-number rule", async () => {
    const view = await (await callerAs(db.prisma, "edu.officer")).ministry.performance.table(input());
    expect(view.level).toBe("municipality");
    const sosnovka = view.rows.find((r) => r.key === db.seeded.municipalityIds.sosnovka)!;
    const exact = recount(w, gymnMembers(), w.year, P1);
    // All subjects: the Алгебра 5 is a sixth «5».
    expect(exact).toMatchObject({ learners: 16, m5: 6, m4: 5, m3: 5, m2: 5, successful: 10, quality: 10 });
    expect(sosnovka.current).toEqual({
      learners: 16,
      marks: { m5: 6, m4: 5, m3: 5, m2: 5 },
      average: exact.average,
      successRate: exact.successRate,
      qualityRate: exact.qualityRate,
    });
    expect(sosnovka.drill).toEqual({ municipalityId: db.seeded.municipalityIds.sosnovka });
    // Last year nobody there: no previous figures, no change.
    expect(sosnovka.delta).toEqual({ average: null, successRate: null, qualityRate: null });
  });

  it("one subject with the subjects under it: Математика counts gymn2's Алгебра mark", async () => {
    const view = await (await callerAs(db.prisma, "edu.sosnovka")).ministry.performance.table({ ...input(), subjectId: w.subjects.MATH });
    expect(view.level).toBe("organisation");
    const gymn = view.rows.find((r) => r.key === w.org.gymn2)!;
    const exact = recount(w, gymnMembers(), w.year, P1, [w.subjects.MATH!, w.subjects.ALGEBRA!]);
    expect(exact.m5).toBe(6);
    expectShownMatch(gymn.current, exact, "gymn2 Математика");
    expect(gymn.current.marks.m5).toBe(6);
    expect(gymn.current.successRate).toBe(exact.successRate);
  });

  it("drilling into school1 by class: every figure obeys the rule, small classes hidden, and agrees with the region's row", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const classes = await officer.ministry.performance.table({ ...input(), organisationId: w.org.school1 });
    expect(classes.level).toBe("class");
    const byLabel = (label: string) => classes.rows.find((r) => r.label === label)!;
    const check = (label: string, key: keyof World["members"]) =>
      expectShownMatch(byLabel(label).current, recount(w, w.members[key].map((learnerId) => ({ learnerId, organisationId: w.org.school1 })), w.year, P1), label);
    check("5А", "a5");
    check("5Б", "b5");
    check("5В", "v5");
    expect(byLabel("5Б").current.learners).toBeNull();
    expect(byLabel("5Б").current.successRate).toBeNull();
    const region = await officer.ministry.performance.table(input());
    const municipal = await (await callerAs(db.prisma, "edu.zarechny")).ministry.performance.table({ ...input(), organisationId: w.org.school1 });
    // A municipal officer sees exactly what the regional one sees.
    expect(municipal.rows).toEqual(classes.rows);
    expect(municipal.totals).toEqual(classes.totals);
    // The drill-down's totals never show what the level above hid.
    const zarechny = region.rows.find((r) => r.key === db.seeded.municipalityIds.zarechny)!;
    for (const k of ["m5", "m4", "m3", "m2"] as const) if (zarechny.current.marks[k] === null) expect(classes.totals.current.marks[k]).toBeNull();
  });

  it("scope and roles: a municipal officer elsewhere gets NOT_FOUND, school and health roles FORBIDDEN", async () => {
    const outside = await callerAs(db.prisma, "edu.zarechny");
    await expect(outside.ministry.performance.table({ ...input(), organisationId: w.org.gymn2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outside.ministry.performance.table({ ...input(), municipalityId: db.seeded.municipalityIds.sosnovka })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await outside.ministry.performance.table(input());
    expect(own.rows.map((r) => r.key)).not.toContain(w.org.gymn2);
    for (const login of ["school.admin", "health.officer", "sys.admin", "auditor"]) {
      await expect((await callerAs(db.prisma, login)).ministry.performance.table(input()), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect((await callerAs(db.prisma, "edu.officer")).ministry.performance.table({ ...input(), subjectId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the XLSX is the screen's table under the reports' header, audited as report.export; others refused", async () => {
    const cookie = async (login: string) => `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
    const url = (format: string, extra = "") => `http://localhost:3000/api/ministry/performance?academicYear=${w.year}&period=${encodeURIComponent(P1)}&format=${format}${extra}`;
    const view = await (await callerAs(db.prisma, "edu.officer")).ministry.performance.table(input());
    const before = await db.prisma.auditEvent.count({ where: { action: "report.export" } });
    const res = await handlePerformanceExport(new NextRequest(url("xlsx"), { headers: { cookie: await cookie("edu.officer") } }), db.prisma);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const values = Array.from(wb.worksheets[0]!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(values.some((r) => r[0] === "Учебный год")).toBe(true);
    const sosnovkaRow = values.find((r) => r[0] === view.rows.find((x) => x.key === db.seeded.municipalityIds.sosnovka)!.label)!;
    expect(sosnovkaRow.slice(1, 9)).toEqual([16, view.rows.find((x) => x.key === db.seeded.municipalityIds.sosnovka)!.current.average, 62.5, 62.5, 6, 5, 5, 5]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "report.export" }, orderBy: { id: "desc" }, select: { details: true, actorLogin: true } });
    expect(await db.prisma.auditEvent.count({ where: { action: "report.export" } })).toBe(before + 1);
    expect(audit).toMatchObject({ actorLogin: "edu.officer", details: { report: "performance", format: "xlsx" } });
    const pdf = await handlePerformanceExport(new NextRequest(url("pdf"), { headers: { cookie: await cookie("edu.officer") } }), db.prisma);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const refused = await handlePerformanceExport(new NextRequest(url("xlsx"), { headers: { cookie: await cookie("school.admin") } }), db.prisma);
    expect(refused.status).toBe(403);
    const outside = await handlePerformanceExport(new NextRequest(url("xlsx", `&organisationId=${w.org.gymn2}`), { headers: { cookie: await cookie("edu.zarechny") } }), db.prisma);
    expect(outside.status).toBe(404);
  });
});
