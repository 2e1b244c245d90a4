// Movement of learners for a period [from, to] (both days included).
//
// Counted: MovementEvent rows with effectiveDate in the period that no
// CANCELLATION references, by type, attributed to the event organisation's
// municipality. Arrived = ENROLMENT, TRANSFER_IN, REINSTATEMENT; left =
// TRANSFER_OUT, EXPULSION, GRADUATION (read from the monthly counts:
// movement-counts.ts). Plus accepted transfers between
// different municipalities (Transfer, decided in the period), by the pair of
// municipalities; a municipal officer sees pairs where either side is its own.
// And transfers out and expulsions by coded reason for leaving (MovementEvent
// directly: leavingOrdersByReason), «не указана» for old orders left unmapped.
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { drillMunicipality, type Drill } from "../dashboards/scope";
import { countedOrders, leavingOrdersByReason } from "../movement/movement-counts";
import { reportHeader, type ReportModel, type ReportTable, type ReportTexts } from "./report-model";
import { compareRu } from "@/lib/collation";
import { LEAVING_REASONS, LEAVING_TYPES, reasonKey, type LeavingReason } from "@/lib/movement/leaving-reasons";

export const ARRIVED = ["ENROLMENT", "TRANSFER_IN", "REINSTATEMENT"] as const;
export const LEFT = ["TRANSFER_OUT", "EXPULSION", "GRADUATION"] as const;

export async function buildMovement(db: Db | DbTx, actor: Actor, drill: Drill, t: ReportTexts, from: string, to: string): Promise<ReportModel> {
  const header = await reportHeader(db, actor, drill, { from, to });
  const types = [...ARRIVED, ...LEFT];
  const cells = await db.$queryRaw<{ row: string; col: string; count: number }[]>(Prisma.sql`
    SELECT mu."name" AS "row", c."type" AS "col", sum(c."n")::int AS "count"
    FROM (${countedOrders(from, to, types)}) c
    JOIN "Organisation" o ON o."id" = c."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE ${drill.where}
    GROUP BY 1, 2`);
  const names = [...new Set(cells.map((c) => c.row))].sort(compareRu);
  const at = (r: string, c: string) => Number(cells.find((x) => x.row === r && x.col === c)?.count ?? 0);
  const rows = names.map((n) => {
    const values = types.map((ty) => at(n, ty));
    const arrived = ARRIVED.reduce((s, ty) => s + at(n, ty), 0);
    const left = LEFT.reduce((s, ty) => s + at(n, ty), 0);
    return [n, ...values, arrived, left];
  });
  const totals = [t.columns.total, ...rows[0]?.slice(1).map((_, i) => rows.reduce((s, r) => s + Number(r[i + 1]), 0)) ?? []];
  const byType: ReportTable = {
    caption: t.captions.movementTypes,
    columns: [t.columns.municipality, ...types.map((ty) => t.movementTypes[ty]), t.columns.arrived, t.columns.left],
    rows,
    totals: rows.length ? totals : null,
  };

  // Flows touching the territory: either side in its municipality (or at its organisation).
  const { regionId, organisationId } = drill;
  const municipalityId = drillMunicipality(actor, drill);
  const flows = await db.$queryRaw<{ from: string; to: string; count: number }[]>(Prisma.sql`
    SELECT fm."name" AS "from", tm."name" AS "to", count(*)::int AS "count"
    FROM "Transfer" tr
    JOIN "Organisation" fo ON fo."id" = tr."fromOrganisationId"
    JOIN "Municipality" fm ON fm."id" = fo."municipalityId"
    JOIN "Organisation" too ON too."id" = tr."toOrganisationId"
    JOIN "Municipality" tm ON tm."id" = too."municipalityId"
    WHERE tr."status" = 'ACCEPTED' AND fm."id" <> tm."id"
      AND (tr."decidedAt" AT TIME ZONE 'UTC')::date BETWEEN ${from}::date AND ${to}::date
      AND fm."regionId" = ${regionId}::uuid AND tm."regionId" = ${regionId}::uuid
      AND (${municipalityId}::uuid IS NULL OR fm."id" = ${municipalityId}::uuid OR tm."id" = ${municipalityId}::uuid)
      AND (${organisationId}::uuid IS NULL OR fo."id" = ${organisationId}::uuid OR too."id" = ${organisationId}::uuid)
    GROUP BY 1, 2 ORDER BY 1, 2`);
  const flowRows = flows.map((f) => [f.from, f.to, Number(f.count)]);
  const flowTable: ReportTable = {
    caption: t.captions.movementFlows,
    columns: [t.columns.from, t.columns.to, t.columns.count],
    rows: flowRows,
    totals: flowRows.length ? [t.columns.total, "", flowRows.reduce((s, r) => s + Number(r[2]), 0)] : null,
  };
  return { kind: "movement", title: t.titles.movement, header, tables: [byType, flowTable, await reasonTable(db, drill, t, from, to)] };
}

/** Transfers out and expulsions of the territory by coded reason, every reason a row (zeros too) and «не указана» last. */
async function reasonTable(db: Db | DbTx, drill: Drill, t: ReportTexts, from: string, to: string): Promise<ReportTable> {
  const cells = await db.$queryRaw<{ reason: string | null; type: string; count: number }[]>(Prisma.sql`
    SELECT c."reason", c."type", sum(c."n")::int AS "count"
    FROM (${leavingOrdersByReason(from, to)}) c
    JOIN "Organisation" o ON o."id" = c."organisationId"
    JOIN "Municipality" mu ON mu."id" = o."municipalityId"
    WHERE ${drill.where}
    GROUP BY 1, 2`);
  const at = (key: string, type: string) => cells.filter((c) => reasonKey(c.reason as LeavingReason | null) === key && c.type === type).reduce((s, c) => s + Number(c.count), 0);
  const rows = [...LEAVING_REASONS, "NONE" as const].map((key) => {
    const values = LEAVING_TYPES.map((type) => at(key, type));
    return [t.leavingReasons[key]!, ...values, values.reduce((s, v) => s + v, 0)];
  });
  return {
    caption: t.captions.movementReasons,
    columns: [t.columns.leavingReason, ...LEAVING_TYPES.map((type) => t.movementTypes[type]), t.columns.total],
    rows,
    totals: [t.columns.total, ...rows[0]!.slice(1).map((_, i) => rows.reduce((s, r) => s + Number(r[i + 1]), 0))],
  };
}
