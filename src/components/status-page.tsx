// The full-page answer for 403 and 404: title, explanation, a way home.
import Link from "next/link";

export function StatusPage({ title, text, home, tone }: { title: string; text: string; home: string; tone: "danger" | "neutral" }) {
  return (
    <main className="mx-auto mt-24 max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className={`text-2xl font-semibold ${tone === "danger" ? "text-red-700" : ""}`}>{title}</h1>
      <p className="mt-3 text-slate-600">{text}</p>
      <Link href="/" className="mt-6 inline-block text-brand-600 underline">
        {home}
      </Link>
    </main>
  );
}
