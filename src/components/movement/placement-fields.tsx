"use client";
// Where an order places a learner (level, grade, class letter), and the
// refresh every movement form does after success.
import { useQueryClient } from "@tanstack/react-query";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { ClassPicker } from "@/components/classes/class-picker";
import { levelHasClasses } from "@/lib/classes/class-year";
import { EDUCATION_LEVELS, type EducationLevel } from "@/lib/schemas/learner";
import { useTRPC } from "@/trpc/react";
import { binder } from "../learners/form/bind";
import type { FieldErrors } from "@/lib/errors/form-errors";

export interface PlacementDraft {
  level: string;
  grade: string;
  classLetter: string;
}

export const emptyPlacement = (): PlacementDraft => ({ level: "", grade: "", classLetter: "" });

/** The draft as the schemas expect it; zod reports what is wrong. */
export function placementInput(draft: PlacementDraft) {
  const grade = draft.grade.trim() === "" ? undefined : Number(draft.grade);
  return { ...draft, level: draft.level as EducationLevel, grade };
}

export function PlacementFields({
  title,
  draft,
  errors,
  onChange,
  basicOnly = false,
  date,
}: {
  title: string;
  draft: PlacementDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<PlacementDraft>) => void;
  /** Class changes and reinstatement concern a basic programme only. */
  basicOnly?: boolean;
  /** When the order takes effect: which academic year's classes are offered (blank = today). */
  date?: string;
}) {
  const { m } = useMessages();
  const t = m.transfers;
  const levels = basicOnly ? EDUCATION_LEVELS.filter((l) => l !== "ADDITIONAL") : EDUCATION_LEVELS;
  const bind = binder<keyof PlacementDraft>("placement", draft, errors, (key, value) => onChange({ [key]: value }));
  return (
    <fieldset className="grid gap-3 sm:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{title}</legend>
      <SelectField label={t.level} options={levels.map((l) => ({ value: l, label: m.vocab.levels[l] }))} placeholder={t.choose} {...bind("level")} />
      {levelHasClasses(draft.level) ? (
        <ClassPicker prefix="placement" level={draft.level} grade={draft.grade} classLetter={draft.classLetter} date={date} errors={errors} onChange={onChange} />
      ) : (
        <Field label={t.grade} type="number" min={0} max={12} inputMode="numeric" {...bind("grade")} />
      )}
    </fieldset>
  );
}

/** After an order: the card, its movement history and the school's list are stale. */
/** After an order is saved: refresh the card and its history, then close the form. */
export function useAfterLearnerOrder(learnerId: string, onDone: () => void) {
  const refresh = useRefreshLearner(learnerId);
  return async () => {
    await refresh();
    onDone();
  };
}

export function useRefreshLearner(learnerId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.learners.card.queryKey({ id: learnerId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.movement.trajectory.queryKey({ learnerId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.learners.list.queryKey() }),
    ]);
}
