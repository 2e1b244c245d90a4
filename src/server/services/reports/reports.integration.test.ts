// Reports on a real database with known answers: ОО-1 and 1-ДО cells equal
// both the expected numbers and a direct count; movement for a period; scope of
// a municipal officer; roles refused; XLSX and PDF equal the screen model; audit.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { sessionToken } from "../../testing/sessions";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleReportExport } from "../../http/report-files";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import type { ReportModel } from "./report-model";

const AS_OF = "2026-05-15";
const PERIOD = { from: "2026-01-01", to: "2026-12-31" };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const order = (n: string, date = "2026-04-01") => ({ orderNumber: n, orderDate: date, effectiveDate: date });
/** Cell of a table by its row label and column name. */
const cell = (m: ReportModel, table: number, row: string, col: string) => {
  const t = m.tables[table]!;
  const r = t.rows.find((x) => x[0] === row) ?? (t.totals?.[0] === row ? t.totals : undefined);
  return r ? r[t.columns.indexOf(col)] : undefined;
};

describeDb("reports as of a date", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let school1: string;

  const create = async (login: string, lastName: string, sex: string, birthDate: string, level: string, grade: number) => {
    const caller = await callerAs(db.prisma, login);
    const input = learnerInput({ learner: { lastName, sex, birthDate } as never, enrolment: { level, grade, classLetter: "А", enrolledAt: "2022-09-01" } as never, acknowledgeDuplicate: true });
    return (await caller.learners.create(input)).id;
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    school1 = db.seeded.organisationIds.school1!;
    const school4 = db.seeded.organisationIds.school4!;
    const passwordHash = await hashPassword("Municipal-officer-password-1");
    await db.prisma.user.create({
      data: { login: "edu.zarechny", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.zarechny!, regionId: db.seeded.regionId, passwordHash },
    });
    const a = await create("school.registrar", "Первов", "MALE", "2015-03-07", "PRIMARY", 4); // 10 on 1 Jan
    await create("school.registrar", "Вторая", "FEMALE", "2015-06-02", "PRIMARY", 4); // 10
    await create("school.registrar", "Третья", "FEMALE", "2016-02-10", "PRIMARY", 3); // 9
    const ended = await create("school.registrar", "Ушедший", "MALE", "2015-01-01", "PRIMARY", 4);
    await db.prisma.enrolment.updateMany({ where: { learnerId: ended }, data: { status: "ENDED", endedAt: d("2026-01-01") } });
    const moved = await create("school.registrar", "Переводов", "MALE", "2014-02-01", "BASIC", 5); // 11, to Озёрск
    const expelled = await create("school.registrar", "Отчислен", "MALE", "2014-05-01", "BASIC", 5);
    const g = await create("school2.admin", "Девятова", "FEMALE", "2011-05-10", "BASIC", 9); // 14

    const reg = await callerAs(db.prisma, "school.registrar");
    const { transferId } = await reg.movement.transfers.start({ learnerId: moved, toOrganisationId: school4, order: order("10-о") });
    await (await callerAs(db.prisma, "school2.admin")).movement.transfers.accept({ learnerId: moved, transferId, placement: { level: "BASIC", grade: 5, classLetter: "Б" }, order: order("20") });
    await reg.movement.event({ type: "EXPULSION", learnerId: expelled, order: order("11-о"), leavingReason: "FAMILY_EDUCATION", reason: "По заявлению родителей" } as never);

    const arts = await db.prisma.programme.create({ data: { organisationId: school1, name: "Рисование", level: "ADDITIONAL", isBasic: false, direction: "ARTS" } });
    const plain = await db.prisma.programme.create({ data: { organisationId: school4, name: "Кружок", level: "ADDITIONAL", isBasic: false } });
    await db.prisma.enrolment.create({ data: { learnerId: a, organisationId: school1, level: "ADDITIONAL", isBasic: false, programmeId: arts.id, enrolledAt: d("2025-09-01") } });
    await db.prisma.enrolment.create({ data: { learnerId: g, organisationId: school4, level: "ADDITIONAL", isBasic: false, programmeId: plain.id, enrolledAt: d("2025-09-01") } });
    await db.prisma.enrolment.create({ data: { learnerId: g, organisationId: school4, level: "ADDITIONAL", isBasic: false, programmeId: plain.id, enrolledAt: d("2025-09-01"), endedAt: d("2026-03-01"), status: "ENDED" } });
  });
  afterAll(() => db?.close());

  /** The ОО-1 rule applied row by row, for comparison with the SQL aggregate. */
  async function directOo1(municipalityId?: string) {
    const open = await db.prisma.enrolment.findMany({
      where: {
        isBasic: true,
        level: { in: ["PRIMARY", "BASIC", "SECONDARY"] },
        enrolledAt: { lte: d(AS_OF) },
        OR: [{ endedAt: null }, { endedAt: { gt: d(AS_OF) } }],
        ...(municipalityId ? { organisation: { municipalityId } } : {}),
      },
      include: { learner: true },
    });
    const out: Record<string, number> = {};
    for (const e of open) out[`${e.grade}|${e.learner.sex}`] = (out[`${e.grade}|${e.learner.sex}`] ?? 0) + 1;
    return out;
  }

  it("counts ОО-1 by grade × sex and age × grade, equal to expected numbers and a direct count", async () => {
    const m = await (await callerAs(db.prisma, "edu.officer")).ministry.reports.oo1({ asOf: AS_OF });
    expect(m.header).toMatchObject({ region: "Демонстрационная область", asOf: "15.05.2026" });
    expect(m.header.generatedBy).toContain("edu.officer");
    const expected = { "3|FEMALE": 1, "4|MALE": 1, "4|FEMALE": 1, "5|MALE": 1, "9|FEMALE": 1 };
    expect(await directOo1()).toEqual(expected);
    for (const [key, n] of Object.entries(expected)) {
      const [grade, sex] = key.split("|");
      expect(cell(m, 0, grade!, sex === "MALE" ? "Мальчики" : "Девочки"), key).toBe(n);
    }
    expect(cell(m, 0, "Всего", "Всего")).toBe(5);
    expect(cell(m, 1, "10", "4")).toBe(2);
    expect(cell(m, 1, "11", "5")).toBe(1);
    expect(cell(m, 1, "14", "9")).toBe(1);
    expect(cell(m, 1, "Всего", "Всего")).toBe(5);
  });

  it("limits a municipal officer to its municipality", async () => {
    const m = await (await callerAs(db.prisma, "edu.zarechny")).ministry.reports.oo1({ asOf: AS_OF });
    expect(m.header.scope).not.toBe(m.header.region);
    expect(await directOo1(db.seeded.municipalityIds.zarechny)).toEqual({ "3|FEMALE": 1, "4|MALE": 1, "4|FEMALE": 1 });
    expect(m.tables[0]!.rows.map((r) => r[0])).toEqual(["3", "4"]);
    expect(cell(m, 0, "Всего", "Всего")).toBe(3);
  });

  it("counts 1-ДО participants by direction × age × sex", async () => {
    const m = await (await callerAs(db.prisma, "edu.officer")).ministry.reports.do1({ asOf: AS_OF });
    expect(cell(m, 0, "Художественная", "10: Мальчики")).toBe(1);
    expect(cell(m, 0, "направление не указано", "14: Девочки")).toBe(1);
    const direct = await db.prisma.enrolment.count({ where: { isBasic: false, level: "ADDITIONAL", enrolledAt: { lte: d(AS_OF) }, OR: [{ endedAt: null }, { endedAt: { gt: d(AS_OF) } }] } });
    expect(cell(m, 0, "Всего", "Всего")).toBe(direct);
    expect(direct).toBe(2);
  });

  it("counts movement for a period by reason and the accepted transfers between municipalities", async () => {
    const m = await (await callerAs(db.prisma, "edu.officer")).ministry.reports.movement(PERIOD);
    const [zarechny, ozyorsk] = await Promise.all(
      [db.seeded.municipalityIds.zarechny!, db.seeded.municipalityIds.ozyorsk!].map(async (id) => (await db.prisma.municipality.findUniqueOrThrow({ where: { id } })).name),
    );
    expect(cell(m, 0, zarechny!, "Перевод (выбыл)")).toBe(1);
    expect(cell(m, 0, zarechny!, "Отчисление")).toBe(1);
    expect(cell(m, 0, ozyorsk!, "Перевод (прибыл)")).toBe(1);
    const direct = await db.prisma.movementEvent.count({
      where: { type: { in: ["ENROLMENT", "TRANSFER_IN", "REINSTATEMENT", "TRANSFER_OUT", "EXPULSION", "GRADUATION"] }, effectiveDate: { gte: d(PERIOD.from), lte: d(PERIOD.to) }, cancelledBy: null },
    });
    const totals = m.tables[0]!.totals!;
    expect(Number(totals.at(-1)) + Number(totals.at(-2))).toBe(direct);
    expect(m.tables[1]!.rows).toEqual([[zarechny, ozyorsk, 1]]);
  });

  it("builds the health report and refuses roles without reports.read", async () => {
    const m = await (await callerAs(db.prisma, "edu.officer")).ministry.reports.health({ asOf: AS_OF });
    expect(m.tables).toHaveLength(2);
    for (const login of ["school.admin", "school.registrar", "school.medic", "health.officer", "sys.admin", "auditor"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.ministry.reports.oo1({ asOf: AS_OF }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  const cookieOf = async (login: string) => {
    const token = await sessionToken(db.prisma, login);
    return `${sessionCookieName()}=${token}`;
  };
  const download = async (login: string | null, report: string, query: string) =>
    handleReportExport(new NextRequest(`http://localhost:3000/api/ministry/reports/${report}?${query}`, { headers: login ? { cookie: await cookieOf(login) } : undefined }), report, db.prisma);

  it("exports ОО-1 to XLSX equal to the screen model, audited", async () => {
    const m = await (await callerAs(db.prisma, "edu.officer")).ministry.reports.oo1({ asOf: AS_OF });
    const res = await download("edu.officer", "oo1", `asOf=${AS_OF}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const values = Array.from(wb.worksheets[0]!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    for (const table of m.tables) {
      const start = values.findIndex((r) => r[0] === table.caption);
      expect(values[start + 1]).toEqual(table.columns);
      table.rows.forEach((row, i) => expect(values[start + 2 + i]).toEqual(row));
      expect(values[start + 2 + table.rows.length]).toEqual(table.totals);
    }
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "report.export", actorLogin: "edu.officer" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ report: "oo1", format: "xlsx", filters: { asOf: AS_OF }, rows: m.tables[0]!.rows.length + m.tables[1]!.rows.length });
  });

  it("exports a PDF with the header and the numbers, audited; refuses others", async () => {
    const res = await download("edu.officer", "oo1", `asOf=${AS_OF}&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const text = (await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true })).text;
    for (const s of ["Контингент обучающихся", "Демонстрационная область", "15.05.2026", "edu.officer", "Мальчики", "Всего"]) expect(text).toContain(s);
    expect(await db.prisma.auditEvent.count({ where: { action: "report.export", details: { path: ["format"], equals: "pdf" } } })).toBe(1);
    expect((await download(null, "oo1", `asOf=${AS_OF}`)).status).toBe(401);
    expect((await download("school.admin", "oo1", `asOf=${AS_OF}`)).status).toBe(403);
    expect((await download("edu.officer", "nope", `asOf=${AS_OF}`)).status).toBe(400);
    expect((await download("edu.officer", "movement", `from=2026-02-01&to=2026-01-01`)).status).toBe(400);
  });
});
