// Creating and editing learners at a school. One region-wide person per
// child: an existing SNILS is offered instead of a copy; a same-name, same-sex,
// same-birth-date person raises a "possible duplicate" warning first.
import type { CreateLearnerInput, LearnerData } from "@/lib/schemas/learner";
import { z } from "zod";
import type { ZUpdateLearnerInput } from "@/lib/schemas/learner";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { learnerReachWhere, requireLearnerAccess } from "../../authz/relationship";
import type { Db, DbTx } from "../../db";
import { conflict, forbidden, notFound } from "../../errors";
import { assertOrganisationOpen, recordMovement, UNNUMBERED_ORDER } from "../movement/record-event";
import { requireSchoolClass } from "../programmes/school-classes";
import { decryptIdentity, encryptIdentity, snilsWhere } from "../person/identity-fields";
import { linkRepresentative } from "./representatives";
import { changedFields, day, LEARNER_COLUMNS, toColumns } from "../person/person-data";
import { likeLiteral } from "../../db/like";
import { syncLearnerAddresses } from "../learner-addresses/sync";

/** An existing person with the same SNILS or the same name, sex and birth date. */
async function assertNotDuplicate(tx: DbTx, actor: Actor, data: LearnerData, acknowledged: boolean, exceptId?: string) {
  const inScope = async (id: string) =>
    (await tx.learner.count({ where: { AND: [{ id }, learnerReachWhere(actor.scope)] } })) > 0;
  if (data.snils) {
    const same = await tx.learner.findFirst({ where: snilsWhere(data.snils), select: { id: true } });
    if (same && same.id !== exceptId) {
      const visible = await inScope(same.id);
      throw conflict(
        visible
          ? "Обучающийся с таким СНИЛС уже есть в вашей организации: откройте его карточку"
          : "Этот СНИЛС нельзя указать в новой записи. Если ребёнок уже учился в регионе, оформите зачисление из реестра (по СНИЛС и дате рождения)",
        "learner.snils",
        { kind: "snils", existingId: visible ? same.id : null },
      );
    }
  }
  if (acknowledged) return;
  // Only among learners the school already has a relationship with: a warning
  // about a same-name child of another school would tell it that the child
  // exists. Region-wide duplicates are the ministry's data-quality check.
  const similar = await tx.learner.findFirst({
    where: {
      ...learnerReachWhere(actor.scope),
      id: exceptId ? { not: exceptId } : undefined,
      lastName: { equals: likeLiteral(data.lastName), mode: "insensitive" },
      firstName: { equals: likeLiteral(data.firstName), mode: "insensitive" },
      middleName: data.middleName ? { equals: likeLiteral(data.middleName), mode: "insensitive" } : null,
      sex: data.sex,
      birthDate: day(data.birthDate),
    },
    select: { id: true },
  });
  if (similar) {
    throw conflict("Возможный дубликат: в вашей организации уже есть человек с такими ФИО, полом и датой рождения", "learner.lastName", {
      kind: "possibleDuplicate",
      existingId: similar.id,
    });
  }
}

export async function createLearner(db: Db, actor: Actor, input: CreateLearnerInput, ip: string | null) {
  if (actor.scope.kind !== "ORGANISATION") throw forbidden();
  const organisationId = actor.scope.organisationId;
  return db.$transaction(async (tx) => {
    await assertNotDuplicate(tx, actor, input.learner, input.acknowledgeDuplicate);
    const learner = await tx.learner.create({
      data: { ...encryptIdentity("Learner", toColumns(input.learner, LEARNER_COLUMNS)), regionId: actor.scope.regionId } as never,
      select: { id: true },
    });
    const { level, grade, classLetter, enrolledAt, orderNumber, orderDate } = input.enrolment;
    await assertOrganisationOpen(tx, organisationId);
    const placement = { level, grade: grade ?? null, classLetter: classLetter ?? null };
    const schoolClass = await requireSchoolClass(tx, organisationId, placement, enrolledAt, { field: "enrolment.classLetter" });
    const enrolment = await tx.enrolment.create({
      data: {
        learnerId: learner.id,
        organisationId,
        level,
        isBasic: level !== "ADDITIONAL",
        grade: grade ?? null,
        classLetter: classLetter ?? null,
        classId: schoolClass?.id ?? null,
        programmeId: schoolClass?.programmeId ?? null,
        enrolledAt: day(enrolledAt),
      },
      select: { id: true },
    });
    await recordMovement(tx, {
      learnerId: learner.id,
      organisationId,
      type: "ENROLMENT",
      order: { orderNumber: orderNumber ?? UNNUMBERED_ORDER, orderDate: orderDate ?? enrolledAt, effectiveDate: enrolledAt },
      createdById: actor.id,
      enrolmentId: enrolment.id,
      to: { level, grade: grade ?? null, classLetter: classLetter ?? null },
    });
    const representativeIds: string[] = [];
    for (const rep of input.representatives) {
      representativeIds.push(await linkRepresentative(tx, actor.scope.regionId, learner.id, rep));
    }
    if (input.consent && representativeIds[0]) {
      await tx.consent.create({
        data: { learnerId: learner.id, representativeId: representativeIds[0], givenAt: day(input.consent.givenAt), scope: input.consent.scope },
      });
    }
    // After the enrolment: the holding school's municipality is the resolver's hint.
    await syncLearnerAddresses(tx, [learner.id], { picked: { learnerId: learner.id, houses: input.addressHouses ?? {} } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.create",
      entityType: "Learner",
      entityId: learner.id,
      details: {
        fields: LEARNER_COLUMNS.filter((f) => input.learner[f] !== undefined),
        enrolment: { level, grade: grade ?? null, classLetter: classLetter ?? null },
        representatives: representativeIds.length,
        consent: Boolean(input.consent),
        acknowledgedDuplicate: input.acknowledgeDuplicate,
      },
    });
    return { id: learner.id };
  });
}

export async function updateLearner(db: Db, actor: Actor, input: z.infer<typeof ZUpdateLearnerInput>, ip: string | null) {
  return db.$transaction(async (tx) => {
    await requireLearnerAccess(tx, actor, input.id, "PERSONAL", "write");
    const before = await tx.learner.findUniqueOrThrow({ where: { id: input.id } });
    await assertNotDuplicate(tx, actor, input.learner, true, before.id);
    const next = toColumns(input.learner, LEARNER_COLUMNS);
    const changed = changedFields(decryptIdentity("Learner", before), next);
    if (changed.length > 0) await tx.learner.update({ where: { id: before.id }, data: encryptIdentity("Learner", next) as never });
    await syncLearnerAddresses(tx, [before.id], { picked: { learnerId: before.id, houses: input.addressHouses ?? {} } });
    await recordAudit(tx, auditActorOf(actor, ip), { action: "learner.update", entityType: "Learner", entityId: before.id, details: { changed } });
    return { id: before.id, changed };
  });
}
