"use client";
// Year-end rollover of the whole school: the server's default plan (promote
// everyone, graduate grades 9 and 11), the school's changes per learner, one
// order for all. Only the changed decisions are sent; the server re-plans and
// applies everything in one transaction, or nothing.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { emptyOrder, FormAlert, OrderFields } from "@/components/movement/order-fields";
import { useFormErrors } from "@/components/movement/use-form-errors";
import { QueryState } from "@/components/query-state";
import { ZRolloverInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import { countActions, overridesOf, type Counts, type RolloverAction } from "./plan";
import { RolloverTable, type RolloverRow } from "./rollover-table";

export function RolloverPage() {
  const { m } = useMessages();
  const t = m.rollover;
  const trpc = useTRPC();
  const preview = useQuery(trpc.movement.rollover.preview.queryOptions());
  const [result, setResult] = useState<Counts | null>(null);

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{t.intro}</p>
      {result && (
        <div role="status" data-testid="rollover-result" className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          <p className="font-semibold">{t.doneTitle}</p>
          <p>{t.done(result)}</p>
        </div>
      )}
      <QueryState query={preview}>
        {(data) =>
          data.rows.length === 0 ? (
            <p className="text-slate-500" data-testid="rollover-empty">
              {t.empty}
            </p>
          ) : (
            <RolloverPlan rows={data.rows} onDone={setResult} />
          )
        }
      </QueryState>
    </div>
  );
}

function RolloverPlan({ rows, onDone }: { rows: RolloverRow[]; onDone: (counts: Counts) => void }) {
  const { m } = useMessages();
  const t = m.rollover;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<Record<string, RolloverAction>>({});
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(t.checkFields);
  const counts = countActions(rows, choices);
  const overrides = overridesOf(rows, choices);

  const commit = useMutation(
    trpc.movement.rollover.commit.mutationOptions({
      onSuccess: async (done) => {
        setChoices({});
        setOrder(emptyOrder());
        onDone(done);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.movement.rollover.preview.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.learners.list.queryKey() }),
        ]);
      },
      onError: form.server,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = form.validate(ZRolloverInput, { order, overrides });
    if (!data || !window.confirm(t.confirm(counts))) return;
    commit.mutate(data);
  }

  return (
    <>
      <RolloverTable rows={rows} choices={choices} onChoose={(id, action) => setChoices((c) => ({ ...c, [id]: action }))} disabled={commit.isPending} />
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="rollover-form">
        <div className="text-sm" data-testid="rollover-totals">
          <span className="font-semibold">{t.totalsTitle}: </span>
          {t.totals(counts)}
          {overrides.length > 0 && <span className="ml-2 text-amber-800">({t.overrides(overrides.length)})</span>}
        </div>
        <OrderFields title={t.orderSection} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
        {/* A refusal about the plan itself (a learner left the school meanwhile) names no order field. */}
        <FormAlert text={form.errors.overrides ?? form.formError} />
        <button type="submit" disabled={commit.isPending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {commit.isPending ? t.submitting : t.submit}
        </button>
      </form>
    </>
  );
}
