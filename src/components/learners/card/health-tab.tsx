"use client";
// The card's Health tab (stage 2): the current state, the dated history with
// corrections marked, and for the medic of the holding school the forms to
// record new data or correct the current record. The server decides `canWrite`.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { Details, Section } from "./card-query";
import { HealthForm } from "./health-form";
import { TableFrame } from "@/components/table-frame";

type LearnerHealth = inferRouterOutputs<AppRouter>["learners"]["health"]["get"];
export type HealthRecordView = NonNullable<LearnerHealth["current"]>;

export function HealthTab({ learnerId }: { learnerId: string }) {
  const { m } = useMessages();
  const t = m.learnerHealth;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.learners.health.get.queryOptions({ learnerId }));
  const [editing, setEditing] = useState<"new" | "correct" | null>(null);
  const [saved, setSaved] = useState(false);
  if (query.isPending) return <p className="text-slate-500">{m.common.loading}</p>;
  if (query.isError) {
    return (
      <p role="alert" data-testid="health-error" className="rounded bg-red-50 px-3 py-2 text-red-700">
        {query.error.message || m.errors.generic}
      </p>
    );
  }
  const { current, history, canWrite } = query.data;
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.learners.health.get.queryKey({ learnerId }) });
    setEditing(null);
    setSaved(true);
  };
  const button = "rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100";
  return (
    <div className="space-y-4" data-testid="health-tab">
      {saved && !editing && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          {t.saved}
        </p>
      )}
      {editing && (
        <HealthForm learnerId={learnerId} correcting={editing === "correct" ? current : null} onDone={done} onCancel={() => setEditing(null)} />
      )}
      <Section
        title={t.current}
        testId="health-current"
        actions={
          canWrite && !editing ? (
            <>
              <button type="button" className={button} onClick={() => (setSaved(false), setEditing("new"))}>
                {t.record}
              </button>
              {current && (
                <button type="button" className={button} onClick={() => (setSaved(false), setEditing("correct"))}>
                  {t.correct}
                </button>
              )}
            </>
          ) : undefined
        }
      >
        {current ? <CurrentDetails record={current} /> : <p className="text-sm text-slate-500">{t.noRecords}</p>}
      </Section>
      {history.length > 0 && (
        <Section title={t.history} testId="health-history">
          <TableFrame>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-1 pr-3 font-normal">{t.recordedAt}</th>
                  <th className="py-1 pr-3 font-normal">{t.healthGroup}</th>
                  <th className="py-1 pr-3 font-normal">{t.peGroupShort}</th>
                  <th className="py-1 pr-3 font-normal">{t.disability}</th>
                  <th className="py-1 pr-3 font-normal">{t.school}</th>
                  <th className="py-1 pr-3 font-normal">{t.status}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {history.map((r) => (
                  <tr key={r.id} data-testid="health-history-row" className={r.superseded ? "text-slate-500 line-through" : ""}>
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDate(r.recordedAt)}</td>
                    <td className="py-1 pr-3">{t.healthGroups[r.healthGroup as keyof typeof t.healthGroups] ?? r.healthGroup}</td>
                    <td className="py-1 pr-3">{t.peGroups[r.peGroup as keyof typeof t.peGroups] ?? r.peGroup}</td>
                    <td className="py-1 pr-3">{r.disability ? (t.disabilities[r.disability as keyof typeof t.disabilities] ?? r.disability) : t.noDisability}</td>
                    <td className="py-1 pr-3">{r.organisation.shortName}</td>
                    <td className="py-1 pr-3">{r.superseded ? t.superseded : r.supersedesId ? t.correction : t.inForce}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </Section>
      )}
    </div>
  );
}

function CurrentDetails({ record: r }: { record: HealthRecordView }) {
  const { m } = useMessages();
  const t = m.learnerHealth;
  const name = <T extends Record<string, string>>(names: T, v: string | null) => (v ? (names[v as keyof T] ?? v) : "");
  const term = r.disabilityIndefinite ? t.disabilityIndefinite : r.disabilityUntil ? t.until(formatDate(r.disabilityUntil)) : "";
  const items: [string, string][] = [
    [t.recordedAt, formatDate(r.recordedAt)],
    [t.healthGroup, name(t.healthGroups, r.healthGroup)],
    [t.peGroup, name(t.peGroups, r.peGroup)],
    [t.disability, r.disability ? name(t.disabilities, r.disability) : t.noDisability],
  ];
  if (r.disability) items.push([t.disabilityReason, r.disabilityReason ?? ""], [t.disabilityTerm, term]);
  items.push([
    t.adapted,
    r.needsAdaptedProgramme
      ? [name(m.programmeVocab.ovzCategories, r.ovzCategory), r.pmpkNumber && t.pmpk(r.pmpkNumber, formatDate(r.pmpkDate))].filter(Boolean).join(", ")
      : t.no,
  ]);
  items.push([t.treatment, r.longTermTreatment ? t.period(formatDate(r.treatmentFrom), formatDate(r.treatmentTo)) : t.no]);
  items.push([t.school, r.organisation.shortName]);
  return <Details items={items} testId="health-current-details" />;
}
