"use client";
import { useMessages } from "./messages-provider";

export interface MunicipalityCount {
  municipalityId: string;
  municipalityName: string;
  total: number;
  byType: Record<string, number>;
}

export function OrganisationsByMunicipality({ title, rows }: { title: string; rows: MunicipalityCount[] }) {
  const { m } = useMessages();
  const types = Object.keys(m.orgTypes) as (keyof typeof m.orgTypes)[];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-xl font-semibold">{title}</h1>
      {rows.length === 0 ? (
        <p className="text-slate-500">{m.oversight.empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="organisations-by-municipality">
            <thead>
              <tr className="border-b text-left text-slate-500">
                <th className="py-2 pr-4">{m.oversight.municipality}</th>
                {types.map((t) => (
                  <th key={t} className="py-2 pr-4 text-right">{m.orgTypes[t]}</th>
                ))}
                <th className="py-2 text-right">{m.oversight.total}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.municipalityId} className="border-b last:border-0">
                  <td className="py-2 pr-4">{r.municipalityName}</td>
                  {types.map((t) => (
                    <td key={t} className="py-2 pr-4 text-right tabular-nums">{r.byType[t] ?? 0}</td>
                  ))}
                  <td className="py-2 text-right font-medium tabular-nums">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
