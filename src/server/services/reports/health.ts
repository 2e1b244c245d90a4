// Health aggregates: health groups and PE groups by grade, reusing the health
// statistics' definition (countHealthStatsMany: current record on the date,
// open enrolment, one per learner; both measures in one scan) so the report
// and the dashboard agree.
import { reportsRu } from "@/messages/reports-ru";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { countHealthStatsMany } from "../health/health-stats";
import { pivot, reportHeader, type ReportModel } from "./report-model";

const t = reportsRu.reports;

export async function buildHealth(db: Db | DbTx, actor: Actor, asOf: string): Promise<ReportModel> {
  const header = await reportHeader(db, actor, { asOf });
  const tables = [];
  const counted = await countHealthStatsMany(db, actor, { by: "grade", asOf }, ["healthGroup", "peGroup"]);
  for (const [measure, caption, vocab] of [
    ["healthGroup", t.captions.healthGroups, t.healthGroups],
    ["peGroup", t.captions.peGroups, t.peGroups],
  ] as const) {
    const rows = counted[measure] ?? [];
    const grades = [...new Set(rows.map((r) => r.key))];
    const cells = rows.map((r) => ({ row: r.key, col: r.category, count: r.count }));
    tables.push(
      pivot(
        caption,
        t.columns.grade,
        grades.map((g) => ({ key: g, label: g === "" ? t.columns.noGrade : g })),
        Object.entries(vocab as Record<string, string>).map(([key, label]) => ({ key, label })),
        cells,
        t.columns.total,
      ),
    );
  }
  return { kind: "health", title: t.titles.health, header, tables };
}
