// The register of resident children (issue 22): the inputs of the `residents`
// router and the import's answer, shared by the ministry pages
// (src/app/ministry/children), the upload route
// (src/server/http/resident-files.ts) and the services (src/server/services/residents).
import { z } from "zod";
import { todayIso, zDay } from "./person";

export const RESIDENT_SOURCES = ["REGISTRY_OFFICE", "POLYCLINIC", "MFC", "OTHER"] as const;
export type ResidentSourceCode = (typeof RESIDENT_SOURCES)[number];
export const RESIDENT_MATCHES = ["SNILS", "NAME_BIRTH_ADDRESS", "NONE"] as const;
export type ResidentMatchCode = (typeof RESIDENT_MATCHES)[number];
/** The forms of education chosen outside organisations (the table's CHECK allows only these). */
export const RESIDENT_FORMS = ["FAMILY", "SELF"] as const;

/**
 * What a row would do (dry run) or did (commit): add a new resident, update a
 * stored one (a corrected file), leave it (the same data), or an error (any
 * error blocks the whole commit).
 */
export const RESIDENT_ROW_STATUSES = ["add", "update", "unchanged", "error"] as const;
export type ResidentRowStatus = (typeof RESIDENT_ROW_STATUSES)[number];

export interface ResidentRowOutcome {
  /** As in the spreadsheet: the header is row 1. */
  row: number;
  status: ResidentRowStatus;
  /** Error rows: the column's header (empty for a whole-row problem) and the reasons. */
  column?: string;
  message?: string;
  /** Known once the row's cells are valid. */
  name?: string;
  match?: ResidentMatchCode;
  /** The address was found in the directory (ГАР) down to the house. */
  houseFound?: boolean;
}

export interface ResidentImportResult {
  committed: boolean;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  matchedBySnils: number;
  matchedByAddress: number;
  /** Valid rows matched with no learner: known residents. */
  unmatched: number;
  /** Valid rows whose address was found in the directory down to the house. */
  housesFound: number;
  /** Sorted by row; error rows first (up to a bound), then the others up to a bound. */
  items: ResidentRowOutcome[];
  notListed: number;
  ignoredColumns: string[];
}

const zId = z.uuid();
/** A day not after today (a notice received, a move that happened). */
const zPastDay = zDay("дату").refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || v <= todayIso(), "Дата не может быть в будущем");

export const ZResidentListInput = z.object({
  /** A region's officer chooses one; a municipality's officer may omit it (its own). */
  municipalityId: zId.optional(),
  filter: z.enum(["all", "matched", "unmatched", "form", "left"]).default("all"),
  /** Last name (and first, middle) prefix. */
  q: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});
export type ResidentListInput = z.input<typeof ZResidentListInput>;

export const ZResidentEducationFormInput = z.object({
  residentId: zId,
  /** null clears the form (the child went to school, or the notice was withdrawn). */
  form: z.enum(RESIDENT_FORMS).nullable(),
  since: zPastDay.nullable().optional(),
  note: z.string().trim().max(300).optional(),
});
export type ResidentEducationFormInput = z.input<typeof ZResidentEducationFormInput>;

export const ZResidentLeftInput = z.object({
  residentId: zId,
  /** null: the child lives on the territory again (a mistaken mark undone). */
  leftAt: zPastDay.nullable(),
});

export const ZResidentRematchInput = z.object({ municipalityId: zId.optional() });
