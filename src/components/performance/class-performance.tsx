"use client";
// The school's «Успеваемость класса» (issue 21): a year, a class and a period
// chosen from lists; then per subject the measures, the learners with a "2"
// and those without marks (linked to their cards), and the marks table.
import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { PERFORMANCE_PERIODS } from "@/lib/schemas/performance";
import { currentAcademicYear } from "@/lib/schemas/programme";
import type { ClassPerformance } from "@/server/services/performance/class-performance";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { StaticTable } from "../static-table";
import { formatMeasure } from "./format";

type SubjectRow = ClassPerformance["subjects"][number];
type LearnerRow = ClassPerformance["table"][number];

const cardLink = (l: { learnerId: string; name: string }) => (
  <Link href={`/school/learners/${l.learnerId}`} className="text-blue-700 underline">
    {l.name}
  </Link>
);

export function ClassPerformanceView() {
  const trpc = useTRPC();
  const { m, locale } = useMessages();
  const t = m.performance;
  const classes = useQuery(trpc.school.performance.classes.queryOptions());
  const [year, setYear] = useState("");
  const [classId, setClassId] = useState("");
  const [period, setPeriod] = useState<string>(PERFORMANCE_PERIODS[0]);
  const years = [...new Set((classes.data ?? []).map((c) => c.academicYear))];
  // The current academic year when the school has classes in it, else its newest.
  const shownYear = year || String(years.includes(currentAcademicYear()) ? currentAcademicYear() : (years[0] ?? ""));
  const yearClasses = (classes.data ?? []).filter((c) => String(c.academicYear) === shownYear);
  const view = useQuery({
    ...trpc.school.performance.class.queryOptions({ classId, period: period as (typeof PERFORMANCE_PERIODS)[number] }),
    enabled: classId !== "",
  });
  const fmt = (v: number | null, decimals: 1 | 2) => formatMeasure(v, decimals, locale);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.schoolTitle}</h1>
      <p className="text-slate-600">{t.schoolLead}</p>
      <QueryState query={classes}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.noClasses}</p>
          ) : (
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField
                label={t.year}
                name="year"
                value={shownYear}
                onChange={(e) => {
                  setYear(e.target.value);
                  setClassId("");
                }}
                options={years.map((y) => ({ value: String(y), label: list.find((c) => c.academicYear === y)!.yearLabel }))}
              />
              <SelectField
                label={t.class}
                name="classId"
                value={classId}
                placeholder={t.chooseClass}
                onChange={(e) => setClassId(e.target.value)}
                options={yearClasses.map((c) => ({ value: c.id, label: c.label }))}
              />
              <SelectField label={t.period} name="period" value={period} onChange={(e) => setPeriod(e.target.value)} options={PERFORMANCE_PERIODS.map((p) => ({ value: p, label: p }))} />
            </div>
          )
        }
      </QueryState>
      {classId !== "" && <QueryState query={view}>{(data) => <ClassResults data={data} fmt={fmt} />}</QueryState>}
    </div>
  );
}

function ClassResults({ data, fmt }: { data: ClassPerformance; fmt: (v: number | null, d: 1 | 2) => string }) {
  const { m } = useMessages();
  const t = m.performance;
  const subjectColumns: ColumnDef<SubjectRow, unknown>[] = [
    { id: "subject", header: t.subject, accessorFn: (r) => r.name },
    { id: "average", header: t.average, accessorFn: (r) => r.measures.average, cell: (c) => fmt(c.row.original.measures.average, 2) },
    { id: "success", header: t.successRate, accessorFn: (r) => r.measures.successRate, cell: (c) => fmt(c.row.original.measures.successRate, 1) },
    { id: "quality", header: t.qualityRate, accessorFn: (r) => r.measures.qualityRate, cell: (c) => fmt(c.row.original.measures.qualityRate, 1) },
    ...(["m5", "m4", "m3", "m2"] as const).map((k): ColumnDef<SubjectRow, unknown> => ({ id: k, header: t.marks[k], accessorFn: (r) => r.measures.marks[k] })),
  ];
  const o = data.overall;
  const totals = [t.overall, fmt(o.average, 2), fmt(o.successRate, 1), fmt(o.qualityRate, 1), o.marks.m5, o.marks.m4, o.marks.m3, o.marks.m2];
  const learnerColumns: ColumnDef<LearnerRow, unknown>[] = [
    { id: "learner", header: t.learner, accessorFn: (r) => r.name, cell: (c) => cardLink(c.row.original) },
    ...data.subjects.map((s): ColumnDef<LearnerRow, unknown> => ({ id: s.subjectId, header: s.name, accessorFn: (r) => r.cells[s.subjectId] ?? "" })),
  ];
  return (
    <div className="space-y-6" data-testid="class-performance">
      <p className="text-slate-700">
        {data.class.label}, {data.class.yearLabel}, {data.period}: {t.learners.toLowerCase()} — {o.learners}
      </p>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t.subjectsCaption}</h2>
        <StaticTable columns={subjectColumns} data={data.subjects} emptyText={t.noMarks} testId="performance-subjects" rowTestId={(r) => `subject-${r.code}`} getRowId={(r) => r.subjectId} label={t.subjectsCaption} sortable totals={totals} />
      </section>
      <LearnerList testId="performance-failing" title={t.failingTitle} none={t.failingNone}>
        {data.failing.map((l) => (
          <li key={l.learnerId}>
            {cardLink(l)} <span className="text-slate-600">— {l.subjects.join(", ")}</span>
          </li>
        ))}
      </LearnerList>
      <LearnerList testId="performance-without-result" title={t.withoutResultTitle} none={t.withoutResultNone}>
        {data.withoutResult.map((l) => (
          <li key={l.learnerId}>{cardLink(l)}</li>
        ))}
      </LearnerList>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t.tableTitle}</h2>
        <StaticTable columns={learnerColumns} data={data.table} emptyText={t.noLearners} testId="performance-marks" getRowId={(r) => r.learnerId} label={t.tableTitle} sortable />
      </section>
    </div>
  );
}

/** A titled list of named learners, or a sentence saying there are none. */
function LearnerList({ testId, title, none, children }: { testId: string; title: string; none: string; children: React.ReactNode[] }) {
  return (
    <section className="space-y-2" data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {children.length === 0 ? <p>{none}</p> : <ul className="space-y-1">{children}</ul>}
    </section>
  );
}
