// The model every report shares (screen, XLSX and PDF render the same object),
// and the header: region, territory, as-of date or period, who generated it,
// when. Every report takes a territory (a municipality or an organisation)
// within the officer's scope: resolveDrill refuses one outside it (NOT_FOUND).
// Counts are always computed in the database (one SQL per table); this module
// only shapes them.
import { z } from "zod";
import { reportsEn } from "@/messages/reports-en";
import { reportsRu } from "@/messages/reports-ru";
import type { Locale } from "@/lib/i18n";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { forbidden } from "../../errors";
import { serverTimeZone } from "../../time-zone";
import { formatDateTimeShort } from "@/lib/format";
import { Prisma } from "../../generated/prisma/client";
import { territoryName, type Drill } from "../dashboards/scope";

export const REPORTS = ["oo1", "do1", "movement", "health"] as const;
export type ReportKind = (typeof REPORTS)[number];
/** Every kind of model: the reports above and those built by their own services with their own inputs (ГИА results). */
export const MODEL_KINDS = [...REPORTS, "gia", "performance"] as const;

export type ReportInput = { asOf?: string; from?: string; to?: string; municipalityId?: string; organisationId?: string };

/** The report texts of a locale. The files are always built with the Russian ones (official forms). */
export type ReportTexts = typeof reportsRu.reports;
export const reportTexts = (locale: Locale = "ru"): ReportTexts => (locale === "en" ? reportsEn.reports : reportsRu.reports);

export const ZReportTable = z.object({
  caption: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
  totals: z.array(z.union([z.string(), z.number()])).nullable(),
});
export type ReportTable = z.infer<typeof ZReportTable>;

export const ZReportModel = z.object({
  kind: z.enum(MODEL_KINDS),
  title: z.string(),
  header: z.object({
    region: z.string(),
    scope: z.string(),
    asOf: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    generatedBy: z.string(),
    generatedAt: z.string(),
    /** Further lines (label, value) of a report chosen by more than a date, such as the ГИА's year and exam. */
    lines: z.array(z.tuple([z.string(), z.string()])).optional(),
  }),
  tables: z.array(ZReportTable),
  /** Set when counts below it are shown as «<n» (docs/domain.md, "Small numbers"). */
  hiddenBelow: z.number().int().optional(),
});
export type ReportModel = z.infer<typeof ZReportModel>;

/** Region and municipality scopes only (EDU_OFFICER); school scopes read their own learners, not reports. */
export function reportScope(actor: Actor) {
  const scope = actor.scope;
  if (scope.kind === "ORGANISATION") throw forbidden();
  return { regionId: scope.regionId, municipalityId: scope.kind === "MUNICIPALITY" ? scope.municipalityId : null };
}

/** ДД.ММ.ГГГГ of an ISO date. */
export const ruDate = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");

export async function reportHeader(db: Db | DbTx, actor: Actor, drill: Drill, period: ReportInput): Promise<ReportModel["header"]> {
  const { regionId } = reportScope(actor);
  const region = await db.region.findUniqueOrThrow({ where: { id: regionId }, select: { name: true } });
  const generatedAt = formatDateTimeShort(new Date(), serverTimeZone());
  return {
    region: region.name,
    scope: await territoryName(db, actor, drill, region.name),
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
