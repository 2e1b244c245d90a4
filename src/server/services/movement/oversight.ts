// What the ministry sees of movement: the trajectory of a learner it may read,
// transfers pending too long, and flows between municipalities for a period.
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { allowsStage } from "../../authz/matrix";
import { recordsWhere, requireLearnerAccess } from "../../authz/relationship";
import { organisationScopeWhere } from "../../authz/scope";
import type { Db } from "../../db";
import { forbidden } from "../../errors";
import { day } from "../person/person-data";

/**
 * The movement orders of a learner, oldest first: every organisation's for the
 * holding school and the ministry, the caller's own for a former or an
 * additional-programme school. Identity-level roles (medic, health ministry)
 * get FORBIDDEN: they see the current organisation, class and status on the card.
 */
export async function getTrajectory(db: Db, actor: Actor, learnerId: string, ip: string | null) {
  if (!allowsStage(actor.role, "PERSONAL", "read")) throw forbidden();
  return db.$transaction(async (tx) => {
    const relationship = await requireLearnerAccess(tx, actor, learnerId, "PERSONAL", "identity");
    const events = await tx.movementEvent.findMany({
      where: { learnerId, ...recordsWhere(actor.scope, relationship) },
      orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        type: true,
        orderNumber: true,
        orderDate: true,
        effectiveDate: true,
        fromLevel: true,
        fromGrade: true,
        fromLetter: true,
        toLevel: true,
        toGrade: true,
        toLetter: true,
        reason: true,
        leavingReason: true,
        cancelsEventId: true,
        cancelledBy: { select: { id: true } },
        organisation: { select: { id: true, shortName: true } },
      },
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.trajectory.read",
      entityType: "Learner",
      entityId: learnerId,
      details: { relationship, orders: events.length },
    });
    return events.map(({ cancelledBy, ...e }) => ({ ...e, cancelled: cancelledBy !== null }));
  });
}

/** Transfers still awaiting the receiver after `olderThanDays`, touching the officer's scope. */
export async function listStaleTransfers(db: Db, actor: Actor, olderThanDays: number) {
  const inScope = organisationScopeWhere(actor.scope);
  return db.transfer.findMany({
    where: {
      status: "PENDING",
      requestedAt: { lt: new Date(Date.now() - olderThanDays * 86_400_000) },
      OR: [{ fromOrganisation: inScope }, { toOrganisation: inScope }],
    },
    orderBy: { requestedAt: "asc" },
    take: 500,
    select: {
      id: true,
      requestedAt: true,
      fromOrganisation: { select: { shortName: true, municipality: { select: { name: true } } } },
      toOrganisation: { select: { shortName: true, municipality: { select: { name: true } } } },
    },
  });
}

/** Accepted transfers between different municipalities in a period, counted per pair. */
export async function transferFlows(db: Db, actor: Actor, from: string, to: string) {
  const scope = actor.scope;
  const municipalityFilter = scope.kind === "REGION" ? null : scope.municipalityId;
  const rows = await db.$queryRaw<{ fromMunicipality: string; toMunicipality: string; transfers: bigint }[]>`
    SELECT fm."name" AS "fromMunicipality", tm."name" AS "toMunicipality", count(*) AS "transfers"
    FROM "Transfer" t
    JOIN "Organisation" fo ON fo."id" = t."fromOrganisationId"
    JOIN "Organisation" "to" ON "to"."id" = t."toOrganisationId"
    JOIN "Municipality" fm ON fm."id" = fo."municipalityId"
    JOIN "Municipality" tm ON tm."id" = "to"."municipalityId"
    WHERE t."status" = 'ACCEPTED'
      AND t."decidedAt" >= ${day(from)} AND t."decidedAt" < ${new Date(day(to).getTime() + 86_400_000)}
      AND fo."municipalityId" <> "to"."municipalityId"
      AND fm."regionId" = ${scope.regionId}::uuid
      AND (${municipalityFilter}::uuid IS NULL OR fo."municipalityId" = ${municipalityFilter}::uuid OR "to"."municipalityId" = ${municipalityFilter}::uuid)
    GROUP BY fm."name", tm."name"
    ORDER BY count(*) DESC, fm."name", tm."name"`;
  return rows.map((r) => ({ ...r, transfers: Number(r.transfers) }));
}
