// The organisations registry on a real database: only EDU_OFFICER manages it,
// a municipal officer works inside its municipality (NOT_FOUND outside),
// identifiers are validated and unique, closing refuses an organisation that
// still holds learners, and every change leaves an audit row.
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeInn, makeOgrn } from "@/lib/validators";
import { hashPassword } from "../../auth/password";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

let serial = 0;
/** Valid, never-seeded identifiers (the demo region uses 99…). */
function identifiers() {
  serial += 1;
  const n = String(serial).padStart(4, "0");
  return { inn: makeInn(`77010${n}`), ogrn: makeOgrn(`10377000${n}`), kpp: "770101001" };
}

/** The zod issues of a BAD_REQUEST, as { field: message }. */
async function fieldIssues(call: Promise<unknown>) {
  const error = await call.then(
    () => ({ code: "OK", cause: { issues: [] } }),
    (e: { code: string; cause: { issues: { path: string[]; message: string }[] } }) => e,
  );
  expect(error.code).toBe("BAD_REQUEST");
  return Object.fromEntries(error.cause.issues.map((i) => [i.path.join("."), i.message]));
}

describeDb("ministry.organisations", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let officer: Awaited<ReturnType<typeof callerAs>>;
  let municipal: Awaited<ReturnType<typeof callerAs>>;
  const base = () => ({
    municipalityId: db.seeded.municipalityIds.sosnovka,
    type: "GENERAL_SCHOOL" as const,
    fullName: "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 9»",
    shortName: "МБОУ СОШ № 9",
    founder: "Администрация Сосновского муниципального района",
    licenceNumber: "Л035-01234-77/00123456",
    licenceDate: "2020-02-14",
    address: "с. Сосновка, ул. Новая, д. 9",
    headName: "Тихонова Вера Андреевна",
    ...identifiers(),
  });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const passwordHash = await hashPassword("Municipal-officer-password-1");
    await db.prisma.user.create({
      data: { login: "edu.sosnovka", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.sosnovka, regionId: db.seeded.regionId, passwordHash },
    });
    officer = await callerAs(db.prisma, "edu.officer");
    municipal = await callerAs(db.prisma, "edu.sosnovka");
    // One learner on the books of МБОУ СОШ № 1.
    await (await callerAs(db.prisma, "school.registrar")).learners.create(learnerInput());
  });
  afterAll(() => db?.close());

  it("lets the regional officer list the whole region, with filters, search and learner counts", async () => {
    const all = await officer.ministry.organisations.list({});
    expect(all.total).toBe(7);
    const school1 = all.rows.find((o) => o.id === db.seeded.organisationIds.school1);
    expect(school1).toMatchObject({ shortName: "МБОУ СОШ № 1", activeLearners: 1, closedAt: null, municipality: { id: db.seeded.municipalityIds.zarechny } });
    const schools = await officer.ministry.organisations.list({ type: "GENERAL_SCHOOL", municipalityId: db.seeded.municipalityIds.ozyorsk });
    expect(schools.rows.map((o) => o.shortName)).toEqual(["МБОУ СОШ № 4"]);
    expect((await officer.ministry.organisations.list({ search: "гимназ" })).rows.map((o) => o.shortName)).toEqual(["МБОУ «Гимназия № 2»"]);
    const byInn = await officer.ministry.organisations.list({ search: school1!.inn.slice(0, 10) });
    expect(byInn.rows.map((o) => o.id)).toEqual([school1!.id]);
    expect((await officer.ministry.organisations.list({ search: school1!.ogrn })).total).toBe(1);
    const page = await officer.ministry.organisations.list({ pageSize: 3, page: 2 });
    expect(page).toMatchObject({ total: 7, rows: [expect.anything()] });
  });

  for (const login of ["school.admin", "school.registrar", "school.medic", "school2.admin", "health.officer", "sys.admin", "auditor"]) {
    it(`${login} cannot read or change the registry (FORBIDDEN)`, async () => {
      const caller = await callerAs(db.prisma, login);
      const id = db.seeded.organisationIds.cdt!;
      await expect(caller.ministry.organisations.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.organisations.get({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.organisations.create(base())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.organisations.update({ id, ...base() })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.ministry.organisations.close({ id, closedAt: "2026-01-10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  }

  it("creates an organisation with its licence and audits it", async () => {
    const input = base();
    const created = await officer.ministry.organisations.create(input);
    expect(created).toMatchObject({ inn: input.inn, licenceNumber: input.licenceNumber, licenceDate: "2020-02-14", activeLearners: 0, closedAt: null });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "organisation.create", entityId: created.id } });
    expect(audit).toMatchObject({ actorLogin: "edu.officer", entityType: "Organisation", details: { inn: input.inn, type: "GENERAL_SCHOOL" } });
  });

  it("answers BAD_REQUEST with Russian messages on the INN, OGRN and KPP fields", async () => {
    const valid = identifiers();
    const wrongLast = (v: string) => v.slice(0, -1) + String((Number(v.at(-1)) + 1) % 10);
    const error = await fieldIssues(
      officer.ministry.organisations.create({ ...base(), inn: wrongLast(valid.inn), ogrn: wrongLast(valid.ogrn), kpp: "77010100" }),
    );
    expect(error).toEqual({
      inn: "Неверная контрольная сумма ИНН",
      ogrn: "Неверный контрольный разряд ОГРН",
      kpp: "КПП должен состоять из 9 символов",
    });
    expect(await fieldIssues(officer.ministry.organisations.create({ ...base(), licenceDate: "" }))).toEqual({
      licenceDate: "Укажите дату выдачи лицензии",
    });
  });

  it("answers CONFLICT on the field for a taken INN or OGRN, and writes nothing", async () => {
    const taken = await db.prisma.organisation.findUniqueOrThrow({ where: { id: db.seeded.organisationIds.gymn2 } });
    const before = { orgs: await db.prisma.organisation.count(), audits: await db.prisma.auditEvent.count() };
    await expect(officer.ministry.organisations.create({ ...base(), inn: taken.inn })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Организация с таким ИНН уже есть в реестре",
      cause: { field: "inn" },
    });
    await expect(officer.ministry.organisations.create({ ...base(), ogrn: taken.ogrn })).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "ogrn" } });
    const other = await db.prisma.organisation.findUniqueOrThrow({ where: { id: db.seeded.organisationIds.board3 } });
    await expect(
      officer.ministry.organisations.update({ ...base(), id: other.id, inn: taken.inn }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "inn" } });
    expect({ orgs: await db.prisma.organisation.count(), audits: await db.prisma.auditEvent.count() }).toEqual(before);
  });

  it("updates an organisation and audits the names of the changed fields", async () => {
    const org = await officer.ministry.organisations.get({ id: db.seeded.organisationIds.kinder5! });
    const { activeLearners: _, closedAt: __, municipality, ...fields } = org;
    const updated = await officer.ministry.organisations.update({
      ...fields,
      municipalityId: municipality.id,
      headName: "Орлова Нина Павловна",
      licenceNumber: "Л035-01234-77/00000005",
      licenceDate: "2019-05-20",
      address: fields.address ?? undefined,
    });
    expect(updated).toMatchObject({ headName: "Орлова Нина Павловна", licenceDate: "2019-05-20" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "organisation.update", entityId: org.id } });
    expect((audit.details as { changed: string[] }).changed.sort()).toEqual(["headName", "licenceDate", "licenceNumber"]);
  });

  it("keeps a municipal officer inside its municipality", async () => {
    const own = await municipal.ministry.organisations.list({ status: "all" });
    expect(new Set(own.rows.map((o) => o.municipality.id))).toEqual(new Set([db.seeded.municipalityIds.sosnovka]));
    expect((await municipal.ministry.organisations.options()).municipalities.map((m) => m.id)).toEqual([db.seeded.municipalityIds.sosnovka]);
    const outside = db.seeded.organisationIds.school1!;
    await expect(municipal.ministry.organisations.get({ id: outside })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(municipal.ministry.organisations.update({ ...base(), id: outside })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(municipal.ministry.organisations.close({ id: outside, closedAt: "2026-01-10" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      municipal.ministry.organisations.create({ ...base(), municipalityId: db.seeded.municipalityIds.zarechny }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "municipalityId" } });
    // Nor may it move one of its own organisations out of its municipality.
    const gymn2 = await municipal.ministry.organisations.get({ id: db.seeded.organisationIds.gymn2! });
    await expect(
      municipal.ministry.organisations.update({ ...base(), id: gymn2.id, inn: gymn2.inn, ogrn: gymn2.ogrn, municipalityId: db.seeded.municipalityIds.ozyorsk }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "municipalityId" } });
    const created = await municipal.ministry.organisations.create(base());
    expect(created.municipality.id).toBe(db.seeded.municipalityIds.sosnovka);
  });

  it("refuses to close an organisation that still holds learners", async () => {
    const id = db.seeded.organisationIds.school1!;
    await expect(officer.ministry.organisations.close({ id, closedAt: "2026-01-10" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Нельзя закрыть организацию: в ней 1 обучающийся. Сначала оформите их выбытие или перевод",
      cause: { details: { activeLearners: 1 } },
    });
    expect((await db.prisma.organisation.findUniqueOrThrow({ where: { id } })).closedAt).toBeNull();
    expect(await db.prisma.auditEvent.count({ where: { action: "organisation.close", entityId: id } })).toBe(0);
  });

  it("closes an empty organisation: it leaves the open list, shows under closed, and is audited", async () => {
    const created = await officer.ministry.organisations.create(base());
    await expect(officer.ministry.organisations.close({ id: created.id, closedAt: "2999-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const closed = await officer.ministry.organisations.close({ id: created.id, closedAt: "2026-01-10" });
    expect(closed.closedAt?.toISOString()).toBe("2026-01-10T00:00:00.000Z");
    const search = { search: created.inn };
    expect((await officer.ministry.organisations.list({ ...search, status: "open" })).total).toBe(0);
    expect((await officer.ministry.organisations.list({ ...search, status: "closed" })).rows.map((o) => o.id)).toEqual([created.id]);
    await expect(officer.ministry.organisations.close({ id: created.id, closedAt: "2026-01-11" })).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "organisation.close", entityId: created.id } });
    expect(audit).toMatchObject({ actorLogin: "edu.officer", details: { closedAt: "2026-01-10" } });
  });
});
