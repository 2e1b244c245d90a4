// Who is calling the API: the token's row and its client are re-read on every
// request, so a revoked token or client is refused on its very next call, and
// a client still waiting for its second approval is refused like a revoked one.
import type { DbTx } from "../../db";
import type { MachineClientKind } from "@/lib/schemas/api-clients";
import type { AuditActor } from "../../audit/recorder";
import { bearerToken, parseToken, tokenMatches } from "./tokens";

export interface MachineClientActor {
  id: string;
  name: string;
  kind: MachineClientKind;
  regionId: string;
  /** Set for an e-journal: the only organisation it reaches. */
  organisationId: string | null;
  rateLimitPerMinute: number;
  tokenId: string;
}

export type Authentication =
  | { ok: true; client: MachineClientActor }
  /** `clientId` when the token was recognised but is revoked or not approved: the refusal is audited against it. */
  | { ok: false; clientId: string | null; reason?: "revoked" | "pending" };

export async function authenticateClient(db: DbTx, authorization: string | null): Promise<Authentication> {
  const token = bearerToken(authorization);
  const parsed = token ? parseToken(token) : null;
  if (!token || !parsed) return { ok: false, clientId: null };
  const row = await db.machineClientToken.findUnique({
    where: { lookupId: parsed.lookupId },
    select: {
      id: true,
      tokenHash: true,
      revokedAt: true,
      client: { select: { id: true, name: true, kind: true, regionId: true, organisationId: true, rateLimitPerMinute: true, active: true, approvalStatus: true } },
    },
  });
  if (!row || !tokenMatches(token, row.tokenHash)) return { ok: false, clientId: null };
  const { client } = row;
  if (row.revokedAt || !client.active) return { ok: false, clientId: client.id, reason: "revoked" };
  // Same answer as a revoked token (the caller learns nothing); the audit row says why.
  if (client.approvalStatus !== "APPROVED") return { ok: false, clientId: client.id, reason: "pending" };
  return {
    ok: true,
    client: {
      id: client.id,
      name: client.name,
      kind: client.kind,
      regionId: client.regionId,
      organisationId: client.organisationId,
      rateLimitPerMinute: client.rateLimitPerMinute,
      tokenId: row.id,
    },
  };
}

/** The audit identity of a machine client: no user id, a readable login-like label. */
export function clientAuditActor(client: { id: string; name?: string }, ip: string | null): AuditActor {
  return { id: null, login: `api:${client.name ?? client.id}`.slice(0, 64), role: null, ip, machineClientId: client.id };
}
