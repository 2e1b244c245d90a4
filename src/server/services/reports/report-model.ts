// The model every report shares (screen, XLSX and PDF render the same object),
// and the header: region, scope, as-of date or period, who generated it, when.
// Counts are always computed in the database (one SQL per table); this module
// only shapes them.
import { z } from "zod";
import { zDay } from "@/lib/schemas/person";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { forbidden } from "../../errors";
import { Prisma } from "../../generated/prisma/client";

export const REPORTS = ["oo1", "do1", "movement", "health"] as const;
export type ReportKind = (typeof REPORTS)[number];

export const ZAsOfInput = z.object({ asOf: zDay("дату") });
export const ZPeriodInput = z
  .object({ from: zDay("начало периода"), to: zDay("конец периода") })
  .refine((p) => p.from <= p.to, { message: "Начало периода позже конца", path: ["to"] });
export type ReportInput = { asOf?: string; from?: string; to?: string };

export const ZReportTable = z.object({
  caption: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
  totals: z.array(z.union([z.string(), z.number()])).nullable(),
});
export type ReportTable = z.infer<typeof ZReportTable>;

export const ZReportModel = z.object({
  kind: z.enum(REPORTS),
  title: z.string(),
  header: z.object({
    region: z.string(),
    scope: z.string(),
    asOf: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    generatedBy: z.string(),
    generatedAt: z.string(),
  }),
  tables: z.array(ZReportTable),
  /** Set when counts below it are shown as «<n» (README, "Small numbers"). */
  hiddenBelow: z.number().int().optional(),
});
export type ReportModel = z.infer<typeof ZReportModel>;

/** Region and municipality scopes only (EDU_OFFICER); school scopes read their own learners, not reports. */
export function reportScope(actor: Actor) {
  const scope = actor.scope;
  if (scope.kind === "ORGANISATION") throw forbidden();
  return { regionId: scope.regionId, municipalityId: scope.kind === "MUNICIPALITY" ? scope.municipalityId : null };
}

/** SQL condition restricting the municipality alias `mu` to the actor's scope. */
export function scopeSql(actor: Actor, mu = Prisma.raw(`mu`)): Prisma.Sql {
  const { regionId, municipalityId } = reportScope(actor);
  return Prisma.sql`${mu}."regionId" = ${regionId}::uuid AND (${municipalityId}::uuid IS NULL OR ${mu}."id" = ${municipalityId}::uuid)`;
}

/** ДД.ММ.ГГГГ of an ISO date. */
export const ruDate = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");

const TIME_ZONE = process.env.KONTINGENT_TIME_ZONE || "Europe/Moscow";

export async function reportHeader(db: Db | DbTx, actor: Actor, period: ReportInput): Promise<ReportModel["header"]> {
  const { regionId, municipalityId } = reportScope(actor);
  const region = await db.region.findUniqueOrThrow({ where: { id: regionId }, select: { name: true } });
  const municipality = municipalityId
    ? await db.municipality.findUnique({ where: { id: municipalityId }, select: { name: true } })
    : null;
  const generatedAt = new Intl.DateTimeFormat("ru-RU", { dateStyle: "short", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date());
  return {
    region: region.name,
    scope: municipality?.name ?? region.name,
    asOf: period.asOf ? ruDate(period.asOf) : null,
    from: period.from ? ruDate(period.from) : null,
    to: period.to ? ruDate(period.to) : null,
    generatedBy: `${actor.fullName} (${actor.login})`,
    generatedAt,
  };
}

/** Pivot SQL rows {row, col, count} into a table with a total column and a totals row. */
export function pivot(
  caption: string,
  firstColumn: string,
  rowKeys: { key: string; label: string }[],
  colKeys: { key: string; label: string }[],
  cells: { row: string; col: string; count: number }[],
  totalLabel: string,
): ReportTable {
  const at = (r: string, c: string) => cells.filter((x) => x.row === r && x.col === c).reduce((s, x) => s + Number(x.count), 0);
  const rows = rowKeys.map((r) => {
    const values = colKeys.map((c) => at(r.key, c.key));
    return [r.label, ...values, values.reduce((s, v) => s + v, 0)];
  });
  const totals = [totalLabel, ...colKeys.map((_, i) => rows.reduce((s, r) => s + Number(r[i + 1]), 0))];
  totals.push(rows.reduce((s, r) => s + Number(r[r.length - 1]), 0));
  return { caption, columns: [firstColumn, ...colKeys.map((c) => c.label), totalLabel], rows, totals };
}
