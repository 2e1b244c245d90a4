// The ГИА import's answer, shared by the ministry page (src/app/ministry/gia-import)
// and the upload route (src/server/http/gia-import-files.ts, whose form is read
// by src/server/http/upload-form.ts like the learner import's).

/**
 * What a row would do (dry run) or did (commit):
 *   add        a new result;  update  a changed score (an appeal) replaces the stored one;
 *   unchanged  the same result is stored already (or the row repeats an earlier row);
 *   error      a cell is wrong;  unmatched  no learner with this SNILS in the caller's scope;
 *   ambiguous  more than one learner answers to the row.
 * Any row of the last three blocks the commit.
 */
export const GIA_ROW_STATUSES = ["add", "update", "unchanged", "error", "unmatched", "ambiguous"] as const;
export type GiaRowStatus = (typeof GIA_ROW_STATUSES)[number];

export interface GiaIssue {
  /** As in the spreadsheet: the header is row 1. */
  row: number;
  /** Header of the column; empty for a whole-row problem. */
  column: string;
  message: string;
}

export interface GiaScores {
  primaryScore: number | null;
  testScore: number | null;
  mark: number | null;
}

export interface GiaRowOutcome {
  row: number;
  status: GiaRowStatus;
  /** Set for error, unmatched and ambiguous rows (several problems of a row are joined). */
  column?: string;
  message?: string;
  /** Known once the row's cells are valid. */
  exam?: { kind: "OGE" | "GVE" | "EGE"; year: number; code: number; subject: string };
  /** The matched learner and the organisation the result is written for. */
  learner?: { name: string; organisation: string };
  scores?: GiaScores;
  /** For update: the stored scores the row replaces. */
  previous?: GiaScores;
}

export interface GiaImportResult {
  committed: boolean;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** error + unmatched + ambiguous rows. */
  errorCount: number;
  unmatched: number;
  ambiguous: number;
  /** Sorted by row; every problem row first (up to a bound), then the others up to a bound. */
  items: GiaRowOutcome[];
  /** Rows not listed in `items` (a large file); the counts above are always exact. */
  notListed: number;
  /** Headers of the file that are not ГИА columns, ignored. */
  ignoredColumns: string[];
}
