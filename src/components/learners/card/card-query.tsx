"use client";
// Loads a learner's card; NOT_FOUND (absent or outside the caller's scope,
// which look the same on purpose) gets the standard "not found" text.
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { useMessages } from "@/components/messages-provider";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";

export type CardData = inferRouterOutputs<AppRouter>["learners"]["card"];
export type PersonalLearner = Extract<CardData, { view: "personal" }>["learner"];
export type RepresentativeView = PersonalLearner["representatives"][number];

export function useCardQueryKey(id: string) {
  const trpc = useTRPC();
  return trpc.learners.card.queryKey({ id });
}

export function CardQuery({ id, children }: { id: string; children: (card: CardData) => ReactNode }) {
  const { m } = useMessages();
  const trpc = useTRPC();
  const query = useQuery(trpc.learners.card.queryOptions({ id }));
  if (query.isPending) return <p className="text-slate-500">{m.common.loading}</p>;
  if (query.isError) {
    const notFound = query.error.data?.code === "NOT_FOUND";
    return (
      <p role="alert" data-testid={notFound ? "learner-not-found" : "query-error"} className="rounded bg-red-50 px-3 py-2 text-red-700">
        {notFound ? m.learnerCard.notFound : query.error.message || m.errors.generic}
      </p>
    );
  }
  return <>{children(query.data)}</>;
}

/** label → value pairs as a definition list; empty values show a dash. */
export function Details({ items, testId }: { items: [string, ReactNode][]; testId?: string }) {
  const { m } = useMessages();
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd>{value === "" || value === null || value === undefined ? m.common.none : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ title, children, testId, actions }: { title: string; children: ReactNode; testId?: string; actions?: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 className="font-semibold text-slate-800">{title}</h2>
        {actions && <div className="ml-auto flex gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
