// Safe download names. The readable (Cyrillic) name travels in the RFC 5987
// `filename*` parameter; the plain `filename` fallback must be ASCII without
// quotes, so it is transliterated (the passport table of Приказ МВД № 889,
// as in a Russian passport's Latin line) and reduced to letters, digits, "-",
// "_" and ".".

const LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "ie", ы: "y", ь: "", э: "e", ю: "iu", я: "ia",
};

/** Latin letters for Russian text (lower case kept as typed). */
export function transliterate(text: string): string {
  return [...text]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const latin = LATIN[lower];
      if (latin === undefined) return ch;
      return ch === lower || latin === "" ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join("");
}

/** An ASCII file-name part: transliterated, anything else folded into single dashes. */
export function asciiFileName(text: string): string {
  return transliterate(text)
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
}

/** A readable file-name part: anything a file system or a header would refuse removed. */
export function readableFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f«»]+/g, " ").replace(/\s{2,}/g, " ").trim();
}
