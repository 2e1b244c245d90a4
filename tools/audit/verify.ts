// `npm run audit:verify [-- --full]`: one audit-chain verification run on the
// configured database, for cron. Incremental by default (rows after the last
// successful run), `--full` walks the whole chain. Recorded in the run history
// like a scheduled run. Exit codes: 0 intact, 1 broken or failed, 2 another
// run holds the lock. With the embedded database, stop the server first
// (PGlite allows one process per data directory).
import { openDatabase } from "../../src/server/db";
import { describeTarget } from "../../src/server/db/target";
import { runAuditVerification } from "../../src/server/services/audit/verification-runs";

const full = process.argv.includes("--full");
const handle = await openDatabase();
let code = 1;
try {
  const outcome = await runAuditVerification(handle.prisma, { trigger: "CLI", full, actor: { id: null, login: "cli", role: null, ip: null } });
  if (outcome.status === "busy") {
    console.error("Another verification run holds the lock; try again later.");
    code = 2;
  } else {
    const { run } = outcome;
    const scope = run.full ? "full" : "incremental";
    if (run.ok) {
      console.log(`Audit chain intact on ${describeTarget(handle.target)}: ${run.rowsChecked} rows checked (${scope}), last row ${run.lastId ?? "none"}`);
      code = 0;
    } else if (run.error) {
      console.error(`Verification failed: ${run.error}`);
    } else {
      const where = run.brokenRef ? `${run.brokenRef}, row ${run.brokenAtId ?? "—"}` : `row ${run.brokenAtId}`;
      console.error(`AUDIT CHAIN BROKEN at ${where} (${run.brokenReason}); ${run.rowsChecked} rows verified before it (${scope}). It stays reported until an auditor acknowledges it (admin portal).`);
    }
  }
} finally {
  await handle.close();
}
process.exit(code);
