// The municipal account of children (issue 22): the four lists for one
// municipality and date, read a page at a time on screen, whole as XLSX, and
// their counts for the page's tabs. Every list read and every export writes
// one audit row in the same transaction, last: the learners listed as
// AuditEventLearner links, the register's residents by id in the details.
// Counts are aggregates and not audited (like the ministry's other counts).
import type { AccountList, AccountListInput, AccountParams } from "@/lib/schemas/children-account";
import type { Locale } from "@/lib/i18n";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { accountMunicipality, accountWhen } from "./account-scope";
import { didNotStart, didNotStartFrom } from "./did-not-start";
import { droppedOut } from "./dropped-out";
import { leftRegion } from "./left-region";
import { notInEducation } from "./not-in-education";
import { presentRow, type AccountRow } from "./rows";
import type { AccountRawRow } from "./sql-parts";
import { accountWorkbook } from "./xlsx";

type When = ReturnType<typeof accountWhen>;
type Knobs = { days: number; grace: number };

function computeList(db: Db | DbTx, list: AccountList, w: When, knobs: Knobs): Promise<AccountRawRow[]> {
  switch (list) {
    case "notInEducation":
      return notInEducation(db, w);
    case "didNotStart":
      return didNotStart(db, w, knobs.grace);
    case "droppedOut":
      return droppedOut(db, w, knobs.days);
    case "leftRegion":
      return leftRegion(db, w, w.since);
  }
}

/** The parameters as the page echoes them back (defaults filled in). */
const echo = (municipality: { id: string; name: string }, w: When, knobs: Knobs) => ({
  municipalityId: municipality.id,
  municipality: municipality.name,
  date: w.date,
  academicYear: w.year,
  since: w.since,
  days: knobs.days,
  grace: knobs.grace,
  didNotStartFrom: didNotStartFrom(w, knobs.grace),
});
export type AccountEcho = ReturnType<typeof echo>;

function auditOf(rows: AccountRow[]) {
  return {
    learnerIds: rows.filter((r) => r.source === "learner").map((r) => r.id),
    residentIds: rows.filter((r) => r.source === "resident").map((r) => r.id),
  };
}

export interface AccountListPage {
  params: AccountEcho;
  list: AccountList;
  total: number;
  page: number;
  pageSize: number;
  rows: AccountRow[];
}

export async function readAccountList(db: Db, actor: Actor, input: AccountListInput, ip: string | null, locale: Locale = "ru"): Promise<AccountListPage> {
  return db.$transaction(async (tx) => {
    const municipality = await accountMunicipality(tx, actor, input.municipalityId);
    const w = accountWhen(municipality.id, input);
    const all = await computeList(tx, input.list, w, input);
    const start = (input.page - 1) * input.pageSize;
    const rows = all.slice(start, start + input.pageSize).map((r) => presentRow(r, w.date, locale));
    const { learnerIds, residentIds } = auditOf(rows);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "childrenAccount.list.read",
      entityType: "Municipality",
      entityId: municipality.id,
      details: { list: input.list, date: w.date, days: input.days, grace: input.grace, since: w.since, total: all.length, page: input.page, residentIds },
      learnerIds,
    });
    return { params: echo(municipality, w, input), list: input.list, total: all.length, page: input.page, pageSize: input.pageSize, rows };
  });
}

/** How many children each list holds (the tabs' figures): aggregates, not audited. */
export async function accountCounts(db: Db, actor: Actor, input: AccountParams): Promise<{ params: AccountEcho; counts: Record<AccountList, number> }> {
  const municipality = await accountMunicipality(db, actor, input.municipalityId);
  const w = accountWhen(municipality.id, input);
  // No transaction (nothing is written): the four statements run side by side on the pool's connections.
  const lists = ["notInEducation", "didNotStart", "droppedOut", "leftRegion"] as const;
  const sizes = await Promise.all(lists.map(async (list) => (await computeList(db, list, w, input)).length));
  const counts = Object.fromEntries(lists.map((list, i) => [list, sizes[i]!])) as Record<AccountList, number>;
  return { params: echo(municipality, w, input), counts };
}

/** The whole list as XLSX (always Russian), audited like the screen's read, before the file is handed out. */
export async function exportAccountList(db: Db, actor: Actor, input: AccountParams & { list: AccountList }, ip: string | null) {
  const { params, rows } = await db.$transaction(async (tx) => {
    const municipality = await accountMunicipality(tx, actor, input.municipalityId);
    const w = accountWhen(municipality.id, input);
    const presented = (await computeList(tx, input.list, w, input)).map((r) => presentRow(r, w.date, "ru"));
    const { learnerIds, residentIds } = auditOf(presented);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "childrenAccount.list.export",
      entityType: "Municipality",
      entityId: municipality.id,
      details: { list: input.list, format: "xlsx", date: w.date, days: input.days, grace: input.grace, since: w.since, total: presented.length, residentIds },
      learnerIds,
    });
    return { params: echo(municipality, w, input), rows: presented };
  });
  return { file: await accountWorkbook(input.list, params, rows), params, rows };
}
