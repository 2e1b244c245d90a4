// Whether `npm start` writes the demo learners (tools/demo/demo-learners.ts).
// The embedded database gets them by default, so a first run shows a full
// product; a server database only on request (it may be meant for real
// data); production never. `--empty` or KONTINGENT_DEMO_DATA=off starts empty.
// The seeder itself also refuses a database that holds learners or another region.
import type { DatabaseTarget } from "../../src/server/db/target";

export interface DemoDataChoice {
  seed: boolean;
  /** Printed on the console, so the operator sees why. */
  why: string;
}

export function demoDataChoice(argv: readonly string[], env: Record<string, string | undefined>, target: DatabaseTarget): DemoDataChoice {
  const setting = env.KONTINGENT_DEMO_DATA?.trim().toLowerCase() ?? "";
  if (setting && setting !== "on" && setting !== "off") throw new Error(`KONTINGENT_DEMO_DATA must be "on" or "off", not "${env.KONTINGENT_DEMO_DATA}"`);
  if (argv.includes("--empty") || setting === "off") return { seed: false, why: "demo learners off (--empty or KONTINGENT_DEMO_DATA=off)" };
  if (env.NODE_ENV === "production") return { seed: false, why: "no demo learners in production (NODE_ENV=production)" };
  if (target.kind === "postgres" && setting !== "on") return { seed: false, why: "no demo learners in a server database unless KONTINGENT_DEMO_DATA=on" };
  return { seed: true, why: "demo learners on a first run" };
}
