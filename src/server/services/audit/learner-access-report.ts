// "Who accessed this learner": every audit event that names the learner,
// either as its object (card, health, portfolio reads and every change) or
// among the learners a list read, search or export returned (AuditEventLearner).
// Both paths are indexed: (entityType, entityId, at) and the link table's
// primary key (learnerId, eventId).
import { z } from "zod";
import type { LearnerAccessInput } from "@/lib/schemas/access-reports";
import { stageOfAction } from "@/lib/audit-actions";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { notFound } from "../../errors";
import { fullNameOf } from "./learner-lookup";
import { periodBounds } from "./report-period";

export const ZLearnerAccessRow = z.object({
  id: z.string(),
  at: z.date(),
  login: z.string().nullable(),
  fullName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  stage: z.enum(["personal", "health", "portfolio"]).nullable(),
  outcome: z.string(),
  /** true: the learner was one of several rows of a list, search or export. */
  viaList: z.boolean(),
  /** A machine client's call through /api/v1 (no employee): its kind and name. */
  client: z.object({ kind: z.string(), name: z.string() }).nullable(),
  ip: z.string().nullable(),
});
export type LearnerAccessRow = z.infer<typeof ZLearnerAccessRow>;

interface RawRow {
  id: bigint;
  at: Date;
  actorLogin: string | null;
  fullName: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  viaList: boolean;
  ip: string | null;
  clientKind: string | null;
  clientName: string | null;
}

/** Rows of the report, newest first; `limit` null = all (exports). */
export async function queryLearnerAccess(tx: DbTx, input: Omit<LearnerAccessInput, "page" | "pageSize">, limit: number | null, offset: number) {
  const { since, until } = periodBounds(input);
  const id = input.learnerId;
  const rows = await tx.$queryRaw<RawRow[]>`
    WITH hits AS (
      SELECT e.id, false AS "viaList" FROM "AuditEvent" e
       WHERE e."entityType" = 'Learner' AND e."entityId" = ${id} AND e.at >= ${since} AND e.at < ${until}
      UNION ALL
      SELECT l."eventId", true FROM "AuditEventLearner" l WHERE l."learnerId" = ${id}::uuid
    )
    SELECT e.id, e.at, e."actorLogin", u."fullName", e."actorRole"::text AS "actorRole", e.action,
           e.outcome::text AS outcome, h."viaList", e.ip, mc.kind::text AS "clientKind", mc.name AS "clientName"
      FROM hits h
      JOIN "AuditEvent" e ON e.id = h.id
      LEFT JOIN "User" u ON u.id = e."actorId"
      LEFT JOIN "MachineClient" mc ON mc.id = e."machineClientId"
     WHERE e.at >= ${since} AND e.at < ${until}
     ORDER BY e.id DESC
     LIMIT ${limit ?? 1_000_000} OFFSET ${offset}`;
  const [{ total }] = await tx.$queryRaw<[{ total: bigint }]>`
    SELECT count(*) AS total FROM (
      SELECT e.id FROM "AuditEvent" e
       WHERE e."entityType" = 'Learner' AND e."entityId" = ${id} AND e.at >= ${since} AND e.at < ${until}
      UNION ALL
      SELECT l."eventId" FROM "AuditEventLearner" l JOIN "AuditEvent" e ON e.id = l."eventId"
       WHERE l."learnerId" = ${id}::uuid AND e.at >= ${since} AND e.at < ${until}
    ) hits`;
  return {
    total: Number(total),
    rows: rows.map(
      (r): LearnerAccessRow => ({
        id: r.id.toString(),
        at: r.at,
        login: r.actorLogin,
        fullName: r.fullName,
        role: r.actorRole,
        action: r.action,
        stage: stageOfAction(r.action),
        outcome: r.outcome,
        viaList: r.viaList,
        ip: r.ip,
        client: r.clientKind && r.clientName ? { kind: r.clientKind, name: r.clientName } : null,
      }),
    ),
  };
}

export async function learnerOfReport(tx: DbTx, learnerId: string) {
  const learner = await tx.learner.findUnique({
    where: { id: learnerId },
    select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true },
  });
  if (!learner) throw notFound("Обучающийся не найден");
  return { id: learner.id, fullName: fullNameOf(learner), birthDate: learner.birthDate };
}

export async function reportLearnerAccess(db: Db, actor: Actor, input: LearnerAccessInput, ip: string | null) {
  return db.$transaction(async (tx) => {
    const learner = await learnerOfReport(tx, input.learnerId);
    const { total, rows } = await queryLearnerAccess(tx, input, input.pageSize, input.page * input.pageSize);
    // Recorded after the query, so the auditor's own look is not in the page it sees.
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "audit.report.learnerAccess.read",
      entityType: "Learner",
      entityId: learner.id,
      details: { filters: { from: input.from ?? null, to: input.to ?? null }, page: input.page, pageSize: input.pageSize, total },
    });
    return { learner, total, rows };
  });
}
