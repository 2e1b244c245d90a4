// The municipal account's lists and the admission forecast as XLSX: one sheet,
// a title, the parameters, Russian column headers, then exactly the rows the
// screen shows (the export's test reads them back and compares).
import ExcelJS from "exceljs";
import type { AccountList } from "@/lib/schemas/children-account";
import { childrenAccountRu } from "@/messages/children-account-ru";
import type { AccountEcho } from "./account";
import type { ForecastResult } from "./forecast";
import type { AccountRow } from "./rows";

const t = childrenAccountRu.childrenAccount;
const f = childrenAccountRu.admissionForecast;
const ruDate = (iso: string | null) => (iso ? iso.split("-").reverse().join(".") : "");

/** The column headers of a list's sheet, in order. */
export const ACCOUNT_COLUMNS = [
  t.columns.name,
  t.columns.birthDate,
  t.columns.age,
  t.columns.address,
  t.columns.assignedSchool,
  t.columns.reason,
  t.columns.organisation,
  t.columns.date,
  t.columns.order,
  t.columns.daysSince,
  t.columns.nextStep,
  t.columns.source,
];

/** One row of a list's sheet (also what the test compares the screen's rows with). */
export const accountCells = (r: AccountRow) => [
  r.name,
  ruDate(r.birthDate),
  r.age,
  r.address ?? "",
  r.assignedSchool ?? "",
  r.reason,
  r.organisation ?? "",
  ruDate(r.date),
  r.order ?? "",
  r.daysSince ?? "",
  r.nextStep,
  t.sources[r.source] ?? r.source,
];

export const accountSheetTitle = (list: AccountList, params: AccountEcho) =>
  t.sheetTitle.replace("{list}", t.lists[list]!).replace("{municipality}", params.municipality).replace("{date}", ruDate(params.date));

export async function accountWorkbook(list: AccountList, params: AccountEcho, rows: AccountRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(t.fileTitle);
  ws.addRow([accountSheetTitle(list, params)]).font = { bold: true, size: 14 };
  ws.addRow([t.municipality, params.municipality]);
  ws.addRow([t.date, ruDate(params.date)]);
  if (list === "droppedOut") ws.addRow([t.days, params.days]);
  if (list === "didNotStart") ws.addRow([t.grace, params.grace]);
  if (list === "leftRegion") ws.addRow([t.since, ruDate(params.since)]);
  ws.addRow([]);
  ws.addRow(ACCOUNT_COLUMNS).font = { bold: true };
  for (const r of rows) ws.addRow(accountCells(r));
  ws.columns.forEach((c, i) => (c.width = [36, 14, 8, 40, 28, 40, 30, 12, 22, 10, 60, 20][i] ?? 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const FORECAST_COLUMNS = [f.columns.school, f.columns.children, f.columns.overlap, f.columns.places, f.columns.difference];

export async function forecastWorkbook(result: ForecastResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(f.fileTitle);
  ws.addRow([f.sheetTitle.replace("{municipality}", result.municipality).replace("{year}", result.yearLabel)]).font = { bold: true, size: 14 };
  ws.addRow([f.total, result.total]);
  ws.addRow([f.overlapNote]);
  ws.addRow([]);
  ws.addRow(FORECAST_COLUMNS).font = { bold: true };
  for (const r of result.rows) ws.addRow([r.school, r.children, r.overlap, r.places ?? "", r.difference ?? ""]);
  ws.addRow([f.unknownHouse, result.unknownHouse]);
  ws.addRow([f.unassigned, result.unassigned]);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 44 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
