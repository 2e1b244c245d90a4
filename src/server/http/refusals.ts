// Refusals of the HTTP doors (tRPC transport, route door) in the language of
// the person who sent the request: the language switch's cookie, read from
// the request itself (these checks run before any page context exists).
import { LOCALE_COOKIE, toLocale, type Locale } from "@/lib/i18n";
import { refusalsEn } from "@/messages/refusals-en";
import { refusalsRu, type RefusalMessages } from "@/messages/refusals-ru";

export function requestLocale(req: Request): Locale {
  const header = req.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === LOCALE_COOKIE) return toLocale(decodeURIComponent(value.join("=")));
  }
  return toLocale(null);
}

export function refusalMessages(req: Request): RefusalMessages {
  return requestLocale(req) === "en" ? refusalsEn : refusalsRu;
}
