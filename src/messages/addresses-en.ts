// English text of the address input with suggestions from the GAR directory (issue 22).
import type { addressesRu } from "./addresses-ru";

export const addressesEn: typeof addressesRu = {
  addresses: {
    suggestionsLabel: "Address suggestions from GAR",
    loading: "Looking up addresses…",
    none: "Nothing found in the GAR directory: the address may be typed by hand",
    failed: "Suggestions are unavailable now: the address may be typed by hand",
    hint: "Start typing the settlement, street and house; pick an address with the arrow keys and Enter",
    kinds: { HOUSE: "house", STREET: "street", SETTLEMENT: "settlement" },
  },
};
