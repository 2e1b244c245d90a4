import { cookies } from "next/headers";
import { LOCALE_COOKIE, messagesFor, toLocale, type Locale } from "@/lib/i18n";

export async function getLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export async function getServerMessages() {
  return messagesFor(await getLocale());
}
