"use client";
// The ministry's «Закреплённые территории» (issue 22): the municipality (the
// region's officer picks one; a municipality's officer has its own) and the
// academic year, kept in the URL; then the year's orders with their
// assignments by school, the first-grade places, overlaps and unassigned
// houses, and the lookup «which school for this address».
import { useQuery } from "@tanstack/react-query";
import { academicYearLabel } from "@/lib/schemas/programme";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";
import { QueryState } from "../query-state";
import { SelectField } from "../select-field";
import { useUrlFilters } from "../use-url-filters";
import { TerritoryHouses } from "./territory-houses";
import { TerritoryLookup } from "./territory-lookup";
import { TerritoryOrders } from "./territory-orders";
import { TerritoryPlaces } from "./territory-places";

const KEYS = ["year", "municipalityId"] as const;

export function TerritoriesPage({ regionLevel, currentYear }: { regionLevel: boolean; currentYear: number }) {
  const { m } = useMessages();
  const t = m.territories;
  const trpc = useTRPC();
  const { applied, apply } = useUrlFilters(KEYS);
  const years = [currentYear - 1, currentYear, currentYear + 1];
  const year = years.includes(Number(applied.year)) ? Number(applied.year) : currentYear;
  const municipalityId = applied.municipalityId || undefined;
  const choose = (changes: Partial<Record<(typeof KEYS)[number], string>>) => apply({ year: String(year), municipalityId: municipalityId ?? "", ...changes });
  const municipalities = useQuery({ ...trpc.ministry.reports.territories.queryOptions(), enabled: regionLevel });
  const ready = !regionLevel || Boolean(municipalityId);
  const input = { academicYear: year, ...(municipalityId ? { municipalityId } : {}) };
  const list = useQuery({ ...trpc.territories.list.queryOptions(input), enabled: ready });

  return (
    <div className="space-y-8" data-testid="territories-page">
      <div>
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-600">{t.lead}</p>
      </div>
      <div className="flex flex-wrap items-start gap-4">
        {regionLevel && (
          <SelectField
            label={t.municipality}
            name="territories-municipality"
            className="w-80"
            value={municipalityId ?? ""}
            onChange={(e) => choose({ municipalityId: e.target.value })}
            placeholder="—"
            options={(municipalities.data ?? []).map((mu) => ({ value: mu.id, label: mu.name }))}
            data-testid="territories-municipality"
          />
        )}
        <SelectField
          label={t.academicYear}
          name="territories-year"
          className="w-40"
          value={String(year)}
          onChange={(e) => choose({ year: e.target.value })}
          options={years.map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
          data-testid="territories-year"
        />
      </div>
      {!ready ? (
        <p className="text-slate-600">{t.chooseMunicipality}</p>
      ) : (
        <QueryState query={list}>
          {(data) => (
            <>
              {!regionLevel && <p className="font-medium">{data.municipality.name}</p>}
              <TerritoryOrders data={data} input={input} />
              <TerritoryPlaces schools={data.schools} academicYear={year} />
              <TerritoryHouses input={input} />
            </>
          )}
        </QueryState>
      )}
      <TerritoryLookup academicYear={year} />
    </div>
  );
}
