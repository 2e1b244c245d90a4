// The territory filter of every report, checked on the server per role: a
// regional officer may choose any municipality or organisation of its region,
// a municipal officer only its own; anything else answers NOT_FOUND (as for an
// id that does not exist), a malformed id or period BAD_REQUEST with its field.
// The files name the territory in their title and file name; the screen's
// tables follow the page's language, the files stay Russian.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleReportExport } from "../../http/report-files";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { sessionToken, signedInClaims } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { createCaller } from "../../trpc/root";
import type { ReportModel } from "./report-model";

const AS_OF = "2026-05-15";
const total = (m: ReportModel, table = 0) => m.tables[table]!.totals?.at(-1);

describeDb("report territory", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let ids: { zarechny: string; ozyorsk: string; school1: string; school4: string; foreignOrg: string; foreignMunicipality: string };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const s = db.seeded;
    const other = await db.prisma.region.create({ data: { name: "Соседняя область", code: "98" } as never });
    const foreignMu = await db.prisma.municipality.create({ data: { name: "Чужой район", regionId: other.id, oktmo: "98000000001" } as never });
    const foreignOrg = await db.prisma.organisation.create({
      data: { municipalityId: foreignMu.id, type: "GENERAL_SCHOOL", shortName: "Чужая школа", fullName: "Чужая школа", inn: "9800000001", ogrn: "1029800000001", kpp: "980001001", founder: "Соседи" } as never,
    });
    ids = { zarechny: s.municipalityIds.zarechny!, ozyorsk: s.municipalityIds.ozyorsk!, school1: s.organisationIds.school1!, school4: s.organisationIds.school4!, foreignOrg: foreignOrg.id, foreignMunicipality: foreignMu.id };
    await db.prisma.user.create({
      data: { login: "edu.zarechny", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: ids.zarechny, regionId: s.regionId, passwordHash: await hashPassword("Municipal-officer-password-1") },
    });
    const create = async (login: string, lastName: string, grade: number) => {
      const input = learnerInput({ learner: { lastName, sex: "FEMALE", birthDate: "2015-03-07" } as never, enrolment: { level: "PRIMARY", grade, classLetter: "А", enrolledAt: "2022-09-01" } as never, acknowledgeDuplicate: true });
      await (await callerAs(db.prisma, login)).learners.create(input);
    };
    await create("school.registrar", "Заречная", 4); // МБОУ СОШ № 1, Заречный
    await create("school.registrar", "Заречная-Вторая", 3);
    await create("school2.admin", "Озёрская", 4); // МБОУ СОШ № 4, Озёрск
  }, 120_000);
  afterAll(() => db?.close());

  const officer = () => callerAs(db.prisma, "edu.officer");
  const municipal = () => callerAs(db.prisma, "edu.zarechny");

  describe("a regional officer", () => {
    it("narrows ОО-1 to a municipality and to an organisation, naming it in the header", async () => {
      const caller = await officer();
      expect(total(await caller.ministry.reports.oo1({ asOf: AS_OF }))).toBe(3);
      const mu = await caller.ministry.reports.oo1({ asOf: AS_OF, municipalityId: ids.ozyorsk });
      expect(mu.header.scope).toBe("Озёрский муниципальный округ");
      expect(total(mu)).toBe(1);
      const org = await caller.ministry.reports.oo1({ asOf: AS_OF, organisationId: ids.school1 });
      expect(org.header.scope).toBe("МБОУ СОШ № 1, Городской округ Заречный");
      expect(org.tables[0]!.rows.map((r) => r[0])).toEqual(["3", "4"]);
      expect(total(org)).toBe(2);
    });

    it("narrows every report kind (nothing of Озёрск in Заречный's movement, 1-ДО and health)", async () => {
      const caller = await officer();
      const input = { municipalityId: ids.zarechny };
      const movement = await caller.ministry.reports.movement({ from: "2022-01-01", to: "2026-12-31", ...input });
      expect(movement.tables[0]!.rows.map((r) => r[0])).toEqual(["Городской округ Заречный"]);
      expect((await caller.ministry.reports.do1({ asOf: AS_OF, ...input })).header.scope).toBe("Городской округ Заречный");
      const health = await caller.ministry.reports.health({ asOf: AS_OF, organisationId: ids.school4 });
      expect(health.header.scope).toBe("МБОУ СОШ № 4, Озёрский муниципальный округ");
    });

    it("is refused an organisation of another region (NOT_FOUND) and a municipality that does not match it", async () => {
      const caller = await officer();
      await expect(caller.ministry.reports.oo1({ asOf: AS_OF, organisationId: ids.foreignOrg })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.ministry.reports.do1({ asOf: AS_OF, municipalityId: ids.foreignMunicipality })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.ministry.reports.oo1({ asOf: AS_OF, municipalityId: ids.zarechny, organisationId: ids.school4 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("chooses among the region's municipalities and their organisations", async () => {
      const list = await (await officer()).ministry.reports.territories();
      expect(list.map((m) => m.id).sort()).toEqual(Object.values(db.seeded.municipalityIds).sort());
      expect(list.flatMap((m) => m.organisations.map((o) => o.id))).toContain(ids.school4);
    });
  });

  describe("a municipal officer", () => {
    it("reports its own municipality and its organisations", async () => {
      const caller = await municipal();
      expect(total(await caller.ministry.reports.oo1({ asOf: AS_OF }))).toBe(2);
      expect(total(await caller.ministry.reports.oo1({ asOf: AS_OF, organisationId: ids.school1 }))).toBe(2);
      expect((await caller.ministry.reports.territories()).map((m) => m.id)).toEqual([ids.zarechny]);
    });

    it("is refused another municipality and its organisations with NOT_FOUND, in every report", async () => {
      const caller = await municipal();
      for (const territory of [{ municipalityId: ids.ozyorsk }, { organisationId: ids.school4 }]) {
        await expect(caller.ministry.reports.oo1({ asOf: AS_OF, ...territory })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(caller.ministry.reports.do1({ asOf: AS_OF, ...territory })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(caller.ministry.reports.health({ asOf: AS_OF, ...territory })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(caller.ministry.reports.movement({ from: "2026-01-01", to: "2026-12-31", ...territory })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(caller.ministry.dashboard.place(territory)).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    });
  });

  it("refuses a malformed territory or period with BAD_REQUEST on its field, in Russian", async () => {
    const caller = await officer();
    const fieldOf = async (p: Promise<unknown>) => {
      const error = (await p.then(() => null, (e: unknown) => e)) as { code: string; message: string } | null;
      expect(error?.code).toBe("BAD_REQUEST");
      return error!.message;
    };
    expect(await fieldOf(caller.ministry.reports.oo1({ asOf: AS_OF, municipalityId: "Сосновка" }))).toContain("Неверный муниципалитет");
    expect(await fieldOf(caller.ministry.reports.oo1({ asOf: "2026-02-30" }))).toContain("Такой даты нет");
    expect(await fieldOf(caller.ministry.reports.movement({ from: "2026-05-01", to: "2026-04-01" }))).toContain("Начало периода позже конца");
    expect(await fieldOf(caller.ministry.reports.movement({ from: "2020-01-01", to: "2026-01-01" }))).toContain("длиннее пяти лет");
  });

  it("answers in the page's language: English tables for an English page", async () => {
    const caller = createCaller({ db: db.prisma, claims: await signedInClaims(db.prisma, "edu.officer", "127.0.0.1"), ip: "127.0.0.1", locale: "en" });
    const m = await caller.ministry.reports.oo1({ asOf: AS_OF });
    expect(m.title).toBe("Learners (form OO-1)");
    expect(m.tables[0]!.caption).toBe("Learners by grade and sex");
    expect(m.tables[0]!.columns).toEqual(["Grade", "Boys", "Girls", "Total"]);
    expect(m.tables[0]!.totals?.[0]).toBe("Total");
  });

  const download = async (login: string, report: string, query: string) => {
    const cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
    return handleReportExport(new NextRequest(`http://localhost:3000/api/ministry/reports/${report}?${query}`, { headers: { cookie } }), report, db.prisma);
  };

  it("names the territory in the file's title and name (RFC 5987 and an ASCII fallback), audited with it", async () => {
    const res = await download("edu.officer", "oo1", `asOf=${AS_OF}&municipalityId=${ids.ozyorsk}&format=xlsx`);
    expect(res.status).toBe(200);
    const disposition = res.headers.get("Content-Disposition")!;
    expect(disposition).toContain(`filename="report-oo1_Ozerskii-munitsipalnyi-okrug_${AS_OF}.xlsx"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`ОО-1 — Озёрский муниципальный округ — ${AS_OF}.xlsx`)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0]!.getCell("A1").value).toBe("Контингент обучающихся (форма ОО-1) — Озёрский муниципальный округ");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "report.export" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ filters: { municipalityId: ids.ozyorsk }, territory: "Озёрский муниципальный округ" });
  });

  it("refuses a file of a territory outside the scope (404) or a malformed one (400)", async () => {
    expect((await download("edu.zarechny", "oo1", `asOf=${AS_OF}&organisationId=${ids.school4}`)).status).toBe(404);
    expect((await download("edu.officer", "oo1", `asOf=${AS_OF}&municipalityId=x`)).status).toBe(400);
    expect((await download("edu.officer", "movement", `from=2019-01-01&to=2026-01-01`)).status).toBe(400);
  });

  it("names a dashboard place kept in the URL", async () => {
    const place = await (await officer()).ministry.dashboard.place({ organisationId: ids.school4 });
    expect(place).toEqual({ municipality: { id: ids.ozyorsk, name: "Озёрский муниципальный округ" }, organisation: { id: ids.school4, name: "МБОУ СОШ № 4" } });
  });
});
