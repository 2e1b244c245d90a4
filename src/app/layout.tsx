import type { Metadata } from "next";
import type { ReactNode } from "react";
import { MessagesProvider } from "@/components/messages-provider";
import { getLocale } from "@/server/i18n";
import { TRPCReactProvider } from "@/trpc/react";
import { messagesFor } from "@/lib/i18n";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const m = messagesFor(await getLocale());
  return { title: m.app.fullName, robots: { index: false, follow: false } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <MessagesProvider locale={locale}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </MessagesProvider>
      </body>
    </html>
  );
}
