"use client";
// A learner's three addresses (registration по месту жительства, по месту
// пребывания, actual) with suggestions from the ГАР directory. Typing keeps the
// text as it is — the server parses it and matches it to the directory on
// save; picking a house sends the directory's house with the text, stored as
// found (issue 22). A street or settlement picked only fills the text.
import { AddressInput } from "@/components/addresses/address-input";
import { useMessages } from "@/components/messages-provider";
import { ADDRESS_FIELD, ADDRESS_KINDS, type AddressHouses, type AddressKind } from "@/lib/schemas/learner-addresses";
import type { Bind } from "./bind";
import type { LearnerDraft } from "./form-model";

export interface AddressPick {
  kind: AddressKind;
  text: string;
  /** The directory house (ГАР OBJECTID) as a decimal string. */
  garHouseId: string;
}

interface Props {
  bind: Bind<keyof LearnerDraft>;
  onText: (key: keyof LearnerDraft, value: string) => void;
  houses: AddressHouses;
  onPick: (pick: AddressPick) => void;
}

export function LearnerAddressFields({ bind, onText, houses, onPick }: Props) {
  const { m } = useMessages();
  const t = m.learnerForm;
  const labels: Record<AddressKind, string> = { RESIDENCE: t.registrationAddress, STAY: t.stayAddress, ACTUAL: t.actualAddress };
  return (
    <>
      {ADDRESS_KINDS.map((kind) => {
        const field = bind(ADDRESS_FIELD[kind]);
        const errorId = `${field.name}-error`;
        return (
          <div key={kind} className="sm:col-span-2">
            <label htmlFor={field.name} className="mb-1 block text-sm font-medium text-slate-700">
              {labels[kind]}
            </label>
            <AddressInput
              id={field.name}
              name={field.name}
              value={field.value}
              invalid={Boolean(field.error)}
              describedBy={field.error ? errorId : undefined}
              className={`w-full rounded border px-3 py-2 ${field.error ? "border-red-500" : "border-slate-300"} focus:border-brand-600`}
              onValueChange={(text) => onText(ADDRESS_FIELD[kind], text)}
              onPick={(item) => {
                if (item.kind === "HOUSE") onPick({ kind, text: item.label, garHouseId: item.objectId });
              }}
            />
            {houses[kind] && <p className="mt-1 text-xs text-green-700">{m.learnerAddresses.matches.HOUSE}</p>}
            {field.error && (
              <span id={errorId} className="mt-1 block text-sm text-red-700">
                {field.error}
              </span>
            )}
          </div>
        );
      })}
    </>
  );
}
