"use client";
// Hands the active message catalogue and the region's time zone (from the
// server's KONTINGENT_TIME_ZONE) to client components.
import { createContext, useContext, type ReactNode } from "react";
import { formatDateTime } from "@/lib/format";
import { messagesFor, type Locale, type Messages } from "@/lib/i18n";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zone";

const MessagesContext = createContext<{ locale: Locale; m: Messages; timeZone: string }>({ locale: "ru", m: messagesFor("ru"), timeZone: DEFAULT_TIME_ZONE });

export function MessagesProvider({ locale, timeZone = DEFAULT_TIME_ZONE, children }: { locale: Locale; timeZone?: string; children: ReactNode }) {
  return <MessagesContext.Provider value={{ locale, m: messagesFor(locale), timeZone }}>{children}</MessagesContext.Provider>;
}

/** Formats instants in the region's time zone, never the browser's. */
export function useDateTime() {
  const { timeZone } = useContext(MessagesContext);
  return (value: Date | string | null | undefined) => formatDateTime(value, timeZone);
}

export function useTimeZone() {
  return useContext(MessagesContext).timeZone;
}

export function useMessages() {
  return useContext(MessagesContext);
}
