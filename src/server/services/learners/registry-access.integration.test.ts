// The registry per role on a real database: who may create, read and change
// a learner, what each role's card contains, and scope (NOT_FOUND outside).
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashPassword } from "../../auth/password";
import { callerAs } from "../../testing/callers";
import { learnerInput } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { maskSnils } from "../person/identity-fields";

const IDENTITY_KEYS = ["birthDate", "classLetter", "firstName", "grade", "id", "lastName", "middleName", "organisation", "sex", "snils"];
const PERSONAL_KEYS = [
  ...IDENTITY_KEYS,
  "actualAddress", "birthPlace", "citizenship", "consents", "docCountry", "docIssuedAt", "docIssuer", "docNumber",
  "docSeries", "docType", "enrolments", "registrationAddress", "representatives",
  // Issue 22: the stay registration and the structured addresses with their match to ГАР.
  "stayAddress", "addresses",
].sort();

describeDb("learner registry access", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let learnerId: string;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    // Staff of another school (gymn2, another municipality) and a municipal officer.
    const passwordHash = await hashPassword("Other-school-password-1");
    const regionId = db.seeded.regionId;
    await db.prisma.user.createMany({
      data: [
        { login: "other.registrar", fullName: "Другая Школа Регистратор", role: "SCHOOL_REGISTRAR", scopeKind: "ORGANISATION", organisationId: db.seeded.organisationIds.gymn2, regionId, passwordHash },
        { login: "edu.sosnovka", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.sosnovka, regionId, passwordHash },
        { login: "edu.zarechny", fullName: "Муниципальный Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: db.seeded.municipalityIds.zarechny, regionId, passwordHash },
      ],
    });
    const registrar = await callerAs(db.prisma, "school.registrar");
    learnerId = (await registrar.learners.create(learnerInput())).id;
  });
  afterAll(() => db?.close());

  it("registrar creates a learner with enrolment, representative and consent, audited in one event", async () => {
    const card = await (await callerAs(db.prisma, "school.registrar")).learners.card({ id: learnerId });
    expect(card.view).toBe("personal");
    if (card.view !== "personal") return;
    expect(card.canWrite).toBe(true);
    expect(card.learner).toMatchObject({ lastName: "Иванов", grade: 4, classLetter: "А", docSeries: "IV-АК", organisation: { id: db.seeded.organisationIds.school1 } });
    expect(card.learner.representatives).toEqual([expect.objectContaining({ lastName: "Иванова", relation: "MOTHER", isPrimaryContact: true })]);
    expect(card.learner.consents).toHaveLength(1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.create", entityId: learnerId } });
    expect(audit).toMatchObject({ actorLogin: "school.registrar", details: { representatives: 1, consent: true } });
    expect(JSON.stringify(audit.details)).not.toContain("Иванов");
  });

  for (const login of ["school.medic", "edu.officer", "health.officer", "sys.admin", "auditor"]) {
    it(`${login} cannot create or change learners (FORBIDDEN)`, async () => {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.learners.create(learnerInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.learners.update({ id: learnerId, learner: learnerInput().learner })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  }

  it("returns exactly the fields each role's stages allow on the card", async () => {
    const expectations: Record<string, { view: string; keys: string[]; stages: string[] } | "FORBIDDEN"> = {
      "school.admin": { view: "personal", keys: PERSONAL_KEYS, stages: ["PERSONAL", "HEALTH", "PORTFOLIO"] },
      "school.registrar": { view: "personal", keys: PERSONAL_KEYS, stages: ["PERSONAL", "PORTFOLIO"] },
      "school.medic": { view: "identity", keys: IDENTITY_KEYS, stages: ["PERSONAL", "HEALTH"] },
      "edu.officer": { view: "personal", keys: PERSONAL_KEYS, stages: ["PERSONAL", "PORTFOLIO"] },
      "health.officer": { view: "identity", keys: IDENTITY_KEYS, stages: ["PERSONAL", "HEALTH"] },
      "sys.admin": "FORBIDDEN",
      auditor: "FORBIDDEN",
    };
    for (const [login, expected] of Object.entries(expectations)) {
      const call = (await callerAs(db.prisma, login)).learners.card({ id: learnerId });
      if (expected === "FORBIDDEN") {
        await expect(call, login).rejects.toMatchObject({ code: "FORBIDDEN" });
        continue;
      }
      const card = await call;
      expect(card.view, login).toBe(expected.view);
      expect(Object.keys(card.learner).sort(), login).toEqual([...expected.keys].sort());
      expect(card.stages, login).toEqual(expected.stages);
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.card.read", actorLogin: login }, orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ entityId: learnerId, details: { stages: expected.stages } });
    }
  });

  it("hides the learner from another school and another municipality (NOT_FOUND)", async () => {
    const other = await callerAs(db.prisma, "other.registrar");
    await expect(other.learners.card({ id: learnerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.learners.update({ id: learnerId, learner: learnerInput().learner })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.learners.addRepresentative({ learnerId, representative: { relation: "FATHER", lastName: "Чужой", firstName: "Отец", citizenship: "643" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await other.learners.list({})).total).toBe(0);
    expect((await other.learners.search({ query: "Иванов" })).rows).toHaveLength(0);

    await expect((await callerAs(db.prisma, "edu.sosnovka")).learners.card({ id: learnerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerAs(db.prisma, "edu.zarechny")).learners.card({ id: learnerId })).resolves.toMatchObject({ view: "personal", canWrite: false });
  });

  it("offers the existing person for a known SNILS, and warns of a possible duplicate", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const card = await registrar.learners.card({ id: learnerId });
    const snils = card.learner.snils!;
    await expect(registrar.learners.create(learnerInput({ learner: { snils, lastName: "Другой" } }))).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { field: "learner.snils", details: { kind: "snils", existingId: learnerId } },
    });
    // From another school the person exists but its record is not revealed.
    const other = await callerAs(db.prisma, "other.registrar");
    await expect(other.learners.create(learnerInput({ learner: { snils } }))).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { kind: "snils", existingId: null } },
    });
    // Same name, sex and birth date, no SNILS: a warning first, then allowed.
    const twin = learnerInput({ learner: { snils: undefined } });
    await expect(registrar.learners.create(twin)).rejects.toMatchObject({ code: "CONFLICT", cause: { details: { kind: "possibleDuplicate", existingId: learnerId } } });
    await expect(registrar.learners.create({ ...twin, acknowledgeDuplicate: true })).resolves.toHaveProperty("id");
  });

  it("rejects invalid input with Russian messages on the right fields", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const bad = learnerInput({ learner: { snils: "112-233-445 96", docSeries: "IV-AK", birthDate: "2099-01-01" } });
    const error = await registrar.learners.create(bad).catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    const messages = Object.fromEntries(error.cause.issues.map((i: { path: string[]; message: string }) => [i.path.join("."), i.message]));
    expect(messages["learner.snils"]).toBe("Неверная контрольная сумма СНИЛС");
    expect(messages["learner.docSeries"]).toMatch(/Серия свидетельства/);
    expect(messages["learner.birthDate"]).toBe("Дата рождения не может быть в будущем");
  });

  it("lists the school's learners with filters, and audits the list without personal data", async () => {
    const admin = await callerAs(db.prisma, "school.admin");
    const all = await admin.learners.list({});
    expect(all.total).toBe(2);
    expect((await admin.learners.list({ search: "ива" })).total).toBe(2);
    expect((await admin.learners.list({ search: "Петров" })).total).toBe(0);
    expect((await admin.learners.list({ missing: "snils" })).rows.map((r) => r.id)).not.toContain(learnerId);
    expect((await admin.learners.list({ grade: 4, classLetter: "а" })).total).toBe(2);
    expect((await admin.learners.list({ grade: 5 })).total).toBe(0);
    // The total is the same whether it is counted (a full page) or read off a
    // short last page, and a page past the end still reports it.
    expect((await admin.learners.list({ pageSize: 1 })).total).toBe(2);
    expect((await admin.learners.list({ pageSize: 1, page: 1 })).total).toBe(2);
    expect(await admin.learners.list({ pageSize: 1, page: 2 })).toEqual({ total: 2, rows: [] });
    const snils = all.rows.find((r) => r.id === learnerId)!.snils!;
    expect((await admin.learners.list({ search: snils })).rows.map((r) => r.id)).toEqual([learnerId]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.list.read" }, orderBy: { id: "desc" } });
    // Audit rows never carry the SNILS itself, only a masked form.
    expect(audit.details).toMatchObject({ filters: { search: maskSnils(snils) }, total: 1 });
    expect(JSON.stringify(audit.details)).not.toContain(snils);
    await expect((await callerAs(db.prisma, "edu.officer")).learners.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets oversight roles search region-wide, identity subset only", async () => {
    for (const login of ["edu.officer", "health.officer"]) {
      const result = await (await callerAs(db.prisma, login)).learners.search({ query: "Иванов Пётр" });
      expect(result.rows.length, login).toBe(2);
      expect(Object.keys(result.rows[0]!).sort()).toEqual(IDENTITY_KEYS);
    }
    await expect((await callerAs(db.prisma, "auditor")).learners.search({ query: "Иванов" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("manages representatives and consents, with history kept", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const { representativeId } = await registrar.learners.addRepresentative({
      learnerId,
      representative: { relation: "FATHER", lastName: "Иванов", firstName: "Сергей", citizenship: "643", isPrimaryContact: true },
    });
    let card = await registrar.learners.card({ id: learnerId });
    if (card.view !== "personal") throw new Error("expected personal view");
    expect(card.learner.representatives.filter((r) => r.isPrimaryContact).map((r) => r.id)).toEqual([representativeId]);

    const mother = card.learner.representatives.find((r) => r.relation === "MOTHER")!;
    await expect(registrar.learners.unlinkRepresentative({ learnerId, representativeId: mother.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const consent = card.learner.consents[0]!;
    await expect(registrar.learners.withdrawConsent({ learnerId, consentId: consent.id, withdrawnAt: "2020-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await registrar.learners.withdrawConsent({ learnerId, consentId: consent.id, withdrawnAt: "2024-05-01" });
    await registrar.learners.unlinkRepresentative({ learnerId, representativeId: mother.id });
    card = await registrar.learners.card({ id: learnerId });
    if (card.view !== "personal") throw new Error("expected personal view");
    expect(card.learner.representatives.map((r) => r.relation)).toEqual(["FATHER"]);
    expect(card.learner.consents[0]).toMatchObject({ id: consent.id, withdrawnAt: new Date("2024-05-01T00:00:00Z") });

    const update = await registrar.learners.update({ id: learnerId, learner: { ...learnerInput().learner, snils: card.learner.snils!, actualAddress: "г. Заречный, ул. Новая, д. 1" } });
    expect(update.changed).toEqual(expect.arrayContaining(["actualAddress"]));
    expect(update.changed).not.toContain("snils");
  });
});
