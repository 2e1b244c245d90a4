// Latency statistics and the printed table of the benchmarks.
export interface Summary { runs: number; median: number; p95: number; p99: number }

export function summarize(times: number[]): Summary {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { runs: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export async function measure(runs: number, warmup: number, fn: (i: number) => Promise<unknown>, before?: (i: number) => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < warmup; i++) {
    await before?.(i);
    await fn(i);
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(i + warmup);
    const start = performance.now();
    await fn(i + warmup);
    times.push(performance.now() - start);
  }
  return summarize(times);
}

const ms = (v: number) => v.toFixed(1).padStart(7);

export function printHeader(): void {
  console.log(`${"scenario".padEnd(46)} ${"median".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)}   ${"SQL med".padStart(7)} ${"SQL p95".padStart(7)}  ratio  budget`);
}

/** One line: app figures, the raw SQL figures and app/SQL ratio of medians, and the budget verdict. */
export function printRow(name: string, app: Summary, sql: Summary | null, budget?: { p95: number }): string {
  const ratio = sql ? (app.median / Math.max(sql.median, 0.01)).toFixed(1) + "×" : "—";
  const verdict = budget ? (app.p95 <= budget.p95 ? `ok ≤${budget.p95}` : `MISSED >${budget.p95}`) : "";
  const line = `${name.padEnd(46)} ${ms(app.median)} ${ms(app.p95)} ${ms(app.p99)}   ${sql ? ms(sql.median) : "      —"} ${sql ? ms(sql.p95) : "      —"}  ${ratio.padStart(5)}  ${verdict}`;
  console.log(line);
  return line;
}
