// One entry point for the screen and the files: validates the report's date
// inputs, builds its model, and (for exports) records the audit in the same
// transaction as the reads, before the file is handed out.
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { badRequest } from "../../errors";
import { buildDo1 } from "./do1";
import { buildHealth } from "./health";
import { buildMovement } from "./movement";
import { buildOo1 } from "./oo1";
import { renderPdf, renderXlsx } from "./render";
import { ZAsOfInput, ZPeriodInput, type ReportInput, type ReportKind, type ReportModel } from "./report-model";

export async function buildReport(db: Db | DbTx, actor: Actor, kind: ReportKind, input: ReportInput): Promise<ReportModel> {
  if (kind === "movement") {
    const p = ZPeriodInput.safeParse(input);
    if (!p.success) throw badRequest("Неверный период");
    return buildMovement(db, actor, p.data.from, p.data.to);
  }
  const a = ZAsOfInput.safeParse(input);
  if (!a.success) throw badRequest("Неверная дата");
  if (kind === "oo1") return buildOo1(db, actor, a.data.asOf);
  if (kind === "do1") return buildDo1(db, actor, a.data.asOf);
  return buildHealth(db, actor, a.data.asOf);
}

export const rowCount = (model: ReportModel) => model.tables.reduce((s, t) => s + t.rows.length, 0);

export async function exportReport(
  db: Db,
  actor: Actor,
  kind: ReportKind,
  input: ReportInput,
  format: "xlsx" | "pdf",
  ip: string | null,
): Promise<{ file: Buffer; model: ReportModel }> {
  const model = await db.$transaction(async (tx) => {
    const built = await buildReport(tx, actor, kind, input);
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "report.export",
      entityType: "Report",
      details: { report: kind, format, filters: { asOf: input.asOf ?? null, from: input.from ?? null, to: input.to ?? null }, rows: rowCount(built) },
    });
    return built;
  });
  const file = format === "xlsx" ? await renderXlsx(model) : await renderPdf(model);
  return { file, model };
}
