"use client";
// The year's orders of a municipality: a form to add an order, and for each
// order its assignments grouped by school, a form to assign a house, street or
// settlement to a school, the copy of last year's assignments, and deletion.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";
import { formatDate } from "@/lib/format";
import { TERRITORY_OBJECT_KINDS, ZAddTerritoryAssignmentInput, ZCreateTerritoryOrderInput } from "@/lib/schemas/territories";
import { useTRPC } from "@/trpc/react";
import { AddressInput } from "../addresses/address-input";
import { Field } from "../field";
import { useFormErrors } from "../forms/use-form-errors";
import { AddButton, FormFrame, PlainTable, smallButton } from "../learners/card/portfolio/portfolio-form";
import { useMessages } from "../messages-provider";
import { SelectField } from "../select-field";

type Territories = inferRouterOutputs<AppRouter>["territories"]["list"];
type Order = Territories["orders"][number];

export function TerritoryOrders({ data, input }: { data: Territories; input: { academicYear: number; municipalityId?: string } }) {
  const { m } = useMessages();
  const t = m.territories;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<{ orderNumber: string; orderDate: string } | null>(null);
  const errors = useFormErrors(t.checkFields, { fields: ["orderNumber", "orderDate"] });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.territories.pathKey() });
  const create = useMutation(
    trpc.territories.createOrder.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setDraft(null);
      },
      onError: errors.server,
    }),
  );
  const submit = () => {
    const parsed = errors.validate(ZCreateTerritoryOrderInput, { ...input, ...draft });
    if (parsed) create.mutate(parsed);
  };

  return (
    <section className="space-y-4" aria-labelledby="territory-orders">
      <div className="flex items-center justify-between gap-2">
        <h2 id="territory-orders" className="text-lg font-medium">{t.orders}</h2>
        <AddButton
          show={!draft}
          testId="territory-order-add"
          label={t.addOrder}
          onClick={() => {
            errors.clear();
            setDraft({ orderNumber: "", orderDate: "" });
          }}
        />
      </div>
      {draft && (
        <FormFrame testId="territory-order-form" onSubmit={submit} onCancel={() => setDraft(null)} pending={create.isPending} error={errors.formError} fieldErrors={errors.errors} focusToken={errors.failedSubmits}>
          <Field label={t.orderNumber} name="orderNumber" value={draft.orderNumber} maxLength={50} error={errors.errors.orderNumber} onChange={(e) => setDraft({ ...draft, orderNumber: e.target.value })} />
          <Field label={t.orderDate} name="orderDate" type="date" value={draft.orderDate} error={errors.errors.orderDate} onChange={(e) => setDraft({ ...draft, orderDate: e.target.value })} />
        </FormFrame>
      )}
      {data.orders.length === 0 && <p className="text-sm text-slate-500">{t.noOrders}</p>}
      {data.orders.map((order) => (
        <OrderCard key={order.id} order={order} schools={data.schools} municipalityId={data.municipality.id} onChanged={refresh} />
      ))}
    </section>
  );
}

