// The one audit recorder. It must be called with the transaction client of the
// action it records, so the record and the action commit or fail together.
import type { Role } from "../authz/matrix";
import type { DbTx } from "../db";
import type { AuditAction, AuditOutcomeValue } from "./actions";
import { auditHash, GENESIS_HASH } from "./hash";

/** Serialises appends so each row links to its true predecessor. */
const AUDIT_CHAIN_LOCK = 7_243_001;

export interface AuditActor {
  id: string | null;
  login: string | null;
  role: Role | null;
  ip: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  outcome?: AuditOutcomeValue;
  entityType?: string;
  entityId?: string;
  /** Names of changed fields, filters, counts: never the personal data itself. */
  details?: Record<string, unknown>;
}

export async function recordAudit(tx: DbTx, actor: AuditActor, entry: AuditEntry): Promise<bigint> {
  // Held until the surrounding transaction ends. Callers record last, so the
  // lock is held only for the tail of their transaction.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
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
    details: entry.details ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const created = await tx.auditEvent.create({
    data: {
      ...fields,
      details: fields.details === null ? undefined : (fields.details as object),
      prevHash,
      hash: auditHash(prevHash, fields),
    },
    select: { id: true },
  });
  return created.id;
}

/** The audit identity of a signed-in actor at an address. */
export function auditActorOf(actor: { id: string; login: string; role: Role }, ip: string | null): AuditActor {
  return { id: actor.id, login: actor.login, role: actor.role, ip };
}
