"use client";
// Achievements: olympiads, competitions, with level and result.
import { useMutation } from "@tanstack/react-query";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { formatDate } from "@/lib/format";
import { ACHIEVEMENT_LEVELS, ACHIEVEMENT_RESULTS, ZAddAchievementInput } from "@/lib/schemas/portfolio";
import { useTRPC } from "@/trpc/react";
import { Section } from "../card-query";
import { AddButton, FormFrame, optionsOf, PlainTable, useDraftForm } from "./portfolio-form";
import type { PortfolioData } from "./portfolio-tab";

const empty = () => ({ kind: "", title: "", organiser: "", level: "", result: "", date: "" });

export function AchievementsSection({ learnerId, rows, canWrite }: { learnerId: string; rows: PortfolioData["achievements"]; canWrite: boolean }) {
  const { m } = useMessages();
  const t = m.portfolio;
  const f = t.fields;
  const trpc = useTRPC();
  const form = useDraftForm(empty, learnerId);
  const add = useMutation(trpc.learners.portfolio.addAchievement.mutationOptions(form.saved));
  const text = form.bind;

  function submit() {
    const data = form.errors.validate(ZAddAchievementInput, { learnerId, ...form.draft });
    if (data) add.mutate(data);
  }

  return (
    <Section
      title={t.achievements}
      testId="portfolio-achievements"
      actions={<AddButton show={canWrite && !form.open} testId="achievement-add" label={t.add} onClick={() => form.start()} />}
    >
      {form.open && (
        <FormFrame testId="achievement-form" onSubmit={submit} onCancel={form.close} pending={add.isPending} error={form.errors.formError} fieldErrors={form.errors.errors} focusToken={form.errors.failedSubmits}>
          <Field label={f.kind} {...text("kind")} />
          <Field label={f.title} {...text("title")} />
          <Field label={f.organiser} {...text("organiser")} />
          <SelectField label={f.level} {...text("level")} options={optionsOf(t.levels, ACHIEVEMENT_LEVELS)} placeholder={m.learnerForm.choose} />
          <SelectField label={f.result} {...text("result")} options={optionsOf(t.results, ACHIEVEMENT_RESULTS)} placeholder={m.learnerForm.choose} />
          <Field label={f.date} type="date" {...text("date")} />
        </FormFrame>
      )}
      <PlainTable
        testId="achievements-table"
        empty={t.noAchievements}
        headers={[f.date, f.kind, f.title, f.organiser, f.level, f.result]}
        rows={rows.map((a) => ({
          id: a.id,
          cells: [formatDate(a.date), a.kind, a.title, a.organiser ?? m.common.none, t.levels[a.level], t.results[a.result]],
        }))}
      />
    </Section>
  );
}
