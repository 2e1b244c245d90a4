// One localised <title> per page: a page exports
//   export const generateMetadata = pageTitle((t) => t.learners);
// and the root layout's template appends the system's name
// («Обучающиеся — Контингент»). Titles never carry personal data: the
// browser keeps them in its history.
import type { Metadata } from "next";
import type { Messages } from "@/lib/i18n";
import { getServerMessages } from "../i18n";

export function pageTitle(pick: (titles: Messages["pageTitles"]) => string) {
  return async function generateMetadata(): Promise<Metadata> {
    return { title: pick((await getServerMessages()).pageTitles) };
  };
}
