// Argument parsing and reporting shared by `npm run db:backup` and `npm run db:restore`.
import { parseArgs } from "node:util";
import { BackupError, type RestoreCheck } from "../../src/server/db/backup";

export function option(name: string, usage: string): string {
  const { values } = parseArgs({ options: { [name]: { type: "string" } }, strict: false });
  const value = values[name];
  if (typeof value !== "string" || !value) fail(`Missing --${name}.\nUsage: ${usage}`);
  return value;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

export async function main(body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    if (error instanceof BackupError) fail(error.message);
    const stderr = (error as { stderr?: string }).stderr;
    fail(`Failed: ${stderr?.trim() || (error instanceof Error ? error.message : String(error))}`);
  }
}

export function printCheck(check: RestoreCheck) {
  for (const [table, [expected, actual]] of Object.entries(check.countMismatches)) {
    console.error(`  row count differs in ${table}: backup ${expected ?? "absent"}, restored ${actual ?? "absent"}`);
  }
  for (const [column, [last, max]] of Object.entries(check.sequenceMismatches)) {
    console.error(`  sequence of ${column} is behind its values: last ${last}, largest value ${max} (the next insert would fail)`);
  }
  if (!check.chain.ok) console.error(`  audit chain broken at row ${check.chain.brokenAtId} (${check.chain.reason})`);
  else if (!check.headHashMatches) console.error("  audit chain verifies, but its head hash differs from the backup's");
  else console.log(`  audit chain intact: ${check.chain.checked} rows, head hash matches the backup`);
}
