"use client";
// The classes a file names that the school does not have: their rows are
// refused (by row and column) unless the person explicitly ticks «Создать
// классы 2В, 3В»; then the load creates them in the same transaction.
import Link from "next/link";
import { useMessages } from "@/components/messages-provider";

interface MissingClassesProps {
  labels: string[];
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}

export function MissingClasses({ labels, checked, disabled, onChange }: MissingClassesProps) {
  const { m } = useMessages();
  const t = m.importClasses;
  const list = labels.join(", ");
  return (
    <section className="space-y-2 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950" data-testid="import-missing-classes">
      <h2 className="font-semibold">{t.missingTitle}</h2>
      <p className="text-sm">{t.missingText(list)}</p>
      <label className="flex items-start gap-2 text-sm font-medium">
        <input type="checkbox" className="mt-1" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} data-testid="import-create-classes" />
        <span>{t.confirm(list)}</span>
      </label>
      <p className="text-sm">
        {t.confirmHint}{" "}
        <Link href="/school/classes" className="underline">
          {m.classPicker.createLink}
        </Link>
      </p>
    </section>
  );
}
