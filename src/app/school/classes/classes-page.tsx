"use client";
// School portal → Программы и классы: the programmes the school offers and
// its classes per academic year, with one notice line for both sections.
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { ClassesSection } from "./classes-section";
import { ProgrammesSection } from "./programmes-section";

export function ClassesPage({ canWrite, currentYear }: { canWrite: boolean; currentYear: number }) {
  const { m } = useMessages();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">{m.programmes.title}</h1>
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          data-testid="classes-notice"
          className={`rounded px-3 py-2 text-sm ${notice.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {notice.text}
        </p>
      )}
      <ProgrammesSection canWrite={canWrite} onNotice={setNotice} />
      <ClassesSection canWrite={canWrite} currentYear={currentYear} onNotice={setNotice} />
    </div>
  );
}
