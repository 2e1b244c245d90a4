// The hash chain: each audit row's hash covers its own content and the
// previous row's hash, so altering, removing or reordering a row breaks every
// link after it. Pure, so the recorder and the verifier hash identically.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedAuditFields {
  at: Date;
  actorId: string | null;
  actorLogin: string | null;
  actorRole: string | null;
  ip: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  details: unknown;
  /** Set for machine-client (API) calls; absent from the hash otherwise, so rows written before it existed still verify. */
  machineClientId?: string | null;
}

/** JSON with object keys sorted at every level: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, row: HashedAuditFields): string {
  const fields = [
    prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorLogin,
    row.actorRole,
    row.ip,
    row.action,
    row.outcome,
    row.entityType,
    row.entityId,
    row.details ?? null,
  ];
  if (row.machineClientId) fields.push(row.machineClientId);
  const payload = canonicalJson(fields);
  return createHash("sha256").update(payload, "utf8").digest("hex");
}

/** Digest of a set of learner ids, order-independent: what an audit row stores of its link rows. */
export function learnerSetDigest(ids: readonly string[]): string {
  const sorted = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
  return createHash("sha256").update(sorted.join("\n"), "utf8").digest("hex");
}
