// An audit row's details as labelled fields for people: labels from the
// message catalogue (auditLabels.fields), values formatted — instants in the
// region's time zone, calendar days as ДД.ММ.ГГГГ, enums translated, nested
// objects (filters, counts) one level deep — instead of raw JSON. Shared by
// the audit page and its tests; pure, no React.
import { formatDate, formatDateTime } from "./format";
import type { Messages } from "./i18n";

export interface DetailField {
  key: string;
  label: string;
  value: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `names`: what the server resolved for ids in the details (organisations); other ids are shortened. */
export function describeDetails(details: unknown, m: Messages, timeZone: string, names: Record<string, string> = {}): DetailField[] {
  if (!details || typeof details !== "object" || Array.isArray(details)) return [];
  const t = m.auditLabels;
  const label = (key: string) => t.fields[key] ?? key;
  const scalar = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return m.common.none;
    if (typeof value === "boolean") return value ? t.yes : t.no;
    if (typeof value === "number") return String(value);
    if (typeof value === "string") {
      if (names[value]) return names[value];
      if (UUID.test(value)) return `${value.slice(0, 8)}…`;
      if (INSTANT.test(value)) return formatDateTime(value, timeZone);
      if (DAY.test(value)) return formatDate(value);
      if (key === "role" && value in m.roles) return m.roles[value as keyof Messages["roles"]];
      if (key === "action" && value in t.actions) return t.actions[value as keyof Messages["auditLabels"]["actions"]];
      return t.values[value] ?? value;
    }
    if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === "string" ? (t.fields[v] ?? t.values[v] ?? v) : scalar(key, v))).join(", ") : m.common.none;
    if (typeof value === "object") {
      const parts = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => `${label(k)}: ${scalar(k, v)}`);
      return parts.length ? parts.join("; ") : m.common.none;
    }
    return String(value);
  };
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => {
    if (key === "learnerSet" && value && typeof value === "object" && "count" in value) {
      return { key, label: label(key), value: t.learnerSet(Number((value as { count: unknown }).count)) };
    }
    return { key, label: label(key), value: scalar(key, value) };
  });
}
