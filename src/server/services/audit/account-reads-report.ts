// "What did this account read": for one account and a period, every learner
// it opened — card, health and portfolio reads, class lists, list pages,
// searches and exports (learner reads in LEARNER_READ_ACTIONS) — one row per
// learner per read, or one row per learner with counts. Served by the
// (actorId, at) index and the link table's (eventId) index.
import { z } from "zod";
import type { AccountReadsInput } from "@/lib/schemas/access-reports";
import { Prisma } from "../../generated/prisma/client";
import { LEARNER_READ_ACTIONS, stageOfAction } from "@/lib/audit-actions";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { DomainError } from "../../errors";
import { periodBounds } from "./report-period";
import { likeLiteral } from "../../db/like";

export const ZAccountReadRow = z.object({
  eventId: z.string(),
  at: z.date(),
  action: z.string(),
  stage: z.enum(["personal", "health", "portfolio"]).nullable(),
  learnerId: z.string(),
  /** null when the learner no longer exists. */
  learner: z.string().nullable(),
  birthDate: z.date().nullable(),
});
export const ZAccountLearnerRow = z.object({
  learnerId: z.string(),
  learner: z.string().nullable(),
  birthDate: z.date().nullable(),
  reads: z.number(),
  firstAt: z.date(),
  lastAt: z.date(),
});
export type AccountReadRow = z.infer<typeof ZAccountReadRow>;
export type AccountLearnerRow = z.infer<typeof ZAccountLearnerRow>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Filters = Omit<AccountReadsInput, "page" | "pageSize" | "view">;

export async function accountOfReport(tx: DbTx, login: string) {
  const account = await tx.user.findFirst({
    where: { login: { equals: likeLiteral(login), mode: "insensitive" } },
    select: { id: true, login: true, fullName: true, role: true },
  });
  if (!account) throw new DomainError("NOT_FOUND", "Учётная запись с таким логином не найдена", "login");
  return account;
}

/** The account's learner reads in the period, one row per (event, learner). */
function hitsSql(accountId: string, filters: Filters) {
  const { since, until } = periodBounds(filters);
  return Prisma.sql`
    WITH ev AS (
      SELECT id, at, action, "entityType", "entityId" FROM "AuditEvent"
       WHERE "actorId" = ${accountId}::uuid AND at >= ${since} AND at < ${until}
         AND action IN (${Prisma.join([...LEARNER_READ_ACTIONS])})
    ), hits AS (
      SELECT ev.id, ev.at, ev.action, ev."entityId" AS "learnerId" FROM ev WHERE ev."entityType" = 'Learner'
      UNION ALL
      SELECT ev.id, ev.at, ev.action, l."learnerId"::text FROM ev JOIN "AuditEventLearner" l ON l."eventId" = ev.id
    )`;
}

export async function queryAccountReads(tx: DbTx, accountId: string, filters: Filters, limit: number | null, offset: number) {
  const rows = await tx.$queryRaw<{ id: bigint; at: Date; action: string; learnerId: string; lastName: string | null; firstName: string | null; middleName: string | null; birthDate: Date | null }[]>`
    ${hitsSql(accountId, filters)}
    SELECT h.id, h.at, h.action, h."learnerId", le."lastName", le."firstName", le."middleName", le."birthDate"
      FROM hits h LEFT JOIN "Learner" le ON le.id::text = h."learnerId"
     ORDER BY h.id DESC, le."lastName", h."learnerId"
     LIMIT ${limit ?? 1_000_000} OFFSET ${offset}`;
  const [{ total, learners }] = await tx.$queryRaw<[{ total: bigint; learners: bigint }]>`
    ${hitsSql(accountId, filters)}
    SELECT count(*) AS total, count(DISTINCT "learnerId") AS learners FROM hits`;
  return {
    total: Number(total),
    learners: Number(learners),
    rows: rows.map(
      (r): AccountReadRow => ({
        eventId: r.id.toString(),
        at: r.at,
        action: r.action,
        stage: stageOfAction(r.action),
        learnerId: r.learnerId,
        learner: r.lastName === null ? null : [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" "),
        birthDate: r.birthDate,
      }),
    ),
  };
}

export async function queryAccountLearners(tx: DbTx, accountId: string, filters: Filters, limit: number | null, offset: number) {
  const rows = await tx.$queryRaw<{ learnerId: string; reads: bigint; firstAt: Date; lastAt: Date; lastName: string | null; firstName: string | null; middleName: string | null; birthDate: Date | null }[]>`
    ${hitsSql(accountId, filters)}
    , counted AS (
      SELECT "learnerId", count(*) AS reads, min(at) AS "firstAt", max(at) AS "lastAt" FROM hits GROUP BY "learnerId"
    )
    SELECT c.*, le."lastName", le."firstName", le."middleName", le."birthDate"
      FROM counted c LEFT JOIN "Learner" le ON le.id::text = c."learnerId"
     ORDER BY c.reads DESC, le."lastName", c."learnerId"
     LIMIT ${limit ?? 1_000_000} OFFSET ${offset}`;
  return rows.map(
    (r): AccountLearnerRow => ({
      learnerId: r.learnerId,
      learner: r.lastName === null ? null : [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" "),
      birthDate: r.birthDate,
      reads: Number(r.reads),
      firstAt: r.firstAt,
      lastAt: r.lastAt,
    }),
  );
}

export async function reportAccountReads(db: Db, actor: Actor, input: AccountReadsInput, ip: string | null) {
  const { page, pageSize, view, ...filters } = input;
  return db.$transaction(async (tx) => {
    const account = await accountOfReport(tx, input.login);
    const summary = await queryAccountReads(tx, account.id, filters, view === "events" ? pageSize : 0, page * pageSize);
    const learnerRows = view === "learners" ? await queryAccountLearners(tx, account.id, filters, pageSize, page * pageSize) : [];
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "audit.report.accountReads.read",
      entityType: "User",
      entityId: account.id,
      details: { filters: { from: filters.from ?? null, to: filters.to ?? null }, view, page, pageSize, total: summary.total },
      // The page names these learners: recorded like any list read, so they see this look in their own report.
      learnerIds: (view === "events" ? summary.rows : learnerRows).map((r) => r.learnerId).filter((id) => UUID.test(id)),
    });
    return {
      account: { login: account.login, fullName: account.fullName, role: account.role },
      total: summary.total,
      learners: summary.learners,
      events: summary.rows,
      byLearner: learnerRows,
    };
  });
}
