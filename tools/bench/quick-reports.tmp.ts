import { loadActor } from "../../src/server/auth/actor";
import { openDatabase } from "../../src/server/db";
import { resolveDatabaseTarget } from "../../src/server/db/target";
import { signedInClaims } from "../../src/server/testing/sessions";
import { buildReport } from "../../src/server/services/reports/build-report";
const h = await openDatabase(resolveDatabaseTarget());
const actor = (await loadActor(h.prisma, await signedInClaims(h.prisma, "edu.officer")))!;
for (const kind of ["oo1", "health", "do1"] as const) for (const asOf of ["2025-10-01", "2026-12-02"]) {
  const times: number[] = [];
  for (let i = 0; i < 4; i++) { const t = performance.now(); await buildReport(h.prisma, actor, kind, { asOf } as never); times.push(Math.round(performance.now() - t)); }
  console.log(kind, asOf, times.join(" "));
}
await h.close();
