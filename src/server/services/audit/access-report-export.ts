// XLSX and CSV downloads of the access reports. Each download is audited
// (audit.report.export) with its filters and row count, in the transaction
// that read the rows.
import ExcelJS from "exceljs";
import type { AccessReportKind, AccountReadsInput, LearnerAccessInput } from "@/lib/schemas/access-reports";
import { formatDate, formatDateTime } from "@/lib/format";
import { isRole } from "../../authz/matrix";
import { ru } from "@/messages/ru";
import { isAuditAction } from "@/lib/audit-actions";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import { serverTimeZone } from "../../time-zone";
import { todayIn } from "@/lib/time-zone";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { accountOfReport, queryAccountReads } from "./account-reads-report";
import { learnerOfReport, queryLearnerAccess } from "./learner-access-report";

/** A download is a file for a person to read, not a bulk channel. */
export const MAX_REPORT_ROWS = 100_000;
const t = ru.accessReports;
const stageName = (s: "personal" | "health" | "portfolio" | null) => (s ? t.stages[s] : "");
const roleName = (r: string | null) => (r ? (isRole(r) ? ru.roles[r] : r) : "");
/** The catalogue's label; a code no longer in the catalogue (older rows) is shown as it is. */
const actionName = (a: string) => (isAuditAction(a) ? ru.auditLabels.actions[a] : a);
const outcomeName = (o: string) => ru.adminAudit.outcomes[o as keyof typeof ru.adminAudit.outcomes] ?? o;

export interface ReportTable {
  title: string;
  header: string[];
  rows: string[][];
}

export type AccessReportRequest =
  | { kind: "learner-access"; input: Omit<LearnerAccessInput, "page" | "pageSize"> }
  | { kind: "account-reads"; input: Omit<AccountReadsInput, "page" | "pageSize" | "view"> };

export async function buildAccessReport(db: Db, actor: Actor, request: AccessReportRequest, format: "xlsx" | "csv", ip: string | null) {
  return db.$transaction(
    async (tx) => {
      let table: ReportTable;
      let entity: { entityType: string; entityId: string };
      const timeZone = serverTimeZone();
      if (request.kind === "learner-access") {
        const learner = await learnerOfReport(tx, request.input.learnerId);
        const { rows } = await queryLearnerAccess(tx, request.input, MAX_REPORT_ROWS, 0);
        const c = t.learnerAccess;
        table = {
          title: `${c.title(learner.fullName)}, ${formatDate(learner.birthDate)}`,
          header: [c.at, c.login, c.fullName, c.role, c.action, c.stage, c.via, c.outcome, c.ip],
          rows: rows.map((r) => [formatDateTime(r.at, timeZone), r.login ?? "", r.client ? c.apiClient(c.apiSources[r.client.kind] ?? r.client.kind, r.client.name) : (r.fullName ?? ""), roleName(r.role), actionName(r.action), stageName(r.stage), r.viaList ? c.viaList : c.viaCard, outcomeName(r.outcome), r.ip ?? ""]),
        };
        entity = { entityType: "Learner", entityId: learner.id };
      } else {
        const account = await accountOfReport(tx, request.input.login);
        const { rows } = await queryAccountReads(tx, account.id, request.input, MAX_REPORT_ROWS, 0);
        const c = t.accountReads;
        table = {
          title: `${c.title}: ${c.account(account.login, account.fullName)}`,
          header: [c.at, c.action, c.stage, c.learner, c.birthDate],
          rows: rows.map((r) => [formatDateTime(r.at, timeZone), actionName(r.action), stageName(r.stage), r.learner ?? c.deleted, r.birthDate ? formatDate(r.birthDate) : ""]),
        };
        entity = { entityType: "User", entityId: account.id };
      }
      await recordAudit(tx, auditActorOf(actor, ip), {
        action: "audit.report.export",
        ...entity,
        details: {
          report: request.kind,
          format,
          filters: { from: request.input.from ?? null, to: request.input.to ?? null },
          rows: table.rows.length,
          truncated: table.rows.length === MAX_REPORT_ROWS,
        },
      });
      return table;
    },
    { timeout: 120_000 },
  );
}

export async function renderAccessReport(table: ReportTable, format: "xlsx" | "csv"): Promise<Uint8Array<ArrayBuffer>> {
  if (format === "csv") return new TextEncoder().encode(toCsv([table.header, ...table.rows]));
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Отчёт");
  ws.addRow([table.title]).font = { bold: true };
  ws.addRow(table.header).font = { bold: true };
  for (const row of table.rows) ws.addRow(row);
  ws.columns.forEach((col) => (col.width = 22));
  return new Uint8Array(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}

/** RFC 4180 with a BOM so that Excel opens the Cyrillic text as UTF-8; a leading =+-@ is quoted away from formulas. */
export function toCsv(rows: string[][]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
    return /[",;\r\n]/.test(safe) || safe !== v ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
}

export const reportFileName = (kind: AccessReportKind, format: "xlsx" | "csv") =>
  `${kind}_${todayIn(serverTimeZone())}.${format}`;
