// Health (stage 2) input: one schema for the medic's form and the procedures.
// The cross-field rules live in one pure function, `healthRuleIssues`, which
// the browser runs without the birth date and the server runs again with it
// (the disability category depends on the learner's age at `recordedAt`).
import { z } from "zod";
import { ageOn, optional, todayIso, zDay } from "./person";
import { OVZ_CATEGORIES } from "./programme";

export const HEALTH_GROUPS = ["I", "II", "III", "IV", "V"] as const;
export const PE_GROUPS = ["MAIN", "PREPARATORY", "SPECIAL_A", "SPECIAL_B"] as const;
export const DISABILITY_CATEGORIES = ["CHILD", "GROUP_I", "GROUP_II", "GROUP_III"] as const;
export type DisabilityCategory = (typeof DISABILITY_CATEGORIES)[number];

const ALWAYS = { when: () => true };
const text = (max: number) => optional(z.string().trim().max(max, `Не длиннее ${max} символов`));
const notFuture = (what: string) => zDay(what).refine((v) => v <= todayIso(), "Дата не может быть в будущем");

export const healthFields = {
  recordedAt: zDay("дату сведений").refine((v) => v <= todayIso(), "Дата сведений не может быть в будущем"),
  healthGroup: z.enum(HEALTH_GROUPS, "Выберите группу здоровья"),
  peGroup: z.enum(PE_GROUPS, "Выберите медицинскую группу для занятий физкультурой"),
  disability: optional(z.enum(DISABILITY_CATEGORIES, "Выберите категорию или группу инвалидности")),
  disabilityReason: text(200),
  disabilityUntil: optional(zDay("срок инвалидности")),
  disabilityIndefinite: z.boolean().default(false),
  needsAdaptedProgramme: z.boolean().default(false),
  ovzCategory: optional(z.enum(OVZ_CATEGORIES, "Выберите категорию ОВЗ из списка")),
  pmpkNumber: text(50),
  pmpkDate: optional(notFuture("дату заключения ПМПК")),
  longTermTreatment: z.boolean().default(false),
  treatmentFrom: optional(zDay("начало лечения")),
  treatmentTo: optional(zDay("окончание лечения")),
};

/** The fields as the rules see them: raw form values are tolerated (rules run even when a field failed). */
export interface HealthRuleInput {
  recordedAt?: unknown;
  disability?: unknown;
  disabilityReason?: unknown;
  disabilityUntil?: unknown;
  disabilityIndefinite?: unknown;
  needsAdaptedProgramme?: unknown;
  ovzCategory?: unknown;
  pmpkNumber?: unknown;
  pmpkDate?: unknown;
  longTermTreatment?: unknown;
  treatmentFrom?: unknown;
  treatmentTo?: unknown;
}
export interface HealthIssue {
  path: keyof HealthRuleInput;
  message: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const given = (v: unknown) => (typeof v === "string" ? v.trim() !== "" : v !== undefined && v !== null && v !== false);
const iso = (v: unknown) => (typeof v === "string" && ISO.test(v) ? v : undefined);

/**
 * Cross-field rules of a health record. `birthDateIso` (YYYY-MM-DD) adds the
 * age rule: «ребёнок-инвалид» under 18 at `recordedAt`, groups I–III from 18.
 */
export function healthRuleIssues(v: HealthRuleInput, birthDateIso: string | null): HealthIssue[] {
  const issues: HealthIssue[] = [];
  const add = (path: HealthIssue["path"], message: string) => issues.push({ path, message });
  const recordedAt = iso(v.recordedAt);

  if (given(v.disability)) {
    if (!given(v.disabilityReason)) add("disabilityReason", "Укажите причину инвалидности");
    const until = given(v.disabilityUntil);
    const indefinite = v.disabilityIndefinite === true;
    if (until === indefinite) add("disabilityUntil", "Укажите срок инвалидности: до даты или бессрочно (что-то одно)");
    const untilIso = iso(v.disabilityUntil);
    if (untilIso && recordedAt && untilIso < recordedAt) add("disabilityUntil", "Срок инвалидности не может быть раньше даты сведений");
    if (birthDateIso && recordedAt) {
      const adult = ageOn(birthDateIso, recordedAt) >= 18;
      if (!adult && v.disability !== "CHILD") add("disability", "До 18 лет указывается категория «ребёнок-инвалид»");
      if (adult && v.disability === "CHILD") add("disability", "С 18 лет указывается группа инвалидности (I, II или III)");
    }
  } else {
    for (const f of ["disabilityReason", "disabilityUntil"] as const) {
      if (given(v[f])) add(f, "Заполняется только при инвалидности");
    }
    if (v.disabilityIndefinite === true) add("disabilityUntil", "Заполняется только при инвалидности");
  }

  if (v.needsAdaptedProgramme === true) {
    if (!given(v.ovzCategory)) add("ovzCategory", "Укажите категорию ОВЗ");
    if (!given(v.pmpkNumber)) add("pmpkNumber", "Укажите номер заключения ПМПК");
    if (!given(v.pmpkDate)) add("pmpkDate", "Укажите дату заключения ПМПК");
  } else {
    for (const f of ["ovzCategory", "pmpkNumber", "pmpkDate"] as const) {
      if (given(v[f])) add(f, "Заполняется только при потребности в адаптированной программе");
    }
  }

  if (v.longTermTreatment === true) {
    if (!given(v.treatmentFrom)) add("treatmentFrom", "Укажите начало лечения");
    if (!given(v.treatmentTo)) add("treatmentTo", "Укажите окончание лечения");
    const from = iso(v.treatmentFrom);
    const to = iso(v.treatmentTo);
    if (from && to && to < from) add("treatmentTo", "Окончание лечения не может быть раньше начала");
  } else {
    for (const f of ["treatmentFrom", "treatmentTo"] as const) {
      if (given(v[f])) add(f, "Заполняется только при длительном лечении");
    }
  }
  return issues;
}

export const ZHealthData = z.object(healthFields).superRefine((raw, ctx) => {
  for (const issue of healthRuleIssues((raw ?? {}) as HealthRuleInput, null)) {
    ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  }
}, ALWAYS);
export type HealthData = z.output<typeof ZHealthData>;
export type HealthFormInput = z.input<typeof ZHealthData>;

export const ZRecordHealthInput = z.object({ learnerId: z.uuid("Неверный идентификатор обучающегося"), data: ZHealthData });
/** The learner is named with the record: the record is found through its learner (one shard when distributed). */
export const ZCorrectHealthInput = z.object({
  learnerId: z.uuid("Неверный идентификатор обучающегося"),
  recordId: z.uuid("Неверный идентификатор записи"),
  data: ZHealthData,
});
export type RecordHealthInput = z.input<typeof ZRecordHealthInput>;
export type CorrectHealthInput = z.input<typeof ZCorrectHealthInput>;
