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
  /**
   * Classes the file names that the school does not have («2В»), for the
   * page to offer «Создать классы 2В, 3В»; with that consent (createClasses)
   * the commit creates them and these are the classes it created.
   */
  missingClasses: string[];
  classesCreated: number;
}
