// Which learners a scope reaches. Reading reaches every learner ever enrolled
// in the organisation (its archive); writing only those it currently holds.
import type { Scope } from "./scope";

const HELD = { in: ["ACTIVE", "PENDING_TRANSFER"] as ("ACTIVE" | "PENDING_TRANSFER")[] };

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
