// `npm run bench:children [-- --runs 10 --date 2026-11-23]`
// The municipal account of children (issue 22) on a generated region: each of
// the four lists (first page, as the screen reads it: the whole list is
// computed, one page shown, one audit row), the tabs' counts and the
// admission forecast, for the municipality with the most resident children
// and for the one with the fewest; beside each list the statement it sends,
// replayed on the same connection pool; and the territory checks (overlapping
// and unassigned houses). In process, through the services with the region's
// officer (authorisation, scope and audit included; no HTTP). The budget is
// p95 ≤ 1 s at 1,000,000 learners (docs/performance.md).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { ACADEMIC_YEAR } from "../generate/plan";
import { TODAY } from "../generate/dates";
import { loadActor } from "../../src/server/auth/actor";
import { openDatabase } from "../../src/server/db";
import { resolveDatabaseTarget } from "../../src/server/db/target";
import { signedInClaims } from "../../src/server/testing/sessions";
import { accountCounts, readAccountList } from "../../src/server/services/children-account/account";
import { accountWhen } from "../../src/server/services/children-account/account-scope";
import { didNotStartSql } from "../../src/server/services/children-account/did-not-start";
import { droppedOutSql } from "../../src/server/services/children-account/dropped-out";
import { forecastSql, readForecast } from "../../src/server/services/children-account/forecast";
import { leftRegionSql } from "../../src/server/services/children-account/left-region";
import { notInEducationSql } from "../../src/server/services/children-account/not-in-education";
import { overlappingHouses, unassignedHouses } from "../../src/server/services/territories/coverage";
import { ACCOUNT_LISTS } from "../../src/lib/schemas/children-account";
import { measure, printHeader, printRow, type Summary } from "./stats";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "10" }, date: { type: "string", default: TODAY }, only: { type: "string" } } });
const runs = Number(args.runs);
const date = args.date!;
/** A scenario whose call fails is reported and skipped, so one broken list does not hide the others' figures. */
async function attempt(name: string, fn: () => Promise<Summary>): Promise<Summary | null> {
  try {
    return await fn();
  } catch (error) {
    console.log(`${name.padEnd(46)} FAILED: ${(error instanceof Error ? error.message : String(error)).split("\n").filter(Boolean).pop()}`);
    return null;
  }
}
const picked = (name: string) => !args.only || args.only.split(",").some((part) => name.includes(part.trim()));
// The server's environment check wants a session secret; in process nothing is signed with it.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
const target = resolveDatabaseTarget();
if (target.kind !== "postgres") throw new Error("bench:children needs DATABASE_URL=postgresql://… filled by `npm run db:generate`.");

const sql = new pg.Client({ connectionString: target.url });
await sql.connect();
const app = await openDatabase(target);
try {
  const [counts] = (await sql.query(`SELECT (SELECT count(*) FROM "Learner")::int AS learners, (SELECT count(*) FROM "ResidentChild")::int AS residents,
      (SELECT count(*) FROM "AddressHouse")::int AS houses, (SELECT count(*) FROM "LearnerAddress")::int AS addresses`)).rows as [{ learners: number; residents: number; houses: number; addresses: number }];
  if (counts.residents < 100) throw new Error("Fill the database first: npm run db:generate -- --learners 100000");
  const [{ version }] = (await sql.query("SELECT current_setting('server_version') AS version")).rows as [{ version: string }];
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; PostgreSQL ${version}; Node ${process.version}`);
  console.log(`Data: ${counts.learners.toLocaleString("en")} learners, ${counts.residents.toLocaleString("en")} resident children, ${counts.houses.toLocaleString("en")} houses, ${counts.addresses.toLocaleString("en")} learner addresses; date ${date}; ${runs} runs each (in process, no HTTP)`);
  const municipalities = (await sql.query(
    `SELECT m.id, m.name, count(r.id)::int AS residents FROM "Municipality" m JOIN "ResidentChild" r ON r."municipalityId" = m.id GROUP BY m.id ORDER BY residents DESC, m.id`,
  )).rows as { id: string; name: string; residents: number }[];
  const chosen = [{ ...municipalities[0]!, tag: "largest" }, { ...municipalities[municipalities.length - 1]!, tag: "smallest" }];
  for (const m of chosen) console.log(`  ${m.tag}: ${m.name} (${m.residents.toLocaleString("en")} resident children)`);
  console.log("");

  const officer = (await loadActor(app.prisma, await signedInClaims(app.prisma, "edu.officer")))!;
  // The statements the services send (didNotStart's only once D is K days past 1 September).
  const statementOf = { notInEducation: notInEducationSql, didNotStart: didNotStartSql, droppedOut: (w: ReturnType<typeof accountWhen>) => droppedOutSql(w, 30), leftRegion: (w: ReturnType<typeof accountWhen>) => leftRegionSql(w, w.since) } as const;
  printHeader();
  for (const m of chosen) {
    const w = accountWhen(m.id, { date });
    for (const list of ACCOUNT_LISTS) {
      const name = `${list}, ${m.tag}`;
      if (!picked(name)) continue;
      let total = 0;
      const appSummary = await attempt(name, () => measure(runs, 1, async () => {
        total = (await readAccountList(app.prisma, officer, { municipalityId: m.id, list, date, days: 30, grace: 14, page: 1, pageSize: 100 }, "127.0.0.1")).total;
      }));
      if (!appSummary) continue;
      const statement = statementOf[list](w);
      const sqlSummary = await measure(runs, 1, () => app.prisma.$queryRaw(statement));
      printRow(`${name} (${total})`, appSummary, sqlSummary, { p95: 1000 });
    }
    if (picked(`counts, ${m.tag}`)) {
      const counted = await attempt(`tab counts, ${m.tag}`, () => measure(runs, 1, () => accountCounts(app.prisma, officer, { municipalityId: m.id, date, days: 30, grace: 14 })));
      if (counted) printRow(`tab counts (4 lists), ${m.tag}`, counted, null, { p95: 1000 });
    }
    if (picked(`forecast, ${m.tag}`)) {
      const year = ACADEMIC_YEAR + 1;
      const appSummary = await attempt(`forecast, ${m.tag}`, () => measure(runs, 1, () => readForecast(app.prisma, officer, { municipalityId: m.id, year }, "127.0.0.1")));
      const sqlSummary = appSummary && (await measure(runs, 1, () => app.prisma.$queryRaw(forecastSql(m.id, year, date))));
      if (appSummary) printRow(`forecast ${year}, ${m.tag}`, appSummary, sqlSummary, { p95: 1000 });
    }
    for (const [label, fn] of [["overlapping houses", overlappingHouses], ["unassigned houses", unassignedHouses]] as const) {
      if (!picked(`${label}, ${m.tag}`)) continue;
      let total = 0;
      const s = await attempt(`${label}, ${m.tag}`, () => measure(runs, 1, async () => {
        total = (await fn(app.prisma, officer, { municipalityId: m.id, academicYear: ACADEMIC_YEAR, page: 0, pageSize: 50 })).total;
      }));
      if (s) printRow(`${label} (${total}), ${m.tag}`, s, null, { p95: 1000 });
    }
  }
} finally {
  await app.close();
  await sql.end();
}
