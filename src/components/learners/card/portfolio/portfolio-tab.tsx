"use client";
// The card's Portfolio tab: four lists, each with an add form for writers of
// the holding school (`canWrite`, checked again by the server).
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMessages } from "@/components/messages-provider";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { AchievementsSection } from "./achievements-section";
import { CertificatesSection } from "./certificates-section";
import { ExamsSection } from "./exams-section";
import { GradesSection } from "./grades-section";

export type PortfolioData = inferRouterOutputs<AppRouter>["learners"]["portfolio"]["get"];

/** `writes`: the kinds of rows the caller may add (the relationship decides; the server checks again). */
export function PortfolioTab({ learnerId, writes }: { learnerId: string; writes: readonly string[] }) {
  const { m } = useMessages();
  const trpc = useTRPC();
  const query = useQuery(trpc.learners.portfolio.get.queryOptions({ learnerId }));
  if (query.isPending) return <p className="text-slate-500">{m.common.loading}</p>;
  if (query.isError) {
    return (
      <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">
        {query.error.message || m.errors.generic}
      </p>
    );
  }
  const p = query.data;
  return (
    <>
      <AchievementsSection learnerId={learnerId} rows={p.achievements} canWrite={writes.includes("achievement")} />
      <ExamsSection learnerId={learnerId} rows={p.exams} canWrite={writes.includes("exam")} />
      <GradesSection learnerId={learnerId} rows={p.grades} canWrite={writes.includes("grade")} />
      <CertificatesSection learnerId={learnerId} rows={p.certificates} canWrite={writes.includes("certificate")} />
    </>
  );
}
