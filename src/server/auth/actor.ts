// The signed-in account as every request sees it: the session row and the
// account are re-read from the database each time, because a token can carry
// a revoked session or a stale role, scope or status.
import type { Role } from "../authz/matrix";
import { portalOf, requiresSecondFactor, type Portal } from "../authz/matrix";
import { scopeOf, type Scope } from "../authz/scope";
import type { DbTx } from "../db";
import { checkSession } from "./sessions";

/** What the session cookie carries: nothing but the server-side session id. */
export interface SessionClaims {
  sessionId: string;
}

export interface Actor {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  portal: Portal;
  scope: Scope;
}

/**
 * "open": full access. "second_factor": password passed, code still due.
 * "enrol": a role that must have a second factor has none yet. Only "open"
 * reaches any portal or data procedure.
 */
export type SessionGate = "open" | "second_factor" | "enrol";

export interface SessionState {
  sessionId: string;
  gate: SessionGate;
  actor: Actor;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** null when the session is gone, revoked or expired, or the account is inactive or malformed. */
export async function loadSession(db: DbTx, claims: SessionClaims | null): Promise<SessionState | null> {
  if (!claims || !UUID.test(claims.sessionId)) return null;
  const session = await checkSession(db, claims.sessionId);
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
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
      totpEnabledAt: true,
      organisation: { select: { municipalityId: true } },
    },
  });
  if (!user || !user.active) return null;
  const scope = scopeOf({ ...user, organisationMunicipalityId: user.organisation?.municipalityId ?? null });
  const portal = portalOf(user.role);
  if (!scope || !portal) return null;
  const gate: SessionGate = session.secondFactorAt
    ? "open"
    : user.totpEnabledAt
      ? "second_factor"
      : requiresSecondFactor(user.role)
        ? "enrol"
        : "open";
  const actor = { id: user.id, login: user.login, fullName: user.fullName, role: user.role, portal, scope };
  return { sessionId: session.id, gate, actor };
}

/** The actor of a fully signed-in session (second factor passed or not needed), else null. */
export async function loadActor(db: DbTx, claims: SessionClaims | null): Promise<Actor | null> {
  const state = await loadSession(db, claims);
  return state?.gate === "open" ? state.actor : null;
}
