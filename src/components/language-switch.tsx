"use client";
import { useRouter } from "next/navigation";
import { useMessages } from "./messages-provider";
import { LOCALE_COOKIE } from "@/lib/i18n";

export function LanguageSwitch() {
  const { locale, m } = useMessages();
  const router = useRouter();
  function toggle() {
    const next = locale === "ru" ? "en" : "ru";
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }
  return (
    <button type="button" onClick={toggle} className="text-sm text-brand-600 underline" data-testid="language-switch">
      {m.locale.switchTo}
    </button>
  );
}
