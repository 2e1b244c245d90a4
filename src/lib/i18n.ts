// Locale handling shared by server and client: Russian by default, English
// on request (cookie set by the language switch).
import { en } from "@/messages/en";
import { ru, type Messages } from "@/messages/ru";

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ru";
export const LOCALE_COOKIE = "kt-locale";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : DEFAULT_LOCALE;
}

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : ru;
}

export type { Messages };
