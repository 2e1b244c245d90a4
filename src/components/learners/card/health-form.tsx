"use client";
// The medic's form: new health data, or a correction of the current record
// (a new row that supersedes it). Rules are the server's own (ZHealthData).
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { DISABILITY_CATEGORIES, HEALTH_GROUPS, PE_GROUPS, ZHealthData } from "@/lib/schemas/health";
import { OVZ_CATEGORIES } from "@/lib/schemas/programme";
import { useTRPC } from "@/trpc/react";
import { issuesToErrors, serverErrorsOf, type FieldErrors } from "@/lib/errors/form-errors";
import { todayIso } from "../form/form-model";
import type { HealthRecordView } from "./health-tab";

type Draft = Record<"recordedAt" | "healthGroup" | "peGroup" | "disability" | "disabilityReason" | "disabilityUntil" | "ovzCategory" | "pmpkNumber" | "pmpkDate" | "treatmentFrom" | "treatmentTo", string> &
  Record<"disabilityIndefinite" | "needsAdaptedProgramme" | "longTermTreatment", boolean>;

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
function draftOf(r: HealthRecordView | null): Draft {
  return {
    recordedAt: r ? iso(r.recordedAt) : todayIso(),
    healthGroup: r?.healthGroup ?? "",
    peGroup: r?.peGroup ?? "",
    disability: r?.disability ?? "",
    disabilityReason: r?.disabilityReason ?? "",
    disabilityUntil: iso(r?.disabilityUntil ?? null),
    disabilityIndefinite: r?.disabilityIndefinite ?? false,
    needsAdaptedProgramme: r?.needsAdaptedProgramme ?? false,
    ovzCategory: r?.ovzCategory ?? "",
    pmpkNumber: r?.pmpkNumber ?? "",
    pmpkDate: iso(r?.pmpkDate ?? null),
    longTermTreatment: r?.longTermTreatment ?? false,
    treatmentFrom: iso(r?.treatmentFrom ?? null),
    treatmentTo: iso(r?.treatmentTo ?? null),
  };
}

/** Field keys without the procedures' `data.` prefix. */
const unprefixed = (errors: FieldErrors) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^data\./, ""), v]));

interface HealthFormProps {
  learnerId: string;
  /** The record being corrected; null for new data. */
  correcting: HealthRecordView | null;
  onDone: () => void;
  onCancel: () => void;
}

export function HealthForm({ learnerId, correcting, onDone, onCancel }: HealthFormProps) {
  const { m } = useMessages();
  const t = m.learnerHealth;
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Draft>(() => draftOf(correcting));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const onError = (e: Parameters<typeof serverErrorsOf>[0]) => {
    const mapped = serverErrorsOf(e, m.learnerForm.checkFields);
    setErrors(unprefixed(mapped.fields));
    setFormError(mapped.form);
    setFailedSubmits((n) => n + 1);
  };
  const record = useMutation(trpc.learners.health.record.mutationOptions({ onSuccess: onDone, onError }));
  const correct = useMutation(trpc.learners.health.correct.mutationOptions({ onSuccess: onDone, onError }));
  const pending = record.isPending || correct.isPending;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft, label: string, type = "text") => (
    <Field label={label} name={key} type={type} value={draft[key] as string} error={errors[key]} onChange={(e) => set(key, e.target.value)} />
  );
  const select = (key: keyof Draft, label: string, options: readonly string[], names: Record<string, string>, placeholder = m.learnerForm.choose) => (
    <SelectField label={label} name={key} value={draft[key] as string} error={errors[key]} placeholder={placeholder} onChange={(e) => set(key, e.target.value)} options={options.map((v) => ({ value: v, label: names[v] ?? v }))} />
  );
  const check = (key: "disabilityIndefinite" | "needsAdaptedProgramme" | "longTermTreatment", label: string) => (
    <label className="flex items-center gap-2 self-end pb-2 text-sm">
      <input type="checkbox" name={key} checked={draft[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    // Hidden sections send nothing, whatever was typed before they were closed.
    const parsed = ZHealthData.safeParse({
      ...draft,
      ...(draft.disability ? {} : { disabilityReason: "", disabilityUntil: "", disabilityIndefinite: false }),
      ...(draft.needsAdaptedProgramme ? {} : { ovzCategory: "", pmpkNumber: "", pmpkDate: "" }),
      ...(draft.longTermTreatment ? {} : { treatmentFrom: "", treatmentTo: "" }),
    });
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error.issues));
      return setFailedSubmits((n) => n + 1);
    }
    setErrors({});
    if (correcting) correct.mutate({ learnerId, recordId: correcting.id, data: parsed.data });
    else record.mutate({ learnerId, data: parsed.data });
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-brand-600/30 bg-slate-50 p-4" data-testid="health-form">
      <h3 className="font-semibold text-slate-800">{correcting ? t.correctTitle : t.recordTitle}</h3>
      <ErrorSummary errors={errors} message={formError} focusToken={failedSubmits} />
      <div className="grid gap-3 sm:grid-cols-3">
        {text("recordedAt", t.recordedAt, "date")}
        {select("healthGroup", t.healthGroup, HEALTH_GROUPS, t.healthGroups)}
        {select("peGroup", t.peGroup, PE_GROUPS, t.peGroups)}
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t.disability}</legend>
        {select("disability", t.disability, DISABILITY_CATEGORIES, t.disabilities, t.noDisability)}
        {draft.disability && (
          <>
            {text("disabilityReason", t.disabilityReason)}
            {text("disabilityUntil", t.disabilityUntil, "date")}
            {check("disabilityIndefinite", t.disabilityIndefinite)}
          </>
        )}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        {check("needsAdaptedProgramme", t.needsAdaptedProgramme)}
        {draft.needsAdaptedProgramme && (
          <>
            {select("ovzCategory", t.ovzCategory, OVZ_CATEGORIES, m.programmeVocab.ovzCategories)}
            {text("pmpkNumber", t.pmpkNumber)}
            {text("pmpkDate", t.pmpkDate, "date")}
          </>
        )}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        {check("longTermTreatment", t.longTermTreatment)}
        {draft.longTermTreatment && (
          <>
            {text("treatmentFrom", t.treatmentFrom, "date")}
            {text("treatmentTo", t.treatmentTo, "date")}
          </>
        )}
      </fieldset>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {m.common.save}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}
