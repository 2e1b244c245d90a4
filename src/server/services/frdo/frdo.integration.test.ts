// The ФИС ФРДО export on a real database: the file read back with exceljs and
// compared cell by cell with the certificates the test recorded (both levels,
// honours, duplicates with a state and their originals, the period's two
// boundary days), the mandatory-field check (failing certificates listed with
// the reason and left out of the file), the CHECK that keeps an original's
// details off a certificate that is not a duplicate, access per role and
// scope, and the audit row with the learners it names.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { formatSnils } from "@/lib/validators";
import { sessionCookieName } from "../../auth/options";
import { hashPassword } from "../../auth/password";
import { loadActor } from "../../auth/actor";
import { DomainError } from "../../errors";
import { handleFrdoExport } from "../../http/frdo-files";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { sessionToken, signedInClaims } from "../../testing/sessions";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import type { SetCertificateInput } from "@/lib/schemas/portfolio";
import { setCertificate } from "../portfolio/portfolio";
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

  const annaOriginal = { originalSeries: "АА", originalNumber: "0077001", originalRegistrationNumber: "11-1", originalIssuedAt: `${Y - 2}-06-28` };
  const egorOriginal = { originalNumber: "10001000000099", originalRegistrationNumber: "9-2", originalIssuedAt: `${Y - 1}-06-20` };

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
    await create("egor", { lastName: "Егоров", firstName: "Егор", sex: "MALE", birthDate: `${Y - 15}-03-05` });
    await create("zoya", { lastName: "Зоина", firstName: "Зоя", sex: "FEMALE" });
    await create("dina", { lastName: "Динова", firstName: "Дина", sex: "FEMALE" }, await callerAs(db.prisma, "school2.admin"));

    // In the file: both levels, honours, duplicates (one reported lost) with their originals, the period's first and last day.
    await registrar.learners.portfolio.setCertificate(certificate(ids.anna!, { number: "10001000000001", registrationNumber: "9-14", issuedAt: FROM, withHonours: true }));
    await registrar.learners.portfolio.setCertificate(
      certificate(ids.anna!, {
        level: "SECONDARY_GENERAL",
        number: "10001000000002",
        registrationNumber: "11-3",
        issuedAt: TO,
        duplicate: true,
        state: "LOST",
        ...annaOriginal,
      }),
    );
    // An original on a blank without series: «Нет», as for the main document.
    await registrar.learners.portfolio.setCertificate(
      certificate(ids.egor!, { number: "10001000000006", registrationNumber: "9-20", issuedAt: `${Y}-06-25`, duplicate: true, ...egorOriginal }),
    );
    await registrar.learners.portfolio.setCertificate(certificate(ids.boris!, { level: "SECONDARY_GENERAL", series: "АБ", number: "1234567", registrationNumber: "11-4", issuedAt: `${Y}-06-15` }));
    // Outside the period by a day on each side.
    await registrar.learners.portfolio.setCertificate(certificate(ids.boris!, { number: "10001000000003", registrationNumber: "9-1", issuedAt: `${Y}-05-31` }));
    await registrar.learners.portfolio.setCertificate(certificate(ids.vera!, { level: "SECONDARY_GENERAL", number: "10001000000004", registrationNumber: "11-5", issuedAt: `${Y}-07-01` }));
    // Failing the check: no registration number; no SNILS for a citizen of Russia and a short number without series.
    await registrar.learners.portfolio.setCertificate(certificate(ids.vera!, { number: "10001000000005", issuedAt: `${Y}-06-20` }));
    await registrar.learners.portfolio.setCertificate(certificate(ids.gleb!, { number: "123", registrationNumber: "9-7", issuedAt: `${Y}-06-20` }));
    // A duplicate that does not name its original.
    await registrar.learners.portfolio.setCertificate(
      certificate(ids.zoya!, { level: "SECONDARY_GENERAL", number: "10001000000007", registrationNumber: "11-9", issuedAt: `${Y}-06-20`, duplicate: true }),
    );
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
    expect(res.headers.get("x-frdo-exported")).toBe("4");
    expect(res.headers.get("x-frdo-failed")).toBe("3");
    expect(res.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''/);
    const [header, ...rows] = await sheetOf(res);
    expect(header).toEqual(FRDO_HEADERS);
    // The original's block: after the columns on the document and its holder, before the organisation's.
    expect(header!.slice(18, 24)).toEqual([
      "С отличием",
      "Серия документа оригинала",
      "Номер документа оригинала",
      "Регистрационный N документа оригинала",
      "Дата выдачи документа оригинала",
      "Наименование организации",
    ]);
    const org = await db.prisma.organisation.findUniqueOrThrow({ where: { id: db.seeded.organisationIds.school1! } });
    const orgCells = [school1.name, org.ogrn, org.inn, org.kpp, school1.region];
    const no = ["Нет", "Нет", "Нет"];
    // An original's row leaves the block on the original empty.
    const noOriginal = [undefined, undefined, undefined, undefined];
    expect(rows).toEqual([
      ["Аттестат об основном общем образовании", "Аттестат об основном общем образовании с отличием", "Оригинал", ...no, "Нет", "10001000000001", date(FROM), "9-14",
        "Смирнова", "Анна", "Олеговна", date(`${Y - 15}-02-11`), "Жен", dashed(snils.anna!), "643", Y, "Да", ...noOriginal, ...orgCells],
      ["Аттестат об основном общем образовании", "Аттестат об основном общем образовании", "Дубликат", ...no, "Нет", "10001000000006", date(`${Y}-06-25`), "9-20",
        "Егоров", "Егор", "Сергеевич", date(`${Y - 15}-03-05`), "Муж", dashed(snils.egor!), "643", Y, "Нет",
        "Нет", "10001000000099", "9-2", date(`${Y - 1}-06-20`), ...orgCells],
      ["Аттестат о среднем общем образовании", "Аттестат о среднем общем образовании", "Оригинал", ...no, "АБ", "1234567", date(`${Y}-06-15`), "11-4",
        "Борисов", "Борис", undefined, date(`${Y - 17}-09-30`), "Муж", dashed(snils.boris!), "643", Y, "Нет", ...noOriginal, ...orgCells],
      ["Аттестат о среднем общем образовании", "Аттестат о среднем общем образовании", "Дубликат", "Да", "Нет", "Нет", "Нет", "10001000000002", date(TO), "11-3",
        "Смирнова", "Анна", "Олеговна", date(`${Y - 15}-02-11`), "Жен", dashed(snils.anna!), "643", Y, "Нет",
        "АА", "0077001", "11-1", date(`${Y - 2}-06-28`), ...orgCells],
    ]);
  });

  it("lists the failing certificates with what is missing, in Russian, and keeps them out of the file", async () => {
    const check = await (await callerAs(db.prisma, "school.registrar")).frdo.check(period);
    expect(check).toMatchObject({ territory: "МБОУ СОШ № 1", total: 7, exportable: 4, failed: 3 });
    const byHolder = Object.fromEntries(check.failures.map((f) => [f.holder, f.problems]));
    expect(byHolder).toEqual({
      "Верина Вера Сергеевич": ["не указан регистрационный номер"],
      "Глебов Глеб Сергеевич": ["не указан СНИЛС", "номер аттестата без серии должен состоять из 14 цифр"],
      "Зоина Зоя Сергеевич": [
        "дубликат: не указан номер оригинала",
        "дубликат: не указан регистрационный номер оригинала",
        "дубликат: не указана дата выдачи оригинала",
      ],
    });
    const [, ...rows] = await sheetOf(await download("school.registrar", period));
    expect(rows.map((r) => r[7])).not.toContain("10001000000005");
    expect(rows.map((r) => r[10])).not.toContain("Глебов");
    expect(rows.map((r) => r[7])).not.toContain("10001000000007");
  });

  const linkedLearners = async (eventId: bigint) =>
    (await db.prisma.auditEventLearner.findMany({ where: { eventId }, select: { learnerId: true } })).map((l) => l.learnerId).sort();

  it("audits the file with the learners in it, and the check with the learners it lists", async () => {
    await download("school.admin", period);
    const exported = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "frdo.export", actorLogin: "school.admin" }, orderBy: { id: "desc" } });
    expect(exported).toMatchObject({ entityType: "Organisation", entityId: db.seeded.organisationIds.school1, details: { from: FROM, to: TO, exported: 4, failed: 3 } });
    expect(await linkedLearners(exported.id)).toEqual([ids.anna, ids.boris, ids.egor].sort());
    await (await callerAs(db.prisma, "school.admin")).frdo.check(period);
    const checked = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "frdo.check", actorLogin: "school.admin" }, orderBy: { id: "desc" } });
    expect(await linkedLearners(checked.id)).toEqual([ids.vera, ids.gleb, ids.zoya].sort());
  });

  it("gives each role its own certificates, its municipality's or the region's; FORBIDDEN to others, NOT_FOUND outside the scope", async () => {
    const exportedBy = async (login: string, query: Record<string, string> = {}) => {
      const res = await download(login, { ...period, ...query });
      return res.status === 200 ? (await sheetOf(res)).slice(1).map((r) => r[7]).sort() : res.status;
    };
    const school1Numbers = ["10001000000001", "10001000000002", "10001000000006", "1234567"];
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

  it("keeps an original's details off a certificate that is not a duplicate: a field error from the form's schema and from the database's CHECK", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const input = certificate(ids.boris!, { level: "SECONDARY_GENERAL", series: "АБ", number: "1234567", registrationNumber: "11-4", issuedAt: `${Y}-06-15` });
    const before = await db.prisma.certificate.findFirstOrThrow({ where: { learnerId: ids.boris!, level: "SECONDARY_GENERAL" } });
    // Through the procedure: the shared schema names the field.
    const refused = (await registrar.learners.portfolio.setCertificate({ ...input, originalNumber: "1234" }).catch((e: unknown) => e)) as {
      code: string;
      cause: { issues: { path: string[]; message: string }[] };
    };
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.cause.issues.map((i) => [i.path.join("."), i.message])).toEqual([["originalNumber", "Сведения об оригинале указываются только для дубликата"]]);
    // Past the schema, straight to the service: the CHECK refuses, mapped to a field error (not a 500).
    const actor = (await loadActor(db.prisma as never, await signedInClaims(db.prisma, "school.registrar")))!;
    const direct = await setCertificate(db.prisma, actor, { ...input, withHonours: false, duplicate: false, state: "ACTIVE", originalIssuedAt: `${Y - 2}-06-01` } as SetCertificateInput, null).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(DomainError);
    expect(direct).toMatchObject({ code: "BAD_REQUEST", field: "duplicate", message: "Сведения об оригинале указываются только для дубликата" });
    // And in plain SQL, whoever writes.
    await expect(
      db.prisma.$executeRawUnsafe(`UPDATE "Certificate" SET "originalRegistrationNumber" = '1' WHERE "learnerId" = $1::uuid AND NOT "duplicate"`, ids.boris!),
    ).rejects.toThrow(/Certificate_original_only_duplicate/);
    expect(await db.prisma.certificate.findFirstOrThrow({ where: { learnerId: ids.boris!, level: "SECONDARY_GENERAL" } })).toEqual(before);
  });

  it("refuses a broken period with a Russian message on its field", async () => {
    const res = await download("school.admin", { from: TO, to: FROM });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "Конец периода раньше начала" });
    await expect((await callerAs(db.prisma, "school.admin")).frdo.check({ from: "2025-02-30", to: TO })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
