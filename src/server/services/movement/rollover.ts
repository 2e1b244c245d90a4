// Year-end rollover of a whole school: everyone in a graded class is promoted,
// the final grades (9, 11) graduate, and the school marks who repeats the year
// (or which 9th-graders continue to 10th). Preview first; commit applies every
// order in one transaction, or none.
import type { z } from "zod";
import type { ZRolloverInput } from "@/lib/schemas/movement";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { badRequest } from "../../errors";
import { defaultRolloverAction, promoted } from "@/lib/movement/placement-rules";
import { applySchoolEvent, ownOrganisation } from "./school-events";

type Action = "PROMOTION" | "REPEAT_YEAR" | "GRADUATION";

async function plan(tx: DbTx, organisationId: string, overrides: { enrolmentId: string; action: Action }[]) {
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
  const chosen = new Map(overrides.map((o) => [o.enrolmentId, o.action]));
  for (const id of chosen.keys()) {
    if (!enrolments.some((e) => e.id === id)) throw badRequest("В плане есть обучающийся, которого нет среди текущих классов школы", "overrides");
  }
  return enrolments.map((e) => {
    const fallback = defaultRolloverAction(e) ?? "PROMOTION";
    const action = chosen.get(e.id) ?? fallback;
    const target = action === "PROMOTION" ? promoted(e) : action === "REPEAT_YEAR" ? e : null;
    return { enrolmentId: e.id, learner: e.learner, from: { level: e.level, grade: e.grade, classLetter: e.classLetter }, action, defaultAction: fallback, to: target };
  });
}

/** The whole school's roll with next year's placement: a list read, audited like one. */
export async function previewRollover(db: Db, actor: Actor, ip: string | null) {
  const organisationId = ownOrganisation(actor);
  return db.$transaction(async (tx) => {
    const rows = await plan(tx, organisationId, []);
    const counts = totals(rows);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "movement.rollover.preview",
      details: { rows: rows.length, ...counts },
      learnerIds: rows.map((r) => r.learner.id),
    });
    return { rows, totals: counts };
  });
}

function totals(rows: { action: Action }[]) {
  return {
    PROMOTION: rows.filter((r) => r.action === "PROMOTION").length,
    REPEAT_YEAR: rows.filter((r) => r.action === "REPEAT_YEAR").length,
    GRADUATION: rows.filter((r) => r.action === "GRADUATION").length,
  };
}

export async function commitRollover(db: Db, actor: Actor, input: z.infer<typeof ZRolloverInput>, ip: string | null) {
  const organisationId = ownOrganisation(actor);
  return db.$transaction(
    async (tx) => {
      const rows = await plan(tx, organisationId, input.overrides);
      for (const row of rows) {
        if (row.action === "PROMOTION" && !row.to) throw badRequest(`Для ${row.learner.lastName} ${row.learner.firstName} нет следующего класса`, "overrides");
        await applySchoolEvent(tx, actor, organisationId, { type: row.action, learnerId: row.learner.id, order: input.order });
      }
      const counts = totals(rows);
      await recordAudit(tx, auditActorOf(actor, ip), {
        action: "movement.rollover",
        entityType: "Organisation",
        entityId: organisationId,
        details: { orderNumber: input.order.orderNumber, ...counts },
      });
      return counts;
    },
    { timeout: 120_000 },
  );
}
