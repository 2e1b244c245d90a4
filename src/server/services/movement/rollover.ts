// Year-end rollover of a whole school: everyone in a graded class is promoted,
// the final grades (9, 11) graduate, and the school marks who repeats the year
// (or which 9th-graders continue to 10th), and into which of next year's
// classes a class goes. Preview first; commit applies every order in one
// transaction, or none.
import type { z } from "zod";
import type { ZRolloverInput } from "@/lib/schemas/movement";
import { classLabelOf, placementAcademicYear } from "@/lib/classes/class-year";
import { academicYearLabel } from "@/lib/schemas/programme";
import { todayIso } from "@/lib/schemas/person";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { badRequest, DomainError } from "../../errors";
import { defaultRolloverAction, promoted, type PlacementSnapshot } from "@/lib/movement/placement-rules";
import { createConfirmedClasses, type NeededClass } from "../programmes/school-classes";
import { applySchoolEvent, ownOrganisation } from "./school-events";

type Action = "PROMOTION" | "REPEAT_YEAR" | "GRADUATION";
type Override = z.infer<typeof ZRolloverInput>["overrides"][number];

/** Where a decision leaves the learner: the next grade or the same, in the chosen letter (default: the same). */
function targetOf(from: PlacementSnapshot, action: Action, letter: string | undefined): PlacementSnapshot | null {
  const to = action === "PROMOTION" ? promoted(from) : action === "REPEAT_YEAR" ? from : null;
  return to && letter ? { ...to, classLetter: letter } : to;
}

async function plan(tx: DbTx, organisationId: string, overrides: Override[]) {
  const enrolments = await tx.enrolment.findMany({
    where: { organisationId, isBasic: true, status: "ACTIVE", grade: { not: null } },
    select: {
      id: true,
      level: true,
      grade: true,
      classLetter: true,
      learner: { select: { id: true, lastName: true, firstName: true, middleName: true } },
    },
    orderBy: [{ grade: "asc" }, { classLetter: "asc" }, { learner: { lastName: "asc" } }, { learner: { firstName: "asc" } }],
  });
  const chosen = new Map(overrides.map((o) => [o.enrolmentId, o]));
  for (const id of chosen.keys()) {
    if (!enrolments.some((e) => e.id === id)) throw badRequest("В плане есть обучающийся, которого нет среди текущих классов школы", "overrides");
  }
  return enrolments.map((e) => {
    const fallback = defaultRolloverAction(e) ?? "PROMOTION";
    const choice = chosen.get(e.id);
    const action = choice?.action ?? fallback;
    const targetLetter = action === "GRADUATION" ? undefined : choice?.classLetter;
    const from = { level: e.level, grade: e.grade, classLetter: e.classLetter };
    return { enrolmentId: e.id, learner: e.learner, from, action, defaultAction: fallback, targetLetter, to: targetOf(from, action, targetLetter) };
  });
}

/** The academic year the rollover places learners in, for an order taking effect on that date. */
const targetYearOf = (effectiveIso: string) => placementAcademicYear(effectiveIso, todayIso(), true);

const classesOfYear = (tx: DbTx, organisationId: string, academicYear: number) =>
  tx.schoolClass.findMany({ where: { organisationId, academicYear }, select: { grade: true, letter: true }, orderBy: [{ grade: "asc" }, { letter: "asc" }] });

/** The whole school's roll with next year's placement and next year's classes: a list read, audited like one. */
export async function previewRollover(db: Db, actor: Actor, ip: string | null) {
  const organisationId = ownOrganisation(actor);
  return db.$transaction(async (tx) => {
    const rows = await plan(tx, organisationId, []);
    const academicYear = targetYearOf(todayIso());
    const classes = await classesOfYear(tx, organisationId, academicYear);
    const counts = totals(rows);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "movement.rollover.preview",
      details: { rows: rows.length, ...counts },
      learnerIds: rows.map((r) => r.learner.id),
    });
    return { rows, totals: counts, academicYear, classes };
  });
}

function totals(rows: { action: Action }[]) {
  return {
    PROMOTION: rows.filter((r) => r.action === "PROMOTION").length,
    REPEAT_YEAR: rows.filter((r) => r.action === "REPEAT_YEAR").length,
    GRADUATION: rows.filter((r) => r.action === "GRADUATION").length,
  };
}

/** Classes the plan sends learners to that the school does not have in that year. */
function missingTargets(rows: Awaited<ReturnType<typeof plan>>, existing: { grade: number; letter: string }[]): NeededClass[] {
  const have = new Set(existing.map((c) => `${c.grade}|${c.letter}`));
  const needed = new Map<string, NeededClass>();
  for (const { to } of rows) {
    if (!to || to.grade === null || !to.classLetter) continue;
    const key = `${to.grade}|${to.classLetter}`;
    if (!have.has(key)) needed.set(key, { level: to.level, grade: to.grade, letter: to.classLetter });
  }
  return [...needed.values()].sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, "ru"));
}

export async function commitRollover(db: Db, actor: Actor, input: z.infer<typeof ZRolloverInput>, ip: string | null) {
  const organisationId = ownOrganisation(actor);
  return db.$transaction(
    async (tx) => {
      const rows = await plan(tx, organisationId, input.overrides);
      for (const row of rows) {
        if (row.action === "PROMOTION" && !row.to) throw badRequest(`Для ${row.learner.lastName} ${row.learner.firstName} нет следующего класса`, "overrides");
      }
      const academicYear = targetYearOf(input.order.effectiveDate);
      const missing = missingTargets(rows, await classesOfYear(tx, organisationId, academicYear));
      if (missing.length > 0 && !input.createClasses) {
        const labels = missing.map((c) => classLabelOf(c.grade, c.letter));
        throw new DomainError(
          "BAD_REQUEST",
          `В школе нет классов ${academicYearLabel(academicYear)}: ${labels.join(", ")}. Выберите для этих обучающихся другие классы или подтвердите создание недостающих.`,
          "createClasses",
          { code: "ROLLOVER_CLASSES_MISSING", academicYear, classes: labels },
        );
      }
      const audit = { actor: auditActorOf(actor, ip), via: "movement.rollover" };
      if (missing.length > 0) await createConfirmedClasses(tx, audit, organisationId, academicYear, missing);
      for (const row of rows) {
        await applySchoolEvent(tx, actor, organisationId, { type: row.action, learnerId: row.learner.id, order: input.order }, row.targetLetter);
      }
      const counts = totals(rows);
      await recordAudit(tx, audit.actor, {
        action: "movement.rollover",
        entityType: "Organisation",
        entityId: organisationId,
        details: { orderNumber: input.order.orderNumber, ...counts, classesCreated: missing.length },
      });
      return counts;
    },
    { timeout: 120_000 },
  );
}
