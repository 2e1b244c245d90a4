// The auditor's view of the audit log. Reading the log is itself audited,
// with the learners whose names the page showed (as any list read).
import type { ListAuditInput } from "@/lib/schemas/audit";
import { z } from "zod";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { likeLiteral } from "../../db/like";
import { resolveAuditObjects, ZAuditObject } from "./audit-objects";
import { periodBounds } from "./report-period";

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
  /** The object with its name and the report the viewer may open for it. */
  object: ZAuditObject.nullable(),
  /** Names of the organisations its details mention, by id. */
  detailNames: z.record(z.string(), z.string()),
});

export async function listAuditEvents(db: Db, actor: Actor, input: ListAuditInput, ip: string | null) {
  const where = {
    ...(input.login ? { actorLogin: { equals: likeLiteral(input.login), mode: "insensitive" as const } } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from || input.to ? { at: { gte: periodBounds(input).since, lt: periodBounds(input).until } } : {}),
  };
  return db.$transaction(async (tx) => {
    const total = await tx.auditEvent.count({ where });
    const rows = await tx.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: input.page * input.pageSize,
      take: input.pageSize,
    });
    const { objects, detailNames, namedLearnerIds } = await resolveAuditObjects(tx, actor.role, rows);
    const { page, pageSize, ...filters } = input;
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "audit.log.read",
      details: { filters, page, pageSize, total },
      learnerIds: namedLearnerIds,
    });
    return {
      total,
      rows: rows.map((r, i) => ({ ...r, id: r.id.toString(), details: r.details ?? null, object: objects[i] ?? null, detailNames: detailNames[i] ?? {} })),
    };
  });
}
