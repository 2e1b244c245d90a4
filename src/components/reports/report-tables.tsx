// The tables of a report model, as rendered on screen (the same cells as the
// XLSX and PDF files), with the header block above them.
import type { ReportModel } from "@/server/services/reports/report-model";
import { useMessages } from "../messages-provider";

export function ReportTables({ model }: { model: ReportModel }) {
  const { m } = useMessages();
  const h = m.reports.header;
  const hd = model.header;
  const lines: [string, string][] = [
    [h.region, hd.region],
    [h.scope, hd.scope],
    hd.asOf ? [h.asOf, hd.asOf] : [h.period, `${hd.from} — ${hd.to}`],
    [h.generatedBy, hd.generatedBy],
    [h.generatedAt, hd.generatedAt],
  ];
  return (
    <div className="space-y-6" data-testid={`report-${model.kind}`}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="report-header">
        {lines.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {model.hiddenBelow !== undefined && (
        <p className="text-sm text-slate-600" data-testid="report-hidden-note">
          {m.reports.hiddenNote.replaceAll("{n}", String(model.hiddenBelow))}
        </p>
      )}
      {model.tables.map((table, ti) => (
        <section key={table.caption} className="space-y-2">
          <h2 className="font-medium">{table.caption}</h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid={`report-table-${ti}`}>
              <thead className="bg-slate-50">
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  {table.columns.map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.length === 0 ? (
                  <tr>
                    <td colSpan={table.columns.length} className="px-3 py-6 text-center text-slate-500">
                      {m.reports.empty}
                    </td>
                  </tr>
                ) : (
                  table.rows.map((row, ri) => (
                    <tr key={ri} className="border-b border-slate-100">
                      {row.map((v, ci) => (
                        <td key={ci} className={`px-3 py-1.5 ${ci === 0 ? "" : "text-right tabular-nums"}`}>
                          {v}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
              {table.totals && table.rows.length > 0 && (
                <tfoot>
                  <tr className="bg-slate-50 font-medium" data-testid="report-totals">
                    {table.totals.map((v, ci) => (
                      <td key={ci} className={`px-3 py-1.5 ${ci === 0 ? "" : "text-right tabular-nums"}`}>
                        {v}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
