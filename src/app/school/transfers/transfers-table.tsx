"use client";
// Rows of one direction. An incoming request still awaiting a decision has
// «Принять» and «Отклонить»; the chosen form opens in a row beneath it.
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { fullName } from "@/components/learners/display";
import { useMessages } from "@/components/messages-provider";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/trpc/root";
import { AcceptForm } from "./accept-form";
import { RejectForm } from "./reject-form";
import { TableFrame } from "@/components/table-frame";

export type TransferRow = inferRouterOutputs<AppRouter>["movement"]["transfers"]["list"][number];
type Decision = { id: string; kind: "accept" | "reject" };
type Notice = { kind: "accepted" | "rejected"; name: string; learnerId: string };

export function TransfersTable({ direction, rows }: { direction: "incoming" | "outgoing"; rows: TransferRow[] }) {
  const { m } = useMessages();
  const t = m.transfers;
  const [decision, setDecision] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const incoming = direction === "incoming";
  const router = useRouter();
  const th = "px-3 py-2 text-left font-medium";
  const td = "px-3 py-2 align-top";
  const button = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100";

  const decided = (row: TransferRow, kind: Notice["kind"]) => {
    setDecision(null);
    setNotice({ kind, name: fullName(row.learner), learnerId: row.learner.id });
    // The header's incoming-transfers badge is counted on the server: recount it.
    router.refresh();
  };

  return (
    <div className="space-y-3">
      {notice && (
        <p role="status" data-testid="transfer-notice" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          {notice.kind === "accepted" ? t.acceptedNotice(notice.name) : t.rejectedNotice(notice.name)}{" "}
          {notice.kind === "accepted" && (
            <Link href={`/school/learners/${notice.learnerId}`} className="text-brand-600 underline">
              {t.toLearner}
            </Link>
          )}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-500" data-testid="transfers-empty">
          {t.empty}
        </p>
      ) : (
        <TableFrame className="rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="transfers-table">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className={th}>{t.learner}</th>
                <th className={th}>{incoming ? t.from : t.to}</th>
                <th className={th}>{t.order}</th>
                <th className={th}>{t.requestedAt}</th>
                <th className={th}>{t.status}</th>
                {incoming && <th className={th}>{t.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const open = decision?.id === row.id ? decision.kind : null;
                return (
                  <Fragment key={row.id}>
                    <tr className="border-t border-slate-100" data-testid="transfer-row" data-status={row.status}>
                      <td className={td}>
                        <div className="font-medium">{fullName(row.learner)}</div>
                        <div className="text-slate-500">{formatDate(row.learner.birthDate)}</div>
                      </td>
                      <td className={td}>{(incoming ? row.fromOrganisation : row.toOrganisation).shortName}</td>
                      <td className={td}>{row.outOrder ? t.orderOf(row.outOrder.orderNumber, formatDate(row.outOrder.orderDate)) : m.common.none}</td>
                      <td className={td}>{formatDate(row.requestedAt)}</td>
                      <td className={td} data-testid="transfer-status">
                        <div>{t.statuses[row.status] ?? row.status}</div>
                        {row.status === "REJECTED" && row.rejectReason && <div className="text-slate-500">{t.rejectedBecause(row.rejectReason)}</div>}
                      </td>
                      {incoming && (
                        <td className={td}>
                          {row.status === "PENDING" && !open && (
                            <div className="flex gap-2">
                              <button type="button" className={button} data-testid="transfer-accept" onClick={() => setDecision({ id: row.id, kind: "accept" })}>
                                {t.accept}
                              </button>
                              <button type="button" className={button} data-testid="transfer-reject" onClick={() => setDecision({ id: row.id, kind: "reject" })}>
                                {t.reject}
                              </button>
                            </div>
                          )}
                        </td>
                      )}
                    </tr>
                    {open && (
                      <tr className="bg-slate-50">
                        <td colSpan={6} className="px-3 py-3">
                          {open === "accept" ? (
                            <AcceptForm row={row} onCancel={() => setDecision(null)} onDone={() => decided(row, "accepted")} />
                          ) : (
                            <RejectForm row={row} onCancel={() => setDecision(null)} onDone={() => decided(row, "rejected")} />
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}
    </div>
  );
}
