"use client";
// Approve / reject for one request, each after a confirmation.
import { useMessages } from "@/components/messages-provider";

export function DecisionButtons({ name, busy, onApprove, onReject }: { name: string; busy: boolean; onApprove: () => void; onReject: () => void }) {
  const { m } = useMessages();
  const t = m.approvals;
  return (
    <div className="flex flex-wrap gap-x-3">
      <button type="button" disabled={busy} className="text-brand-600 underline disabled:opacity-50" onClick={() => window.confirm(t.confirmApprove(name)) && onApprove()}>
        {t.approve}
      </button>
      <button type="button" disabled={busy} className="text-red-700 underline disabled:opacity-50" onClick={() => window.confirm(t.confirmReject(name)) && onReject()}>
        {t.reject}
      </button>
    </div>
  );
}
