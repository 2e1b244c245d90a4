// The rows of the municipal account as the screen and the file show them: the
// SQL's codes turned into the reason and the next step (a fixed text per
// reason category, src/messages/children-account-*.ts), in the page's language.
import { z } from "zod";
import type { Locale } from "@/lib/i18n";
import { childrenAccountEn } from "@/messages/children-account-en";
import { childrenAccountRu } from "@/messages/children-account-ru";
import { movementEn } from "@/messages/movement-en";
import { movementRu } from "@/messages/movement-ru";
import type { AccountRawRow } from "./sql-parts";

export const accountTexts = (locale: Locale = "ru") => (locale === "en" ? childrenAccountEn : childrenAccountRu);

export const ZAccountRow = z.object({
  source: z.enum(["learner", "resident"]),
  /** The learner's id, or the resident's (ResidentChild) for a child known from the register only. */
  id: z.string(),
  name: z.string(),
  birthDate: z.string(),
  age: z.number(),
  address: z.string().nullable(),
  /** The schools the house is assigned to in Y («; » between them on an overlap); null: house unknown or not assigned. */
  assignedSchool: z.string().nullable(),
  reasonCode: z.string(),
  reason: z.string(),
  organisation: z.string().nullable(),
  /** The date that matters: the order's effective date, the enrolment's start, the day the child left. */
  date: z.string().nullable(),
  order: z.string().nullable(),
  daysSince: z.number().nullable(),
  nextStep: z.string(),
});
export type AccountRow = z.infer<typeof ZAccountRow>;

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
const ruDate = (iso: string) => iso.split("-").reverse().join(".");

export function presentRow(raw: AccountRawRow, date: string, locale: Locale = "ru"): AccountRow {
  const t = accountTexts(locale).childrenAccount;
  const labels = (locale === "en" ? movementEn : movementRu).movement.leavingReasons;
  const coded = labels[raw.leavingReason ?? "NONE"] ?? labels.NONE!;
  const label = raw.reasonText ? `${coded} (${raw.reasonText})` : coded;
  const reason = (t.reasons[raw.reasonCode] ?? raw.reasonCode).replace("{reason}", label);
  const stepKey = raw.reasonCode === "LEFT_REGION" ? (raw.leavingReason ?? "TRANSFER_OTHER_REGION") : raw.reasonCode;
  const order = raw.orderNumber ? `№ ${raw.orderNumber}${raw.orderDate ? ` ${locale === "en" ? "of" : "от"} ${ruDate(raw.orderDate)}` : ""}` : null;
  return {
    source: raw.source,
    id: raw.id,
    name: [raw.lastName, raw.firstName, raw.middleName].filter(Boolean).join(" "),
    birthDate: raw.birthDate,
    age: Number(raw.age),
    address: raw.address,
    assignedSchool: raw.assigned,
    reasonCode: raw.reasonCode,
    reason,
    organisation: raw.organisation,
    date: raw.date,
    order,
    daysSince: raw.date ? daysBetween(raw.date, date) : null,
    nextStep: t.nextSteps[stepKey] ?? "",
  };
}
