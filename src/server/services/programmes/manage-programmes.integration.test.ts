// Programmes and classes per role on a real database: who may read and
// change them, validation on the right fields, the school boundary
// (NOT_FOUND outside) and the audit trail.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";

// A year the demo seed will not fill, so counts here are this file's own.
const YEAR = 2031;
const primary = { name: "ООП НОО (тест)", level: "PRIMARY" as const };
const adapted = { name: "АООП ООО для обучающихся с ЗПР", level: "BASIC" as const, adapted: true, ovzCategory: "DEVELOPMENTAL_DELAY" as const };

const fieldOf = (error: { cause?: { field?: string; issues?: { path: PropertyKey[] }[] } }) =>
  error.cause?.field ?? error.cause?.issues?.map((i) => i.path.join(".")).join(",");

describeDb("school programmes and classes", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  let primaryId: string;
  let adaptedId: string;
  let classId: string;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
    const admin = await callerAs(db.prisma, "school.admin");
    primaryId = (await admin.school.programmes.create(primary)).id;
    adaptedId = (await (await callerAs(db.prisma, "school.registrar")).school.programmes.create(adapted)).id;
    classId = (await admin.school.programmes.createClass({ programmeId: adaptedId, academicYear: YEAR, grade: 5, letter: "в" })).id;
  });
  afterAll(() => db?.close());

  it("admin and registrar create programmes; basic is derived from the level", async () => {
    const list = await (await callerAs(db.prisma, "school.medic")).school.programmes.list();
    expect(list.find((p) => p.id === primaryId)).toMatchObject({ level: "PRIMARY", isBasic: true, adapted: false, ovzCategory: null, form: "FULL_TIME", active: true });
    expect(list.find((p) => p.id === adaptedId)).toMatchObject({ adapted: true, ovzCategory: "DEVELOPMENTAL_DELAY", classes: 1 });
    const additional = await (await callerAs(db.prisma, "school.registrar")).school.programmes.create({
      name: "Робототехника",
      level: "ADDITIONAL",
      direction: "TECHNICAL",
      form: "PART_TIME",
    });
    expect(additional).toMatchObject({ isBasic: false, direction: "TECHNICAL", form: "PART_TIME" });
    const stored = await db.prisma.programme.findUniqueOrThrow({ where: { id: primaryId } });
    expect(stored.organisationId).toBe(db.seeded.organisationIds.school1);
  });

  it("admin and registrar update a programme; only changed fields are audited", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const res = await registrar.school.programmes.update({ id: primaryId, ...primary, name: "ООП НОО", form: "PART_TIME" });
    expect(res.changed.sort()).toEqual(["form", "name"]);
    expect((await registrar.school.programmes.update({ id: primaryId, ...primary, name: "ООП НОО", form: "PART_TIME" })).changed).toEqual([]);
    const admin = await callerAs(db.prisma, "school.admin");
    await admin.school.programmes.update({ id: primaryId, ...primary, name: "ООП НОО", form: "FULL_TIME" });
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "programme.update", entityId: primaryId }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorLogin, a.details])).toEqual([
      ["school.registrar", { changed: ["name", "form"] }],
      ["school.admin", { changed: ["form"] }],
    ]);
  });

  it("refuses changing the level of a programme that has classes", async () => {
    const admin = await callerAs(db.prisma, "school.admin");
    const error = await admin.school.programmes.update({ id: adaptedId, ...adapted, level: "PRIMARY" }).catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldOf(error)).toBe("level");
  });

  it("school.medic reads programmes and classes but cannot change them", async () => {
    const medic = await callerAs(db.prisma, "school.medic");
    expect((await medic.school.programmes.classes({ academicYear: YEAR })).map((c) => c.id)).toEqual([classId]);
    await expect(medic.school.programmes.create(primary)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(medic.school.programmes.update({ id: primaryId, ...primary })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(medic.school.programmes.deactivate({ id: primaryId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(medic.school.programmes.createClass({ programmeId: primaryId, academicYear: YEAR, grade: 1, letter: "А" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(medic.school.programmes.deleteClass({ id: classId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  for (const login of ["edu.officer", "health.officer", "sys.admin", "auditor"]) {
    it(`${login} can neither read nor change a school's programmes (FORBIDDEN)`, async () => {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.school.programmes.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.school.programmes.classes({ academicYear: YEAR })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.school.programmes.create(primary)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.school.programmes.update({ id: primaryId, ...primary })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.school.programmes.deleteClass({ id: classId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  }

  it("another school sees only its own programmes and gets NOT_FOUND on this school's ids", async () => {
    const other = await callerAs(db.prisma, "school2.admin");
    const own = await other.school.programmes.create({ name: "ООП СОО", level: "SECONDARY" });
    const list = await other.school.programmes.list();
    expect(list.map((p) => p.id)).toContain(own.id);
    expect(list.map((p) => p.id)).not.toContain(primaryId);
    expect(await other.school.programmes.classes({ academicYear: YEAR })).toEqual([]);
    await expect(other.school.programmes.update({ id: primaryId, ...primary, name: "Чужая" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.school.programmes.deactivate({ id: primaryId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.school.programmes.createClass({ programmeId: adaptedId, academicYear: YEAR, grade: 6, letter: "А" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(other.school.programmes.deleteClass({ id: classId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Its own class with the same year, grade and letter is no conflict.
    await expect(other.school.programmes.createClass({ programmeId: own.id, academicYear: YEAR, grade: 10, letter: "В" })).resolves.toHaveProperty("id");
    expect((await db.prisma.programme.findUniqueOrThrow({ where: { id: primaryId } })).name).toBe("ООП НОО");
  });

  it("rejects an adapted programme without an ОВЗ category on that field", async () => {
    const admin = await callerAs(db.prisma, "school.admin");
    const error = await admin.school.programmes.create({ name: "АООП НОО", level: "PRIMARY", adapted: true }).catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldOf(error)).toBe("ovzCategory");
    expect(error.cause.issues[0].message).toBe("Для адаптированной программы укажите категорию ОВЗ");
  });

  it("rejects a grade that does not fit the programme's level", async () => {
    const admin = await callerAs(db.prisma, "school.admin");
    const error = await admin.school.programmes.createClass({ programmeId: primaryId, academicYear: YEAR, grade: 5, letter: "А" }).catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "Для программы этого уровня класс от 1 до 4" });
    expect(fieldOf(error)).toBe("grade");
  });

  it("answers CONFLICT on the letter for a duplicate class", async () => {
    const admin = await callerAs(db.prisma, "school.admin");
    const error = await admin.school.programmes.createClass({ programmeId: adaptedId, academicYear: YEAR, grade: 5, letter: "В" }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: "Класс 5«В» на этот учебный год уже есть" });
    expect(fieldOf(error)).toBe("letter");
    // Next year the same class is a new one.
    await expect(admin.school.programmes.createClass({ programmeId: adaptedId, academicYear: YEAR + 1, grade: 5, letter: "В" })).resolves.toHaveProperty("id");
  });

  it("counts current learners per class and refuses to delete a class that has any", async () => {
    const admin = await callerAs(db.prisma, "school.admin");
    const learner = await db.prisma.learner.create({
      data: { regionId: db.seeded.regionId, lastName: "Классов", firstName: "Пётр", birthDate: new Date("2019-03-01"), sex: "MALE", citizenship: "643" },
    });
    const base = { learnerId: learner.id, organisationId: db.seeded.organisationIds.school1!, level: "BASIC" as const, programmeId: adaptedId, classId, grade: 5, classLetter: "В", enrolledAt: new Date("2031-09-01") };
    await db.prisma.enrolment.createMany({ data: [base, { ...base, status: "ENDED", endedAt: new Date("2031-10-01") }] });
    const classes = await admin.school.programmes.classes({ academicYear: YEAR });
    expect(classes).toEqual([
      { id: classId, academicYear: YEAR, grade: 5, letter: "В", learners: 1, programme: { id: adaptedId, name: adapted.name, level: "BASIC", adapted: true } },
    ]);
    await expect(admin.school.programmes.deleteClass({ id: classId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Класс 5«В» нельзя удалить: в нём обучающихся — 1. Сначала переведите их в другой класс.",
    });
    expect(await db.prisma.schoolClass.count({ where: { id: classId } })).toBe(1);
  });

  it("deletes an empty class and audits every class change", async () => {
    const registrar = await callerAs(db.prisma, "school.registrar");
    const { id } = await registrar.school.programmes.createClass({ programmeId: primaryId, academicYear: YEAR, grade: 1, letter: "Б" });
    await registrar.school.programmes.deleteClass({ id });
    expect(await db.prisma.schoolClass.count({ where: { id } })).toBe(0);
    const audits = await db.prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorLogin, a.details])).toEqual([
      ["class.create", "school.registrar", { academicYear: YEAR, grade: 1, letter: "Б", programmeId: primaryId }],
      ["class.delete", "school.registrar", { academicYear: YEAR, grade: 1, letter: "Б", programmeId: primaryId }],
    ]);
    const created = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "programme.create", entityId: adaptedId } });
    expect(created).toMatchObject({ actorLogin: "school.registrar", details: { level: "BASIC", adapted: true, form: "FULL_TIME" } });
  });

  it("a closed programme takes no new classes until reopened", async () => {
    const admin = await callerAs(db.prisma, "school.admin");
    expect((await admin.school.programmes.deactivate({ id: primaryId })).changed).toEqual(["active"]);
    const error = await admin.school.programmes.createClass({ programmeId: primaryId, academicYear: YEAR, grade: 2, letter: "А" }).catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldOf(error)).toBe("programmeId");
    await admin.school.programmes.activate({ id: primaryId });
    await expect(admin.school.programmes.createClass({ programmeId: primaryId, academicYear: YEAR, grade: 2, letter: "А" })).resolves.toHaveProperty("id");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "programme.update", entityId: primaryId }, orderBy: { id: "desc" } });
    expect(audit.details).toEqual({ changed: ["active"], active: true });
  });
});
