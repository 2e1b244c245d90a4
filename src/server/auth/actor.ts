// The signed-in account as every request sees it: the session row and the
// account are re-read from the database each time, because a token can carry
// a revoked session or a stale role, scope or status.
import type { Role } from "../authz/matrix";
import { portalOf, requiresSecondFactor, type Portal } from "../authz/matrix";
import { scopeOf, type Scope } from "../authz/scope";
import type { DbTx } from "../db";
import { applySessionStanding, sessionStanding } from "./sessions";

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

/** The session row with its account and the account's organisation, as one statement reads them. */
interface SessionWithAccount {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  secondFactorAt: Date | null;
  userId: string;
  login: string;
  fullName: string;
  role: Role;
  scopeKind: string;
  regionId: string;
  municipalityId: string | null;
  organisationId: string | null;
  active: boolean;
  approvedAt: Date | null;
  totpEnabledAt: Date | null;
  organisationMunicipalityId: string | null;
}

/**
 * Every request runs this, so it is one round trip: the session, its account
 * and the account's organisation in a single join. Nothing is cached between
 * requests: a revoked session or a changed role takes effect on the next one.
 */
async function readSessionWithAccount(db: DbTx, sessionId: string): Promise<SessionWithAccount | null> {
  const rows = await db.$queryRaw<SessionWithAccount[]>`
    SELECT s.id::text AS id, s."createdAt", s."lastSeenAt", s."revokedAt", s."secondFactorAt",
           u.id::text AS "userId", u.login, u."fullName", u.role::text AS role, u."scopeKind"::text AS "scopeKind",
           u."regionId"::text AS "regionId", u."municipalityId"::text AS "municipalityId",
           u."organisationId"::text AS "organisationId", u.active, u."approvedAt", u."totpEnabledAt",
           o."municipalityId"::text AS "organisationMunicipalityId"
    FROM "UserSession" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Organisation" o ON o.id = u."organisationId"
    WHERE s.id = ${sessionId}::uuid`;
  return rows[0] ?? null;
}

/** null when the session is gone, revoked or expired, or the account is inactive, not approved or malformed. */
export async function loadSession(db: DbTx, claims: SessionClaims | null): Promise<SessionState | null> {
  if (!claims || !UUID.test(claims.sessionId)) return null;
  const now = new Date();
  const row = await readSessionWithAccount(db, claims.sessionId);
  if (!row) return null;
  // An expired session is revoked whatever the account's state, as before the join.
  if (!(await applySessionStanding(db, row.id, sessionStanding(row, now), now))) return null;
  // Not approved yet (two-person rule): no session of it may act, however it was made.
  if (!row.active || !row.approvedAt) return null;
  const scope = scopeOf(row);
  const portal = portalOf(row.role);
  if (!scope || !portal) return null;
  const gate: SessionGate = row.secondFactorAt
    ? "open"
    : row.totpEnabledAt
      ? "second_factor"
      : requiresSecondFactor(row.role)
        ? "enrol"
        : "open";
  const actor = { id: row.userId, login: row.login, fullName: row.fullName, role: row.role, portal, scope };
  return { sessionId: row.id, gate, actor };
}

/** The actor of a fully signed-in session (second factor passed or not needed), else null. */
export async function loadActor(db: DbTx, claims: SessionClaims | null): Promise<Actor | null> {
  const state = await loadSession(db, claims);
  return state?.gate === "open" ? state.actor : null;
}
