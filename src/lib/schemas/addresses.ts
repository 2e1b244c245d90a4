// Address suggestions from the ГАР directory (issue 22): what a form's address
// input sends while the person types, and what comes back.
import { z } from "zod";

export const SUGGESTION_KINDS = ["HOUSE", "STREET", "SETTLEMENT"] as const;

export const ZSuggestAddressesInput = z.object({
  query: z.string().trim().min(2, "Введите не меньше двух символов").max(200),
  /** Only this municipality's addresses (a form that knows it). */
  municipalityId: z.uuid().optional(),
  limit: z.number().int().min(1).max(20).optional(),
});
export type SuggestAddressesInput = z.infer<typeof ZSuggestAddressesInput>;

export const ZAddressSuggestion = z.object({
  kind: z.enum(SUGGESTION_KINDS),
  /** ГАР OBJECTID as decimal text (a bigint). */
  objectId: z.string(),
  /** The full display text: «г. Заречный, ул. Школьная, д. 1». */
  label: z.string(),
  municipalityId: z.string().nullable(),
  postcode: z.string().nullable(),
});
export type AddressSuggestion = z.infer<typeof ZAddressSuggestion>;

export const ZAddressSuggestions = z.object({ items: z.array(ZAddressSuggestion) });
export type AddressSuggestions = z.infer<typeof ZAddressSuggestions>;
