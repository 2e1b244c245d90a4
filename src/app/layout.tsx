import type { Metadata } from "next";
import type { ReactNode } from "react";
import { MessagesProvider } from "@/components/messages-provider";
import { getLocale } from "@/server/i18n";
import { serverTimeZone } from "@/server/time-zone";
import { TRPCReactProvider } from "@/trpc/react";
import { messagesFor } from "@/lib/i18n";
import { LOW_VISION_CLASS } from "@/lib/low-vision";
import { lowVisionRequested } from "@/server/pages/low-vision";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const m = messagesFor(await getLocale());
  // Each page names itself (src/server/pages/page-title.ts): «Обучающиеся — Контингент».
  return { title: { default: m.app.fullName, template: `%s — ${m.app.name}` }, robots: { index: false, follow: false } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // Rendered on the server from the cookie, so the low-vision version never flashes the ordinary one first.
  const lowVision = await lowVisionRequested();
  return (
    <html lang={locale} className={lowVision ? LOW_VISION_CLASS : undefined}>
      <body className="min-h-screen font-sans">
        <MessagesProvider locale={locale} timeZone={serverTimeZone()}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </MessagesProvider>
      </body>
    </html>
  );
}
