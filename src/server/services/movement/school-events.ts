// Orders a school makes about a learner it holds: move to another class or
// programme, promotion, repeat year, expulsion, graduation, and reinstatement
// of a learner it expelled. Each is a movement event plus the enrolment change.
import type { LeavingReason } from "@/lib/movement/leaving-reasons";
import type { z } from "zod";
import type { SchoolEventInput, ZReinstateInput } from "@/lib/schemas/movement";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { badRequest, forbidden, notFound } from "../../errors";
import { day } from "../person/person-data";
import { promoted } from "@/lib/movement/placement-rules";
import { requireHolding } from "../../authz/relationship";
import {
  alreadyEnrolled,
  basicEnrolmentHolder,
  isUniqueViolation,
  openEnrolment,
  recordMovement,
  snapshotOf,
  updateEnrolmentIfUnchanged,
  type PlacementSnapshot,
} from "./record-event";
import { requireSchoolClass } from "../programmes/school-classes";

export function ownOrganisation(actor: Actor): string {
  if (actor.scope.kind !== "ORGANISATION") throw forbidden();
  return actor.scope.organisationId;
}

/** The learner's active basic enrolment at the caller's school (a pending transfer blocks other orders). */
export async function heldEnrolment(tx: DbTx, actor: Actor, organisationId: string, learnerId: string) {
  await requireHolding(tx, actor.scope, learnerId);
  const enrolment = await tx.enrolment.findFirst({
    where: { learnerId, organisationId, isBasic: true, status: { not: "ENDED" } },
    select: { id: true, status: true, level: true, grade: true, classLetter: true },
  });
  if (!enrolment) throw notFound("Обучающийся не найден");
  if (enrolment.status === "PENDING_TRANSFER") throw badRequest("Обучающийся ожидает перевода: сначала дождитесь решения по переводу");
  return enrolment;
}

/**
 * Applies one school order inside an open transaction; shared with the
 * year-end rollover, which may name the letter of the class a promoted or
 * repeating learner goes to (`targetLetter`; by default the same letter).
 */
export async function applySchoolEvent(tx: DbTx, actor: Actor, organisationId: string, input: SchoolEventInput, targetLetter?: string) {
  const enrolment = await heldEnrolment(tx, actor, organisationId, input.learnerId);
  const from: PlacementSnapshot = enrolment;
  let to: PlacementSnapshot | null = null;
  let reason: string | undefined;
  let leavingReason: LeavingReason | undefined;
  switch (input.type) {
    case "CLASS_CHANGE":
      if (input.placement.level === "ADDITIONAL") throw badRequest("Основную программу нельзя сменить на дополнительную", "placement.level");
      to = snapshotOf(input.placement);
      reason = input.reason;
      break;
    case "PROMOTION":
      to = promoted(from);
      if (!to) throw badRequest("Для этого обучающегося нет следующего класса");
      break;
    case "REPEAT_YEAR":
      if (from.grade === null) throw badRequest("Повторное обучение возможно только в классе");
      to = from;
      break;
    case "EXPULSION":
    case "GRADUATION":
      if (input.type === "EXPULSION") ({ reason, leavingReason } = input);
      break;
  }
  if (to) {
    const summer = input.type === "PROMOTION" || input.type === "REPEAT_YEAR";
    if (summer && targetLetter) to = { ...to, classLetter: targetLetter };
    const field = input.type === "CLASS_CHANGE" ? "placement.classLetter" : "order.effectiveDate";
    const schoolClass = await requireSchoolClass(tx, organisationId, to, input.order.effectiveDate, { field, forComingYear: summer });
    await updateEnrolmentIfUnchanged(tx, input.learnerId, enrolment, {
      level: to.level,
      grade: to.grade,
      classLetter: to.classLetter,
      classId: schoolClass?.id ?? null,
      programmeId: schoolClass?.programmeId ?? null,
    });
  } else {
    // Compare-and-set: a transfer started or a cancellation made meanwhile wins, this order gets CONFLICT.
    await updateEnrolmentIfUnchanged(tx, input.learnerId, enrolment, { status: "ENDED", endedAt: day(input.order.effectiveDate) });
  }
  return recordMovement(tx, {
    learnerId: input.learnerId,
    organisationId,
    type: input.type,
    order: input.order,
    createdById: actor.id,
    enrolmentId: enrolment.id,
    from,
    to,
    reason,
    leavingReason,
  });
}

export async function recordSchoolEvent(db: Db, actor: Actor, input: SchoolEventInput, ip: string | null) {
  const organisationId = ownOrganisation(actor);
  return db.$transaction(async (tx) => {
    const event = await applySchoolEvent(tx, actor, organisationId, input);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "movement.event",
      entityType: "Learner",
      entityId: input.learnerId,
      details: { type: input.type, eventId: event.id, orderNumber: input.order.orderNumber },
    });
    return { eventId: event.id };
  });
}

/** Reinstatement (восстановление) of a learner whose last enrolment here ended by expulsion. */
export async function reinstateLearner(db: Db, actor: Actor, input: z.infer<typeof ZReinstateInput>, ip: string | null) {
  const organisationId = ownOrganisation(actor);
  try {
    return await db.$transaction(async (tx) => {
      const lastHere = await tx.movementEvent.findFirst({
        where: { learnerId: input.learnerId, organisationId, type: { in: ["EXPULSION", "ENROLMENT", "TRANSFER_IN", "REINSTATEMENT", "GRADUATION"] }, cancelledBy: null },
        orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }],
        select: { type: true },
      });
      if (lastHere?.type !== "EXPULSION") throw notFound("Восстановить можно только обучающегося, отчисленного из вашей организации");
      const holder = await basicEnrolmentHolder(tx, input.learnerId);
      if (holder) throw alreadyEnrolled();
      const enrolment = await openEnrolment(tx, input.learnerId, organisationId, input.placement, input.order.effectiveDate);
      const event = await recordMovement(tx, {
        learnerId: input.learnerId,
        organisationId,
        type: "REINSTATEMENT",
        order: input.order,
        createdById: actor.id,
        enrolmentId: enrolment.id,
        to: snapshotOf(input.placement),
      });
      await recordAudit(tx, auditActorOf(actor, ip), {
        action: "movement.event",
        entityType: "Learner",
        entityId: input.learnerId,
        details: { type: "REINSTATEMENT", eventId: event.id, orderNumber: input.order.orderNumber },
      });
      return { eventId: event.id, enrolmentId: enrolment.id };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw alreadyEnrolled();
  }
}
