"use client";
// «История движения» on a learner's card: every order across organisations,
// oldest first; cancelled ones struck through. Writers of the school that made
// an order may cancel it from here.
import { useMessages } from "@/components/messages-provider";
import { formatDate } from "@/lib/format";
import { classLabel, vocab } from "../learners/display";
import { Section } from "../learners/card/card-query";
import type { CardMovement, TrajectoryRow } from "./card-movement";
import { CancelOrderForm } from "./cancel-order-form";
import { TableFrame } from "@/components/table-frame";
import { isLeavingType, reasonKey, type LeavingReason } from "@/lib/movement/leaving-reasons";

/** "4Б (НОО)"; the level alone where there is no class. */
export function placementText(level: string | null, grade: number | null, letter: string | null, levels: Record<string, string>): string {
  if (!level) return "";
  const label = classLabel(grade, letter);
  return label ? `${label} (${vocab(levels, level)})` : vocab(levels, level);
}

/** "4Б (НОО) → 5Б (ООО)", or the one side an order has. */
export function moveText(row: TrajectoryRow, levels: Record<string, string>): string {
  const from = placementText(row.fromLevel, row.fromGrade, row.fromLetter, levels);
  const to = placementText(row.toLevel, row.toGrade, row.toLetter, levels);
  return from && to ? `${from} → ${to}` : from || to;
}

export function TrajectorySection({ state }: { state: CardMovement }) {
  const { m } = useMessages();
  const t = m.movement;
  const { trajectory, cancelling } = state;
  const th = "px-3 py-2 text-left font-medium";
  const orderText = (row: TrajectoryRow) => t.orderOf(row.orderNumber, formatDate(row.orderDate));
  return (
    <Section title={t.history} testId="movement-history">
      {trajectory.isPending ? (
        <p className="text-sm text-slate-500">{m.common.loading}</p>
      ) : trajectory.isError ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {trajectory.error.message || t.loadError}
        </p>
      ) : trajectory.data.length === 0 ? (
        <p className="text-sm text-slate-500">{t.empty}</p>
      ) : (
        <TableFrame>
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className={th}>{t.date}</th>
                <th className={th}>{t.organisation}</th>
                <th className={th}>{t.event}</th>
                <th className={th}>{t.order}</th>
                <th className={th}>{t.placement}</th>
                <th className={th}>{t.reason}</th>
                <th className={th}>
                  <span className="sr-only">{m.transfers.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {trajectory.data.map((row) => {
                const struck = row.cancelled ? "line-through text-slate-500" : "";
                return (
                  <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="movement-row" data-cancelled={row.cancelled || undefined}>
                    <td className={`px-3 py-2 whitespace-nowrap ${struck}`}>{formatDate(row.effectiveDate)}</td>
                    <td className={`px-3 py-2 whitespace-nowrap ${struck}`}>{row.organisation.shortName}</td>
                    <td className="px-3 py-2">
                      <span className={struck} data-testid="movement-type">
                        {vocab(t.types, row.type)}
                      </span>
                      {row.cancelled && (
                        <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700" data-testid="movement-cancelled">
                          {t.cancelledMark}
                        </span>
                      )}
                    </td>
                    <td className={`px-3 py-2 ${struck}`}>{orderText(row)}</td>
                    <td className={`px-3 py-2 whitespace-nowrap ${struck}`}>{moveText(row, m.vocab.levels) || m.common.none}</td>
                    <td className={`px-3 py-2 ${struck}`} data-testid="movement-reason">
                      {isLeavingType(row.type) && <span className="block">{vocab(t.leavingReasons, reasonKey(row.leavingReason as LeavingReason | null))}</span>}
                      {row.reason ?? ""}
                    </td>
                    <td className="px-3 py-2 text-right">
                      {state.canCancel(row) && cancelling?.id !== row.id && (
                        <button type="button" onClick={() => state.setCancelling(row)} className="text-brand-600 hover:underline" data-testid="movement-cancel">
                          {t.cancelAction}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}
      {cancelling && (
        <CancelOrderForm
          key={cancelling.id}
          learnerId={state.learnerId}
          eventId={cancelling.id}
          title={t.cancelTitle(vocab(t.types, cancelling.type), orderText(cancelling))}
          onDone={() => state.setCancelling(null)}
        />
      )}
    </Section>
  );
}
