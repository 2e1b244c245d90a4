"use client";
// Hands the active message catalogue to client components.
import { createContext, useContext, type ReactNode } from "react";
import { messagesFor, type Locale, type Messages } from "@/lib/i18n";

const MessagesContext = createContext<{ locale: Locale; m: Messages }>({ locale: "ru", m: messagesFor("ru") });

export function MessagesProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <MessagesContext.Provider value={{ locale, m: messagesFor(locale) }}>{children}</MessagesContext.Provider>;
}

export function useMessages() {
  return useContext(MessagesContext);
}
