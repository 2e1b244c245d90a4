// One entry point for the screen and the files: validates the report's date
// and territory inputs, resolves the territory within the officer's scope
// (outside it: NOT_FOUND), builds its model, and (for exports) records the
// audit in the same transaction as the reads, before the file is handed out.
import type { Locale } from "@/lib/i18n";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db, DbTx } from "../../db";
import { badRequest } from "../../errors";
import { resolveDrill } from "../dashboards/scope";
import { buildDo1 } from "./do1";
import { buildHealth } from "./health";
import { buildMovement } from "./movement";
import { buildOo1 } from "./oo1";
import { renderPdf, renderXlsx } from "./render";
import { ZAsOfInput, ZPeriodInput } from "@/lib/schemas/reports";
import { reportTexts, type ReportInput, type ReportKind, type ReportModel } from "./report-model";

/** The input checked as the procedures check it; the first problem is refused with its field. */
function parseInput(kind: ReportKind, input: ReportInput) {
  const parsed = kind === "movement" ? ZPeriodInput.safeParse(input) : ZAsOfInput.safeParse(input);
  if (parsed.success) return parsed.data as ReportInput;
  const issue = parsed.error.issues[0]!;
  throw badRequest(issue.message, issue.path.join("."));
}

export async function buildReport(db: Db | DbTx, actor: Actor, kind: ReportKind, input: ReportInput, locale: Locale = "ru"): Promise<ReportModel> {
  const data = parseInput(kind, input);
  const drill = await resolveDrill(db, actor, { municipalityId: data.municipalityId, organisationId: data.organisationId });
  const t = reportTexts(locale);
  if (kind === "movement") return buildMovement(db, actor, drill, t, data.from!, data.to!);
  if (kind === "oo1") return buildOo1(db, actor, drill, t, data.asOf!);
  if (kind === "do1") return buildDo1(db, actor, drill, t, data.asOf!);
  return buildHealth(db, actor, drill, t, data.asOf!);
}

export const rowCount = (model: ReportModel) => model.tables.reduce((s, t) => s + t.rows.length, 0);

/** The files are the official forms: always Russian, whatever the page's language. */
export async function exportReport(
  db: Db,
  actor: Actor,
  kind: ReportKind,
  input: ReportInput,
  format: "xlsx" | "pdf",
  ip: string | null,
): Promise<{ file: Buffer; model: ReportModel }> {
  const model = await db.$transaction(async (tx) => {
    const built = await buildReport(tx, actor, kind, input, "ru");
    const filters = {
      asOf: input.asOf ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      municipalityId: input.municipalityId ?? null,
      organisationId: input.organisationId ?? null,
    };
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "report.export",
      entityType: "Report",
      details: { report: kind, format, filters, territory: built.header.scope, rows: rowCount(built) },
    });
    return built;
  });
  const file = format === "xlsx" ? await renderXlsx(model) : await renderPdf(model);
  return { file, model };
}
