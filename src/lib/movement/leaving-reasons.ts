// Coded reasons for leaving an organisation (MovementEvent.leavingReason):
// the one place that lists them, groups them for the municipal account and
// says which fit which order. Labels live in the messages catalogue
// (movement.leavingReasons in movement-ru.ts / movement-en.ts).
//
// Which order carries which reason (docs/domain.md, «Причины выбытия»):
// - TRANSFER_OUT is the registry's transfer to another organisation OF THE
//   REGION (the receiver is in the registry and accepts or rejects): the
//   Transfer flow records TRANSFER_IN_REGION by itself. Leaving for another
//   subject of the RF or abroad is a transfer too, so a TRANSFER_OUT may carry
//   those codes (historic data, future flows), but no form offers them on it.
// - EXPULSION (отчисление) is every other way of leaving the school: a
//   receiving school outside the region is not in the registry, so no transfer
//   can be started there and the school ends the enrolment by an order with
//   TRANSFER_OTHER_REGION / TRANSFER_ABROAD; family or self-education, health,
//   a disciplinary measure, employment, death, anything else (OTHER, which must
//   be described in the free text). A transfer within the region is never an
//   expulsion: it goes through the Transfer flow, so the learner stays counted
//   until the receiver decides. (Historic expulsions whose text says «перевод в
//   МБОУ СОШ № 4» are still mapped to TRANSFER_IN_REGION: that is what happened.)
import type { LeavingReason as DbLeavingReason, MovementType } from "@/server/generated/prisma/enums";

/** In the order forms, reports and exports show them. */
export const LEAVING_REASONS = [
  "TRANSFER_IN_REGION",
  "TRANSFER_OTHER_REGION",
  "TRANSFER_ABROAD",
  "FAMILY_EDUCATION",
  "SELF_EDUCATION",
  "HEALTH",
  "DISCIPLINARY",
  "EMPLOYMENT",
  "DEATH",
  "OTHER",
] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];

// The list above must be exactly the database enum (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsDatabase: Same<LeavingReason, DbLeavingReason> = true;
void sameAsDatabase;

/** Order types that carry a leaving reason (the database CHECK allows it on these only). */
export const LEAVING_TYPES = ["TRANSFER_OUT", "EXPULSION"] as const satisfies readonly MovementType[];
export type LeavingType = (typeof LEAVING_TYPES)[number];

export function isLeavingType(type: string): type is LeavingType {
  return (LEAVING_TYPES as readonly string[]).includes(type);
}

/** The child left the region: the municipal account lists it apart, nobody here is to look for a school. */
export const LEFT_REGION_REASONS = ["TRANSFER_OTHER_REGION", "TRANSFER_ABROAD"] as const satisfies readonly LeavingReason[];
/** Education continues outside school (a form chosen by the parents, 273-ФЗ art. 17, 63). */
export const OUTSIDE_SCHOOL_REASONS = ["FAMILY_EDUCATION", "SELF_EDUCATION"] as const satisfies readonly LeavingReason[];
/** Nobody is to follow the child up. */
export const NO_FOLLOW_UP_REASONS = ["DEATH"] as const satisfies readonly LeavingReason[];

export const leftRegion = (r: LeavingReason | null | undefined) => !!r && (LEFT_REGION_REASONS as readonly string[]).includes(r);
export const educatedOutsideSchool = (r: LeavingReason | null | undefined) => !!r && (OUTSIDE_SCHOOL_REASONS as readonly string[]).includes(r);
export const noFollowUp = (r: LeavingReason | null | undefined) => !!r && (NO_FOLLOW_UP_REASONS as readonly string[]).includes(r);

/** Reasons that fit an order of each type (see the header). */
export const REASONS_FOR_TYPE: Record<LeavingType, readonly LeavingReason[]> = {
  TRANSFER_OUT: ["TRANSFER_IN_REGION", "TRANSFER_OTHER_REGION", "TRANSFER_ABROAD"],
  EXPULSION: LEAVING_REASONS.filter((r) => r !== "TRANSFER_IN_REGION"),
};

