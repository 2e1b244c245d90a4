// `npm run bench:load`: drives the main read paths of a production build
// with a few concurrent connections for a fixed time each, as signed-in demo
// users, and prints throughput and p50/p95/p99 latency per path.
//   --url http://127.0.0.1:PORT   use a running server (loopback only; its NEXTAUTH_URL must be this origin)
//   --seconds N                   time per path (default 10)
//   --connections N               concurrent requests (default 4)
// Without --url it starts `next start` on 127.0.0.1:3290 with a fresh embedded
// database (building first if needed) and stops it afterwards.
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-region";
import { snilsCheckDigits } from "../../src/lib/validators/snils";
import { loopbackOrigin, startServer, type Target } from "./load/server";
import { cookieHeader, signIn, trpc, type Session } from "./load/session";

const { values } = parseArgs({
  options: { url: { type: "string" }, seconds: { type: "string", default: "10" }, connections: { type: "string", default: "4" } },
});
const SECONDS = Math.min(120, Math.max(1, Number(values.seconds)));
const CONNECTIONS = Math.min(32, Math.max(1, Number(values.connections)));
// The published demo password (README, "Demo accounts — DEMO ONLY") unless told otherwise.
const PASSWORD = process.env.BENCH_PASSWORD ?? DEMO_PASSWORD;

interface Scenario {
  name: string;
  /** One request; resolves to the HTTP status. */
  run: () => Promise<number>;
}

const BENCH_LEARNERS = 60;
/** An 11-digit SNILS with valid check digits. */
const snils = (n: number) => String(n).padStart(9, "0") + snilsCheckDigits(String(n).padStart(9, "0"));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function measure({ name, run }: Scenario) {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      const status = await run().catch(() => 0);
      latencies.push(performance.now() - start);
      if (status !== 200) failures++;
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(34)} ${String(latencies.length).padStart(6)} req ${(latencies.length / elapsed).toFixed(1).padStart(7)} req/s  p50 ${ms(percentile(latencies, 0.5))}  p95 ${ms(percentile(latencies, 0.95))}  p99 ${ms(percentile(latencies, 0.99))} ms  errors ${failures}`,
  );
}

const ok = async (res: Response) => {
  await res.arrayBuffer(); // read the whole answer: that is what a browser waits for
  return res.status;
};

/** The demo region seeds no learners: give the school a class of them through the API (only when it has none). */
async function ensureLearners(registrar: Session) {
  const probe = (await (await trpc(registrar, "learners.list", { page: 0, pageSize: 1, sort: "name", order: "asc" })).json()) as [{ result: { data: { json: { total: number } } } }];
  if (probe[0].result.data.json.total > 0) return;
  console.log(`Adding ${BENCH_LEARNERS} learners to the demo school…`);
  for (let i = 0; i < BENCH_LEARNERS; i++) {
    const lastName = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов"][i % 5]! + ["а", ""][i % 2];
    const input = {
      learner: { lastName, firstName: "Анна", middleName: "Петровна", snils: snils(100_000_000 + i * 7919), birthDate: `2016-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`, sex: "FEMALE", citizenship: "643" },
      enrolment: { level: "PRIMARY", grade: 3, classLetter: "Б", enrolledAt: "2023-09-01" },
      representatives: [{ relation: "MOTHER", lastName, firstName: "Ольга", citizenship: "643", phone: "+7 900 123-45-67", isPrimaryContact: true }],
    };
    const res = await fetch(`${registrar.base}/api/trpc/learners.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: registrar.base, cookie: cookieHeader(registrar) },
      body: JSON.stringify({ json: input }),
    });
    if (!res.ok) throw new Error(`learners.create: ${res.status} ${await res.text()}`);
  }
}

async function scenarios(base: string): Promise<Scenario[]> {
  const [registrar, officer, health] = await Promise.all(
    ["school.registrar", "edu.officer", "health.officer"].map((login) => signIn(base, login, PASSWORD)),
  );
  const listInput = { page: 0, pageSize: 50, sort: "name", order: "asc" };
  await ensureLearners(registrar!);
  const list = (await (await trpc(registrar!, "learners.list", listInput)).json()) as [{ result: { data: { json: { rows: { id: string; lastName: string }[] } } } }];
  const first = list[0].result.data.json.rows[0];
  if (!first) throw new Error("The school has no learners: seed the demo region first");
  const page = (session: Session, url: string) => () => fetch(`${base}${url}`, { headers: { cookie: cookieHeader(session) } }).then(ok);
  const call = (session: Session, path: string, input: unknown) => () => trpc(session, path, input).then(ok);
  const asOf = new Date().toISOString().slice(0, 10);
  return [
    { name: "page /school/learners (HTML)", run: page(registrar!, "/school/learners") },
    { name: "learners.list (school)", run: call(registrar!, "learners.list", listInput) },
    { name: "learners.card", run: call(registrar!, "learners.card", { id: first.id }) },
    { name: "learners.search (registry)", run: call(officer!, "learners.search", { query: first.lastName.slice(0, 4) }) },
    { name: "ministry.dashboard.contingent", run: call(officer!, "ministry.dashboard.contingent", {}) },
    { name: "health.stats.counts", run: call(health!, "health.stats.counts", { measure: "healthGroup", by: "municipality", asOf }) },
  ];
}

async function main() {
  const target: Target = values.url ? { base: loopbackOrigin(values.url), stop: () => {} } : await startServer(3290);
  try {
    console.log(`Load test: ${target.base}, ${CONNECTIONS} connections, ${SECONDS} s per path (Node ${process.version})\n`);
    for (const scenario of await scenarios(target.base)) await measure(scenario);
  } finally {
    target.stop();
  }
}

await main();
