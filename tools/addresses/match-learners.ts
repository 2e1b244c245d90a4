// `npm run addresses:match [-- --report <file.csv>]`: parses and matches to the
// ГАР directory every learner address not yet matched to a house (run it after
// `npm run gar:load`, and once to match the free-text addresses a registry held
// before structured addresses existed). Prints counts by match and writes the
// addresses still without a house, per organisation, to a CSV for the operator
// (organisation, learner id, kind, state, text — no names: see docs/addresses.md).
import { writeFile } from "node:fs/promises";
import { openDatabase } from "../../src/server/db";
import { auditMatchRun, matchAllLearnerAddresses, reportCsv, unmatchedReport } from "../../src/server/services/learner-addresses/match-all";
import { regionToday } from "../../src/lib/time-zone";

const flag = process.argv.indexOf("--report");
const reportFile = flag >= 0 && process.argv[flag + 1] ? process.argv[flag + 1]! : `addresses-unmatched-${regionToday()}.csv`;

const handle = await openDatabase();
try {
  const run = await matchAllLearnerAddresses(handle.prisma, {
    onBatch: (r) => console.log(`  ${r.learners} learners: house ${r.resolved.HOUSE}, street ${r.resolved.STREET}, not found ${r.resolved.UNMATCHED}`),
  });
  const rows = await unmatchedReport(handle.prisma);
  await writeFile(reportFile, reportCsv(rows), { mode: 0o600 });
  await auditMatchRun(handle.prisma, run, { file: reportFile, rows: rows.length });
  console.log(`Learners processed: ${run.learners}`);
  console.log(`Resolved: house ${run.resolved.HOUSE}, street only ${run.resolved.STREET}, not found ${run.resolved.UNMATCHED}; kept ${run.kept}; removed ${run.removed}`);
  console.log(`Addresses without a house (all learners): ${rows.length} — written to ${reportFile}`);
} finally {
  await handle.close();
}
