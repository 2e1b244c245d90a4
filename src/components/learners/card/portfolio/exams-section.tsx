"use client";
// State final examinations: ОГЭ/ГВЭ with primary score and mark, ЕГЭ with test score.
import { useMutation } from "@tanstack/react-query";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { currentYear, EXAM_KINDS, ZAddExamInput } from "@/lib/schemas/portfolio";
import { useTRPC } from "@/trpc/react";
import { Section } from "../card-query";
import { AddButton, FormFrame, optionsOf, PlainTable, useSubjectOptions, useDraftForm } from "./portfolio-form";
import type { PortfolioData } from "./portfolio-tab";

const empty = () => ({ kind: "OGE", subjectId: "", year: String(currentYear()), primaryScore: "", mark: "", testScore: "" });

export function ExamsSection({ learnerId, rows, canWrite }: { learnerId: string; rows: PortfolioData["exams"]; canWrite: boolean }) {
  const { m } = useMessages();
  const t = m.portfolio;
  const f = t.fields;
  const trpc = useTRPC();
  const form = useDraftForm(empty, learnerId);
  const subjects = useSubjectOptions(form.open);
  const add = useMutation(trpc.learners.portfolio.addExam.mutationOptions(form.saved));
  const d = form.draft;
  const field = form.bind;
  const ege = d.kind === "EGE";

  function submit() {
    const { primaryScore, mark, testScore, ...base } = d;
    const data = form.errors.validate(ZAddExamInput, { learnerId, ...base, ...(ege ? { testScore } : { primaryScore, mark }) });
    if (data) add.mutate(data);
  }

  const score = (r: PortfolioData["exams"][number]) => (r.kind === "EGE" ? `${f.testScore}: ${r.testScore}` : `${f.primaryScore}: ${r.primaryScore}`);
  return (
    <Section
      title={t.exams}
      testId="portfolio-exams"
      actions={<AddButton show={canWrite && !form.open} testId="exam-add" label={t.add} onClick={() => form.start()} />}
    >
      {form.open && (
        <FormFrame testId="exam-form" onSubmit={submit} onCancel={form.close} pending={add.isPending} error={form.errors.formError} fieldErrors={form.errors.errors} focusToken={form.errors.failedSubmits}>
          <SelectField label={f.examKind} {...field("kind")} options={optionsOf(t.examKinds, EXAM_KINDS)} />
          <SelectField label={f.subject} {...field("subjectId")} options={subjects} placeholder={m.learnerForm.choose} />
          <Field label={f.year} type="number" inputMode="numeric" {...field("year")} />
          {ege ? (
            <Field label={f.testScore} type="number" inputMode="numeric" {...field("testScore")} />
          ) : (
            <>
              <Field label={f.primaryScore} type="number" inputMode="numeric" {...field("primaryScore")} />
              <Field label={f.mark} type="number" inputMode="numeric" {...field("mark")} />
            </>
          )}
        </FormFrame>
      )}
      <PlainTable
        testId="exams-table"
        empty={t.noExams}
        headers={[f.year, f.examKind, f.subject, f.primaryScore + " / " + f.testScore, f.mark]}
        rows={rows.map((r) => ({ id: r.id, cells: [r.year, t.examKinds[r.kind], r.subject, score(r), r.mark ?? m.common.none] }))}
      />
    </Section>
  );
}
