// The register of resident children through its tRPC procedures: the list
// with its filters and audit row (naming matched learners), the form of
// education outside organisations, the "moved away" mark, re-matching after
// learners change; NOT_FOUND outside the caller's municipality and FORBIDDEN
// for every role without the children's account capability.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regionToday } from "@/lib/time-zone";
import { hashPassword } from "../../auth/password";
import { callerAs } from "../../testing/callers";
import { learnerInput, uniqueSnils } from "../../testing/learner-fixtures";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { ageOn } from "./register";

describe("ageOn", () => {
  it("counts whole years, the birthday itself included", () => {
    expect(ageOn("2019-12-07", "2026-12-07")).toBe(7);
    expect(ageOn("2019-12-08", "2026-12-07")).toBe(6);
  });
});

describeDb("register of resident children (procedures)", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  const ids = { enrolledLearner: "", free: "", matched: "", other: "", later: "" };
  const laterSnils = uniqueSnils();

  const resident = (municipalityId: string, lastName: string, extra: Record<string, unknown> = {}) =>
    db.prisma.residentChild.create({
      data: { municipalityId, lastName, firstName: "Тест", searchName: `${lastName.toLowerCase()} тест`, birthDate: new Date("2019-06-01T00:00:00Z"), source: "REGISTRY_OFFICE", addressText: "г. Заречный, ул. Садовая, д. 1", ...extra },
    });

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const { regionId, municipalityIds } = db.seeded;
    await db.prisma.user.create({
      data: { login: "mun.ozyorsk", fullName: "Другой Специалист", role: "EDU_OFFICER", scopeKind: "MUNICIPALITY", municipalityId: municipalityIds.ozyorsk, regionId, passwordHash: await hashPassword("Ozyorsk-password-1") },
    });
    const school = await callerAs(db.prisma, "school.registrar");
    ids.enrolledLearner = (await school.learners.create(learnerInput())).id;
    ids.free = (await resident(municipalityIds.zarechny, "Свободнова")).id;
    ids.matched = (await resident(municipalityIds.zarechny, "Учащийся", { learnerId: ids.enrolledLearner, matchedBy: "SNILS" })).id;
    ids.other = (await resident(municipalityIds.ozyorsk, "Озёрская")).id;
    const index = (await import("../../crypto/field-crypto")).blindIndex("snils", laterSnils.replace(/\D/g, ""));
    ids.later = (await resident(municipalityIds.zarechny, "Позднов", { snilsIndex: index })).id;
  });
  afterAll(() => db?.close());

  it("lists the municipality's children with filters and search; one audit row naming the matched learners", async () => {
    const mun = await callerAs(db.prisma, "mun.officer");
    const all = await mun.residents.list({});
    expect(all.municipality.id).toBe(db.seeded.municipalityIds.zarechny);
    expect(all.rows.map((r) => r.name)).toEqual(["Позднов Тест", "Свободнова Тест", "Учащийся Тест"]);
    expect(all.rows[0]).toMatchObject({ birthDate: "2019-06-01", age: ageOn("2019-06-01", regionToday()), source: "REGISTRY_OFFICE", matchedBy: "NONE", learnerId: null });
    expect((await mun.residents.list({ filter: "matched" })).rows.map((r) => r.learnerId)).toEqual([ids.enrolledLearner]);
    expect((await mun.residents.list({ filter: "unmatched" })).total).toBe(2);
    expect((await mun.residents.list({ q: "своб" })).rows.map((r) => r.id)).toEqual([ids.free]);
    await mun.residents.list({ filter: "matched" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "residents.list" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorLogin: "mun.officer", entityId: db.seeded.municipalityIds.zarechny, details: { filter: "matched", residents: 1, total: 1 } });
    expect((await db.prisma.auditEventLearner.findMany({ where: { eventId: audit.id } })).map((l) => l.learnerId)).toEqual([ids.enrolledLearner]);
    // The region's officer names the municipality; another municipality's officer cannot.
    expect((await (await callerAs(db.prisma, "edu.officer")).residents.list({ municipalityId: db.seeded.municipalityIds.ozyorsk })).rows.map((r) => r.id)).toEqual([ids.other]);
    await expect((await callerAs(db.prisma, "edu.officer")).residents.list({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mun.residents.list({ municipalityId: db.seeded.municipalityIds.ozyorsk })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sets and clears the form of education of a child outside organisations, audited; an enrolled child refused", async () => {
    const mun = await callerAs(db.prisma, "mun.officer");
    const since = regionToday();
    await mun.residents.setEducationForm({ residentId: ids.free, form: "FAMILY", since, note: "Заявление родителей от 01.09" });
    expect(await db.prisma.residentChild.findUniqueOrThrow({ where: { id: ids.free } })).toMatchObject({ educationForm: "FAMILY", educationFormNote: "Заявление родителей от 01.09" });
    expect((await mun.residents.list({ filter: "form" })).rows.map((r) => [r.id, r.educationForm, r.educationFormSince])).toEqual([[ids.free, "FAMILY", since]]);
    expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "residents.educationForm" }, orderBy: { id: "desc" } })).toMatchObject({ entityId: ids.free, details: { before: null, after: "FAMILY" } });
    await mun.residents.setEducationForm({ residentId: ids.free, form: null });
    expect(await db.prisma.residentChild.findUniqueOrThrow({ where: { id: ids.free } })).toMatchObject({ educationForm: null, educationFormSince: null });
    await expect(mun.residents.setEducationForm({ residentId: ids.matched, form: "SELF", since })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mun.residents.setEducationForm({ residentId: ids.free, form: "SELF" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mun.residents.setEducationForm({ residentId: ids.free, form: "SELF", since: "2999-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("marks a child as moved away and back, audited", async () => {
    const mun = await callerAs(db.prisma, "mun.officer");
    await mun.residents.setLeft({ residentId: ids.free, leftAt: regionToday() });
    expect((await mun.residents.list({ filter: "left" })).rows.map((r) => r.id)).toEqual([ids.free]);
    expect((await mun.residents.list({ filter: "unmatched" })).rows.map((r) => r.id)).toEqual([ids.later]);
    await mun.residents.setLeft({ residentId: ids.free, leftAt: null });
    expect((await mun.residents.list({ filter: "left" })).total).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { action: "residents.left", entityId: ids.free } })).toBe(2);
  });

  it("re-matches the unmatched children after a learner appears", async () => {
    const mun = await callerAs(db.prisma, "mun.officer");
    expect(await mun.residents.rematch({})).toEqual({ linked: 0 });
    const learnerId = (await (await callerAs(db.prisma, "school.registrar")).learners.create(learnerInput({ learner: { lastName: "Позднов", snils: laterSnils } }))).id;
    expect(await mun.residents.rematch({})).toEqual({ linked: 1 });
    expect(await db.prisma.residentChild.findUniqueOrThrow({ where: { id: ids.later } })).toMatchObject({ learnerId, matchedBy: "SNILS" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "residents.rematch" }, orderBy: { id: "desc" } });
    expect((await db.prisma.auditEventLearner.findMany({ where: { eventId: audit.id } })).map((l) => l.learnerId)).toEqual([learnerId]);
  });

  it("NOT_FOUND for a resident of another municipality; FORBIDDEN for roles without the capability", async () => {
    const ozyorsk = await callerAs(db.prisma, "mun.ozyorsk");
    await expect(ozyorsk.residents.setEducationForm({ residentId: ids.free, form: "FAMILY", since: regionToday() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ozyorsk.residents.setLeft({ residentId: ids.free, leftAt: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerAs(db.prisma, "mun.officer")).residents.setLeft({ residentId: ids.other, leftAt: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const login of ["school.admin", "school.registrar", "school.medic", "health.officer", "sys.admin", "auditor"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.residents.list({}), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.residents.setLeft({ residentId: ids.free, leftAt: null }), login).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.residents.rematch({}), login).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
