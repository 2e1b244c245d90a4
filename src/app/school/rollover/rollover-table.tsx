"use client";
// The rollover plan, one block per class: each learner's decision is a select;
// a decision that differs from the default is marked, and its target shown.
import type { inferRouterOutputs } from "@trpc/server";
import { classLabel, fullName, vocab } from "@/components/learners/display";
import { useMessages } from "@/components/messages-provider";
import { ROLLOVER_ACTIONS } from "@/lib/schemas/movement";
import type { AppRouter } from "@/server/trpc/root";
import { actionOf, groupByClass, nextPlacement, targetOf, type RolloverAction } from "./plan";

export type RolloverRow = inferRouterOutputs<AppRouter>["movement"]["rollover"]["preview"]["rows"][number];

interface RolloverTableProps {
  rows: RolloverRow[];
  choices: Record<string, RolloverAction>;
  onChoose: (enrolmentId: string, action: RolloverAction) => void;
  disabled: boolean;
}

export function RolloverTable({ rows, choices, onChoose, disabled }: RolloverTableProps) {
  const { m } = useMessages();
  const t = m.rollover;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="rollover-table">
        <thead className="bg-slate-50">
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="px-3 py-2 font-medium">{t.learner}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t.from}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t.action}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t.target}</th>
          </tr>
        </thead>
        {groupByClass(rows).map((group) => {
          const label = classLabel(group.from.grade, group.from.classLetter);
          return (
            <tbody key={group.key} data-testid={`rollover-class-${label}`}>
              <tr className="border-b border-slate-200 bg-slate-100">
                <th scope="rowgroup" colSpan={4} className="px-3 py-1.5 text-left font-semibold text-slate-800">
                  {t.classHeading(label, vocab(m.vocab.levels, group.from.level), group.rows.length)}
                </th>
              </tr>
              {group.rows.map((row) => {
                const action = actionOf(row, choices);
                const changed = action !== row.defaultAction;
                const target = targetOf(row.from, action);
                const name = fullName(row.learner);
                return (
                  <tr key={row.enrolmentId} data-testid="rollover-row" className={`border-b border-slate-100 last:border-0 ${changed ? "bg-amber-50" : ""}`}>
                    <td className="px-3 py-2">{name}</td>
                    <td className="px-3 py-2 whitespace-nowrap" data-testid="rollover-from">
                      {classLabel(row.from.grade, row.from.classLetter)}
                    </td>
                    <td className="px-3 py-2">
                      <select
                        aria-label={`${t.action}: ${name}`}
                        data-testid="rollover-action"
                        value={action}
                        disabled={disabled}
                        onChange={(e) => onChoose(row.enrolmentId, e.target.value as RolloverAction)}
                        className="w-full min-w-64 rounded border border-slate-300 bg-white px-2 py-1 focus:border-brand-600"
                      >
                        {ROLLOVER_ACTIONS.map((a) => (
                          <option key={a} value={a} disabled={a === "PROMOTION" && !nextPlacement(row.from)}>
                            {t.actions[a]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap" data-testid="rollover-target">
                      {target ? `${classLabel(target.grade, target.classLetter)} · ${vocab(m.vocab.levels, target.level)}` : t.graduates}
                      {changed && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">{t.changed}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
