// `npm run dq:snapshot`: takes today's data-quality snapshot (counts per
// organisation per check) on the configured database. Idempotent: a second run
// the same day replaces the day's rows. Meant for a daily scheduler.
import { openDatabase } from "../../src/server/db";
import { snapshotToday } from "../../src/server/services/quality/quality-snapshots";

const handle = await openDatabase();
try {
  const { rows } = await snapshotToday(handle.prisma);
  console.log(`Data-quality snapshot: ${rows} rows written for ${new Date().toISOString().slice(0, 10)}`);
} finally {
  await handle.close();
}
