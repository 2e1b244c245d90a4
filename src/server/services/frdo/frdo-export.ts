// The ФИС ФРДО export of issued certificates: the check the page shows (how
// many certificates go into the file, which fail the mandatory-field check
// and why) and the XLSX itself. Both read personal data (names; the file also
// decrypted SNILS), so both are audited with the learners they named, in the
// same transaction as the read, before anything leaves the server.
import ExcelJS from "exceljs";
import { z } from "zod";
import { ZFrdoInput, type FrdoInput } from "@/lib/schemas/frdo";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { canExportFrdo } from "../../authz/permissions";
import type { Db } from "../../db";
import { badRequest, forbidden } from "../../errors";
import { frdoProblems } from "./frdo-check";
import { FRDO_COLUMNS, type FrdoCertificate } from "./frdo-columns";
import { loadCertificates, selectOrganisations } from "./frdo-certificates";

/** The page lists at most this many failing certificates (the count is always exact). */
export const MAX_LISTED_FAILURES = 1000;

export const ZFrdoFailure = z.object({
  certificateId: z.string(),
  learnerId: z.string(),
  holder: z.string(),
  level: z.enum(["BASIC_GENERAL", "SECONDARY_GENERAL"]),
  number: z.string(),
  issuedAt: z.date(),
  organisation: z.string(),
  problems: z.array(z.string()),
});

export const ZFrdoCheckOutput = z.object({
  territory: z.string(),
  total: z.number().int(),
  exportable: z.number().int(),
  failed: z.number().int(),
  failures: z.array(ZFrdoFailure),
});
export type FrdoCheckOutput = z.infer<typeof ZFrdoCheckOutput>;

/** The input as the procedure checks it: the route handler passes raw query strings. */
function parseInput(input: unknown): FrdoInput {
  const parsed = ZFrdoInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw badRequest(issue.message, issue.path.join("."));
}

function split(certificates: FrdoCertificate[]) {
  const exportable: FrdoCertificate[] = [];
  const failing: { certificate: FrdoCertificate; problems: string[] }[] = [];
  for (const certificate of certificates) {
    const problems = frdoProblems(certificate);
    if (problems.length === 0) exportable.push(certificate);
    else failing.push({ certificate, problems });
  }
  return { exportable, failing };
}

const holderName = (c: FrdoCertificate) => [c.lastName, c.firstName, c.middleName].filter(Boolean).join(" ");

/** The place an export covers, as the audit row's entity. */
function auditedTerritory(actor: Actor, input: FrdoInput) {
  const scope = actor.scope;
  if (scope.kind === "ORGANISATION") return { entityType: "Organisation", entityId: scope.organisationId };
  if (input.organisationId) return { entityType: "Organisation", entityId: input.organisationId };
  const municipalityId = input.municipalityId ?? (scope.kind === "MUNICIPALITY" ? scope.municipalityId : undefined);
  return municipalityId ? { entityType: "Municipality", entityId: municipalityId } : { entityType: "Region", entityId: scope.regionId };
}

async function readAndAudit(db: Db, actor: Actor, rawInput: unknown, ip: string | null, action: "frdo.check" | "frdo.export") {
  if (!canExportFrdo(actor)) throw forbidden();
  const input = parseInput(rawInput);
  return db.$transaction(async (tx) => {
    const { organisationIds, territory } = await selectOrganisations(tx, actor, input);
    const { exportable, failing } = split(await loadCertificates(tx, organisationIds, input));
    // The check names the failing holders on screen; the file carries the exported ones.
    const named = action === "frdo.check" ? failing.slice(0, MAX_LISTED_FAILURES).map((f) => f.certificate) : exportable;
    await recordAudit(tx, auditActorOf(actor, ip), {
      action,
      ...auditedTerritory(actor, input),
      details: {
        from: input.from,
        to: input.to,
        municipalityId: input.municipalityId ?? null,
        organisationId: input.organisationId ?? null,
        territory,
        exported: exportable.length,
        failed: failing.length,
      },
      learnerIds: [...new Set(named.map((c) => c.learnerId))],
    });
    return { territory, exportable, failing };
  });
}

/** What the page shows before the download: counts and the failing certificates with their problems. */
export async function checkFrdo(db: Db, actor: Actor, input: FrdoInput, ip: string | null): Promise<FrdoCheckOutput> {
  const { territory, exportable, failing } = await readAndAudit(db, actor, input, ip, "frdo.check");
  return {
    territory,
    total: exportable.length + failing.length,
    exportable: exportable.length,
    failed: failing.length,
    failures: failing.slice(0, MAX_LISTED_FAILURES).map(({ certificate: c, problems }) => ({
      certificateId: c.id,
      learnerId: c.learnerId,
      holder: holderName(c),
      level: c.level,
      number: c.series ? `${c.series} ${c.number}` : c.number,
      issuedAt: c.issuedAt,
      organisation: c.organisation.shortName,
      problems,
    })),
  };
}

/** One sheet «Шаблон», the template's header row, one row per certificate that passed the check. */
export async function writeFrdoXlsx(certificates: FrdoCertificate[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Контингент";
  const sheet = workbook.addWorksheet("Шаблон");
  sheet.columns = FRDO_COLUMNS.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width,
    style: c.kind === "text" ? { numFmt: "@" } : c.kind === "date" ? { numFmt: "dd.mm.yyyy" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const certificate of certificates) sheet.addRow(FRDO_COLUMNS.map((c) => c.value(certificate)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The file and its counts: exported rows and certificates left out by the check. */
export async function exportFrdo(db: Db, actor: Actor, input: unknown, ip: string | null) {
  const { territory, exportable, failing } = await readAndAudit(db, actor, input, ip, "frdo.export");
  return { file: await writeFrdoXlsx(exportable), territory, exported: exportable.length, failed: failing.length };
}
