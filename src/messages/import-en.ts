// English text of the bulk learner import page. Typed against the Russian catalogue.
import type { importRu } from "./import-ru";

export const importEn: typeof importRu = {
  learnerImport: {
    title: "Import learners from a file",
    back: "Back to learners",
    intro:
      "One learner per row, at most one representative. CSV (UTF-8 or Windows-1251, «;» or «,» separated) or XLSX, up to 20 MB and 100,000 rows. The file is checked first, then loaded as a whole or not at all.",
    templateXlsx: "Download the XLSX template (with column reference)",
    templateCsv: "CSV template",
    file: "CSV or XLSX file",
    check: "Check",
    commit: "Import",
    chooseFile: "Choose a file",
    uploading: (percent: number) => `Uploading: ${percent}%`,
    checking: (done: number, total: number) => `Checking rows: ${done} of ${total}`,
    writing: (done: number, total: number) => `Writing: ${done} of ${total}`,
    waiting: "Processing…",
    summaryTitle: "Check result",
    doneTitle: "File imported",
    rows: "Rows in file",
    willCreate: "To be created",
    willUpdate: "To be updated",
    created: "Created",
    updated: "Updated",
    unchanged: "Unchanged",
    readyToCommit: "No errors. Press «Import» to write the data.",
    errorsTitle: (n: number) => `Errors found: ${n}. Fix the file and check again — nothing was written.`,
    errorsTruncated: (shown: number, total: number) => `Showing the first ${shown} of ${total}.`,
    row: "Row",
    column: "Column",
    message: "Message",
    wholeRow: "whole row",
    failed: "The file could not be uploaded. Please try again.",
  },
};