function OrderCard({ order, schools, municipalityId, onChanged }: { order: Order; schools: Territories["schools"]; municipalityId: string; onChanged: () => Promise<unknown> }) {
  const { m } = useMessages();
  const t = m.territories;
  const trpc = useTRPC();
  const [adding, setAdding] = useState<{ organisationId: string; objectKind: string; garObjectId: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFormErrors(t.checkFields, { fields: ["organisationId", "objectKind", "garObjectId"] });
  const after = { onSuccess: () => onChanged(), onError: (e: { message: string }) => setNotice(e.message) };
  const add = useMutation(
    trpc.territories.addAssignment.mutationOptions({
      onSuccess: async () => {
        await onChanged();
        setAdding(null);
      },
      onError: errors.server,
    }),
  );
  const remove = useMutation(trpc.territories.removeAssignment.mutationOptions(after));
  const drop = useMutation(trpc.territories.deleteOrder.mutationOptions(after));
  const copy = useMutation(
    trpc.territories.copyPreviousYear.mutationOptions({
      onSuccess: async (r) => {
        setNotice(t.copied(r.copied));
        await onChanged();
      },
      onError: (e) => setNotice(e.message),
    }),
  );
  const submit = () => {
    const parsed = errors.validate(ZAddTerritoryAssignmentInput, { orderId: order.id, ...adding });
    if (parsed) add.mutate(parsed);
  };
  const rows = order.schools.flatMap((s) =>
    s.assignments.map((a) => ({
      id: a.id,
      cells: [
        s.shortName,
        t.kinds[a.objectKind] ?? a.objectKind,
        a.label,
        <button key="remove" type="button" className={smallButton} disabled={remove.isPending} aria-label={`${t.remove}: ${a.label}`} onClick={() => remove.mutate({ assignmentId: a.id })}>
          {t.remove}
        </button>,
      ],
    })),
  );

  return (
    <article className="space-y-2 rounded border border-slate-200 p-3" data-testid="territory-order">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{t.orderTitle(order.orderNumber, formatDate(order.orderDate))}</h3>
        <div className="flex flex-wrap gap-2">
          <AddButton
            show={!adding}
            testId="territory-assignment-add"
            label={t.addAssignment}
            onClick={() => {
              errors.clear();
              setAdding({ organisationId: schools[0]?.id ?? "", objectKind: "STREET", garObjectId: "" });
            }}
          />
          <button type="button" className={smallButton} disabled={copy.isPending} onClick={() => copy.mutate({ orderId: order.id })}>
            {t.copyPrevious}
          </button>
          <button type="button" className={smallButton} disabled={drop.isPending} onClick={() => window.confirm(t.confirmDelete) && drop.mutate({ orderId: order.id })}>
            {t.deleteOrder}
          </button>
        </div>
      </div>
      {notice && (
        <p role="status" className="text-sm text-slate-700">
          {notice}
        </p>
      )}
      {adding && (
        <FormFrame testId="territory-assignment-form" onSubmit={submit} onCancel={() => setAdding(null)} pending={add.isPending} error={errors.formError} fieldErrors={errors.errors} focusToken={errors.failedSubmits}>
          <SelectField label={t.school} name="organisationId" value={adding.organisationId} error={errors.errors.organisationId} onChange={(e) => setAdding({ ...adding, organisationId: e.target.value })} options={schools.map((s) => ({ value: s.id, label: s.shortName }))} />
          <div className="sm:col-span-2 lg:col-span-3">
            <label htmlFor={`address-${order.id}`} className="mb-1 block text-sm font-medium text-slate-700">
              {t.pickAddress}
            </label>
            <AddressInput
              id={`address-${order.id}`}
              municipalityId={municipalityId}
              maxLength={500}
              invalid={Boolean(errors.errors.garObjectId)}
              describedBy={errors.errors.garObjectId ? "garObjectId-error" : undefined}
              onPick={(item) => setAdding({ ...adding, objectKind: item.kind, garObjectId: item.objectId })}
            />
          </div>
          <SelectField label={t.kind} name="objectKind" value={adding.objectKind} error={errors.errors.objectKind} onChange={(e) => setAdding({ ...adding, objectKind: e.target.value })} options={TERRITORY_OBJECT_KINDS.map((k) => ({ value: k, label: t.kinds[k] ?? k }))} />
          <div>
            <Field label={t.objectId} name="garObjectId" inputMode="numeric" maxLength={19} autoComplete="off" value={adding.garObjectId} error={errors.errors.garObjectId} onChange={(e) => setAdding({ ...adding, garObjectId: e.target.value })} />
            <p className="mt-1 text-xs text-slate-600">{t.objectIdHint}</p>
          </div>
        </FormFrame>
      )}
      <PlainTable testId="territory-assignments" empty={t.noAssignments} headers={[t.school, t.kind, t.object, <span key="actions" className="sr-only">{t.actions}</span>]} rows={rows} />
    </article>
  );
}
