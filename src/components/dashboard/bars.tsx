"use client";
// Plain Tailwind charts: a bar split by sex, scaled to the largest total, and
// one row of a two-sided pyramid (boys to the left, girls to the right).

const pct = (value: number, max: number) => (max > 0 ? `${(value / max) * 100}%` : "0%");

export function SexBar({ male, female, max, label }: { male: number; female: number; max: number; label: string }) {
  return (
    <div className="flex min-w-40 items-center gap-2" title={label}>
      <div className="flex h-3 flex-1 overflow-hidden rounded bg-slate-100" aria-hidden>
        <div className="h-3 bg-sky-600" style={{ width: pct(male, max) }} />
        <div className="h-3 bg-rose-500" style={{ width: pct(female, max) }} />
      </div>
    </div>
  );
}

export function PyramidRow({ age, male, female, max }: { age: number; male: number; female: number; max: number }) {
  return (
    <div className="grid grid-cols-[1fr_3rem_1fr] items-center gap-2 text-xs">
      <div className="flex items-center justify-end gap-1">
        <span className="tabular-nums text-slate-600">{male || ""}</span>
        <div className="h-3 rounded-l bg-sky-600" style={{ width: pct(male, max) }} aria-hidden />
      </div>
      <div className="text-center tabular-nums text-slate-700">{age}</div>
      <div className="flex items-center gap-1">
        <div className="h-3 rounded-r bg-rose-500" style={{ width: pct(female, max) }} aria-hidden />
        <span className="tabular-nums text-slate-600">{female || ""}</span>
      </div>
    </div>
  );
}

export function Legend({ male, female }: { male: string; female: string }) {
  return (
    <div className="flex gap-4 text-xs text-slate-600">
      <span className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded bg-sky-600" aria-hidden />{male}</span>
      <span className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded bg-rose-500" aria-hidden />{female}</span>
    </div>
  );
}

/** Sums rows by a key into male/female/total, keeping first-seen order. */
export function bySex<T extends { sex: "MALE" | "FEMALE"; count: number }>(rows: T[], keyOf: (row: T) => string) {
  const out = new Map<string, { key: string; row: T; male: number; female: number; total: number }>();
  for (const r of rows) {
    const key = keyOf(r);
    const entry = out.get(key) ?? { key, row: r, male: 0, female: 0, total: 0 };
    if (r.sex === "MALE") entry.male += r.count;
    else entry.female += r.count;
    entry.total += r.count;
    out.set(key, entry);
  }
  return [...out.values()];
}

export function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
