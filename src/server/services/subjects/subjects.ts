// The region's subjects vocabulary (issue 21), kept by the ministry: listing,
// adding, renaming and deactivating subjects. A subject in use is never
// deleted (there is no delete): it is deactivated, and writers stop offering
// it. Writes are region-level only, audited in their transaction.
import { normaliseSubjectText } from "@/lib/subjects";
import type { AddSubjectInput, UpdateSubjectInput } from "@/lib/schemas/subjects";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { canManageReferenceData, permits } from "../../authz/permissions";
import { badRequest, conflict, forbidden, notFound } from "../../errors";

export const subjectSelect = {
  id: true,
  code: true,
  name: true,
  levels: true,
  parentId: true,
  active: true,
  sortOrder: true,
  giaSubjects: { select: { code: true }, orderBy: { code: "asc" } },
} as const;

/** The vocabulary belongs to the whole region: a municipality's officer may not change it. */
export function requireRegionLevel(actor: Actor) {
  if (!permits(canManageReferenceData, actor)) throw forbidden("Справочник предметов ведёт специалист регионального уровня");
}

/** The whole vocabulary with the number of marks and exam results using each subject. */
export async function listSubjects(db: Db, actor: Actor) {
  requireRegionLevel(actor);
  const [subjects, grades, exams] = await Promise.all([
    db.subject.findMany({ select: subjectSelect, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.subjectGrade.groupBy({ by: ["subjectId"], where: { subjectId: { not: null } }, _count: { _all: true } }),
    db.examResult.groupBy({ by: ["subjectId"], where: { subjectId: { not: null } }, _count: { _all: true } }),
  ]);
  const uses = new Map<string, number>();
  for (const row of [...grades, ...exams]) uses.set(row.subjectId!, (uses.get(row.subjectId!) ?? 0) + row._count._all);
  return subjects.map(({ giaSubjects, ...s }) => ({ ...s, giaCodes: giaSubjects.map((g) => g.code), uses: uses.get(s.id) ?? 0 }));
}

/** A name must differ from every other subject's name in its normal form (case, spaces, ё). */
async function assertNameFree(tx: DbTx, name: string, except?: string) {
  const key = normaliseSubjectText(name);
  const all = await tx.subject.findMany({ select: { id: true, name: true } });
  if (all.some((s) => s.id !== except && normaliseSubjectText(s.name) === key)) throw conflict("Предмет с таким названием уже есть", "name");
}

/** A parent must exist, be active, and not be the subject itself or one of its children (one level of nesting). */
async function assertParent(tx: DbTx, parentId: string | null | undefined, self?: string) {
  if (!parentId) return;
  if (parentId === self) throw badRequest("Предмет не может входить сам в себя", "parentId");
  const parent = await tx.subject.findUnique({ where: { id: parentId }, select: { parentId: true, active: true } });
  if (!parent || !parent.active) throw badRequest("Выберите предмет из списка", "parentId");
  if (parent.parentId) throw badRequest("Выберите предмет верхнего уровня: вложенность — один уровень", "parentId");
  if (self && (await tx.subject.count({ where: { parentId: self } })) > 0) throw badRequest("У этого предмета есть свои составные предметы: он не может входить в другой", "parentId");
}

export async function addSubject(db: Db, actor: Actor, input: AddSubjectInput, ip: string | null): Promise<{ id: string }> {
  requireRegionLevel(actor);
  return db.$transaction(async (tx) => {
    if (await tx.subject.findUnique({ where: { code: input.code }, select: { id: true } })) throw conflict("Предмет с таким кодом уже есть", "code");
    await assertNameFree(tx, input.name);
    await assertParent(tx, input.parentId);
    const sortOrder = input.sortOrder ?? ((await tx.subject.aggregate({ _max: { sortOrder: true } }))._max.sortOrder ?? 0) + 10;
    const row = await tx.subject.create({
      data: { code: input.code, name: input.name, levels: input.levels, parentId: input.parentId ?? null, sortOrder },
      select: { id: true },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "subject.create",
      entityType: "Subject",
      entityId: row.id,
      details: { code: input.code, name: input.name },
    });
    return row;
  });
}

/** Renames, re-levels, moves or (de)activates a subject; the code never changes. */
export async function updateSubject(db: Db, actor: Actor, input: UpdateSubjectInput, ip: string | null): Promise<{ id: string }> {
  requireRegionLevel(actor);
  return db.$transaction(async (tx) => {
    const old = await tx.subject.findUnique({ where: { id: input.subjectId }, select: { name: true, levels: true, parentId: true, active: true, sortOrder: true } });
    if (!old) throw notFound("Предмет не найден");
    await assertNameFree(tx, input.name, input.subjectId);
    await assertParent(tx, input.parentId, input.subjectId);
    if (!input.active && old.active && (await tx.subject.count({ where: { parentId: input.subjectId, active: true } })) > 0) {
      throw conflict("Сначала снимите с использования составные предметы этого предмета", "active");
    }
    const next = { name: input.name, levels: input.levels, parentId: input.parentId ?? null, active: input.active, sortOrder: input.sortOrder ?? old.sortOrder };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(old[k]));
    await tx.subject.update({ where: { id: input.subjectId }, data: next });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "subject.update",
      entityType: "Subject",
      entityId: input.subjectId,
      details: { changed, ...(changed.includes("name") ? { previousName: old.name, name: input.name } : {}) },
    });
    return { id: input.subjectId };
  });
}

/** What a school's form offers: the active subjects, in curriculum order. */
export function activeSubjects(db: Db | DbTx) {
  return db.subject.findMany({
    where: { active: true },
    select: { id: true, code: true, name: true, parentId: true, levels: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}
