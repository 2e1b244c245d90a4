// English text of learners' structured addresses (issue 22).
import type { learnerAddressesRu } from "./learner-addresses-ru";

export const learnerAddressesEn: typeof learnerAddressesRu = {
  learnerAddresses: {
    nav: "Addresses not found in GAR",
    badge: (label: string, n: number) => `${label}, addresses: ${n}`,
    title: "Addresses not found in GAR",
    lead: "Addresses of your organisation's learners that could not be matched to a house of the State Address Register (GAR). Pick the right house from the suggestions, or confirm the address as it is (a new house, an address in another region).",
    kinds: {
      RESIDENCE: "Registered residence",
      STAY: "Registered place of stay",
      ACTUAL: "Actual address",
    } as Record<string, string>,
    matches: {
      HOUSE: "found in GAR",
      STREET: "street found, house not",
      UNMATCHED: "not found",
      MANUAL: "confirmed by hand",
    } as Record<string, string>,
    filterAll: "All unmatched",
    filterMatch: "State",
    learner: "Learner",
    kind: "Address kind",
    text: "Address as entered",
    recognised: "Recognised",
    state: "State",
    actions: "Correction",
    pickHouse: "Pick the house from GAR",
    saveHouse: "Save house",
    confirm: "Confirm as is",
    saving: "Saving…",
    saved: "Saved",
    empty: "Every address of your learners is found in GAR or confirmed.",
    count: (n: number) => `Addresses: ${n}`,
    picked: (label: string) => `House picked: ${label}`,
    noPicker: "Address suggestions are unavailable: confirm the address as it is or correct it on the learner's card.",
  },
};
