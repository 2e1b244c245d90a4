"use client";
// The server found the same person: a SNILS match (hard stop, offer the
// existing card when it is ours) or a possible duplicate (may be overridden).
import Link from "next/link";
import { useMessages } from "@/components/messages-provider";

export interface Conflict {
  kind: "snils" | "possibleDuplicate";
  existingId: string | null;
  message: string;
}

export function conflictOf(error: { message: string; data?: { code?: string; details?: Record<string, unknown> | null } | null }): Conflict | null {
  const details = error.data?.details;
  if (error.data?.code !== "CONFLICT" || !details) return null;
  const kind = details.kind === "snils" || details.kind === "possibleDuplicate" ? details.kind : null;
  if (!kind) return null;
  return { kind, existingId: typeof details.existingId === "string" ? details.existingId : null, message: error.message };
}

export function ConflictNotice({ conflict, onCreateAnyway, pending }: { conflict: Conflict; onCreateAnyway?: () => void; pending: boolean }) {
  const t = useMessages().m.learnerForm;
  return (
    <div role="alert" data-testid="conflict-notice" className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
      <span>{conflict.message}</span>
      {conflict.existingId && (
        <Link href={`/school/learners/${conflict.existingId}`} className="font-medium text-brand-600 underline" data-testid="conflict-existing">
          {t.openExisting}
        </Link>
      )}
      {conflict.kind === "possibleDuplicate" && onCreateAnyway && (
        <button
          type="button"
          disabled={pending}
          onClick={onCreateAnyway}
          className="rounded border border-amber-400 px-3 py-1 hover:bg-amber-100 disabled:opacity-50"
        >
          {t.createAnyway}
        </button>
      )}
    </div>
  );
}
