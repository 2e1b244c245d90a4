"use client";
// Year-end rollover of the whole school: the server's default plan (promote
// everyone, graduate grades 9 and 11), the school's changes per learner, one
// order for all. Only the changed decisions are sent; the server re-plans and
// applies everything in one transaction, or nothing.
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { emptyOrder, FormAlert, OrderFields } from "@/components/movement/order-fields";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { QueryState } from "@/components/query-state";
import { ZRolloverInput } from "@/lib/schemas/movement";
import { useTRPC } from "@/trpc/react";
import { academicYearLabel } from "@/lib/schemas/programme";
import { classKeys, countActions, overridesOf, tallyOf, type Counts, type RolloverAction } from "./plan";
import { RolloverTable, type Decisions, type RolloverRow } from "./rollover-table";

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
            <RolloverPlan rows={data.rows} academicYear={data.academicYear} classes={data.classes} onDone={setResult} />
          )
        }
      </QueryState>
    </div>
  );
}

function RolloverPlan({ rows, academicYear, classes, onDone }: { rows: RolloverRow[]; academicYear: number; classes: { grade: number; letter: string }[]; onDone: (counts: Counts) => void }) {
  const { m } = useMessages();
  const t = m.rollover;
  const c = m.rolloverClasses;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [decisions, setDecisions] = useState<Decisions>({ choices: {}, letters: {} });
  const [createClasses, setCreateClasses] = useState(false);
  const [order, setOrder] = useState(emptyOrder);
  const form = useFormErrors(t.checkFields);
  const have = classKeys(classes);
  const lettersOf = (grade: number) => classes.filter((k) => k.grade === grade).map((k) => k.letter);
  const tally = tallyOf(rows, decisions.choices, decisions.letters, have);
  const counts = countActions(rows, decisions.choices);
  const overrides = overridesOf(rows, decisions.choices, decisions.letters);
  const missing = tally.missing.join(", ");

  const commit = useMutation(
    trpc.movement.rollover.commit.mutationOptions({
      onSuccess: async (done) => {
        setDecisions({ choices: {}, letters: {} });
        setCreateClasses(false);
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

  function decide(ids: string[], action: RolloverAction, letter?: string) {
    setDecisions((d) => {
      const choices = { ...d.choices };
      const letters = { ...d.letters };
      for (const id of ids) {
        choices[id] = action;
        if (letter) letters[id] = letter;
        else delete letters[id];
      }
      return { choices, letters };
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = form.validate(ZRolloverInput, { order, overrides, createClasses: tally.undecided > 0 && createClasses });
    if (!data || !window.confirm(t.confirm(counts))) return;
    commit.mutate(data);
  }

  return (
    <>
      {/* The totals stay in view while the school works through its classes. */}
      <div className="sticky top-0 z-10 rounded-lg border border-slate-300 bg-white/95 px-3 py-2 text-sm shadow-sm" data-testid="rollover-totals" role="status">
        <span className="font-semibold">{t.totalsTitle}: </span>
        <span data-testid="rollover-tally">{c.tally(tally)}</span>
        {overrides.length > 0 && <span className="ml-2 text-amber-800">({t.overrides(overrides.length)})</span>}
        <span className="ml-2 text-slate-600">{c.yearNote(academicYearLabel(academicYear))}</span>
      </div>
      <RolloverTable rows={rows} decisions={decisions} have={have} lettersOf={lettersOf} onDecide={decide} disabled={commit.isPending} />
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="rollover-form">
        {tally.undecided > 0 && (
          <div className="space-y-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="rollover-missing-classes">
            <p className="font-semibold">{c.missingTitle(missing)}</p>
            <p>{c.undecidedBlock}</p>
            <label className="flex items-start gap-2 font-medium">
              <input type="checkbox" className="mt-1" name="createClasses" checked={createClasses} onChange={(e) => setCreateClasses(e.target.checked)} data-testid="rollover-create-classes" />
              <span>{c.createMissing(missing)}</span>
            </label>
            <Link href="/school/classes" className="underline">{c.createLink}</Link>
          </div>
        )}
        <OrderFields title={t.orderSection} draft={order} errors={form.errors} onChange={(p) => setOrder((o) => ({ ...o, ...p }))} />
        {/* A refusal about the plan itself (a learner left the school meanwhile, a class missing) names no order field. */}
        <FormAlert text={form.errors.overrides ?? form.errors.createClasses ?? form.formError} />
        <button type="submit" disabled={commit.isPending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {commit.isPending ? t.submitting : t.submit}
        </button>
      </form>
    </>
  );
}
