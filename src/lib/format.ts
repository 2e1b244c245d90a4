// Dates as people in the region read them: ДД.ММ.ГГГГ.

/** A calendar date (birth date, order date): no time zone shift. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "";
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}.${mm}.${d.getUTCFullYear()}`;
}

/**
 * An instant (audit time, last sign-in) in the region's time zone: ДД.ММ.ГГГГ ЧЧ:ММ:СС.
 * The zone is required: on the server pass serverTimeZone(), in the browser
 * useTimeZone() (handed down from the server), so neither the browser's nor
 * the process's own zone ever leaks in.
 */
export function formatDateTime(value: Date | string | null | undefined, timeZone: string): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "";
  const parts = new Intl.DateTimeFormat("ru-RU", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}.${get("month")}.${get("year")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

/** An instant as ДД.ММ.ГГГГ ЧЧ:ММ (no seconds) in the region's time zone: "counted at" notes. */
export function formatDateTimeShort(value: Date | string | null | undefined, timeZone: string): string {
  return formatDateTime(value, timeZone).slice(0, 16);
}
