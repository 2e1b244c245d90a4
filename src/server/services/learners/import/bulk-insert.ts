// Inserting thousands of new rows in one statement per table and chunk: the
// rows travel as one JSON parameter, expanded by jsonb_to_recordset. Prisma's
// createMany spends ~0.3 ms of JavaScript per row here, which made a 10,000-row
// commit take 11 s; this takes about a second. Values are never spliced into
// the SQL; table and column names come from the constants below, which must
// follow prisma/schema.prisma (the export → re-import round-trip test fails if a
// column is dropped: the re-import would report the learners as updated).
import type { DbTx } from "../../../db";

const PERSON = {
  id: "uuid", regionId: "uuid", lastName: "text", firstName: "text", middleName: "text", birthDate: "date",
  sex: '"Sex"', snilsEnc: "text", snilsIndex: "text", citizenship: "text", docType: '"IdentityDocumentType"', docSeries: "text",
  docNumberEnc: "text", docIssuer: "text", docIssuedAt: "date", docCountry: "text", registrationAddress: "text", actualAddress: "text",
} as const;

export const BULK_TABLES = {
  Learner: { columns: { ...PERSON, snilsChecksumOk: "boolean", birthPlace: "text", stayAddress: "text" }, updatedAt: true },
  Representative: { columns: { ...PERSON, phone: "text", email: "text" }, updatedAt: true },
  Enrolment: {
    columns: { id: "uuid", learnerId: "uuid", organisationId: "uuid", level: '"EducationLevel"', isBasic: "boolean", grade: "smallint", classLetter: "text", classId: "uuid", programmeId: "uuid", enrolledAt: "date" },
    updatedAt: false,
  },
  LearnerRepresentative: {
    columns: { learnerId: "uuid", representativeId: "uuid", relation: '"RepresentativeRelation"', isPrimaryContact: "boolean" },
    updatedAt: false,
  },
  Consent: { columns: { id: "uuid", learnerId: "uuid", representativeId: "uuid", givenAt: "date", scope: "text" }, updatedAt: false },
  MovementEvent: {
    columns: {
      id: "uuid", learnerId: "uuid", organisationId: "uuid", type: '"MovementType"', orderNumber: "text", orderDate: "date",
      effectiveDate: "date", enrolmentId: "uuid", toLevel: '"EducationLevel"', toGrade: "smallint", toLetter: "text", createdById: "uuid",
    },
    updatedAt: false,
  },
} as const;

export type BulkTable = keyof typeof BULK_TABLES;

/** Dates as calendar days: every date column here is a DATE. */
const replacer = (_key: string, value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(value) ? value.slice(0, 10) : value);

export async function bulkInsert(tx: DbTx, table: BulkTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const { columns, updatedAt } = BULK_TABLES[table];
  const names = Object.keys(columns).map((c) => `"${c}"`);
  const types = Object.entries(columns).map(([c, t]) => `"${c}" ${t}`);
  const sql =
    `INSERT INTO "${table}" (${names.join(", ")}${updatedAt ? `, "updatedAt"` : ""}) ` +
    `SELECT ${names.join(", ")}${updatedAt ? ", now()" : ""} FROM jsonb_to_recordset($1::jsonb) AS r(${types.join(", ")})`;
  await tx.$executeRawUnsafe(sql, JSON.stringify(rows, replacer));
}
