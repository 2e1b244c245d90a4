// The relationship between the caller and a learner: the access matrix's
// second axis (RELATIONSHIP_ACCESS in ./matrix.ts). This module is the one
// place that decides it; every procedure, route handler and /api/v1 endpoint
// that takes a learner asks it.
//
// For a school account it is its organisation's relationship:
//   HOLDING     an active basic enrolment (or one it is transferring out, still pending),
//               or an active additional one when no other organisation ever had the learner;
//   ADDITIONAL  only an active enrolment in an additional programme, the learner known elsewhere too;
//   FORMER      only ended enrolments;
//   NONE        nothing, or only enrolments whose opening order was cancelled.
// A region-level account has OVERSIGHT over every learner of its region, a
// municipal one over learners held by an organisation of its municipality.
import type { Actor } from "../auth/actor";
import type { DbTx } from "../db";
import { forbidden, notFound } from "../errors";
import { allowsLearnerStage, relationshipAccess, type Relationship, type Stage, type StageAccess } from "./matrix";
import type { Scope } from "./scope";

const HELD_STATUSES = ["ACTIVE", "PENDING_TRANSFER"] as ("ACTIVE" | "PENDING_TRANSFER")[];
const HELD = { in: HELD_STATUSES };

/** What the relationship needs to know of each enrolment of the learner. */
export interface EnrolmentFacts {
  organisationId: string;
  isBasic: boolean;
  status: string;
  cancelledAt: Date | null;
  organisation: { municipalityId: string };
}

export const enrolmentFactsSelect = {
  organisationId: true,
  isBasic: true,
  status: true,
  cancelledAt: true,
  organisation: { select: { municipalityId: true } },
} as const;

const isHeld = (e: EnrolmentFacts) => (HELD_STATUSES as string[]).includes(e.status);

/** The relationship of `scope` to a learner of `regionId` with these enrolments (all of them, cancelled ones included). */
export function relationshipOf(scope: Scope, regionId: string, enrolments: readonly EnrolmentFacts[]): Relationship {
  if (regionId !== scope.regionId) return "NONE";
  const standing = enrolments.filter((e) => e.cancelledAt === null);
  switch (scope.kind) {
    case "REGION":
      return "OVERSIGHT";
    case "MUNICIPALITY":
      return standing.some((e) => isHeld(e) && e.organisation.municipalityId === scope.municipalityId) ? "OVERSIGHT" : "NONE";
    case "ORGANISATION": {
      const own = standing.filter((e) => e.organisationId === scope.organisationId);
      if (own.some((e) => e.isBasic && isHeld(e))) return "HOLDING";
      // The only organisation that has ever had the learner (a club's own
      // pupil, no school anywhere) keeps the record: nobody else wrote anything.
      if (own.some(isHeld)) return standing.some((e) => e.organisationId !== scope.organisationId) ? "ADDITIONAL" : "HOLDING";
      return own.length > 0 ? "FORMER" : "NONE";
    }
    default:
      return "NONE"; // deny on doubt
  }
}

/** Prisma `where` for the learners `scope` has any relationship with (lists, searches, existence). */
export function learnerReachWhere(scope: Scope) {
  switch (scope.kind) {
    case "ORGANISATION":
      return { regionId: scope.regionId, enrolments: { some: { organisationId: scope.organisationId, cancelledAt: null } } };
    case "MUNICIPALITY":
      return { enrolments: { some: { status: HELD, cancelledAt: null, organisation: { municipalityId: scope.municipalityId } } } };
    case "REGION":
      return { regionId: scope.regionId };
  }
}

/** Learners an organisation holds (HOLDING): whose personal data, health and marks its staff and e-journal may write. */
export function learnersHeldBy(organisationId: string) {
  return { enrolments: { some: { organisationId, isBasic: true, status: HELD } } };
}

/**
 * Prisma `where` for the learners an organisation holds in the relationship's
 * sense (HOLDING): an active basic enrolment there, or an active enrolment
 * there and no other organisation's standing enrolment. Exports and the
 * data-quality list give these the whole record.
 */
export function learnersKeptBy(organisationId: string) {
  return {
    OR: [
      learnersHeldBy(organisationId),
      {
        enrolments: {
          some: { organisationId, status: HELD },
          every: { OR: [{ organisationId }, { cancelledAt: { not: null } }] },
        },
      },
    ],
  };
}

/** Learners an organisation holds or teaches in an additional programme (HOLDING or ADDITIONAL). */
export function learnersTaughtBy(organisationId: string) {
  return { enrolments: { some: { organisationId, status: HELD } } };
}

/** Loads the learner's enrolments and returns the relationship (NONE for an id that does not exist). */
export async function relationshipTo(tx: DbTx, scope: Scope, learnerId: string): Promise<Relationship> {
  const learner = await tx.learner.findUnique({
    where: { id: learnerId },
    select: { regionId: true, enrolments: { select: enrolmentFactsSelect } },
  });
  return learner ? relationshipOf(scope, learner.regionId, learner.enrolments) : "NONE";
}

/**
 * The learner as `actor` may reach it at `need` on `stage`: NOT_FOUND when
 * there is no relationship (the same answer as for an id that does not
 * exist), FORBIDDEN when the relationship is known but gives less.
 */
export async function requireLearnerAccess(tx: DbTx, actor: Actor, learnerId: string, stage: Stage, need: Exclude<StageAccess, "none">) {
  const relationship = await relationshipTo(tx, actor.scope, learnerId);
  assertLearnerAccess(actor, relationship, stage, need);
  return relationship;
}

export function assertLearnerAccess(actor: Actor, relationship: Relationship, stage: Stage, need: Exclude<StageAccess, "none">) {
  if (relationship === "NONE") throw notFound("Обучающийся не найден");
  if (!allowsLearnerStage(actor.role, relationship, stage, need)) throw forbidden();
}

/** Records (health, portfolio, orders) the relationship shows: all of the learner's, or those the organisation wrote. */
export function recordsWhere(scope: Scope, relationship: Relationship): { organisationId?: string } {
  if (relationshipAccess(relationship).records === "all") return {};
  return scope.kind === "ORGANISATION" ? { organisationId: scope.organisationId } : { organisationId: "00000000-0000-0000-0000-000000000000" };
}

/** Enrolments the relationship shows: every one, or the organisation's own (never a cancelled one to a school). */
export function visibleEnrolments<E extends { organisation: { id: string }; cancelledAt?: Date | null }>(scope: Scope, relationship: Relationship, enrolments: E[]): E[] {
  if (relationshipAccess(relationship).records === "all") return enrolments;
  return enrolments.filter((e) => scope.kind === "ORGANISATION" && e.organisation.id === scope.organisationId && !e.cancelledAt);
}

/**
 * Movement orders about a learner come from the organisation that holds them:
 * NOT_FOUND without a relationship, FORBIDDEN for a former or additional one.
 */
export async function requireHolding(tx: DbTx, scope: Scope, learnerId: string): Promise<void> {
  const relationship = await relationshipTo(tx, scope, learnerId);
  if (relationship === "NONE") throw notFound("Обучающийся не найден");
  if (relationship !== "HOLDING") throw forbidden("Приказы по обучающемуся издаёт организация, в которой он обучается по основной программе");
}
