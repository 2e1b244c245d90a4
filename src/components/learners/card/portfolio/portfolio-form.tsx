"use client";
// Shared pieces of the Portfolio tab: a draft form with field errors, its
// frame (save / cancel), and a plain table over a short list.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useMessages } from "@/components/messages-provider";
import type { FieldErrors } from "@/lib/errors/form-errors";
import { useTRPC } from "@/trpc/react";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { TableFrame } from "@/components/table-frame";

export type Draft = Record<string, string | boolean>;

/**
 * An add form's state: open or not, the draft and its field messages, input
 * bindings, and what a successful save does (refresh the portfolio, close).
 */
export function useDraftForm<D extends Draft>(initial: () => D, learnerId: string) {
  const { m } = useMessages();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<D>(initial);
  const errors = useFormErrors(m.portfolio.checkFields);
  const refresh = useRefreshPortfolio(learnerId);
  const set = (key: keyof D & string, value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));
  return {
    open,
    draft,
    errors,
    set,
    /** Props of a text or select input for a draft key (its message under `errorKey`). */
    bind: (key: keyof D & string, errorKey: string = key) => ({
      name: key,
      value: String(draft[key] ?? ""),
      error: errors.errors[errorKey],
      onChange: (ev: { target: { value: string } }) => set(key, ev.target.value),
    }),
    /** Mutation callbacks: refresh and close on success, messages on error. */
    saved: {
      onSuccess: async () => {
        await refresh();
        setOpen(false);
      },
      onError: errors.server,
    },
    start(next: D = initial()) {
      setDraft(next);
      errors.clear();
      setOpen(true);
    },
    close: () => setOpen(false),
  };
}

/** The vocabulary's active subjects as select options, fetched once a form opens. */
export function useSubjectOptions(enabled: boolean) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.learners.portfolio.subjects.queryOptions(), enabled, staleTime: 5 * 60_000 });
  return (query.data ?? []).map((s) => ({ value: s.id, label: s.name }));
}

/** Refetches the portfolio after a change. */
export function useRefreshPortfolio(learnerId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.learners.portfolio.get.queryKey({ learnerId }) });
}

export function FormFrame(props: {
  testId: string;
  onSubmit: () => void;
  onCancel: () => void;
  pending: boolean;
  error: string | null;
  fieldErrors?: FieldErrors;
  focusToken?: number;
  children: ReactNode;
}) {
  const { m } = useMessages();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form method="post" onSubmit={submit} noValidate className="mb-3 space-y-3 rounded border border-brand-600/30 bg-slate-50 p-3" data-testid={props.testId}>
      <ErrorSummary errors={props.fieldErrors ?? {}} message={props.error} focusToken={props.focusToken ?? 0} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">{props.children}</div>
      <div className="flex gap-2">
        <button type="submit" disabled={props.pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {m.common.save}
        </button>
        <button type="button" onClick={props.onCancel} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}

export const smallButton = "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100";

/** The section's "add" action, shown to writers while no form is open. */
export function AddButton({ show, testId, label, onClick }: { show: boolean; testId: string; label: string; onClick: () => void }) {
  if (!show) return undefined;
  return (
    <button type="button" className={smallButton} data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );
}

/** A short list in full: header cells and rows of cells. */
export function PlainTable({ headers, rows, empty, testId }: { headers: ReactNode[]; rows: { id: string; cells: ReactNode[]; muted?: boolean }[]; empty: string; testId: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500" data-testid={testId}>{empty}</p>;
  return (
    <TableFrame>
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            {headers.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={`${testId}-row`} className={`border-b border-slate-100 align-top last:border-0 ${row.muted ? "text-slate-500" : ""}`}>
              {row.cells.map((cell, i) => (
                <td key={i} className="px-3 py-2">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

/** Options of a select from a vocabulary, in the vocabulary's order. */
export const optionsOf = (labels: Record<string, string>, values: readonly string[]) => values.map((value) => ({ value, label: labels[value] ?? value }));
