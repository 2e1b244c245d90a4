"use client";
// Period and final grades per subject per academic year. A correction is a
// new row; the corrected one stays in the list, marked and greyed out.
import { useMutation } from "@tanstack/react-query";
import { Field } from "@/components/field";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { currentYear, GRADE_PERIODS, ZAddGradeInput, ZCorrectGradeInput } from "@/lib/schemas/portfolio";
import { useTRPC } from "@/trpc/react";
import { Section } from "../card-query";
import { AddButton, FormFrame, optionsOf, PlainTable, useSubjectOptions, smallButton, useDraftForm } from "./portfolio-form";
import type { PortfolioData } from "./portfolio-tab";

type Grade = PortfolioData["grades"][number];
const ASSESSMENTS = ["5", "4", "3", "2", "credit", "noCredit"] as const;
const empty = () => ({ gradeId: "", academicYear: String(currentYear()), subjectId: "", period: "", assessment: "" });

/** The select's value as the input's `mark` or `credit`. */
function assessmentInput(value: string) {
  if (value === "credit") return { credit: true };
  if (value === "noCredit") return { credit: false };
  return { mark: value };
}
const assessmentOf = (g: Grade) => (g.credit === null ? String(g.mark ?? "") : g.credit ? "credit" : "noCredit");

export function GradesSection({ learnerId, rows, canWrite }: { learnerId: string; rows: Grade[]; canWrite: boolean }) {
  const { m } = useMessages();
  const t = m.portfolio;
  const f = t.fields;
  const trpc = useTRPC();
  const form = useDraftForm(empty, learnerId);
  const subjects = useSubjectOptions(form.open);
  const done = form.saved;
  const add = useMutation(trpc.learners.portfolio.addGrade.mutationOptions(done));
  const correct = useMutation(trpc.learners.portfolio.correctGrade.mutationOptions(done));
  const d = form.draft;
  const correcting = rows.find((r) => r.id === d.gradeId);
  const field = form.bind;
  const labels: Record<string, string> = { credit: t.creditYes, noCredit: t.creditNo };
  const assessmentText = (g: Grade) => labels[assessmentOf(g)] ?? assessmentOf(g);

  function submit() {
    const { gradeId, assessment, ...rest } = d;
    if (gradeId) {
      const data = form.errors.validate(ZCorrectGradeInput, { learnerId, gradeId, ...assessmentInput(assessment) });
      return data && correct.mutate(data);
    }
    const data = form.errors.validate(ZAddGradeInput, { learnerId, ...rest, ...assessmentInput(assessment) });
    return data && add.mutate(data);
  }

  return (
    <Section
      title={t.grades}
      testId="portfolio-grades"
      actions={<AddButton show={canWrite && !form.open} testId="grade-add" label={t.add} onClick={() => form.start()} />}
    >
      {form.open && (
        <FormFrame testId="grade-form" onSubmit={submit} onCancel={form.close} pending={add.isPending || correct.isPending} error={form.errors.formError} fieldErrors={form.errors.errors} focusToken={form.errors.failedSubmits}>
          {correcting ? (
            <p className="text-sm text-slate-700 sm:col-span-2">
              {[t.academicYear(correcting.academicYear), correcting.subject, t.periods[correcting.period as keyof typeof t.periods] ?? correcting.period, assessmentText(correcting)].join(" · ")}
            </p>
          ) : (
            <>
              <Field label={f.academicYear} type="number" inputMode="numeric" {...field("academicYear")} />
              <SelectField label={f.subject} {...field("subjectId")} options={subjects} placeholder={m.learnerForm.choose} />
              <SelectField label={f.period} {...field("period")} options={optionsOf(t.periods, GRADE_PERIODS)} placeholder={m.learnerForm.choose} />
            </>
          )}
          <SelectField
            label={f.assessment}
            {...field("assessment", "mark")}
            options={ASSESSMENTS.map((a) => ({ value: a, label: labels[a] ?? a }))}
            placeholder={m.learnerForm.choose}
          />
        </FormFrame>
      )}
      <PlainTable
        testId="grades-table"
        empty={t.noGrades}
        headers={[f.academicYear, f.subject, f.period, f.assessment, f.status, <span key="actions" className="sr-only">{m.transfers.actions}</span>]}
        rows={rows.map((g) => ({
          id: g.id,
          muted: g.superseded,
          cells: [
            t.academicYear(g.academicYear),
            g.subject,
            t.periods[g.period as keyof typeof t.periods] ?? g.period,
            g.superseded ? <s>{assessmentText(g)}</s> : assessmentText(g),
            g.superseded ? t.superseded : g.supersedesId ? t.correction : "",
            canWrite && !g.superseded && !form.open ? (
              <button type="button" className={smallButton} onClick={() => form.start({ ...empty(), gradeId: g.id, assessment: assessmentOf(g) })}>
                {t.correct}
              </button>
            ) : null,
          ],
        }))}
      />
    </Section>
  );
}