export function reasonFitsType(reason: LeavingReason, type: LeavingType): boolean {
  return REASONS_FOR_TYPE[type].includes(reason);
}

/** OTHER says nothing by itself: the order's free text must say what happened. */
export const REASON_NEEDS_TEXT: readonly LeavingReason[] = ["OTHER"];

/** The label key for an event's reason; null (an old order the mapping could not read) is «не указана». */
export type LeavingReasonKey = LeavingReason | "NONE";
export const reasonKey = (r: LeavingReason | null | undefined): LeavingReasonKey => r ?? "NONE";

// ---------------------------------------------------------------------------
// Mapping old free text to codes. The same rules run in SQL in the migration
// prisma/migrations/20261208000100_leaving_reason_mapping (a test runs both on
// the same texts): the text is lower-cased with ё → е, then the first rule
// whose pattern matches wins. Patterns are regular expressions in the subset
// JavaScript and PostgreSQL (`~`) read alike: no \b, no lookaround, no flags.

/** Lower case with ё → е, as the SQL does with translate(lower(..)). */
export function normaliseReasonText(text: string): string {
  return text.toLowerCase().replaceAll("ё", "е");
}

export const REASON_TEXT_RULES: readonly { reason: LeavingReason; pattern: string }[] = [
  { reason: "DEATH", pattern: "смерт|умер(ла|ший|шая|$|[ .,])|скончал|погиб|гибел" },
  {
    reason: "TRANSFER_ABROAD",
    pattern:
      "за\\s*границ|за\\s*рубеж|пределы\\s+(рф|росси)|другую\\s+страну|друго[ей]\\s+государств|иностранн|эмигр|" +
      "(в|на)\\s+(казахстан|беларус|белорусс|узбекистан|таджикистан|киргиз|кыргыз|армени|азербайджан|молдов|украин|германи|израил|турци|сша)",
  },
  {
    reason: "TRANSFER_OTHER_REGION",
    pattern:
      "друг(ой|ого|ом|ую|ое|ие|их)\\s+(регион|субъект|област|кра[йяю]|республик)|пределы\\s+(региона|области|края|республики)|" +
      "в\\s+[а-я-]+(ую|ой)\\s+област|в\\s+[а-я-]+(ий|ой)\\s+край|в\\s+республик|(в|г\\.)\\s*(г\\.\\s*)?(москв|санкт-петербург|петербург|севастопол)",
  },
  { reason: "FAMILY_EDUCATION", pattern: "семейн" },
  { reason: "SELF_EDUCATION", pattern: "самообразован" },
  { reason: "HEALTH", pattern: "здоров|медицинск|болезн|инвалидн|лечени" },
  { reason: "EMPLOYMENT", pattern: "трудоустр|на\\s+работу|трудов(ой|ую)\\s+деятельн" },
  { reason: "DISCIPLINARY", pattern: "дисциплинар|взыскан|устав|правил\\S*\\s+внутренн|грубо\\S*\\s+нарушен|неоднократн\\S*\\s+нарушен" },
  {
    reason: "TRANSFER_IN_REGION",
    pattern: "перевод|переведен|друг(ой|ую|ое)\\s+(школ|организац|оо|учрежден|район|гимнази|лице)|(в|во)\\s+(мбоу|маоу|мкоу|моу|гбоу|гоу|оо|сош|оош|школ|гимнази|лице)",
  },
];

const COMPILED = REASON_TEXT_RULES.map((r) => ({ reason: r.reason, re: new RegExp(r.pattern) }));

/**
 * The code an old order's free text names, or null when it names none (shown
 * as «не указана»). A TRANSFER_OUT only ever meant a transfer to another
 * organisation, so its text can only narrow where to; without one it is the
 * registry's transfer within the region.
 */
export function mapLeavingReasonText(text: string | null, type: LeavingType): LeavingReason | null {
  const normalised = text === null ? "" : normaliseReasonText(text);
  const found = COMPILED.find((r) => r.re.test(normalised))?.reason ?? null;
  if (type === "TRANSFER_OUT") return found && reasonFitsType(found, "TRANSFER_OUT") ? found : "TRANSFER_IN_REGION";
  return found;
}
