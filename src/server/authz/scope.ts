// The caller's scope: the part of the region an account may see. Built from
// the database row on every request (never from a token or from input), and
// passed to services, which filter every query by it.
import { allowedScopes, type Role } from "./matrix";

export type Scope =
  | { kind: "ORGANISATION"; regionId: string; municipalityId: string; organisationId: string }
  | { kind: "MUNICIPALITY"; regionId: string; municipalityId: string }
  | { kind: "REGION"; regionId: string };

export interface ScopeSource {
  role: Role;
  scopeKind: string;
  regionId: string;
  municipalityId: string | null;
  organisationId: string | null;
  /** Municipality of the account's organisation, for ORGANISATION scope. */
  organisationMunicipalityId?: string | null;
}

/** Returns null (deny) when the stored scope is inconsistent with the role. */
export function scopeOf(user: ScopeSource): Scope | null {
  if (!(allowedScopes(user.role) as readonly string[]).includes(user.scopeKind)) return null;
  switch (user.scopeKind) {
    case "ORGANISATION":
      if (!user.organisationId || !user.organisationMunicipalityId) return null;
      return {
        kind: "ORGANISATION",
        regionId: user.regionId,
        municipalityId: user.organisationMunicipalityId,
        organisationId: user.organisationId,
      };
    case "MUNICIPALITY":
      if (!user.municipalityId || user.organisationId) return null;
      return { kind: "MUNICIPALITY", regionId: user.regionId, municipalityId: user.municipalityId };
    case "REGION":
      if (user.municipalityId || user.organisationId) return null;
      return { kind: "REGION", regionId: user.regionId };
    default:
      return null;
  }
}

/** Prisma `where` fragment restricting organisations to a scope. */
export function organisationScopeWhere(scope: Scope) {
  switch (scope.kind) {
    case "ORGANISATION":
      return { id: scope.organisationId };
    case "MUNICIPALITY":
      return { municipalityId: scope.municipalityId };
    case "REGION":
      return { municipality: { regionId: scope.regionId } };
  }
}
