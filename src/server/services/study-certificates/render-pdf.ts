// The справка об обучении as a PDF (A4 portrait, Russian, the official form):
// the organisation's details as a letterhead, the number and date, whom it is
// issued to, programme, class and dates of study, the marks table and the
// head's signature line. Drawn from the content kept at issue, so a re-print
// is the same document.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatDate } from "@/lib/format";
import { academicYearLabel } from "@/lib/schemas/programme";
import { studyCertificatesRu } from "@/messages/study-certificates-ru";
import { pdfPrinter } from "../reports/render";
import type { StudyCertificateContent } from "./content";

const t = studyCertificatesRu.studyCertificates.document;

export interface PrintableCertificate {
  number: number;
  issuedOn: Date;
  content: StudyCertificateContent;
}

const fullName = (l: StudyCertificateContent["learner"]) => [l.lastName, l.firstName, l.middleName].filter(Boolean).join(" ");
const day = (iso: string) => formatDate(`${iso}T00:00:00Z`);

/** A cell of the marks table: «5 (отлично)», «зачтено», or a dash. */
export function markText(cell: StudyCertificateContent["subjects"][number]["cells"][number]): string {
  if (!cell) return "—";
  if (cell.mark !== null) return t.marks[cell.mark] ?? String(cell.mark);
  if (cell.credit !== null) return cell.credit ? t.passed : t.failed;
  return "—";
}

function letterhead(o: StudyCertificateContent["organisation"]): Content[] {
  const licence = o.licenceNumber ? `${t.licence}: № ${o.licenceNumber}${o.licenceDate ? ` ${t.licenceFrom} ${day(o.licenceDate)}` : ""}` : null;
  return [
    { text: o.fullName, bold: true, alignment: "center", fontSize: 11 },
    ...(o.address ? [{ text: `${t.address}: ${o.address}`, alignment: "center" as const }] : []),
    ...(licence ? [{ text: licence, alignment: "center" as const }] : []),
    { text: `${t.inn} ${o.inn}, ${t.ogrn} ${o.ogrn}`, alignment: "center", margin: [0, 0, 0, 4] },
    { canvas: [{ type: "line", x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.5 }] },
  ];
}

function marksTable(c: StudyCertificateContent): Content {
  if (c.subjects.length === 0) return { text: t.noMarks, italics: true, margin: [0, 4, 0, 0] };
  const header = [t.subject, ...c.periods].map((text) => ({ text, bold: true }));
  const rows = c.subjects.map((s) => [s.name, ...s.cells.map(markText)]);
  return {
    table: { headerRows: 1, widths: ["*", ...c.periods.map(() => "auto" as const)], body: [header, ...rows] },
    layout: "lightHorizontalLines",
    margin: [0, 4, 0, 0],
  };
}

export function certificateDocument(cert: PrintableCertificate): TDocumentDefinitions {
  const c = cert.content;
  const studying = c.studyPeriods.some((p) => p.to === null);
  const periods = c.studyPeriods.map((p) => `${t.since} ${day(p.from)} ${p.to ? `${t.until} ${day(p.to)}` : t.present}`).join("; ");
  const programme = [c.programme, t.levels[c.level]].filter(Boolean).join(" — ");
  const periodLabel = c.periods.length === 1 ? c.periods[0]! : t.allPeriods;
  const content: Content[] = [
    ...letterhead(c.organisation),
    { text: t.title, bold: true, fontSize: 14, alignment: "center", margin: [0, 16, 0, 2] },
    { text: t.numberLine(cert.number, formatDate(cert.issuedOn)), alignment: "center", margin: [0, 0, 0, 12] },
    { text: [`${t.intro} `, { text: fullName(c.learner), bold: true }, `, ${t.born} ${day(c.learner.birthDate)},`] },
    { text: `${studying ? t.studies : t.studied} ${c.organisation.fullName}.`, margin: [0, 0, 0, 8] },
    { text: [{ text: `${t.programme}: `, bold: true }, programme] },
    ...(c.className ? [{ text: [{ text: `${t.class}: `, bold: true }, `${c.className} (${academicYearLabel(c.academicYear)})`] } as Content] : []),
    { text: [{ text: `${t.periods}: `, bold: true }, periods] },
    { text: t.marksTitle(academicYearLabel(c.academicYear), periodLabel), bold: true, margin: [0, 12, 0, 0] },
    marksTable(c),
    { text: t.purpose, margin: [0, 12, 0, 24] },
    {
      columns: [
        { width: "*", text: t.head },
        { width: 120, stack: [{ text: "", margin: [0, 10, 0, 0] }, { canvas: [{ type: "line", x1: 0, y1: 0, x2: 110, y2: 0, lineWidth: 0.5 }] }, { text: t.signature, fontSize: 7, alignment: "center" }] },
        { width: "auto", text: c.organisation.headName ?? "" },
      ],
      columnGap: 8,
    },
    { text: t.stamp, margin: [0, 16, 0, 0] },
  ];
  return {
    pageSize: "A4",
    pageMargins: [40, 40, 40, 40],
    info: { title: `${t.title} № ${cert.number}` },
    defaultStyle: { font: "Roboto", fontSize: 10 },
    content,
  };
}

export async function renderCertificatePdf(cert: PrintableCertificate): Promise<Buffer> {
  const pdf = pdfPrinter().createPdfKitDocument(certificateDocument(cert));
  return await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}
