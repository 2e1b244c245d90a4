// The auditor's view of the audit log. Reading the log is itself audited.
import type { ListAuditInput } from "@/lib/schemas/audit";
import { z } from "zod";
import { AUDIT_ACTIONS } from "../../audit/actions";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { likeLiteral } from "../../db/like";

export const ZAuditRow = z.object({
  id: z.string(),
  at: z.date(),
  actorLogin: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.unknown(),
});

const DAY_MS = 86_400_000;

export async function listAuditEvents(db: Db, actor: Actor, input: ListAuditInput, ip: string | null) {
  const where = {
    ...(input.login ? { actorLogin: { equals: likeLiteral(input.login), mode: "insensitive" as const } } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from || input.to
      ? {
          at: {
            ...(input.from ? { gte: new Date(`${input.from}T00:00:00Z`) } : {}),
            ...(input.to ? { lt: new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY_MS) } : {}),
          },
        }
      : {}),
  };
  return db.$transaction(async (tx) => {
    const total = await tx.auditEvent.count({ where });
    const rows = await tx.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: input.page * input.pageSize,
      take: input.pageSize,
    });
    const { page, pageSize, ...filters } = input;
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "audit.log.read",
      details: { filters, page, pageSize, total },
    });
    return {
      total,
      actions: [...AUDIT_ACTIONS],
      rows: rows.map((r) => ({ ...r, id: r.id.toString(), details: r.details ?? null })),
    };
  });
}
