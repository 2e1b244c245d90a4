// The two throughput figures of `npm run bench`: a 100,000-learner CSV
// import through the upload route (dry run, then commit), and sustained
// requests per second of the main read procedure under concurrency.
import { IMPORT_COLUMNS, type ColumnKey } from "../../src/server/services/learners/import/columns";
import { snilsFor } from "../generate/people";
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from "../generate/names";
import type { BenchClient } from "./clients";

const header = (key: ColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;

/** A CSV of `rows` school learners with a mother and consent each; SNILS far beyond the generated ones. */
export function importCsv(rows: number, snilsOffset: number): string {
  const keys: ColumnKey[] = ["learner.lastName", "learner.firstName", "learner.middleName", "learner.birthDate", "learner.sex", "learner.snils", "learner.citizenship",
    "enrolment.level", "enrolment.grade", "enrolment.classLetter", "enrolment.enrolledAt", "rep.relation", "rep.lastName", "rep.firstName", "consent.givenAt"];
  const lines = [keys.map(header).join(";")];
  for (let i = 0; i < rows; i++) {
    const female = i % 2 === 0;
    const [male, fem] = SURNAMES[i % SURNAMES.length]!;
    const grade = 1 + (i % 11);
    const year = 2019 - (grade - 1);
    const birth = `${String(1 + (i % 28)).padStart(2, "0")}.${String(1 + (i % 12)).padStart(2, "0")}.${year - (i % 12 >= 8 ? 1 : 0)}`;
    lines.push([female ? fem : male, female ? FEMALE_NAMES[i % 40] : MALE_NAMES[i % 40], female ? "Сергеевна" : "Сергеевич", birth, female ? "Ж" : "М",
      snilsFor(snilsOffset + i), "643", "", String(grade), "А", "01.09.2026", "Мать", fem, FEMALE_NAMES[(i + 7) % 40], "01.09.2026"].join(";"));
  }
  return lines.join("\n") + "\n";
}

/** Uploads a file to the import route and waits for its result line. */
export async function uploadImport(baseUrl: string, client: BenchClient, csv: string, mode: "dry-run" | "commit") {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), "bench.csv");
  form.set("mode", mode);
  const res = await fetch(`${baseUrl}/api/school/learners/import`, { method: "POST", body: form, headers: { cookie: client.cookie, origin: baseUrl } });
  const text = await res.text();
  const last = text.trim().split("\n").map((l) => JSON.parse(l) as { type: string }).at(-1);
  if (!res.ok || last?.type !== "result") throw new Error(`Import ${mode} failed (${res.status}): ${text.slice(0, 500)}`);
  return last as { type: "result"; [k: string]: unknown };
}

/** `concurrency` loops calling `call` for `seconds`; returns completed requests per second and errors. */
export async function sustained(seconds: number, concurrency: number, call: (i: number) => Promise<unknown>) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    for (let i = w; performance.now() < until; i += concurrency) {
      try {
        await call(i);
        done++;
      } catch {
        errors++;
      }
    }
  }));
  return { perSecond: done / seconds, errors };
}
