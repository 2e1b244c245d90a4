"use client";
// «Какая школа закреплена за адресом»: an address typed as text, resolved
// through the directory, and the schools covering that house in the year with
// the assignment (house, street or settlement) and order that make it so.
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDate } from "@/lib/format";
import { ZSchoolsForAddressInput } from "@/lib/schemas/territories";
import { useTRPC } from "@/trpc/react";
import { AddressInput } from "../addresses/address-input";
import { useFormErrors } from "../forms/use-form-errors";
import { useHydrated } from "../forms/use-hydrated";
import { PlainTable } from "../learners/card/portfolio/portfolio-form";
import { useMessages } from "../messages-provider";

export function TerritoryLookup({ academicYear }: { academicYear: number }) {
  const { m } = useMessages();
  const t = m.territories;
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<{ houseId: string; label: string } | null>(null);
  const [asked, setAsked] = useState<{ houseId?: string; address?: string } | null>(null);
  const errors = useFormErrors(t.checkFields, { fields: ["address"] });
  const query = useQuery({ ...trpc.territories.schoolsForAddress.queryOptions({ academicYear, ...asked }), enabled: asked !== null, retry: false });
  // A house picked from the suggestions is asked by its id; any other text is resolved by the server.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const byHouse = picked && picked.label === text ? { houseId: picked.houseId } : { address: text };
    const parsed = errors.validate(ZSchoolsForAddressInput, { academicYear, ...byHouse });
    if (parsed) setAsked(parsed.houseId ? { houseId: parsed.houseId } : { address: parsed.address });
  };
  const error = errors.errors.address ?? query.error?.message;
  const result = query.data;
  return (
    <section className="space-y-3" aria-labelledby="territory-lookup">
      <h2 id="territory-lookup" className="text-lg font-medium">{t.lookupTitle}</h2>
      <form method="post" noValidate onSubmit={submit} className="flex flex-wrap items-end gap-2" data-testid="territory-lookup-form">
        <div className="w-full max-w-xl">
          <label htmlFor="territory-lookup-address" className="mb-1 block text-sm font-medium text-slate-700">
            {t.lookupAddress}
          </label>
          <AddressInput
            id="territory-lookup-address"
            name="address"
            value={text}
            maxLength={500}
            onValueChange={setText}
            onPick={(item) => setPicked(item.kind === "HOUSE" ? { houseId: item.objectId, label: item.label } : null)}
            invalid={Boolean(error)}
            describedBy={error ? "address-error" : undefined}
          />
          {error && (
            <span id="address-error" className="mt-1 block text-sm text-red-700">
              {error}
            </span>
          )}
        </div>
        <button type="submit" disabled={!hydrated} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {t.find}
        </button>
      </form>
      {result && (
        <div className="space-y-2" role="status">
          <p className="font-medium">{result.label}</p>
          {result.schools.length === 0 ? (
            <p className="text-sm text-slate-600">{t.lookupNone}</p>
          ) : (
            <PlainTable
              testId="territory-lookup-result"
              empty={t.lookupNone}
              headers={[t.school, t.via, t.order]}
              rows={result.schools.flatMap((s) =>
                s.via.map((v) => ({ id: v.assignmentId, cells: [s.shortName, `${t.kinds[v.objectKind] ?? v.objectKind}: ${v.label}`, t.orderTitle(v.orderNumber, formatDate(v.orderDate))] })),
              )}
            />
          )}
        </div>
      )}
    </section>
  );
}
