"use client";
// The last drill-down step: the learners of one class, each linked to the
// ministry's read-only card. The server audits the read.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { Section } from "./bars";
import { TableFrame } from "@/components/table-frame";

export function ClassList({ organisationId, grade, letter }: { organisationId: string; grade: number | null; letter: string | null }) {
  const { m } = useMessages();
  const t = m.dashboard;
  const trpc = useTRPC();
  const query = useQuery(trpc.ministry.dashboard.classList.queryOptions({ organisationId, grade, letter }));
  return (
    <Section title={t.sections.classList} testId="dashboard-class-list">
      <QueryState query={query}>
        {(data) =>
          data.learners.length === 0 ? (
            <p className="text-sm text-slate-500">{t.empty}</p>
          ) : (
            <TableFrame>
              <table className="min-w-full text-sm" data-testid="dashboard-class-list-table">
                <thead>
                  <tr className="border-b text-left text-slate-500">
                    <th className="py-1 pr-3">{t.fullName}</th>
                    <th className="py-1 pr-3">{t.birthDate}</th>
                    <th className="py-1 pr-3">{t.sex}</th>
                    <th className="py-1">{t.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.learners.map((l) => (
                    <tr key={l.id} className="border-b last:border-0">
                      <td className="py-1 pr-3">
                        <Link href={`/ministry/learners/${l.id}`} className="text-brand-700 underline" title={t.openCard}>
                          {[l.lastName, l.firstName, l.middleName].filter(Boolean).join(" ")}
                        </Link>
                      </td>
                      <td className="py-1 pr-3 tabular-nums">{formatDate(l.birthDate)}</td>
                      <td className="py-1 pr-3">{m.vocab.sexes[l.sex]}</td>
                      <td className="py-1">{m.vocab.enrolmentStatuses[l.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          )
        }
      </QueryState>
    </Section>
  );
}
