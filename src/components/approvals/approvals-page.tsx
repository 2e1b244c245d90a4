"use client";
// «Заявки на доступ»: the second person's page of the two-person rule.
import { useState } from "react";
import { useMessages } from "@/components/messages-provider";
import { PendingAccounts } from "./pending-accounts";
import { PendingClients } from "./pending-clients";

export function ApprovalsPage({ portal }: { portal: "ministry" | "health" }) {
  const { m } = useMessages();
  const t = m.approvals;
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-6" data-testid="approvals-page">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        <p className="text-sm text-slate-600">{portal === "ministry" ? t.lead : t.leadHealth}</p>
      </div>
      {notice && (
        <p role="status" className={notice.ok ? "text-green-700" : "text-red-700"} data-testid="approvals-notice">
          {notice.text}
        </p>
      )}
      {portal === "ministry" && <PendingClients onNotice={setNotice} />}
      <PendingAccounts portal={portal} onNotice={setNotice} />
    </div>
  );
}
