// The one audit recorder. It must be called with the transaction client of the
// action it records, so the record and the action commit or fail together.
import type { Role } from "../authz/matrix";
import type { DbTx } from "../db";
import { lockKey } from "../db/locks";
import type { AuditAction, AuditOutcomeValue } from "@/lib/audit-actions";
import { auditHash, GENESIS_HASH, learnerSetDigest } from "./hash";

/** Serialises appends so each row links to its true predecessor. */
const AUDIT_CHAIN_LOCK = lockKey("auditChain");

export interface AuditActor {
  id: string | null;
  login: string | null;
  role: Role | null;
  ip: string | null;
  /** A machine client calling the API: `id` is then null (it is not a User). */
  machineClientId?: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  outcome?: AuditOutcomeValue;
  entityType?: string;
  entityId?: string;
  /** Names of changed fields, filters, counts: never the personal data itself. */
  details?: Record<string, unknown>;
  /**
   * Learners a list read, search or export returned. Stored as link rows
   * (AuditEventLearner) for the access reports; the details get their count
   * and digest, so the hash chain covers the set without storing it inline.
   */
  learnerIds?: readonly string[];
}

/**
 * Two round trips per append: the lock with the chain's head (one function,
 * see the audit_chain_head migration for why it cannot be one plain
 * statement), then the row and its learner links in one statement.
 */
export async function recordAudit(tx: DbTx, actor: AuditActor, entry: AuditEntry): Promise<bigint> {
  // Held until the surrounding transaction ends. Callers record last, so the
  // lock is held only for the tail of their transaction.
  const [head] = await tx.$queryRaw<[{ hash: string | null }]>`SELECT "audit_chain_head_locked"(${AUDIT_CHAIN_LOCK}::bigint) AS hash`;
  const fields = {
    at: new Date(),
    actorId: actor.id,
    actorLogin: actor.login,
    actorRole: actor.role,
    ip: actor.ip,
    action: entry.action,
    outcome: entry.outcome ?? "SUCCESS",
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    details: withLearnerSet(entry),
    machineClientId: actor.machineClientId ?? null,
  };
  const prevHash = head.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, fields);
  // jsonb keeps what JSON.stringify wrote, as Prisma's Json column did; a row
  // without details stores SQL NULL, as before.
  const details = fields.details === null ? null : JSON.stringify(fields.details);
  const learnerIds = uniqueIds(entry.learnerIds) ?? [];
  const [created] = await tx.$queryRaw<[{ id: bigint }]>`
    WITH event AS (
      INSERT INTO "AuditEvent" ("at", "actorId", "actorLogin", "actorRole", "ip", "action", "outcome", "entityType", "entityId", "details", "machineClientId", "prevHash", "hash")
      VALUES (${fields.at}::timestamptz, ${fields.actorId}::uuid, ${fields.actorLogin}, ${fields.actorRole}::"Role", ${fields.ip}, ${fields.action},
              ${fields.outcome}::"AuditOutcome", ${fields.entityType}, ${fields.entityId}, ${details}::jsonb, ${fields.machineClientId}::uuid, ${prevHash}, ${hash})
      RETURNING "id"
    ), links AS (
      INSERT INTO "AuditEventLearner" ("eventId", "learnerId")
      SELECT event."id", learner FROM event, unnest(${learnerIds}::uuid[]) AS learner
    )
    SELECT "id" FROM event`;
  return created.id;
}

/** The audit identity of a signed-in actor at an address. */
export function auditActorOf(actor: { id: string; login: string; role: Role }, ip: string | null): AuditActor {
  return { id: actor.id, login: actor.login, role: actor.role, ip };
}

function uniqueIds(ids: readonly string[] | undefined): string[] | null {
  return ids === undefined ? null : [...new Set(ids)];
}

function withLearnerSet(entry: AuditEntry): Record<string, unknown> | null {
  const ids = uniqueIds(entry.learnerIds);
  if (!ids) return entry.details ?? null;
  return { ...entry.details, learnerSet: { count: ids.length, sha256: learnerSetDigest(ids) } };
}
