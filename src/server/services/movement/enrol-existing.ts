// Enrolment of a person already in the regional registry (arrival without a
// transfer: from family education, from another region, after a break). The
// school proves it knows the child by SNILS and birth date together.
import type { z } from "zod";
import type { ZEnrolExistingInput } from "@/lib/schemas/movement";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { forbidden, notFound } from "../../errors";
import { snilsWhere } from "../person/identity-fields";
import { day } from "../person/person-data";
import { alreadyEnrolled, basicEnrolmentHolder, isUniqueViolation, openEnrolment, recordMovement, snapshotOf } from "./record-event";

export async function enrolExisting(db: Db, actor: Actor, input: z.infer<typeof ZEnrolExistingInput>, ip: string | null) {
  if (actor.scope.kind !== "ORGANISATION") throw forbidden();
  const organisationId = actor.scope.organisationId;
  try {
    return await db.$transaction(async (tx) => {
      const learner = await tx.learner.findFirst({
        where: { ...snilsWhere(input.snils), birthDate: day(input.birthDate), regionId: actor.scope.regionId },
        select: { id: true },
      });
      // The same answer for "no such SNILS" and "wrong birth date": nothing is revealed.
      if (!learner) throw notFound("В реестре нет обучающегося с таким СНИЛС и датой рождения");
      const holder = await basicEnrolmentHolder(tx, learner.id);
      if (holder && input.placement.level !== "ADDITIONAL") throw alreadyEnrolled();
      const enrolment = await openEnrolment(tx, learner.id, organisationId, input.placement, input.order.effectiveDate);
      const event = await recordMovement(tx, {
        learnerId: learner.id,
        organisationId,
        type: "ENROLMENT",
        order: input.order,
        createdById: actor.id,
        enrolmentId: enrolment.id,
        to: snapshotOf(input.placement),
      });
      await recordAudit(tx, auditActorOf(actor, ip), {
        action: "movement.enrol",
        entityType: "Learner",
        entityId: learner.id,
        details: { eventId: event.id, level: input.placement.level, grade: input.placement.grade ?? null },
      });
      return { learnerId: learner.id, enrolmentId: enrolment.id, eventId: event.id };
    });
  } catch (error) {
    // Lost the race to another school committing at the same moment (the
    // unique index on active basic enrolments): the same answer, naming no one.
    if (!isUniqueViolation(error)) throw error;
    throw alreadyEnrolled();
  }
}
