// Name normalisation shared by the parser, the resolver, the ГАР loader and
// suggestions: the directory's AddressObject.searchName is built with the same
// function, so a name typed in any case, with ё or е, with quotes or doubled
// spaces, compares equal to the directory's name.

const QUOTES = /[«»"'“”„‘’`]/g;

/** lower case, ё → е, quotes removed, spaces collapsed and trimmed. */
export function normaliseName(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").replace(QUOTES, "").replace(/\s+/g, " ").trim();
}

/**
 * A house, корпус, строение or flat number as ГАР stores it: lower case, ё → е,
 * no spaces, a hyphen before a letter dropped («5-А» → «5а»).
 */
export function normaliseNumber(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\s+/g, "")
    .replace(/(\d)-(\p{L})$/u, "$1$2");
}
