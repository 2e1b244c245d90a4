"use client";
// First-grade places per school for the academic year: one small form per
// school (the admission forecast compares them with the children expected).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ZSetFirstGradePlacesInput } from "@/lib/schemas/territories";
import { useTRPC } from "@/trpc/react";
import { useFormErrors } from "../forms/use-form-errors";
import { useHydrated } from "../forms/use-hydrated";
import { PlainTable, smallButton } from "../learners/card/portfolio/portfolio-form";
import { useMessages } from "../messages-provider";

interface School {
  id: string;
  shortName: string;
  places: number | null;
}

export function TerritoryPlaces({ schools, academicYear }: { schools: School[]; academicYear: number }) {
  const { m } = useMessages();
  const t = m.territories;
  return (
    <section className="space-y-2" aria-labelledby="territory-places">
      <h2 id="territory-places" className="text-lg font-medium">{t.placesTitle}</h2>
      <p className="text-sm text-slate-600">{t.placesLead}</p>
      <PlainTable
        testId="territory-places"
        empty="—"
        headers={[t.school, t.places]}
        rows={schools.map((s) => ({ id: s.id, cells: [s.shortName, <PlacesForm key={`${s.id}-${academicYear}`} school={s} academicYear={academicYear} />] }))}
      />
    </section>
  );
}

function PlacesForm({ school, academicYear }: { school: School; academicYear: number }) {
  const { m } = useMessages();
  const t = m.territories;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [value, setValue] = useState(school.places === null ? "" : String(school.places));
  const errors = useFormErrors(t.checkFields, { fields: ["places"] });
  const save = useMutation(
    trpc.territories.setPlaces.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.territories.pathKey() }),
      onError: errors.server,
    }),
  );
  const name = `places-${school.id}`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = errors.validate(ZSetFirstGradePlacesInput, { organisationId: school.id, academicYear, places: value.trim() === "" ? undefined : Number(value) });
    if (parsed) save.mutate(parsed);
  };
  const error = errors.errors.places ?? errors.formError;
  return (
    <form method="post" noValidate onSubmit={submit} className="flex flex-wrap items-start gap-2">
      <label className="sr-only" htmlFor={name}>{`${t.places}: ${school.shortName}`}</label>
      <div>
        <input
          id={name}
          name={name}
          type="number"
          inputMode="numeric"
          min={0}
          max={10000}
          placeholder={t.notSet}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
          className={`w-28 rounded border px-2 py-1 ${error ? "border-red-500" : "border-slate-300"}`}
        />
        {error && (
          <span id={`${name}-error`} className="mt-1 block text-sm text-red-700">
            {error}
          </span>
        )}
      </div>
      <button type="submit" className={smallButton} disabled={!hydrated || save.isPending}>
        {t.setPlaces}
      </button>
    </form>
  );
}
