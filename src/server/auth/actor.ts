// The signed-in account as every request sees it: re-read from the database
// each time, because a token can carry a stale role, scope or status.
import type { Role } from "../authz/matrix";
import { portalOf, type Portal } from "../authz/matrix";
import { scopeOf, type Scope } from "../authz/scope";
import type { DbTx } from "../db";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

export interface Actor {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  portal: Portal;
  scope: Scope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** null when the account is gone, inactive, out of session version, or malformed. */
export async function loadActor(db: DbTx, claims: SessionClaims | null): Promise<Actor | null> {
  if (!claims || !UUID.test(claims.userId)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: {
      id: true,
      login: true,
      fullName: true,
      role: true,
      scopeKind: true,
      regionId: true,
      municipalityId: true,
      organisationId: true,
      active: true,
      sessionVersion: true,
      organisation: { select: { municipalityId: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  const scope = scopeOf({ ...user, organisationMunicipalityId: user.organisation?.municipalityId ?? null });
  const portal = portalOf(user.role);
  if (!scope || !portal) return null;
  return { id: user.id, login: user.login, fullName: user.fullName, role: user.role, portal, scope };
}
