// Second-person approval of machine clients: every client kind reads or writes
// learner data, so a client registered by a SYSTEM_ADMIN (who has no data
// rights) answers 401 until a region-level EDU_OFFICER other than its creator
// approves it. Rejection revokes the client for good. Audited in the same
// transaction as the decision.
import { z } from "zod";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { conflict, notFound } from "../../errors";
import { apiRateLimiter } from "../machine-clients/rate-limit";
import { peopleById } from "../users/people-by-id";
import { assertRegionApprover, assertSecondPerson } from "./approver";

const ZPerson = z.object({ id: z.string(), login: z.string(), fullName: z.string() });

export const ZPendingClient = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["E_JOURNAL", "PUBLIC_SERVICES", "FEDERAL_SEGMENT"]),
  organisation: z.object({ id: z.string(), shortName: z.string() }).nullable(),
  rateLimitPerMinute: z.number(),
  createdAt: z.date(),
  createdBy: ZPerson.nullable(),
});
export type PendingClient = z.infer<typeof ZPendingClient>;

export const ZClientDecision = z.object({ id: z.string(), name: z.string(), approvalStatus: z.enum(["APPROVED", "REJECTED"]) });

export async function listPendingClients(db: Db, actor: Actor): Promise<PendingClient[]> {
  assertRegionApprover(actor, "apiClients.approve");
  const rows = await db.machineClient.findMany({
    where: { regionId: actor.scope.regionId, approvalStatus: "PENDING", active: true },
    select: { id: true, name: true, kind: true, organisation: { select: { id: true, shortName: true } }, rateLimitPerMinute: true, createdAt: true, createdById: true },
    orderBy: { createdAt: "asc" },
  });
  const person = await peopleById(db, rows.map((r) => r.createdById));
  return rows.map(({ createdById, ...row }) => ({ ...row, createdBy: person(createdById) }));
}

export async function decideClient(db: Db, actor: Actor, clientId: string, decision: "approve" | "reject", ip: string | null) {
  assertRegionApprover(actor, "apiClients.approve");
  const result = await db.$transaction(async (tx) => {
    const client = await tx.machineClient.findFirst({
      where: { id: clientId, regionId: actor.scope.regionId },
      select: { id: true, name: true, kind: true, organisationId: true, createdById: true, active: true, approvalStatus: true },
    });
    if (!client) throw notFound("Клиент не найден");
    assertSecondPerson(actor, client.createdById);
    const now = new Date();
    const data =
      decision === "approve"
        ? { approvalStatus: "APPROVED" as const, approvedById: actor.id, approvedAt: now }
        : { approvalStatus: "REJECTED" as const, rejectedById: actor.id, rejectedAt: now, active: false, revokedAt: now };
    // Conditional update: of two approvers at once, exactly one decides.
    const { count } = await tx.machineClient.updateMany({ where: { id: client.id, approvalStatus: "PENDING", active: true }, data });
    if (count === 0) throw conflict("Заявка уже рассмотрена или клиент отозван. Обновите страницу.");
    if (decision === "reject") await tx.machineClientToken.updateMany({ where: { clientId: client.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: decision === "approve" ? "apiClient.approve" : "apiClient.reject",
      entityType: "MachineClient",
      entityId: client.id,
      details: { kind: client.kind, organisationId: client.organisationId, createdById: client.createdById },
    });
    return { id: client.id, name: client.name, approvalStatus: data.approvalStatus };
  });
  if (decision === "reject") apiRateLimiter.reset(clientId);
  return result;
}
