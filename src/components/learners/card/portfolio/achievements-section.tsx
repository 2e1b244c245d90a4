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
import { FormFrame, optionsOf, PlainTable, smallButton, useDraftForm, useRefreshPortfolio } from "./portfolio-form";
import type { PortfolioData } from "./portfolio-tab";

const empty = () => ({ kind: "", title: "", organiser: "", level: "", result: "", date: "" });

export function AchievementsSection({ learnerId, rows, canWrite }: { learnerId: string; rows: PortfolioData["achievements"]; canWrite: boolean }) {
  const { m } = useMessages();
  const t = m.portfolio;
  const f = t.fields;
  const trpc = useTRPC();
  const refresh = useRefreshPortfolio(learnerId);
  const form = useDraftForm(empty);
  const add = useMutation(trpc.learners.portfolio.addAchievement.mutationOptions({ onSuccess: async () => (await refresh(), form.close()), onError: form.errors.server }));
  const e = form.errors.errors;
  const text = (key: keyof ReturnType<typeof empty>) => ({
    name: key,
    value: form.draft[key],
    error: e[key],
    onChange: (ev: { target: { value: string } }) => form.set(key, ev.target.value),
  });

  function submit() {
    form.errors.clear();
    const parsed = ZAddAchievementInput.safeParse({ learnerId, ...form.draft });
    if (!parsed.success) return form.errors.invalid(parsed.error.issues);
    add.mutate(parsed.data);
  }

  return (
    <Section
      title={t.achievements}
      testId="portfolio-achievements"
      actions={canWrite && !form.open ? <button type="button" className={smallButton} data-testid="achievement-add" onClick={() => form.start()}>{t.add}</button> : undefined}
    >
      {form.open && (
        <FormFrame testId="achievement-form" onSubmit={submit} onCancel={form.close} pending={add.isPending} error={form.errors.formError}>
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
