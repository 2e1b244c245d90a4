// The register of справки об обучении an organisation issued in a date range
// (issue 21): on screen and as XLSX. The learner's name and birth date are
// those printed on the справка (the kept content). Both reads are audited with
// the learners they name.
import ExcelJS from "exceljs";
import { formatDate } from "@/lib/format";
import { academicYearLabel } from "@/lib/schemas/programme";
import type { StudyCertificateRegisterInput } from "@/lib/schemas/study-certificates";
import { studyCertificatesRu } from "@/messages/study-certificates-ru";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { canIssueStudyCertificates, permits } from "../../authz/permissions";
import type { Db } from "../../db";
import { forbidden } from "../../errors";
import { ZStudyCertificateContent } from "./content";

export interface RegisterRow {
  id: string;
  learnerId: string;
  year: number;
  number: number;
  issuedOn: Date;
  learner: string;
  birthDate: string;
  academicYear: number;
  /** Null: every period of the year. */
  period: string | null;
  issuedBy: string;
}

/** At most this many rows on screen and in the file: a school issues a few hundred a year. */
export const REGISTER_ROW_LIMIT = 10_000;

/**
 * The caller's organisation's справки issued from `from` to `to` (inclusive),
 * oldest first. `export` names the audit action: the screen's read or the file.
 */
export async function studyCertificateRegister(db: Db, actor: Actor, input: StudyCertificateRegisterInput, ip: string | null, format: "screen" | "xlsx" = "screen"): Promise<RegisterRow[]> {
  if (!permits(canIssueStudyCertificates, actor) || actor.scope.kind !== "ORGANISATION") throw forbidden();
  const organisationId = actor.scope.organisationId;
  return db.$transaction(async (tx) => {
    const rows = await tx.studyCertificate.findMany({
      where: { organisationId, issuedOn: { gte: new Date(`${input.from}T00:00:00Z`), lte: new Date(`${input.to}T00:00:00Z`) } },
      select: { id: true, learnerId: true, year: true, number: true, issuedOn: true, academicYear: true, period: true, content: true, issuedById: true },
      orderBy: [{ year: "asc" }, { number: "asc" }],
      take: REGISTER_ROW_LIMIT,
    });
    const issuers = await tx.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.issuedById))] } }, select: { id: true, fullName: true } });
    const issuerName = new Map(issuers.map((u) => [u.id, u.fullName]));
    const result = rows.map(({ content, issuedById, ...r }): RegisterRow => {
      const { learner } = ZStudyCertificateContent.parse(content);
      return {
        ...r,
        learner: [learner.lastName, learner.firstName, learner.middleName].filter(Boolean).join(" "),
        birthDate: learner.birthDate,
        issuedBy: issuerName.get(issuedById) ?? "",
      };
    });
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: format === "xlsx" ? "studyCertificate.register.export" : "studyCertificate.read",
      entityType: "Organisation",
      entityId: organisationId,
      details: { from: input.from, to: input.to, format, count: result.length },
      learnerIds: result.map((r) => r.learnerId),
    });
    return result;
  });
}

const r = studyCertificatesRu.studyCertificates;

/** The register as one XLSX sheet: a title row, the column headings, a row per справка. */
export async function registerXlsx(rows: RegisterRow[], input: StudyCertificateRegisterInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(r.document.registerSheet);
  ws.addRow([r.document.registerTitle(formatDate(`${input.from}T00:00:00Z`), formatDate(`${input.to}T00:00:00Z`))]).font = { bold: true, size: 13 };
  const c = r.columns;
  ws.addRow([c.number, c.issuedOn, c.learner, c.birthDate, c.academicYear, c.period, c.issuedBy]).font = { bold: true };
  for (const row of rows) {
    ws.addRow([
      `${row.number}/${row.year}`,
      formatDate(row.issuedOn),
      row.learner,
      formatDate(`${row.birthDate}T00:00:00Z`),
      academicYearLabel(row.academicYear),
      row.period ?? r.section.wholeYear,
      row.issuedBy,
    ]);
  }
  ws.columns.forEach((col, i) => (col.width = [10, 12, 36, 14, 12, 16, 30][i] ?? 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
