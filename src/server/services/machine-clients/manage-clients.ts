// Machine clients for SYSTEM_ADMIN: register (the token is returned once and
// stored only hashed), rotate the token, revoke the client. Every change is
// audited in its transaction; tokens never reach the audit trail. A new client
// is PENDING until a second person approves it (../approvals/client-approvals.ts):
// the admin who holds its token cannot make it work alone.
import { z } from "zod";
import type { RegisterClientInput } from "@/lib/schemas/api-clients";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { badRequest, notFound } from "../../errors";
import { apiRateLimiter } from "./rate-limit";
import { issueToken } from "./tokens";

export const ZMachineClientView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["E_JOURNAL", "PUBLIC_SERVICES", "FEDERAL_SEGMENT"]),
  organisation: z.object({ id: z.string(), shortName: z.string() }).nullable(),
  rateLimitPerMinute: z.number(),
  active: z.boolean(),
  /** Two-person rule: the token answers 401 until APPROVED. */
  approvalStatus: z.enum(["PENDING", "APPROVED", "REJECTED"]),
  approvedAt: z.date().nullable(),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
  /** The current token's public part (`kt_<lookupId>_…`) and use. */
  token: z.object({ lookupId: z.string(), createdAt: z.date(), lastUsedAt: z.date().nullable() }).nullable(),
});
export type MachineClientView = z.infer<typeof ZMachineClientView>;

const clientSelect = {
  id: true,
  name: true,
  kind: true,
  organisation: { select: { id: true, shortName: true } },
  rateLimitPerMinute: true,
  active: true,
  approvalStatus: true,
  approvedAt: true,
  createdAt: true,
  revokedAt: true,
  tokens: { where: { revokedAt: null }, select: { lookupId: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "desc" as const }, take: 1 },
} as const;

type ClientRow = { tokens: { lookupId: string; createdAt: Date; lastUsedAt: Date | null }[] } & Omit<MachineClientView, "token">;
const toView = ({ tokens, ...row }: ClientRow): MachineClientView => ({ ...row, token: tokens[0] ?? null });

export async function listMachineClients(db: Db, actor: Actor): Promise<MachineClientView[]> {
  const rows = await db.machineClient.findMany({ where: { regionId: actor.scope.regionId }, select: clientSelect, orderBy: [{ active: "desc" }, { createdAt: "desc" }] });
  return rows.map(toView);
}

export async function registerMachineClient(db: Db, actor: Actor, input: RegisterClientInput, ip: string | null) {
  const issued = issueToken();
  return db.$transaction(async (tx) => {
    if (input.organisationId) {
      const organisation = await tx.organisation.findFirst({
        where: { id: input.organisationId, closedAt: null, municipality: { regionId: actor.scope.regionId } },
        select: { id: true },
      });
      if (!organisation) throw badRequest("Организация не найдена или закрыта", "organisationId");
    }
    // PENDING explicitly, not only by the column default: the rule must not hang on a default.
    const client = await tx.machineClient.create({
      data: { ...input, regionId: actor.scope.regionId, createdById: actor.id, approvalStatus: "PENDING" },
      select: { id: true },
    });
    await tx.machineClientToken.create({ data: { clientId: client.id, lookupId: issued.lookupId, tokenHash: issued.tokenHash, createdById: actor.id } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "apiClient.create",
      entityType: "MachineClient",
      entityId: client.id,
      details: { kind: input.kind, organisationId: input.organisationId, rateLimitPerMinute: input.rateLimitPerMinute, lookupId: issued.lookupId, approvalStatus: "PENDING" },
    });
    const view = toView(await tx.machineClient.findUniqueOrThrow({ where: { id: client.id }, select: clientSelect }));
    return { client: view, token: issued.token };
  });
}

/**
 * Issues a new token and revokes the old one at once (no overlap: the client
 * switches on its next call). The approval belongs to the client, not to the
 * token: an approved client stays approved, a pending one stays pending.
 */
export async function rotateMachineClientToken(db: Db, actor: Actor, clientId: string, ip: string | null) {
  const issued = issueToken();
  return db.$transaction(async (tx) => {
    const client = await tx.machineClient.findFirst({ where: { id: clientId, regionId: actor.scope.regionId }, select: { id: true, active: true, approvalStatus: true } });
    if (!client) throw notFound("Клиент не найден");
    if (!client.active) throw badRequest("Клиент отозван: зарегистрируйте новый");
    const now = new Date();
    const revoked = await tx.machineClientToken.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: now } });
    await tx.machineClientToken.create({ data: { clientId, lookupId: issued.lookupId, tokenHash: issued.tokenHash, createdById: actor.id } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "apiClient.token.rotate",
      entityType: "MachineClient",
      entityId: clientId,
      details: { lookupId: issued.lookupId, revokedTokens: revoked.count, approvalStatus: client.approvalStatus },
    });
    const view = toView(await tx.machineClient.findUniqueOrThrow({ where: { id: clientId }, select: clientSelect }));
    return { client: view, token: issued.token };
  });
}

/** Revokes the client and all its tokens: its next call is refused. Final, pending or approved. */
export async function revokeMachineClient(db: Db, actor: Actor, clientId: string, ip: string | null): Promise<MachineClientView> {
  const view = await db.$transaction(async (tx) => {
    const client = await tx.machineClient.findFirst({ where: { id: clientId, regionId: actor.scope.regionId }, select: { id: true, active: true } });
    if (!client) throw notFound("Клиент не найден");
    const now = new Date();
    if (client.active) {
      await tx.machineClient.update({ where: { id: clientId }, data: { active: false, revokedAt: now } });
      await tx.machineClientToken.updateMany({ where: { clientId, revokedAt: null }, data: { revokedAt: now } });
      await recordAudit(tx, auditActorOf(actor, ip), { action: "apiClient.revoke", entityType: "MachineClient", entityId: clientId });
    }
    return toView(await tx.machineClient.findUniqueOrThrow({ where: { id: clientId }, select: clientSelect }));
  });
  apiRateLimiter.reset(clientId);
  return view;
}
