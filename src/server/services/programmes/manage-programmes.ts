// The programmes a school offers and its classes per academic year. Always the
// caller's own organisation: its id comes from the scope, never from input, and
// a programme or class of another organisation answers NOT_FOUND.
import type { CreateClassInput, ProgrammeData, UpdateProgrammeInput } from "@/lib/schemas/programme";
import { gradeMismatch } from "@/lib/schemas/programme";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { badRequest, conflict, forbidden, notFound } from "../../errors";

/** Enrolments that make a learner part of a class (a pending transfer still counts at the sender). */
const CURRENT_STATUSES = ["ACTIVE", "PENDING_TRANSFER"] as const;

const PROGRAMME_COLUMNS = ["name", "level", "isBasic", "adapted", "ovzCategory", "direction", "form"] as const;

const PROGRAMME_SELECT = {
  id: true,
  name: true,
  level: true,
  isBasic: true,
  adapted: true,
  ovzCategory: true,
  direction: true,
  form: true,
  active: true,
  _count: { select: { classes: true } },
} as const;

function ownOrganisationId(actor: Actor): string {
  if (actor.scope.kind !== "ORGANISATION") throw forbidden();
  return actor.scope.organisationId;
}

async function findOwnProgramme(tx: DbTx, organisationId: string, id: string) {
  const programme = await tx.programme.findFirst({ where: { id, organisationId }, select: { ...PROGRAMME_SELECT } });
  if (!programme) throw notFound("Программа не найдена");
  return programme;
}

type ProgrammeRow = Awaited<ReturnType<typeof findOwnProgramme>>;
const programmeView = ({ _count, ...p }: ProgrammeRow) => ({ ...p, classes: _count.classes });

export async function listProgrammes(db: Db, actor: Actor) {
  const organisationId = ownOrganisationId(actor);
  const rows = await db.programme.findMany({
    where: { organisationId },
    select: PROGRAMME_SELECT,
    orderBy: [{ active: "desc" }, { level: "asc" }, { name: "asc" }],
  });
  return rows.map(programmeView);
}

export async function createProgramme(db: Db, actor: Actor, input: ProgrammeData, ip: string | null) {
  const organisationId = ownOrganisationId(actor);
  return db.$transaction(async (tx) => {
    const programme = await tx.programme.create({ data: { ...input, organisationId }, select: PROGRAMME_SELECT });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "programme.create",
      entityType: "Programme",
      entityId: programme.id,
      details: { level: input.level, adapted: input.adapted, form: input.form },
    });
    return programmeView(programme);
  });
}

export async function updateProgramme(db: Db, actor: Actor, input: UpdateProgrammeInput, ip: string | null) {
  const organisationId = ownOrganisationId(actor);
  return db.$transaction(async (tx) => {
    const { id, ...data } = input;
    const before = await findOwnProgramme(tx, organisationId, id);
    const changed = PROGRAMME_COLUMNS.filter((f) => before[f] !== data[f]);
    if (changed.length === 0) return { id, changed };
    if (changed.includes("level")) {
      // Classes' grades and learners' enrolments were checked against the old level.
      const used = await tx.programme.count({ where: { id, OR: [{ classes: { some: {} } }, { enrolments: { some: {} } }] } });
      if (used > 0) throw badRequest("Уровень нельзя изменить: у программы уже есть классы или обучающиеся. Создайте новую программу.", "level");
    }
    await tx.programme.update({ where: { id }, data, select: { id: true } });
    await recordAudit(tx, auditActorOf(actor, ip), { action: "programme.update", entityType: "Programme", entityId: id, details: { changed } });
    return { id, changed };
  });
}

