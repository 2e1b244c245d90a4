// How the performance views print a measure: the page's locale decimals
// (4,25 in Russian), and «—» for a measure that is not computed or not shown.
import type { Locale } from "@/lib/i18n";

export const DASH = "—";

export function formatMeasure(value: number | null | undefined, decimals: 1 | 2, locale: Locale): string {
  if (value === null || value === undefined) return DASH;
  return value.toLocaleString(locale === "en" ? "en-GB" : "ru-RU", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A change with its sign (+1,5 / −0,3); «—» when either year has no figure. */
export function formatChange(value: number | null | undefined, decimals: 1 | 2, locale: Locale): string {
  if (value === null || value === undefined) return DASH;
  const text = formatMeasure(Math.abs(value), decimals, locale);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A count, or «<n» where small numbers are hidden. */
export const formatCount = (value: number | null, threshold: number) => (value === null ? `<${threshold}` : String(value));
