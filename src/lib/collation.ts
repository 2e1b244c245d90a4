// Russian ordering for names and labels. One collator each, built once:
// `a.localeCompare(b, "ru")` builds a collator per call, which made sorting
// a region's several thousand rows (organisations × categories) take tens of
// milliseconds on its own.
const russian = new Intl.Collator("ru");
const russianNumeric = new Intl.Collator("ru", { numeric: true });

/** Compares as `a.localeCompare(b, "ru")`. */
export const compareRu = (a: string, b: string) => russian.compare(a, b);

/** Compares as `a.localeCompare(b, "ru", { numeric: true })`: "4Б" before "10А". */
export const compareRuNumeric = (a: string, b: string) => russianNumeric.compare(a, b);
