// Which learners a scope reaches. Reading reaches every learner ever enrolled
// in the organisation (its archive); writing only those it currently holds.
import type { Scope } from "./scope";

const HELD_STATUSES = ["ACTIVE", "PENDING_TRANSFER"] as ("ACTIVE" | "PENDING_TRANSFER")[];
const HELD = { in: HELD_STATUSES };

export function learnerReadWhere(scope: Scope) {
  switch (scope.kind) {
    case "ORGANISATION":
      return { enrolments: { some: { organisationId: scope.organisationId } } };
    case "MUNICIPALITY":
      return { enrolments: { some: { status: HELD, organisation: { municipalityId: scope.municipalityId } } } };
    case "REGION":
      return { regionId: scope.regionId };
  }
}

export function learnerWriteWhere(scope: Scope) {
  if (scope.kind !== "ORGANISATION") return { id: { in: [] as string[] } }; // only schools write
  return learnersHeldBy(scope.organisationId);
}

/** Learners an organisation currently holds: what its staff and its e-journal may write. */
export function learnersHeldBy(organisationId: string) {
  return { enrolments: { some: { organisationId, status: HELD } } };
}

/**
 * learnerWriteWhere for a learner whose enrolments are already loaded (the
 * card): the same rule, without another query. Only schools write, and only
 * learners they currently hold.
 */
export function mayWriteLearner(scope: Scope, enrolments: readonly { status: string; organisation: { id: string } }[]): boolean {
  if (scope.kind !== "ORGANISATION") return false;
  return enrolments.some((e) => e.organisation.id === scope.organisationId && (HELD_STATUSES as string[]).includes(e.status));
}
