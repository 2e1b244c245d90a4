// Legal representatives and consents of a learner the school holds. A
// representative is one person region-wide (by SNILS), shared by siblings.
import type { RepresentativeData } from "@/lib/schemas/learner";
import { z } from "zod";
import type {
  ZAddRepresentativeInput,
  ZGiveConsentInput,
  ZUnlinkRepresentativeInput,
  ZUpdateRepresentativeInput,
  ZWithdrawConsentInput,
} from "@/lib/schemas/representative";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { requireLearnerAccess } from "../../authz/relationship";
import type { Db, DbTx } from "../../db";
import { badRequest, notFound } from "../../errors";
import { decryptIdentity, encryptIdentity, snilsWhere } from "../person/identity-fields";
import { changedFields, day, REPRESENTATIVE_COLUMNS, toColumns } from "../person/person-data";

/** Links (creating if needed) a representative to a learner; returns its id. */
export async function linkRepresentative(tx: DbTx, regionId: string, learnerId: string, rep: RepresentativeData): Promise<string> {
  const columns = toColumns(rep, REPRESENTATIVE_COLUMNS);
  const existing = rep.snils ? await tx.representative.findUnique({ where: snilsWhere(rep.snils), select: { id: true } }) : null;
  const id = existing?.id ?? (await tx.representative.create({ data: { ...encryptIdentity("Representative", columns), regionId } as never, select: { id: true } })).id;
  if (rep.isPrimaryContact) {
    await tx.learnerRepresentative.updateMany({ where: { learnerId, isPrimaryContact: true }, data: { isPrimaryContact: false } });
  }
  await tx.learnerRepresentative.upsert({
    where: { learnerId_representativeId: { learnerId, representativeId: id } },
    create: { learnerId, representativeId: id, relation: rep.relation, isPrimaryContact: rep.isPrimaryContact },
    update: { relation: rep.relation, isPrimaryContact: rep.isPrimaryContact },
  });
  return id;
}

/** Only the holding school changes representatives and consents (NOT_FOUND without a relationship, FORBIDDEN otherwise). */
async function heldLearner(tx: DbTx, actor: Actor, learnerId: string) {
  await requireLearnerAccess(tx, actor, learnerId, "PERSONAL", "write");
  return { id: learnerId };
}

async function linkOf(tx: DbTx, learnerId: string, representativeId: string) {
  const link = await tx.learnerRepresentative.findUnique({ where: { learnerId_representativeId: { learnerId, representativeId } } });
  if (!link) throw notFound("Представитель не найден");
  return link;
}

export async function addRepresentative(db: Db, actor: Actor, input: z.infer<typeof ZAddRepresentativeInput>, ip: string | null) {
  return db.$transaction(async (tx) => {
    await heldLearner(tx, actor, input.learnerId);
    const representativeId = await linkRepresentative(tx, actor.scope.regionId, input.learnerId, input.representative);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.representative.add",
      entityType: "Learner",
      entityId: input.learnerId,
      details: { representativeId, relation: input.representative.relation },
    });
    return { representativeId };
  });
}

export async function updateRepresentative(db: Db, actor: Actor, input: z.infer<typeof ZUpdateRepresentativeInput>, ip: string | null) {
  return db.$transaction(async (tx) => {
    await heldLearner(tx, actor, input.learnerId);
    await linkOf(tx, input.learnerId, input.representativeId);
    const before = await tx.representative.findUniqueOrThrow({ where: { id: input.representativeId } });
    const next = toColumns(input.representative, REPRESENTATIVE_COLUMNS);
    const changed = changedFields(decryptIdentity("Representative", before), next);
    if (changed.length) await tx.representative.update({ where: { id: before.id }, data: encryptIdentity("Representative", next) as never });
    const { relation, isPrimaryContact } = input.representative;
    if (isPrimaryContact) {
      await tx.learnerRepresentative.updateMany({ where: { learnerId: input.learnerId, isPrimaryContact: true }, data: { isPrimaryContact: false } });
    }
    await tx.learnerRepresentative.update({
      where: { learnerId_representativeId: { learnerId: input.learnerId, representativeId: before.id } },
      data: { relation, isPrimaryContact },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.representative.update",
      entityType: "Learner",
      entityId: input.learnerId,
      details: { representativeId: before.id, changed, relation, isPrimaryContact },
    });
    return { changed };
  });
}

export async function unlinkRepresentative(db: Db, actor: Actor, input: z.infer<typeof ZUnlinkRepresentativeInput>, ip: string | null) {
  return db.$transaction(async (tx) => {
    await heldLearner(tx, actor, input.learnerId);
    await linkOf(tx, input.learnerId, input.representativeId);
    // Consents stay as history; the link goes. Active consents lose their giver.
    const active = await tx.consent.count({ where: { learnerId: input.learnerId, representativeId: input.representativeId, withdrawnAt: null } });
    if (active > 0) throw badRequest("Сначала отметьте отзыв согласия этого представителя");
    await tx.learnerRepresentative.delete({
      where: { learnerId_representativeId: { learnerId: input.learnerId, representativeId: input.representativeId } },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.representative.unlink",
      entityType: "Learner",
      entityId: input.learnerId,
      details: { representativeId: input.representativeId },
    });
  });
}

export async function giveConsent(db: Db, actor: Actor, input: z.infer<typeof ZGiveConsentInput>, ip: string | null) {
  return db.$transaction(async (tx) => {
    await heldLearner(tx, actor, input.learnerId);
    await linkOf(tx, input.learnerId, input.representativeId);
    const consent = await tx.consent.create({
      data: { learnerId: input.learnerId, representativeId: input.representativeId, givenAt: day(input.consent.givenAt), scope: input.consent.scope },
      select: { id: true },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.consent.give",
      entityType: "Learner",
      entityId: input.learnerId,
      details: { consentId: consent.id, representativeId: input.representativeId },
    });
    return consent;
  });
}

export async function withdrawConsent(db: Db, actor: Actor, input: z.infer<typeof ZWithdrawConsentInput>, ip: string | null) {
  return db.$transaction(async (tx) => {
    await heldLearner(tx, actor, input.learnerId);
    const consent = await tx.consent.findFirst({ where: { id: input.consentId, learnerId: input.learnerId } });
    if (!consent) throw notFound("Согласие не найдено");
    if (consent.withdrawnAt) throw badRequest("Согласие уже отозвано", "withdrawnAt");
    if (day(input.withdrawnAt) < consent.givenAt) throw badRequest("Дата отзыва раньше даты согласия", "withdrawnAt");
    await tx.consent.update({ where: { learnerId_id: { learnerId: input.learnerId, id: consent.id } }, data: { withdrawnAt: day(input.withdrawnAt) } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.consent.withdraw",
      entityType: "Learner",
      entityId: input.learnerId,
      details: { consentId: consent.id },
    });
  });
}
