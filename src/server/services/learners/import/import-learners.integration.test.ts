// Bulk import against a real database: dry run writes nothing, a commit is
// all-or-nothing, re-importing is idempotent, and registry rules hold.
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadActor, type Actor } from "../../../auth/actor";
import { signedInClaims } from "../../../testing/sessions";
import { hashPassword } from "../../../auth/password";
import { HEADERS, learnerRow, snilsFor, toCsv } from "../../../testing/import-fixtures";
import { snilsWhere } from "../../person/identity-fields";
import { createSeededTestDatabase, describeDb } from "../../../testing/test-db";
import { importLearners, type ImportOptions } from "./import-learners";
import { readRows } from "./read-file";

const ROWS = 30;
const file = (rows: string[][]) => readRows(new Uint8Array(Buffer.from(toCsv([HEADERS, ...rows]), "utf8")), "class.csv");
const baseRows = () => Array.from({ length: ROWS }, (_, i) => learnerRow(i));
const col = (header: string) => HEADERS.indexOf(header);

describeDb("learner import", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let registrar: Actor;
  let other: Actor;
  const run = async (actor: Actor, rows: string[][], options: Partial<ImportOptions> = {}) =>
    importLearners(db.prisma, actor, await file(rows), { commit: true, fileName: "class.csv", ip: "127.0.0.1", ...options });
  const counts = async () => ({
    learners: await db.prisma.learner.count(),
    enrolments: await db.prisma.enrolment.count(),
    representatives: await db.prisma.representative.count(),
    links: await db.prisma.learnerRepresentative.count(),
    consents: await db.prisma.consent.count(),
  });
  const actorOf = async (login: string) => {
    return (await loadActor(db.prisma, await signedInClaims(db.prisma, login)))!;
  };

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    await db.prisma.user.create({
      data: {
        login: "other.registrar", fullName: "Другая Школа", role: "SCHOOL_REGISTRAR", scopeKind: "ORGANISATION",
        organisationId: db.seeded.organisationIds.gymn2, regionId: db.seeded.regionId, passwordHash: await hashPassword("Other-school-password-1"),
      },
    });
    registrar = await actorOf("school.registrar");
    other = await actorOf("other.registrar");
  });
  afterAll(() => db?.close());

  it("a dry run checks every row and writes nothing but its audit record", async () => {
    const before = await counts();
    const result = await run(registrar, baseRows(), { commit: false });
    expect(result).toMatchObject({ committed: false, rows: ROWS, created: ROWS, updated: 0, unchanged: 0, errorCount: 0 });
    expect(await counts()).toEqual(before);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.import" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ mode: "dry-run", created: ROWS, committed: false });
  });

  it("an import that fails on its last row leaves nothing behind", async () => {
    const before = await counts();
    const rows = baseRows();
    rows[ROWS - 1]![col("СНИЛС")] = "112-233-445 96";
    const result = await run(registrar, rows);
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([{ row: ROWS + 1, column: "СНИЛС", message: "Неверная контрольная сумма СНИЛС" }]);
    expect(await counts()).toEqual(before);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.import" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "FAILURE", details: { mode: "commit", errors: 1 } });
  });

  it("a failure while writing rolls the whole batch back", async () => {
    const before = await counts();
    const failing = run(registrar, baseRows(), {
      onProgress: (p) => {
        if (p.phase === "write" && p.done >= ROWS) throw new Error("disk full");
      },
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await counts()).toEqual(before);
  });

  it("commits all rows in one transaction with one audit record, without personal data", async () => {
    const before = await counts();
    const auditsBefore = await db.prisma.auditEvent.count();
    const result = await run(registrar, baseRows());
    expect(result).toMatchObject({ committed: true, created: ROWS, updated: 0, unchanged: 0, errorCount: 0 });
    expect(await counts()).toEqual({
      learners: before.learners + ROWS, enrolments: before.enrolments + ROWS, representatives: before.representatives + ROWS,
      links: before.links + ROWS, consents: before.consents + ROWS,
    });
    expect(await db.prisma.auditEvent.count()).toBe(auditsBefore + 1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.import" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorLogin: "school.registrar", outcome: "SUCCESS", details: { mode: "commit", fileName: "class.csv", rows: ROWS, created: ROWS } });
    expect(JSON.stringify(audit.details)).not.toMatch(/Иванов|\d{11}/);
    const learner = await db.prisma.learner.findFirstOrThrow({
      where: snilsWhere(snilsFor(1)),
      include: { enrolments: true, representatives: { include: { representative: true } }, consents: true },
    });
    expect(learner.enrolments).toMatchObject([{ organisationId: db.seeded.organisationIds.school1, level: "PRIMARY", grade: 1, classLetter: "А", status: "ACTIVE" }]);
    expect(learner.representatives).toMatchObject([{ relation: "MOTHER", isPrimaryContact: true, representative: { lastName: "Иванова" } }]);
    expect(learner.consents).toHaveLength(1);
  });

  it("re-importing the same file changes nothing; an updated file updates only what differs", async () => {
    const before = await counts();
    expect(await run(registrar, baseRows())).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: ROWS });
    expect(await counts()).toEqual(before);

    const rows = baseRows();
    rows[4]![col("Литера")] = "Г";
    rows[4]![col("Адрес регистрации")] = "г. Заречный, ул. Новая, д. 7";
    rows[9]![col("Представитель: Телефон")] = "+7 900 000-00-00";
    rows[9]![col("Фактический адрес")] = ""; // blank never erases
    const result = await run(registrar, rows);
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: ROWS - 2 });
    expect(await counts()).toEqual(before);
    const fifth = await db.prisma.learner.findFirstOrThrow({ where: snilsWhere(snilsFor(5)), include: { enrolments: true } });
    expect(fifth).toMatchObject({ registrationAddress: "г. Заречный, ул. Новая, д. 7", enrolments: [{ classLetter: "Г" }] });
    expect((await db.prisma.representative.findUniqueOrThrow({ where: snilsWhere(snilsFor(500_009)) })).phone).toBe("+7 900 000-00-00");
    expect(await run(registrar, rows)).toMatchObject({ updated: 0, unchanged: ROWS });
  });

  it("refuses a learner held by another school, and duplicate SNILS within a file", async () => {
    const rows = [learnerRow(0), learnerRow(100), learnerRow(100, { "Имя": "Иван" })];
    const result = await run(other, rows, { commit: false });
    expect(result.errors).toEqual([
      { row: 2, column: "СНИЛС", message: "Этот СНИЛС нельзя загрузить как новую запись: если ребёнок уже учился в регионе, оформите его зачисление из реестра (по СНИЛС и дате рождения)" },
      { row: 4, column: "СНИЛС", message: "Этот СНИЛС уже указан в строке 3" },
    ]);
    expect(result).toMatchObject({ created: 1, errorCount: 2 });
  });

  it("shares one representative between siblings and matches learners without SNILS by name", async () => {
    const parent = { "Представитель: СНИЛС": snilsFor(900_001), "Представитель: Фамилия": "Сидорова" };
    const rows = [
      learnerRow(200, { ...parent, "Фамилия": "Сидоров" }),
      learnerRow(201, { ...parent, "Фамилия": "Сидоров", "СНИЛС": "" }),
    ];
    expect(await run(registrar, rows)).toMatchObject({ committed: true, created: 2 });
    const rep = await db.prisma.representative.findUniqueOrThrow({ where: snilsWhere(snilsFor(900_001)), include: { learners: true } });
    expect(rep.learners).toHaveLength(2);
    expect(await run(registrar, rows)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // The SNILS added later completes the same record instead of creating a second child.
    const before = await counts();
    expect(await run(registrar, [rows[0]!, learnerRow(201, { ...parent, "Фамилия": "Сидоров" })])).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await counts()).toEqual(before);
    expect(await db.prisma.learner.findFirst({ where: snilsWhere(snilsFor(202)) })).toMatchObject({ lastName: "Сидоров" });
  });

  it("finds a learner without SNILS by name whatever the case and ё, by the search key", async () => {
    const row = (lastName: string) => learnerRow(300, { "Фамилия": lastName, "СНИЛС": "", "Представитель: СНИЛС": "" });
    expect(await run(registrar, [row("Королёв")])).toMatchObject({ committed: true, created: 1 });
    const before = await counts();
    // Same person: the stored spelling is replaced by the file's, no second record.
    expect(await run(registrar, [row("КОРОЛЕВ")])).toMatchObject({ committed: true, created: 0, updated: 1 });
    expect(await counts()).toEqual(before);
    // A SNILS given later completes that record; a same-name person holding another SNILS is another child.
    const withSnils = (snils: string) => learnerRow(300, { "Фамилия": "Королёв", "СНИЛС": snils, "Представитель: СНИЛС": "" });
    expect(await run(registrar, [withSnils(snilsFor(300_300))])).toMatchObject({ committed: true, created: 0, updated: 1 });
    expect(await run(registrar, [withSnils(snilsFor(300_301))], { commit: false })).toMatchObject({ created: 1, updated: 0 });
    // Another birth date is another child.
    expect(await run(registrar, [learnerRow(301, { "Фамилия": "Королев", "СНИЛС": "", "Представитель: СНИЛС": "" })], { commit: false })).toMatchObject({ created: 1 });
  });

  it("is refused to roles without the import right", async () => {
    await expect(run(await actorOf("school.medic"), baseRows(), { commit: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
