// Export of a school's (filtered) learner list to XLSX, in the import format.
// An export is a read of personal data: audited with filters and row count in
// the same transaction, before the file is handed out.
import { citizenshipName } from "@/lib/countries";
import { formatSnils } from "@/lib/validators";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { learnersKeptBy } from "../../authz/relationship";
import { canExportLearners } from "../../authz/permissions";
import type { Db } from "../../db";
import { forbidden } from "../../errors";
import { LABELS } from "./import/columns";
import { writeLearnersXlsx, type SheetValues } from "./import/workbook";
import { decryptIdentity } from "../person/identity-fields";
import { auditedFilters, learnerListQuery, type ListFilters } from "./read-learners";

export const MAX_EXPORT_ROWS = 100_000;

export async function exportLearners(db: Db, actor: Actor, filters: ListFilters, ip: string | null) {
  // The same check as the export route; the scope test again only narrows the type.
  if (!canExportLearners(actor) || actor.scope.kind !== "ORGANISATION") throw forbidden();
  const organisationId = actor.scope.organisationId;
  const { where, orderBy } = learnerListQuery(organisationId, filters);
  const rows = await db.$transaction(async (tx) => {
    const found = await tx.enrolment.findMany({
      where,
      orderBy,
      take: MAX_EXPORT_ROWS,
      include: {
        learner: {
          include: {
            representatives: { include: { representative: true }, orderBy: [{ isPrimaryContact: "desc" }, { createdAt: "asc" }], take: 1 },
            consents: { where: { withdrawnAt: null }, orderBy: { givenAt: "desc" } },
          },
        },
      },
    });
    // Learners the school holds get their whole record; those it teaches only
    // in an additional programme, identity and contacts (the relationship rule).
    const held = new Set(
      // The school's kept learners in one indexed query (no list of 100,000 ids as parameters).
      (await tx.learner.findMany({ where: learnersKeptBy(organisationId), select: { id: true } })).map((l) => l.id),
    );
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.export",
      entityType: "Organisation",
      entityId: organisationId,
      details: { format: "xlsx", filters: auditedFilters(filters), rows: found.length, truncated: found.length === MAX_EXPORT_ROWS },
      learnerIds: found.map((e) => e.learner.id),
    });
    return found.map((e) => ({ ...e, full: held.has(e.learner.id) }));
  });

  const values = rows.map(({ learner: row, full, ...e }): SheetValues => {
    const l = decryptIdentity("Learner", row);
    const link = l.representatives[0];
    const rep = link ? decryptIdentity("Representative", link.representative) : undefined;
    const consent = rep ? l.consents.find((c) => c.representativeId === rep.id) : undefined;
    const sheet: SheetValues = {
      "learner.lastName": l.lastName,
      "learner.firstName": l.firstName,
      "learner.middleName": l.middleName,
      "learner.birthDate": l.birthDate,
      "learner.birthPlace": l.birthPlace,
      "learner.sex": LABELS.sex[l.sex],
      "learner.snils": l.snils ? formatSnils(l.snils) : null,
      // Russia and "stateless" by name (readable); other countries by ОКСМ code, which re-imports unambiguously.
      "learner.citizenship": l.citizenship === "643" || l.citizenship === "STATELESS" ? citizenshipName(l.citizenship) : l.citizenship,
      "learner.docType": l.docType ? LABELS.docType[l.docType] : null,
      "learner.docSeries": l.docSeries,
      "learner.docNumber": l.docNumber,
      "learner.docIssuer": l.docIssuer,
      "learner.docIssuedAt": l.docIssuedAt,
      "learner.docCountry": l.docCountry,
      "learner.registrationAddress": l.registrationAddress,
      "learner.stayAddress": l.stayAddress,
      "learner.actualAddress": l.actualAddress,
      "enrolment.level": LABELS.level[e.level],
      "enrolment.grade": e.grade,
      "enrolment.classLetter": e.classLetter,
      "enrolment.enrolledAt": e.enrolledAt,
      "rep.relation": link ? LABELS.relation[link.relation] : null,
      "rep.lastName": rep?.lastName ?? null,
      "rep.firstName": rep?.firstName ?? null,
      "rep.middleName": rep?.middleName ?? null,
      "rep.snils": rep?.snils ? formatSnils(rep.snils) : null,
      "rep.citizenship": rep && rep.citizenship !== l.citizenship ? rep.citizenship : null,
      "rep.phone": rep?.phone ?? null,
      "rep.email": rep?.email ?? null,
      "consent.givenAt": consent?.givenAt ?? null,
    };
    return full ? sheet : contactsOnly(sheet);
  });
  return { file: await writeLearnersXlsx(values), rows: rows.length };
}

/** What an additional programme may export of a learner: identity, placement and the representative's name and contacts. */
const CONTACT_COLUMNS = new Set(["learner.lastName", "learner.firstName", "learner.middleName", "learner.birthDate", "learner.sex", "learner.snils", "enrolment.level", "enrolment.grade", "enrolment.classLetter", "enrolment.enrolledAt", "rep.relation", "rep.lastName", "rep.firstName", "rep.middleName", "rep.phone", "rep.email"]);
function contactsOnly(sheet: SheetValues): SheetValues {
  return Object.fromEntries(Object.entries(sheet).map(([key, value]) => [key, CONTACT_COLUMNS.has(key) ? value : null])) as SheetValues;
}
