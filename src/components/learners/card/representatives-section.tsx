"use client";
// The learner's legal representatives; add, edit and unlink for writers.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { useTRPC } from "@/trpc/react";
import { fullName, snilsText, vocab } from "../display";
import { emptyRepresentative, representativeFromView } from "../form/form-model";
import { Section, type RepresentativeView } from "./card-query";
import { documentText } from "./personal-tab";
import { RepresentativeEditor } from "./representative-editor";

interface RepresentativesSectionProps {
  learnerId: string;
  representatives: RepresentativeView[];
  canWrite: boolean;
}

export function RepresentativesSection({ learnerId, representatives, canWrite }: RepresentativesSectionProps) {
  const { m } = useMessages();
  const t = m.learnerCard;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<"new" | string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unlink = useMutation(
    trpc.learners.unlinkRepresentative.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.learners.card.queryKey({ id: learnerId }) }),
      onError: (e) => setError(e.message || m.errors.generic),
    }),
  );
  const small = "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100";

  return (
    <Section
      title={t.representatives}
      testId="representatives-section"
      actions={
        canWrite && editing === null ? (
          <button type="button" className={small} onClick={() => setEditing("new")}>
            {t.addRepresentative}
          </button>
        ) : undefined
      }
    >
      {error && (
        <p role="alert" className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {editing === "new" && (
        <RepresentativeEditor learnerId={learnerId} initial={emptyRepresentative(representatives.length === 0)} onDone={() => setEditing(null)} />
      )}
      {representatives.length === 0 && editing !== "new" && <p className="text-sm text-slate-500">{t.noRepresentatives}</p>}
      <ul className="divide-y divide-slate-100">
        {representatives.map((r) => (
          <li key={r.id} className="py-3" data-testid={`representative-${r.id}`}>
            {editing === r.id ? (
              <RepresentativeEditor learnerId={learnerId} representativeId={r.id} initial={representativeFromView(r)} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-start gap-3">
                <div className="text-sm">
                  <div className="font-medium">
                    {fullName(r)} <span className="font-normal text-slate-500">· {vocab(m.vocab.relations, r.relation)}</span>
                    {r.isPrimaryContact && <span className="ml-2 rounded bg-green-50 px-2 py-0.5 text-xs text-green-800">{t.primaryContact}</span>}
                  </div>
                  <div className="text-slate-600">
                    {[r.snils && `${t.snils}: ${snilsText(r.snils, "")}`, r.phone, r.email, documentText(r, m.vocab.documentTypes)].filter(Boolean).join(" · ")}
                  </div>
                </div>
                {canWrite && editing === null && (
                  <div className="ml-auto flex gap-2">
                    <button type="button" className={small} onClick={() => setEditing(r.id)}>
                      {t.editRepresentative}
                    </button>
                    <button
                      type="button"
                      disabled={unlink.isPending}
                      className="rounded border border-red-300 px-2 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-50"
                      onClick={() => {
                        if (!window.confirm(t.confirmUnlink(fullName(r)))) return;
                        setError(null);
                        unlink.mutate({ learnerId, representativeId: r.id });
                      }}
                    >
                      {t.unlinkRepresentative}
                    </button>
                  </div>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
