// What an import answers, shared by the upload page and the import service.
export interface ImportIssue {
  /** As in the spreadsheet: the header is row 1. */
  row: number;
  /** Header of the column; empty for a whole-row problem. */
  column: string;
  message: string;
}

export interface ImportResult {
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  /** Sorted by row; at most the first errors of a large file. */
  errors: ImportIssue[];
}