/** Closes (or reopens) a programme: it stays in the history, but new classes cannot use it. */
export async function setProgrammeActive(db: Db, actor: Actor, id: string, active: boolean, ip: string | null) {
  const organisationId = ownOrganisationId(actor);
  return db.$transaction(async (tx) => {
    const before = await findOwnProgramme(tx, organisationId, id);
    if (before.active === active) return { id, changed: [] as string[] };
    await tx.programme.update({ where: { id }, data: { active }, select: { id: true } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "programme.update",
      entityType: "Programme",
      entityId: id,
      details: { changed: ["active"], active },
    });
    return { id, changed: ["active"] };
  });
}

export async function listClasses(db: Db, actor: Actor, academicYear: number) {
  const organisationId = ownOrganisationId(actor);
  const rows = await db.schoolClass.findMany({
    where: { organisationId, academicYear },
    select: {
      id: true,
      academicYear: true,
      grade: true,
      letter: true,
      programme: { select: { id: true, name: true, level: true, adapted: true } },
      _count: { select: { enrolments: { where: { status: { in: [...CURRENT_STATUSES] } } } } },
    },
    orderBy: [{ grade: "asc" }, { letter: "asc" }],
  });
  return rows.map(({ _count, ...c }) => ({ ...c, learners: _count.enrolments }));
}

const className = (grade: number, letter: string) => `${grade}«${letter}»`;

export async function createClass(db: Db, actor: Actor, input: CreateClassInput, ip: string | null) {
  const organisationId = ownOrganisationId(actor);
  return db.$transaction(async (tx) => {
    const programme = await tx.programme.findFirst({
      where: { id: input.programmeId, organisationId },
      select: { level: true, active: true },
    });
    if (!programme) throw notFound("Программа не найдена");
    if (!programme.active) throw badRequest("Программа закрыта: выберите действующую программу", "programmeId");
    const mismatch = gradeMismatch(programme.level, input.grade);
    if (mismatch) throw badRequest(mismatch, "grade");
    const { academicYear, grade, letter } = input;
    const existing = await tx.schoolClass.findFirst({ where: { organisationId, academicYear, grade, letter }, select: { id: true } });
    if (existing) {
      throw conflict(`Класс ${className(grade, letter)} на этот учебный год уже есть`, "letter", { existingId: existing.id });
    }
    const created = await tx.schoolClass.create({
      data: { organisationId, programmeId: input.programmeId, academicYear, grade, letter },
      select: { id: true },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "class.create",
      entityType: "SchoolClass",
      entityId: created.id,
      details: { academicYear, grade, letter, programmeId: input.programmeId },
    });
    return { id: created.id };
  });
}

/** Only a class nobody was ever enrolled in or moved through: history is never removed. */
export async function deleteClass(db: Db, actor: Actor, id: string, ip: string | null) {
  const organisationId = ownOrganisationId(actor);
  return db.$transaction(async (tx) => {
    const found = await tx.schoolClass.findFirst({
      where: { id, organisationId },
      select: {
        academicYear: true,
        grade: true,
        letter: true,
        programmeId: true,
        _count: { select: { enrolments: true, eventsFrom: true, eventsTo: true } },
      },
    });
    if (!found) throw notFound("Класс не найден");
    const { _count, ...cls } = found;
    const name = className(cls.grade, cls.letter);
    if (_count.enrolments > 0) {
      const current = await tx.enrolment.count({ where: { classId: id, status: { in: [...CURRENT_STATUSES] } } });
      throw badRequest(
        current > 0
          ? `Класс ${name} нельзя удалить: в нём обучающихся — ${current}. Сначала переведите их в другой класс.`
          : `Класс ${name} нельзя удалить: с ним связана история обучения выбывших обучающихся.`,
      );
    }
    if (_count.eventsFrom + _count.eventsTo > 0) {
      throw badRequest(`Класс ${name} нельзя удалить: на него ссылаются приказы о движении обучающихся.`);
    }
    await tx.schoolClass.delete({ where: { id }, select: { id: true } });
    await recordAudit(tx, auditActorOf(actor, ip), { action: "class.delete", entityType: "SchoolClass", entityId: id, details: cls });
    return { id };
  });
}
