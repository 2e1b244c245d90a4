"use client";
// Shown instead of any unexpected server error: no message, no stack.
import { useMessages } from "@/components/messages-provider";

export default function ErrorPage({ reset }: { reset: () => void }) {
  const { m } = useMessages();
  return (
    <main className="mx-auto mt-24 max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-slate-700">{m.errors.generic}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-600 px-4 py-2 text-white">
        {m.errors.toHome}
      </button>
    </main>
  );
}
