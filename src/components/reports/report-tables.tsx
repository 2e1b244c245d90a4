// The tables of a report model, as rendered on screen (the same cells as the
// XLSX and PDF files), with the header block above them.
import type { ReportModel } from "@/server/services/reports/report-model";
import { useMessages } from "../messages-provider";
import { ReportTableView } from "./report-table-view";
import { TableFrame } from "@/components/table-frame";

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
          <TableFrame className="rounded-lg border border-slate-200 bg-white">
            <ReportTableView table={table} index={ti} />
          </TableFrame>
        </section>
      ))}
    </div>
  );
}
