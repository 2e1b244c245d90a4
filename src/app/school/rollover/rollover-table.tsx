"use client";
// The rollover plan, one collapsible section per class: a summary line, bulk
// actions for the whole class («Всех перевести в 5Б», «Выпустить всех»), and,
// when opened, each learner's decision and next year's class. Sections start
// closed, so a school of 600 learners is a page of ~25 lines, not 600 selects.
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { classLabel, fullName, vocab } from "@/components/learners/display";
import { useMessages } from "@/components/messages-provider";
import { ROLLOVER_ACTIONS } from "@/lib/schemas/movement";
import type { AppRouter } from "@/server/trpc/root";
import { actionOf, countActions, groupByClass, nextPlacement, rowTarget, type PlanRow, type RolloverAction } from "./plan";

export type RolloverRow = inferRouterOutputs<AppRouter>["movement"]["rollover"]["preview"]["rows"][number];

export interface Decisions {
  choices: Record<string, RolloverAction>;
  letters: Record<string, string>;
}

interface RolloverTableProps {
  rows: RolloverRow[];
  decisions: Decisions;
  /** Next year's classes: "grade|letter". */
  have: ReadonlySet<string>;
  /** Letters of next year's classes per grade. */
  lettersOf: (grade: number) => string[];
  onDecide: (ids: string[], action: RolloverAction, letter?: string) => void;
  disabled: boolean;
}

export function RolloverTable(props: RolloverTableProps) {
  return (
    <div className="space-y-2" data-testid="rollover-table">
      {groupByClass(props.rows).map((group) => (
        <ClassSection key={group.key} {...props} rows={group.rows} from={group.from} />
      ))}
    </div>
  );
}

function ClassSection({ rows, from, decisions, have, lettersOf, onDecide, disabled }: RolloverTableProps & { from: PlanRow["from"] }) {
  const { m } = useMessages();
  const t = m.rollover;
  const c = m.rolloverClasses;
  const [open, setOpen] = useState(false);
  const label = classLabel(from.grade, from.classLetter);
  const next = nextPlacement(from);
  const nextLetters = next?.grade != null ? lettersOf(next.grade) : [];
  const [bulkLetter, setBulkLetter] = useState(from.classLetter && nextLetters.includes(from.classLetter) ? from.classLetter : (nextLetters[0] ?? ""));
  const counts = countActions(rows, decisions.choices);
  const ids = rows.map((r) => r.enrolmentId);
  const bodyId = `rollover-body-${label}`;
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid={`rollover-class-${label}`}>
      <div className="flex flex-wrap items-center gap-3 px-3 py-2">
        <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)} className="font-semibold text-slate-800 hover:underline" data-testid="rollover-toggle">
          <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>
          {t.classHeading(label, vocab(m.vocab.levels, from.level), rows.length)}
        </button>
        <span className="text-sm text-slate-600">{t.totals(counts)}</span>
        <span className="ml-auto flex flex-wrap items-center gap-2 text-sm">
          {next && nextLetters.length > 0 && (
            <>
              <label className="flex items-center gap-1">
                {c.bulkPromote}
                <select value={bulkLetter} disabled={disabled} onChange={(e) => setBulkLetter(e.target.value)} className="rounded border border-slate-300 bg-white px-2 py-1" data-testid="rollover-bulk-letter">
                  {nextLetters.map((l) => (
                    <option key={l} value={l}>{`${next.grade}${l}`}</option>
                  ))}
                </select>
              </label>
              <button type="button" disabled={disabled} onClick={() => onDecide(ids, "PROMOTION", bulkLetter)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" data-testid="rollover-bulk-promote">
                {c.bulkApply}
              </button>
            </>
          )}
          <button type="button" disabled={disabled} onClick={() => onDecide(ids, "GRADUATION")} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100" data-testid="rollover-bulk-graduate">
            {c.bulkGraduate}
          </button>
        </span>
      </div>
      {open && (
        <div id={bodyId} className="overflow-x-auto border-t border-slate-200">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50">
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="px-3 py-2 font-medium">{t.learner}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t.action}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t.target}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <LearnerRow key={row.enrolmentId} row={row} decisions={decisions} have={have} lettersOf={lettersOf} onDecide={onDecide} disabled={disabled} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LearnerRow({ row, decisions, have, lettersOf, onDecide, disabled }: Omit<RolloverTableProps, "rows"> & { row: RolloverRow }) {
  const { m } = useMessages();
  const t = m.rollover;
  const c = m.rolloverClasses;
  const action = actionOf(row, decisions.choices);
  const target = rowTarget(row, decisions.choices, decisions.letters);
  const changed = action !== row.defaultAction || (target?.classLetter ?? null) !== (action === "GRADUATION" ? null : row.from.classLetter);
  const missing = target?.grade != null && target.classLetter !== null && !have.has(`${target.grade}|${target.classLetter}`);
  const name = fullName(row.learner);
  const letters = target?.grade != null ? lettersOf(target.grade) : [];
  return (
    <tr data-testid="rollover-row" className={`border-b border-slate-100 last:border-0 ${changed ? "bg-amber-50" : ""}`}>
      <td className="px-3 py-2">
        {name} <span className="text-slate-500" data-testid="rollover-from">{classLabel(row.from.grade, row.from.classLetter)}</span>
      </td>
      <td className="px-3 py-2">
        <select
          aria-label={`${t.action}: ${name}`}
          data-testid="rollover-action"
          value={action}
          disabled={disabled}
          onChange={(e) => onDecide([row.enrolmentId], e.target.value as RolloverAction, decisions.letters[row.enrolmentId])}
          className="w-full min-w-56 rounded border border-slate-300 bg-white px-2 py-1 focus:border-brand-600"
        >
          {ROLLOVER_ACTIONS.map((a) => (
            <option key={a} value={a} disabled={a === "PROMOTION" && !nextPlacement(row.from)}>
              {t.actions[a]}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2 whitespace-nowrap" data-testid="rollover-target">
        {target ? (
          <>
            {letters.length > 0 && (
              <select
                aria-label={`${c.targetClass}: ${name}`}
                data-testid="rollover-target-class"
                value={target.classLetter ?? ""}
                disabled={disabled}
                onChange={(e) => onDecide([row.enrolmentId], action, e.target.value)}
                className="mr-2 rounded border border-slate-300 bg-white px-2 py-1"
              >
                {missing && target.classLetter && <option value={target.classLetter}>{`${target.grade}${target.classLetter}`}</option>}
                {letters.map((l) => (
                  <option key={l} value={l}>{`${target.grade}${l}`}</option>
                ))}
              </select>
            )}
            {`${classLabel(target.grade, target.classLetter)} · ${vocab(m.vocab.levels, target.level)}`}
            {missing && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">{c.missingClass}</span>}
          </>
        ) : (
          t.graduates
        )}
        {changed && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">{t.changed}</span>}
      </td>
    </tr>
  );
}
