"use client";
// One address's correction on the school's page: pick the house from the ГАР
// suggestions and save it, or confirm the text as it is. The page's text is
// sent back, so an address edited meanwhile is refused instead of confirmed unseen.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useTRPC } from "@/trpc/react";
import type { UnmatchedAddress } from "@/server/services/learner-addresses/views";
import { useMessages } from "../messages-provider";
import { QueryError } from "../query-state";
import { HousePicker, type PickedHouse } from "./house-picker";

export function FixAddress({ row }: { row: UnmatchedAddress }) {
  const { m } = useMessages();
  const t = m.learnerAddresses;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [picked, setPicked] = useState<PickedHouse | null>(null);
  const fix = useMutation(
    trpc.learnerAddresses.fix.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.learnerAddresses.list.queryKey() }),
    }),
  );
  const base = { learnerId: row.learner.id, kind: row.kind, text: row.text };
  const busy = !hydrated || fix.isPending;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (picked) fix.mutate({ ...base, action: "house", garHouseId: picked.objectId });
  }
  if (fix.isSuccess) return <p className="text-sm text-green-700">{t.saved}</p>;
  return (
    <form method="post" onSubmit={onSubmit} className="min-w-72 space-y-2" data-testid="fix-address">
      <HousePicker label={t.pickHouse} name={`house-${row.learner.id}-${row.kind}`} initial={row.text} onPick={setPicked} />
      {picked && <p className="text-xs text-slate-600">{t.picked(picked.label)}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={busy || !picked} className="rounded bg-brand-600 px-3 py-1 text-sm text-white hover:bg-brand-700 disabled:opacity-50">
          {fix.isPending ? t.saving : t.saveHouse}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => fix.mutate({ ...base, action: "confirm" })}
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
          data-testid="confirm-address"
        >
          {t.confirm}
        </button>
      </div>
      <QueryError error={fix.error} />
    </form>
  );
}
