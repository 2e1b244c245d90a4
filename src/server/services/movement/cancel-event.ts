// Cancelling a mistaken order: never an edit, always a new CANCELLATION event
// referencing it, and the enrolment goes back to what it was before. Only the
// latest standing order of an enrolment can be cancelled, so history unwinds
// in order; transfers are undone by rejection, not by cancellation (so a
// pending transfer cannot race a cancellation of its TRANSFER_OUT: the
// sender's only moves on a pending transfer are refused). The enrolment row
// is locked first, so a second cancellation of the same order, or another
// order on the enrolment, waits and then sees this one (CONFLICT or "cancel
// the later order first").
import type { z } from "zod";
import type { ZCancelEventInput } from "@/lib/schemas/movement";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { badRequest, conflict, notFound } from "../../errors";
import { alreadyEnrolled, basicEnrolmentHolder, classFor, isUniqueViolation, lockEnrolment, recordMovement } from "./record-event";
import { ownOrganisation } from "./school-events";

export async function cancelEvent(db: Db, actor: Actor, input: z.infer<typeof ZCancelEventInput>, ip: string | null) {
  const organisationId = ownOrganisation(actor);
  try {
    return await db.$transaction(async (tx) => {
      const target = await tx.movementEvent.findFirst({
        where: { learnerId: input.learnerId, id: input.eventId, organisationId },
        select: { enrolmentId: true },
      });
      if (!target?.enrolmentId) throw notFound("Приказ не найден");
      await lockEnrolment(tx, input.learnerId, target.enrolmentId);
      // Read after the lock: what a concurrent cancellation or order committed is visible now.
      const event = await tx.movementEvent.findFirst({
        where: { learnerId: input.learnerId, id: input.eventId, organisationId },
        include: { cancelledBy: { select: { id: true } }, enrolment: true },
      });
      if (!event || !event.enrolment) throw notFound("Приказ не найден");
      if (event.cancelledBy) throw conflict("Этот приказ уже отменён");
      if (event.type === "CANCELLATION") throw badRequest("Отмену приказа отменить нельзя: оформите новый приказ");
      if (event.type === "TRANSFER_OUT" || event.type === "TRANSFER_IN") {
        throw badRequest("Перевод не отменяется приказом: его отклоняет принимающая организация");
      }
      const latest = await tx.movementEvent.findFirst({
        where: { learnerId: event.learnerId, enrolmentId: event.enrolment.id, type: { not: "CANCELLATION" }, cancelledBy: null },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      if (latest?.id !== event.id) throw badRequest("Сначала отмените более поздние приказы по этому зачислению");

      const enrolment = event.enrolment;
      const current = { level: enrolment.level, grade: enrolment.grade, classLetter: enrolment.classLetter };
      switch (event.type) {
        case "ENROLMENT":
        case "REINSTATEMENT":
          // It never took effect: the enrolment ends on the day it began and,
          // being cancelled, gives the organisation no relationship to the learner.
          await tx.enrolment.update({
            where: { learnerId_id: { learnerId: event.learnerId, id: enrolment.id } },
            data: { status: "ENDED", endedAt: enrolment.enrolledAt, cancelledAt: new Date() },
          });
          break;
        case "PROMOTION":
        case "REPEAT_YEAR":
        case "CLASS_CHANGE":
          {
            const back = { level: event.fromLevel ?? enrolment.level, grade: event.fromGrade, classLetter: event.fromLetter };
            const schoolClass = await classFor(tx, organisationId, back, event.effectiveDate.toISOString().slice(0, 10));
            await tx.enrolment.update({
              where: { learnerId_id: { learnerId: event.learnerId, id: enrolment.id } },
              data: { ...back, classId: schoolClass?.id ?? null, programmeId: schoolClass?.programmeId ?? null },
            });
          }
          break;
        case "EXPULSION":
        case "GRADUATION": {
          const holder = await basicEnrolmentHolder(tx, event.learnerId);
          if (holder && enrolment.isBasic) throw alreadyEnrolled();
          await tx.enrolment.update({ where: { learnerId_id: { learnerId: event.learnerId, id: enrolment.id } }, data: { status: "ACTIVE", endedAt: null } });
          break;
        }
      }
      const cancellation = await recordMovement(tx, {
        learnerId: event.learnerId,
        organisationId,
        type: "CANCELLATION",
        order: input.order,
        createdById: actor.id,
        enrolmentId: enrolment.id,
        cancelsEventId: event.id,
        from: current,
        to: event.fromLevel ? { level: event.fromLevel, grade: event.fromGrade, classLetter: event.fromLetter } : null,
        reason: input.reason,
      });
      await recordAudit(tx, auditActorOf(actor, ip), {
        action: "movement.cancel",
        entityType: "Learner",
        entityId: event.learnerId,
        details: { eventId: cancellation.id, cancels: event.id, type: event.type },
      });
      return { eventId: cancellation.id };
    });
  } catch (error) {
    // Reopening lost a race with an enrolment elsewhere.
    if (isUniqueViolation(error)) throw conflict("Обучающийся уже зачислен в другую организацию: отмена невозможна");
    throw error;
  }
}
