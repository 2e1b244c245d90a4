"use client";
// An address on the card: the text as entered, and how far the registry
// matched it to the ГАР directory («найден в ГАР», «не найден»…), so the school
// sees at once which addresses still need its attention.
import { useMessages } from "@/components/messages-provider";
import type { PersonalLearner } from "./card-query";

type AddressRow = PersonalLearner["addresses"][number];

const TONE: Record<AddressRow["match"], string> = {
  HOUSE: "bg-green-50 text-green-800",
  MANUAL: "bg-slate-100 text-slate-700",
  STREET: "bg-amber-50 text-amber-800",
  UNMATCHED: "bg-red-50 text-red-800",
};

export function AddressValue({ text, row }: { text: string; row: AddressRow | undefined }) {
  const t = useMessages().m.learnerAddresses;
  return (
    <span>
      {text}
      {row && (
        <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${TONE[row.match]}`} data-testid={`address-match-${row.kind}`}>
          {t.matches[row.match]}
        </span>
      )}
    </span>
  );
}
