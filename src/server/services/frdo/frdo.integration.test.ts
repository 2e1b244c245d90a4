// The ФИС ФРДО export on a real database: the file read back with exceljs and
// compared cell by cell with the certificates the test recorded (both levels,
// honours, a duplicate with a state, the period's two boundary days), the
// mandatory-field check (failing certificates listed with the reason and left
// out of the file), access per role and scope, and the audit row with the
// learners it names.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { formatSnils } from "@/lib/validators";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { handleFrdoExport } from "../../http/frdo-files";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { sessionToken } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { FRDO_HEADERS } from "./frdo-columns";

vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");

const Y = new Date().getUTCFullYear() - 1;
const FROM = `${Y}-06-01`;
const TO = `${Y}-06-30`;
const period = { from: FROM, to: TO };

describeDb("ФИС ФРДО export", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const ids: Record<string, string> = {};
  const snils: Record<string, string> = {};

  const certificate = (learnerId: string, c: Record<string, unknown>) =>
    ({ learnerId, level: "BASIC_GENERAL", withHonours: false, ...c }) as Parameters<Awaited<ReturnType<typeof callerAs>>["learners"]["portfolio"]["setCertificate"]>[0];

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const passwordHash = await hashPassword("Municipal-officer-password-1");
    const regionId = db.seeded.regionId;
    await db.prisma.user.createMany({
      data: [
        { login: "edu.zarechny", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.zarechny, regionId, passwordHash },
        { login: "edu.ozyorsk", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.ozyorsk, regionId, passwordHash },
      ],
    });
    const registrar = await callerAs(db.prisma, "school.registrar");
    const create = async (key: string, learner: Record<string, unknown>, by = registrar) => {
      const input = learnerInput({ learner });
      snils[key] = (input.learner as { snils: string }).snils;
      ids[key] = (await by.learners.create(input)).id;
    };
    await create("anna", { lastName: "Смирнова", firstName: "Анна", middleName: "Олеговна", sex: "FEMALE", birthDate: `${Y - 15}-02-11` });
    await create("boris", { lastName: "Борисов", firstName: "Борис", middleName: "", birthDate: `${Y - 17}-09-30` });
    await create("vera", { lastName: "Верина", firstName: "Вера", sex: "FEMALE" });
    await create("gleb", { lastName: "Глебов", firstName: "Глеб", snils: "" });
    await create("dina", { lastName: "Динова", firstName: "Дина", sex: "FEMALE" }, await callerAs(db.prisma, "school2.admin"));

    // In the file: both levels, honours, a duplicate reported lost, the period's first and last day.
    await registrar.learners.portfolio.setCertificate(certificate(ids.anna!, { number: "10001000000001", registrationNumber: "9-14", issuedAt: FROM, withHonours: true }));
    await registrar.learners.portfolio.setCertificate(
      certificate(ids.anna!, { level: "SECONDARY_GENERAL", number: "10001000000002", registrationNumber: "11-3", issuedAt: TO, duplicate: true, state: "LOST" }),
    );
    await registrar.learners.portfolio.setCertificate(certificate(ids.boris!, { level: "SECONDARY_GENERAL", series: "АБ", number: "1234567", registrationNumber: "11-4", issuedAt: `${Y}-06-15` }));
    // Outside the period by a day on each side.
    await registrar.learners.portfolio.setCertificate(certificate(ids.boris!, { number: "10001000000003", registrationNumber: "9-1", issuedAt: `${Y}-05-31` }));
    await registrar.learners.portfolio.setCertificate(certificate(ids.vera!, { level: "SECONDARY_GENERAL", number: "10001000000004", registrationNumber: "11-5", issuedAt: `${Y}-07-01` }));
    // Failing the check: no registration number; no SNILS for a citizen of Russia and a short number without series.
    await registrar.learners.portfolio.setCertificate(certificate(ids.vera!, { number: "10001000000005", issuedAt: `${Y}-06-20` }));
    await registrar.learners.portfolio.setCertificate(certificate(ids.gleb!, { number: "123", registrationNumber: "9-7", issuedAt: `${Y}-06-20` }));
    // Another school, another municipality.
    await (await callerAs(db.prisma, "school2.admin")).learners.portfolio.setCertificate(certificate(ids.dina!, { number: "40004000000001", registrationNumber: "9-1", issuedAt: `${Y}-06-10` }));
  });
  afterAll(() => db?.close());

  const download = async (login: string, query: Record<string, string>) => {
    const cookie = `${sessionCookieName()}=${await sessionToken(db.prisma, login)}`;
    return handleFrdoExport(new NextRequest(`http://localhost:3000/api/frdo?${new URLSearchParams(query).toString()}`, { headers: { cookie } }), db.prisma);
  };
  const sheetOf = async (res: Response) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Шаблон"]);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  // The fixture's SNILS as the template writes it: 000-000-000 00.
  const dashed = (s: string) => formatSnils(s.replace(/\D/g, ""));
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const school1 = {
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
    region: "Демонстрационная область",
  };

  it("writes the template's columns and, per certificate in the period that passes the check, exactly its values", async () => {
    const res = await download("school.admin", period);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-frdo-exported")).toBe("3");
    expect(res.headers.get("x-frdo-failed")).toBe("2");
    expect(res.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''/);
    const [header, ...rows] = await sheetOf(res);
    expect(header).toEqual(FRDO_HEADERS);
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { id: db.seeded.organisationIds.school1! } });
    const orgCells = [school1.name, org.ogrn, org.inn, org.kpp, school1.region];
    const no = ["Нет", "Нет", "Нет"];
    expect(rows).toEqual([
      ["Аттестат об основном общем образовании", "Аттестат об основном общем образовании с отличием", "Оригинал", ...no, "Нет", "10001000000001", date(FROM), "9-14",
        "Смирнова", "Анна", "Олеговна", date(`${Y - 15}-02-11`), "Жен", dashed(snils.anna!), "643", Y, "Да", ...orgCells],
      ["Аттестат о среднем общем образовании", "Аттестат о среднем общем образовании", "Оригинал", ...no, "АБ", "1234567", date(`${Y}-06-15`), "11-4",
        "Борисов", "Борис", undefined, date(`${Y - 17}-09-30`), "Муж", dashed(snils.boris!), "643", Y, "Нет", ...orgCells],
      ["Аттестат о среднем общем образовании", "Аттестат о среднем общем образовании", "Дубликат", "Да", "Нет", "Нет", "Нет", "10001000000002", date(TO), "11-3",
        "Смирнова", "Анна", "Олеговна", date(`${Y - 15}-02-11`), "Жен", dashed(snils.anna!), "643", Y, "Нет", ...orgCells],
    ]);
  });

  it("lists the failing certificates with what is missing, in Russian, and keeps them out of the file", async () => {
    const check = await (await callerAs(db.prisma, "school.registrar")).frdo.check(period);
    expect(check).toMatchObject({ territory: "МБОУ СОШ № 1", total: 5, exportable: 3, failed: 2 });
    const byHolder = Object.fromEntries(check.failures.map((f) => [f.holder, f.problems]));
    expect(byHolder).toEqual({
      "Верина Вера Сергеевич": ["не указан регистрационный номер"],
      "Глебов Глеб Сергеевич": ["не указан СНИЛС", "номер аттестата без серии должен состоять из 14 цифр"],
    });
    const [, ...rows] = await sheetOf(await download("school.registrar", period));
    expect(rows.map((r) => r[7])).not.toContain("10001000000005");
    expect(rows.map((r) => r[10])).not.toContain("Глебов");
  });

  const linkedLearners = async (eventId: bigint) =>
    (await db.prisma.auditEventLearner.findMany({ where: { eventId }, select: { learnerId: true } })).map((l) => l.learnerId).sort();

  it("audits the file with the learners in it, and the check with the learners it lists", async () => {
    await download("school.admin", period);
    const exported = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "frdo.export", actorLogin: "school.admin" }, orderBy: { id: "desc" } });
    expect(exported).toMatchObject({ entityType: "Organisation", entityId: db.seeded.organisationIds.school1, details: { from: FROM, to: TO, exported: 3, failed: 2 } });
    expect(await linkedLearners(exported.id)).toEqual([ids.anna, ids.boris].sort());
    await (await callerAs(db.prisma, "school.admin")).frdo.check(period);
    const checked = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "frdo.check", actorLogin: "school.admin" }, orderBy: { id: "desc" } });
    expect(await linkedLearners(checked.id)).toEqual([ids.vera, ids.gleb].sort());
  });

  it("gives each role its own certificates, its municipality's or the region's; FORBIDDEN to others, NOT_FOUND outside the scope", async () => {
    const exportedBy = async (login: string, query: Record<string, string> = {}) => {
      const res = await download(login, { ...period, ...query });
      return res.status === 200 ? (await sheetOf(res)).slice(1).map((r) => r[7]).sort() : res.status;
    };
    const school1Numbers = ["10001000000001", "10001000000002", "1234567"];
    expect(await exportedBy("school.admin")).toEqual(school1Numbers);
    expect(await exportedBy("school2.admin")).toEqual(["40004000000001"]);
    expect(await exportedBy("edu.zarechny")).toEqual(school1Numbers);
    expect(await exportedBy("edu.ozyorsk")).toEqual(["40004000000001"]);
    expect(await exportedBy("edu.officer")).toEqual([...school1Numbers, "40004000000001"].sort());
    expect(await exportedBy("edu.officer", { organisationId: db.seeded.organisationIds.school4! })).toEqual(["40004000000001"]);
    for (const login of ["school.medic", "health.officer", "sys.admin", "auditor"]) {
      expect(await exportedBy(login), login).toBe(403);
      await expect((await callerAs(db.prisma, login)).frdo.check(period), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await exportedBy("edu.ozyorsk", { organisationId: db.seeded.organisationIds.school1! })).toBe(404);
    expect(await exportedBy("school2.admin", { organisationId: db.seeded.organisationIds.school1! })).toBe(404);
    await expect((await callerAs(db.prisma, "edu.ozyorsk")).frdo.check({ ...period, municipalityId: db.seeded.municipalityIds.zarechny })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a broken period with a Russian message on its field", async () => {
    const res = await download("school.admin", { from: TO, to: FROM });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "Конец периода раньше начала" });
    await expect((await callerAs(db.prisma, "school.admin")).frdo.check({ from: "2025-02-30", to: TO })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
