// Renders a report model to XLSX (exceljs) and PDF (pdfmake: A4 landscape,
// header block, tables). Fonts come from the pdfmake package's bundled Roboto
// (it has Cyrillic) and are embedded in the file: nothing is fetched.
import ExcelJS from "exceljs";
import PdfPrinter from "pdfmake/src/printer.js";
import * as vfsModule from "pdfmake/build/vfs_fonts.js";
import type { TDocumentDefinitions, Content } from "pdfmake/interfaces";
import { reportsRu } from "@/messages/reports-ru";
import type { ReportModel } from "./report-model";

const h = reportsRu.reports.header;

/** The line explaining «<5», when the report hides small counts. */
export const hiddenNote = (model: ReportModel) =>
  model.hiddenBelow === undefined ? null : reportsRu.reports.hiddenNote.replaceAll("{n}", String(model.hiddenBelow));

/** The file's title names the territory it covers: «Контингент … (форма ОО-1) — Сосновский район». */
export const fileTitle = (model: ReportModel) => `${model.title} — ${model.header.scope}`;

/** Header lines shared by both formats: label → value. */
export function headerLines(model: ReportModel): [string, string][] {
  const hd = model.header;
  const when: [string, string][] = hd.asOf ? [[h.asOf, hd.asOf]] : hd.from ? [[h.period, `${hd.from} — ${hd.to}`]] : [];
  return [[h.region, hd.region], [h.scope, hd.scope], ...when, ...(hd.lines ?? []), [h.generatedBy, hd.generatedBy], [h.generatedAt, hd.generatedAt]];
}

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Отчёт");
  ws.addRow([fileTitle(model)]).font = { bold: true, size: 14 };
  for (const [label, value] of headerLines(model)) ws.addRow([label, value]);
  const note = hiddenNote(model);
  if (note) ws.addRow([note]);
  for (const table of model.tables) {
    ws.addRow([]);
    ws.addRow([table.caption]).font = { bold: true };
    ws.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) ws.addRow(row);
    if (table.totals) ws.addRow(table.totals).font = { bold: true };
  }
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 32 : 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let printer: PdfPrinter | null = null;
/** The one pdfmake printer with the embedded Roboto fonts (also the справка об обучении's, services/study-certificates). */
export function pdfPrinter(): PdfPrinter {
  if (printer) return printer;
  const mod = vfsModule as unknown as { default?: unknown; pdfMake?: { vfs: Record<string, string> }; vfs?: Record<string, string> };
  const root = (mod.default ?? mod) as { pdfMake?: { vfs: Record<string, string> }; vfs?: Record<string, string> };
  const vfs = root.pdfMake?.vfs ?? root.vfs ?? (root as Record<string, string>);
  const font = (name: string) => Buffer.from(vfs[name]!, "base64");
  printer = new PdfPrinter({
    Roboto: {
      normal: font("Roboto-Regular.ttf"),
      bold: font("Roboto-Medium.ttf"),
      italics: font("Roboto-Italic.ttf"),
      bolditalics: font("Roboto-MediumItalic.ttf"),
    },
  });
  return printer;
}

export async function renderPdf(model: ReportModel): Promise<Buffer> {
  const content: Content[] = [
    { text: fileTitle(model), fontSize: 14, bold: true, margin: [0, 0, 0, 6] },
    ...headerLines(model).map(([label, value]): Content => ({ text: [{ text: `${label}: `, bold: true }, value], fontSize: 9 })),
  ];
  const note = hiddenNote(model);
  if (note) content.push({ text: note, fontSize: 8, italics: true, margin: [0, 4, 0, 0] });
  for (const table of model.tables) {
    content.push({ text: table.caption, bold: true, margin: [0, 10, 0, 4] });
    const body = [
      table.columns.map((c) => ({ text: c, bold: true })),
      ...table.rows.map((r) => r.map((v) => String(v))),
      ...(table.totals ? [table.totals.map((v) => ({ text: String(v), bold: true }))] : []),
    ];
    content.push({ table: { headerRows: 1, body }, fontSize: 8, layout: "lightHorizontalLines" });
  }
  const doc: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    info: { title: fileTitle(model) },
    defaultStyle: { font: "Roboto", fontSize: 9 },
    content,
  };
  const pdf = pdfPrinter().createPdfKitDocument(doc);
  return await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}
