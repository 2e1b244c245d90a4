"use client";
// Loading and error states of a query, in the user's language. Server error
// messages are already safe to show (see the tRPC error formatter).
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useMessages } from "./messages-provider";

/** A failed request's message (already safe to show), or nothing. */
export function QueryError({ error }: { error: { message: string } | null | undefined }) {
  const { m } = useMessages();
  if (!error) return null;
  return (
    <p role="alert" data-testid="query-error" className="rounded bg-red-50 px-3 py-2 text-red-700">
      {error.message || m.errors.generic}
    </p>
  );
}

export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T, { message: string }>;
  children: (data: T) => ReactNode }) {
  const { m } = useMessages();
  if (query.isPending) return <p className="text-slate-500">{m.common.loading}</p>;
  if (query.isError)
    return <QueryError error={query.error} />;
  return <>{children(query.data)}</>;
}
