"use client";
// The school's data-quality list: one group per failed check, each learner
// linking to its card, where the data is fixed.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QUALITY_CHECKS } from "@/lib/quality-checks";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";

export function SchoolQuality() {
  const trpc = useTRPC();
  const { m } = useMessages();
  const query = useQuery(trpc.school.quality.list.queryOptions());
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{m.quality.schoolTitle}</h1>
      <p className="text-slate-600">{m.quality.schoolLead}</p>
      <QueryState query={query}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{m.quality.none}</p>
          ) : (
            <div className="space-y-4">
              {QUALITY_CHECKS.map((check) => {
                const failing = rows.filter((r) => r.checks.includes(check));
                if (failing.length === 0) return null;
                return (
                  <section key={check} data-testid={`quality-${check}`} className="rounded border border-slate-200 p-3">
                    <h2 className="font-medium">
                      {m.quality.checks[check]} <span className="text-slate-500">({failing.length})</span>
                    </h2>
                    <ul className="mt-2 space-y-1">
                      {failing.map((r) => (
                        <li key={r.learnerId}>
                          <Link href={`/school/learners/${r.learnerId}`} className="text-blue-700 underline">
                            {r.name}
                          </Link>
                          {r.class ? <span className="ml-2 text-slate-500">{r.class}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
