// The auditor's view of machine clients: every client of the region with who
// registered it, who approved (or refused) it and when, and what it did
// through the API — its audit rows and the distinct learners they touched
// (AuditEventLearner). Reading this list is itself audited.
import { z } from "zod";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { peopleById } from "../users/people-by-id";

const ZPerson = z.object({ id: z.string(), login: z.string(), fullName: z.string() });

export const ZClientOversightRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["E_JOURNAL", "PUBLIC_SERVICES", "FEDERAL_SEGMENT"]),
  organisation: z.object({ id: z.string(), shortName: z.string() }).nullable(),
  active: z.boolean(),
  approvalStatus: z.enum(["PENDING", "APPROVED", "REJECTED"]),
  createdAt: z.date(),
  createdBy: ZPerson.nullable(),
  approvedAt: z.date().nullable(),
  /** Null with approvedAt set: approved by the migration that introduced the rule (the client was live before it). */
  approvedBy: ZPerson.nullable(),
  rejectedAt: z.date().nullable(),
  rejectedBy: ZPerson.nullable(),
  revokedAt: z.date().nullable(),
  activity: z.object({
    /** Audit rows recorded for the client (answered and refused calls). */
    events: z.number(),
    denied: z.number(),
    /** Distinct learners those rows name. */
    learners: z.number(),
    lastAt: z.date().nullable(),
  }),
});
export type ClientOversightRow = z.infer<typeof ZClientOversightRow>;

export async function listClientsForAudit(db: Db, actor: Actor, ip: string | null): Promise<ClientOversightRow[]> {
  return db.$transaction(async (tx) => {
    const clients = await tx.machineClient.findMany({
      where: { regionId: actor.scope.regionId },
      select: {
        id: true, name: true, kind: true, organisation: { select: { id: true, shortName: true } }, active: true, approvalStatus: true,
        createdAt: true, createdById: true, approvedAt: true, approvedById: true, rejectedAt: true, rejectedById: true, revokedAt: true,
      },
      orderBy: { createdAt: "desc" },
    });
    const ids = clients.map((c) => c.id);
    const [events, learners] = ids.length
      ? await Promise.all([
          tx.auditEvent.groupBy({ by: ["machineClientId", "outcome"], where: { machineClientId: { in: ids } }, _count: { _all: true }, _max: { at: true } }),
          tx.$queryRaw<{ id: string; learners: number }[]>`
            SELECT e."machineClientId"::text AS id, count(DISTINCT l."learnerId")::int AS learners
            FROM "AuditEvent" e JOIN "AuditEventLearner" l ON l."eventId" = e."id"
            WHERE e."machineClientId" = ANY(${ids}::uuid[])
            GROUP BY 1`,
        ])
      : [[], []];
    const person = await peopleById(tx, clients.flatMap((c) => [c.createdById, c.approvedById, c.rejectedById]));
    const learnersOf = new Map(learners.map((r) => [r.id, Number(r.learners)]));
    const rows = clients.map(({ createdById, approvedById, rejectedById, ...c }) => {
      const own = events.filter((e) => e.machineClientId === c.id);
      const lastAt = own.reduce<Date | null>((max, e) => (e._max.at && (!max || e._max.at > max) ? e._max.at : max), null);
      return {
        ...c,
        createdBy: person(createdById),
        approvedBy: person(approvedById),
        rejectedBy: person(rejectedById),
        activity: {
          events: own.reduce((n, e) => n + e._count._all, 0),
          denied: own.filter((e) => e.outcome === "DENIED").reduce((n, e) => n + e._count._all, 0),
          learners: learnersOf.get(c.id) ?? 0,
          lastAt,
        },
      };
    });
    await recordAudit(tx, auditActorOf(actor, ip), { action: "audit.apiClients.read", details: { clients: rows.length } });
    return rows;
  });
}
