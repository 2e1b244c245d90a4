// Small numbers on a real database (docs/domain.md, "Small numbers"): a school whose
// only counted learner has a disability. The education officer (HEALTH at
// "aggregate") must never see a count from 1 to 4 — not in the statistics by
// any grouping, not in a total, not in the report or the XLSX files — while
// the Ministry of Health (HEALTH "read") still sees the 1.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleHealthExport } from "../../http/health-files";
import { handleReportExport } from "../../http/report-files";
import { callerAs } from "../../testing/callers";
import { seedClassesOf } from "../../testing/class-fixtures";
import { learnerInput } from "../../testing/learner-fixtures";
import { sessionToken } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { HEALTH_DIMENSIONS, HEALTH_MEASURES } from "@/lib/schemas/health-stats";

const AS_OF = "2026-06-01";
const T = 5; // the default threshold (KONTINGENT_SMALL_CELL_THRESHOLD unset)

/** Every number anywhere in `value`, with its path. */
function numbers(value: unknown, path = "$"): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}
const small = (value: unknown) => numbers(value).filter(([, n]) => n > 0 && n < T);

describeDb("small-number suppression of health aggregates", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let zarechny: string;
  let school9: string;

  const cookieOf = async (login: string) => `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
  const sheetOf = async (res: Response) => {
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as never);
    const ws = workbook.worksheets[0]!;
    return Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    zarechny = db.seeded.municipalityIds.zarechny!;
    const school1 = db.seeded.organisationIds.school1!;
    school9 = (
      await db.prisma.organisation.create({
        data: { municipalityId: zarechny, type: "GENERAL_SCHOOL", shortName: "МБОУ СОШ № 9", fullName: "МБОУ «Средняя школа № 9»", inn: "9901000099", ogrn: "1029900000099", kpp: "990101001", founder: "Администрация городского округа Заречный" },
      })
    ).id;
    await seedClassesOf(db.prisma, school9);
    const passwordHash = await hashPassword("School-nine-password-1");
    await db.prisma.user.create({
      data: { login: "school9.registrar", fullName: "Регистратор Школы", role: "SCHOOL_REGISTRAR", scopeKind: "ORGANISATION", organisationId: school9, regionId: db.seeded.regionId, passwordHash },
    });
    const medicId = (await db.prisma.user.findUniqueOrThrow({ where: { login: "school.medic" } })).id;
    const create = async (login: string, lastName: string, grade: number) =>
      (await (await callerAs(db.prisma, login)).learners.create(learnerInput({ learner: { lastName }, enrolment: { level: grade > 4 ? "BASIC" : "PRIMARY", grade, classLetter: "А", enrolledAt: "2022-09-01" } as never, acknowledgeDuplicate: true }))).id;
    const record = (learnerId: string, organisationId: string, data: Record<string, unknown>) =>
      db.prisma.healthRecord.create({ data: { learnerId, organisationId, recordedAt: new Date("2026-02-01T00:00:00Z"), createdById: medicId, healthGroup: "II", peGroup: "MAIN", ...data } });
    // School 1: six learners of grade 5 in health group II — a figure above the threshold.
    for (let i = 0; i < 6; i++) await record(await create("school.registrar", `Шестов${"абвгде"[i]}`, 5), school1, {});
    // School 9: one learner, a child with a disability who needs an adapted programme.
    const only = await create("school9.registrar", "Единственный", 3);
    await record(only, school9, { healthGroup: "III", peGroup: "SPECIAL_A", disability: "CHILD", disabilityIndefinite: true, needsAdaptedProgramme: true, ovzCategory: "AUTISM" });
  });
  afterAll(() => db?.close());

  it("hides the single disabled child by grade, and no total gives it away; the Ministry of Health still sees 1", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const input = { measure: "disability" as const, by: "grade" as const, organisationId: school9, asOf: AS_OF };
    const hidden = await officer.ministry.healthStats.counts(input);
    expect(hidden.threshold).toBe(T);
    expect(hidden.cells).toEqual([{ key: "3", label: "3", category: "CHILD", count: null }]);
    expect(hidden.places).toEqual([{ key: "3", label: "3", count: null }]);
    expect(hidden.categories).toEqual([{ category: "CHILD", count: null }]);
    expect(hidden.total).toBeNull();
    expect(small(hidden)).toEqual([]);

    const exact = await (await callerAs(db.prisma, "health.officer")).health.stats.counts(input);
    expect(exact).toEqual({
      cells: [{ key: "3", label: "3", category: "CHILD", count: 1 }],
      places: [{ key: "3", label: "3", count: 1 }],
      categories: [{ category: "CHILD", count: 1 }],
      total: 1,
      threshold: null,
    });
  });

  it("shows no count below the threshold in any grouping, level or date, and keeps what is shown exact", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    const exactCaller = await callerAs(db.prisma, "health.officer");
    const places = [{}, { municipalityId: zarechny }, { organisationId: school9 }];
    for (const measure of HEALTH_MEASURES)
      for (const by of HEALTH_DIMENSIONS)
        for (const place of places)
          for (const asOf of [AS_OF, "2026-03-15"]) {
            const input = { measure, by, asOf, ...place };
            const label = JSON.stringify(input);
            const shown = await officer.ministry.healthStats.counts(input);
            expect(small(shown), label).toEqual([]);
            // Every figure shown is the exact one; every hidden figure is a real, non-zero count.
            const exact = await exactCaller.health.stats.counts(input);
            expect(shown.cells.map((c) => [c.key, c.category]), label).toEqual(exact.cells.map((c) => [c.key, c.category]));
            shown.cells.forEach((c, i) => expect(c.count ?? exact.cells[i]!.count, label).toBe(exact.cells[i]!.count));
            shown.places.forEach((p, i) => expect(p.count ?? exact.places[i]!.count, label).toBe(exact.places[i]!.count));
            expect(shown.total ?? exact.total, label).toBe(exact.total);
          }
  });

  it("binds the drill-down: the municipality's row for school 9 and school 9's own totals hide the same figures", async () => {
    const officer = await callerAs(db.prisma, "edu.officer");
    for (const measure of HEALTH_MEASURES) {
      const municipality = await officer.ministry.healthStats.counts({ measure, by: "organisation", municipalityId: zarechny, asOf: AS_OF });
      const school = await officer.ministry.healthStats.counts({ measure, by: "grade", organisationId: school9, asOf: AS_OF });
      const row = municipality.cells.filter((c) => c.key === school9).map((c) => [c.category, c.count]);
      expect(school.categories.map((c) => [c.category, c.count]), measure).toEqual(row);
      expect(school.total, measure).toBe(municipality.places.find((p) => p.key === school9)!.count);
    }
  });

  it("exports the statistics to XLSX with «<5» where a count is hidden and no number below the threshold", async () => {
    const download = async (query: string) =>
      sheetOf(await handleHealthExport(new NextRequest(`http://localhost:3000/api/health/export?${query}`, { headers: { cookie: await cookieOf("edu.officer") } }), db.prisma));
    const rows = await download(`report=disabilities&organisationId=${school9}&asOf=${AS_OF}`);
    expect(String(rows[0]![0])).toContain("«<5»");
    expect(rows[2]!.slice(0, 2)).toEqual(["3", "<5"]);
    expect(rows[2]!.at(-1)).toBe("<5");
    for (const report of ["groups", "disabilities", "adapted"])
      for (const place of ["", `&municipalityId=${zarechny}`, `&organisationId=${school9}`]) {
        const sheet = await download(`report=${report}&asOf=${AS_OF}${place}`);
        expect(small(sheet.slice(1)), `${report}${place}`).toEqual([]);
      }
  });

  describe("the health report", () => {
    it("shows «<5» on screen and in both files, with no number below the threshold", async () => {
      const model = await (await callerAs(db.prisma, "edu.officer")).ministry.reports.health({ asOf: AS_OF });
      expect(model.hiddenBelow).toBe(T);
      expect(small(model.tables)).toEqual([]);
      const grade3 = model.tables[0]!.rows.find((r) => r[0] === "3")!;
      expect(grade3.at(-1)).toBe("<5");
      const res = await handleReportExport(
        new NextRequest(`http://localhost:3000/api/ministry/reports/health?asOf=${AS_OF}&format=xlsx`, { headers: { cookie: await cookieOf("edu.officer") } }),
        "health",
        db.prisma,
      );
      const sheet = await sheetOf(res);
      const body = sheet.slice(sheet.findIndex((r) => r[0] === model.tables[0]!.caption));
      expect(small(body)).toEqual([]);
      expect(body.some((r) => r.includes("<5"))).toBe(true);
      const pdf = await handleReportExport(
        new NextRequest(`http://localhost:3000/api/ministry/reports/health?asOf=${AS_OF}&format=pdf`, { headers: { cookie: await cookieOf("edu.officer") } }),
        "health",
        db.prisma,
      );
      expect(pdf.status).toBe(200);
    });
  });
});
