// Learner, representative, enrolment and consent input: shared by the school
// portal's forms, the bulk import and the tRPC procedures.
import { z } from "zod";
import { ZAddressHouses } from "./learner-addresses";
import { ageOn, canonicalDocument, documentRefinement, optional, personFields, SEXES, todayIso, zDay } from "./person";

export const EDUCATION_LEVELS = ["PRESCHOOL", "PRIMARY", "BASIC", "SECONDARY", "VOCATIONAL", "ADDITIONAL"] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const RELATIONS = ["MOTHER", "FATHER", "GUARDIAN", "TRUSTEE", "OTHER"] as const;
export const ENROLMENT_STATUSES = ["ACTIVE", "PENDING_TRANSFER", "ENDED"] as const;

/** Plausible age for a programme level (domain.md): preschool 0–8, school 5–21, additional 3–18. */
export const AGE_LIMITS: Record<EducationLevel, [number, number]> = {
  PRESCHOOL: [0, 8],
  PRIMARY: [5, 21],
  BASIC: [5, 21],
  SECONDARY: [5, 21],
  VOCATIONAL: [13, 60],
  ADDITIONAL: [3, 18],
};
/** Grades each school level spans (НОО 1–4, ООО 5–9, СОО 10–11). */
export const GRADE_RANGES: Partial<Record<EducationLevel, [number, number]>> = {
  PRIMARY: [1, 4],
  BASIC: [5, 9],
  SECONDARY: [10, 11],
};

const zBirthDate = zDay("дату рождения").refine((v) => v <= todayIso(), "Дата рождения не может быть в будущем");

export const ZLearnerData = z
  .object({
    ...personFields,
    birthDate: zBirthDate,
    birthPlace: optional(z.string().trim().max(300, "Не длиннее 300 символов")),
    sex: z.enum(SEXES, "Укажите пол"),
    /** Регистрация по месту пребывания (issue 22); a learner's only, representatives have none. */
    stayAddress: optional(z.string().trim().max(500, "Не длиннее 500 символов")),
  })
  .superRefine(...documentRefinement)
  .transform(canonicalDocument);
export type LearnerData = z.infer<typeof ZLearnerData>;

export const ZRepresentativeData = z
  .object({
    ...personFields,
    birthDate: optional(zBirthDate),
    sex: optional(z.enum(SEXES)),
    phone: optional(z.string().trim().regex(/^\+?[0-9 ()-]{5,30}$/, "Телефон: цифры, пробелы, скобки, дефис")),
    email: optional(z.email("Неверный адрес электронной почты").max(200)),
    relation: z.enum(RELATIONS, "Укажите, кем приходится ребёнку"),
    isPrimaryContact: z.boolean().default(false),
  })
  .superRefine(...documentRefinement)
  .transform(canonicalDocument);
export type RepresentativeData = z.infer<typeof ZRepresentativeData>;

export const ZEnrolmentData = z
  .object({
    level: z.enum(EDUCATION_LEVELS, "Выберите уровень образования"),
    grade: z.preprocess((v) => (v === "" || v === null ? undefined : typeof v === "string" ? Number(v) : v), z.number("Класс — число").int("Класс — целое число").min(0, "Класс от 0 до 12").max(12, "Класс от 0 до 12").optional()),
    classLetter: optional(z.string().trim().toUpperCase().regex(/^[А-ЯЁ]{1,2}$/, "Литера класса: одна-две русские буквы")),
    enrolledAt: zDay("дату зачисления"),
    /** The enrolment order (приказ о зачислении); "б/н" is recorded when unknown (historic data). */
    orderNumber: optional(z.string().trim().max(50, "Не длиннее 50 символов")),
    orderDate: optional(zDay("дату приказа").refine((v) => v <= todayIso(), "Дата приказа не может быть в будущем")),
  })
  .superRefine((v, ctx) => {
    const range = GRADE_RANGES[v.level];
    if (range && (v.grade === undefined || v.grade < range[0] || v.grade > range[1])) {
      ctx.addIssue({ code: "custom", path: ["grade"], message: `Для этого уровня класс от ${range[0]} до ${range[1]}` });
    }
  });
export type EnrolmentData = z.infer<typeof ZEnrolmentData>;

/** Age at enrolment must fit the programme; returns a message or null. */
export function implausibleAge(birthDate: string, enrolment: EnrolmentData): string | null {
  const [min, max] = AGE_LIMITS[enrolment.level];
  const age = ageOn(birthDate, enrolment.enrolledAt);
  return age < min || age > max ? `Возраст ${age} лет не подходит для этого уровня (${min}–${max})` : null;
}

export const ZConsentData = z.object({
  givenAt: zDay("дату согласия").refine((v) => v <= todayIso(), "Дата согласия не может быть в будущем"),
  scope: z.string().trim().min(3, "Укажите, на что дано согласие").max(500, "Не длиннее 500 символов"),
});

export const ZCreateLearnerInput = z
  .object({
    learner: ZLearnerData,
    enrolment: ZEnrolmentData,
    representatives: z.array(ZRepresentativeData).max(4, "Не больше четырёх представителей").default([]),
    /** Consent given by the first representative, if any. */
    consent: ZConsentData.optional(),
    /** The user saw the "possible duplicate" warning and creates a new person anyway. */
    acknowledgeDuplicate: z.boolean().default(false),
    /** Directory houses picked from the address suggestions (issue 22). */
    addressHouses: ZAddressHouses.optional(),
  })
  .superRefine((v, ctx) => {
    const age = implausibleAge(v.learner.birthDate, v.enrolment);
    if (age) ctx.addIssue({ code: "custom", path: ["learner", "birthDate"], message: age });
    if (v.representatives.filter((r) => r.isPrimaryContact).length > 1) {
      ctx.addIssue({ code: "custom", path: ["representatives"], message: "Основной контакт может быть только один" });
    }
    if (v.consent && v.representatives.length === 0) {
      ctx.addIssue({ code: "custom", path: ["consent"], message: "Согласие даёт законный представитель: добавьте его" });
    }
  });
export type CreateLearnerInput = z.infer<typeof ZCreateLearnerInput>;

export const ZUpdateLearnerInput = z.object({ id: z.uuid(), learner: ZLearnerData, addressHouses: ZAddressHouses.optional() });

export const ZListLearnersInput = z.object({
  search: z.string().trim().max(100).optional(),
  grade: z.number().int().min(0).max(12).optional(),
  classLetter: z.string().trim().max(4).optional(),
  level: z.enum(EDUCATION_LEVELS).optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  missing: z.enum(["snils", "document", "representative", "consent"]).optional(),
  sort: z.enum(["name", "birthDate", "class"]).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ListLearnersInput = z.infer<typeof ZListLearnersInput>;

export const ZSearchRegistryInput = z.object({
  query: z.string().trim().min(2, "Введите не меньше двух символов").max(100),
});
