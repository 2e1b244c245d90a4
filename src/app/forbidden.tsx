import Link from "next/link";
import { getServerMessages } from "@/server/i18n";

export default async function Forbidden() {
  const m = await getServerMessages();
  return (
    <main className="mx-auto mt-24 max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold text-red-700">{m.errors.forbiddenTitle}</h1>
      <p className="mt-3 text-slate-600">{m.errors.forbiddenText}</p>
      <Link href="/" className="mt-6 inline-block text-brand-600 underline">
        {m.errors.toHome}
      </Link>
    </main>
  );
}
