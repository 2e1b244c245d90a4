"use client";
// The school's register of issued справки об обучении (issue 21): the справки
// of a date range (this calendar year by default), each with its PDF, and the
// same list as XLSX. A range the server would refuse gets its message next to
// its field and is not asked for; the server checks again and audits each read.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDate } from "@/lib/format";
import { periodProblem } from "@/lib/report-period";
import { academicYearLabel } from "@/lib/schemas/programme";
import { regionToday } from "@/lib/time-zone";
import { useTRPC } from "@/trpc/react";
import { Field } from "../field";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { StaticTable } from "../static-table";
import { studyCertificatePdfHref } from "./learner-section";

export function StudyCertificateRegisterPage() {
  const { m } = useMessages();
  const t = m.studyCertificates;
  const trpc = useTRPC();
  const today = regionToday();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const problem = periodProblem(from, to);
  const errorOf = (field: "from" | "to") => (problem?.field === field ? m.reports.periodErrors[problem.problem] : undefined);
  const query = useQuery({ ...trpc.studyCertificates.register.queryOptions({ from, to }), enabled: problem === null });
  const c = t.columns;
  const xlsxHref = `/api/school/study-certificates/register?${new URLSearchParams({ from, to }).toString()}`;

  return (
    <div className="space-y-6" data-testid="study-certificate-register">
      <div>
        <h1 className="text-xl font-semibold">{t.register.title}</h1>
        <p className="text-sm text-slate-500">{t.register.lead}</p>
      </div>
      <div className="flex flex-wrap items-start gap-4">
        <Field label={t.register.from} name="register-from" type="date" className="w-44" value={from} error={errorOf("from")} onChange={(e) => setFrom(e.target.value)} data-testid="register-from" />
        <Field label={t.register.to} name="register-to" type="date" className="w-44" value={to} error={errorOf("to")} onChange={(e) => setTo(e.target.value)} data-testid="register-to" />
        {problem === null && (
          <a href={xlsxHref} download className="mt-6 rounded border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-slate-50" data-testid="register-xlsx">
            {t.register.download}
          </a>
        )}
      </div>
      {problem === null && (
        <QueryState query={query}>
          {(rows) => (
            <>
              <StaticTable
                testId="study-certificate-register-table"
                label={t.register.title}
                emptyText={t.register.empty}
                data={rows}
                getRowId={(r) => r.id}
                rowTestId={() => "study-certificate-register-row"}
                columns={[
                  { id: "number", header: c.number, accessorFn: (r) => r.number, cell: ({ row }) => <span className="font-mono">{`${row.original.number}/${row.original.year}`}</span> },
                  { id: "issuedOn", header: c.issuedOn, accessorFn: (r) => r.issuedOn, cell: ({ row }) => formatDate(row.original.issuedOn) },
                  {
                    id: "learner",
                    header: c.learner,
                    accessorFn: (r) => r.learner,
                    cell: ({ row }) => (
                      <Link href={`/school/learners/${row.original.learnerId}`} className="text-brand-600 hover:underline">
                        {row.original.learner}
                      </Link>
                    ),
                  },
                  { id: "birthDate", header: c.birthDate, accessorFn: (r) => r.birthDate, cell: ({ row }) => formatDate(`${row.original.birthDate}T00:00:00Z`) },
                  { id: "academicYear", header: c.academicYear, accessorFn: (r) => r.academicYear, cell: ({ row }) => academicYearLabel(row.original.academicYear) },
                  { id: "period", header: c.period, accessorFn: (r) => r.period ?? t.section.wholeYear },
                  { id: "issuedBy", header: c.issuedBy, accessorFn: (r) => r.issuedBy },
                  {
                    id: "pdf",
                    header: () => <span className="sr-only">{c.actions}</span>,
                    cell: ({ row }) => (
                      <a href={studyCertificatePdfHref(row.original.id)} download className="text-brand-600 hover:underline" aria-label={t.section.printLabel(row.original.number)}>
                        {t.section.print}
                      </a>
                    ),
                  },
                ]}
              />
              <p className="text-sm text-slate-500">{t.register.total(rows.length)}</p>
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
