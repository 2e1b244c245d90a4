// Learners' structured addresses (issue 22): which learner text each address
// kind comes from, the directory house a form may send with a text, and the
// school's page of addresses not found in the ГАР directory.
import { z } from "zod";

export const ADDRESS_KINDS = ["RESIDENCE", "STAY", "ACTUAL"] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export const ADDRESS_MATCHES = ["HOUSE", "STREET", "UNMATCHED", "MANUAL"] as const;
export type AddressMatch = (typeof ADDRESS_MATCHES)[number];

/** The learner's text column each kind is parsed from. */
export const ADDRESS_FIELD: Record<AddressKind, "registrationAddress" | "stayAddress" | "actualAddress"> = {
  RESIDENCE: "registrationAddress",
  STAY: "stayAddress",
  ACTUAL: "actualAddress",
};

/**
 * A ГАР OBJECTID as a decimal string: at most 18 digits, so it always fits a
 * PostgreSQL bigint (a 19-digit number may not) and a fuzzed id cannot overflow.
 */
export const zGarHouseId = z.string().trim().regex(/^[1-9]\d{0,17}$/, "Выберите дом из подсказок ГАР");

/** The directory house the person picked from the suggestions, per address kind; a kind left out is parsed from its text. */
export const ZAddressHouses = z.object({
  RESIDENCE: zGarHouseId.optional(),
  STAY: zGarHouseId.optional(),
  ACTUAL: zGarHouseId.optional(),
});
export type AddressHouses = z.infer<typeof ZAddressHouses>;

const zKind = z.enum(ADDRESS_KINDS, "Выберите вид адреса");

export const ZLearnerAddressListInput = z.object({
  /** Absent: both states the school has to look at (no house found). */
  match: z.enum(["UNMATCHED", "STREET"]).optional(),
  page: z.number().int().min(0).max(10_000).default(0),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type LearnerAddressListInput = z.infer<typeof ZLearnerAddressListInput>;

/**
 * A school's correction of one address: the house picked from the
 * suggestions, or the text confirmed as it is. `text` is the address the page
 * showed: a text changed since then is refused rather than confirmed unseen.
 */
export const ZFixLearnerAddressInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("house"), learnerId: z.uuid(), kind: zKind, text: z.string().max(500), garHouseId: zGarHouseId }),
  z.object({ action: z.literal("confirm"), learnerId: z.uuid(), kind: zKind, text: z.string().max(500) }),
]);
export type FixLearnerAddressInput = z.infer<typeof ZFixLearnerAddressInput>;
