"use client";
// The house picker of the school's address page: the ГАР suggestions input
// (components/addresses) started from the learner's text; only a house may be
// picked here, since a correction stores a directory house.
import { useState } from "react";
import { AddressInput } from "../addresses/address-input";

export interface PickedHouse {
  objectId: string;
  label: string;
}

export function HousePicker({ label, name, initial, onPick }: { label: string; name: string; initial: string; onPick: (house: PickedHouse | null) => void }) {
  const [text, setText] = useState(initial);
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <AddressInput
        id={name}
        name={name}
        value={text}
        onValueChange={(next) => {
          setText(next);
          onPick(null); // typing again forgets the pick
        }}
        onPick={(item) => onPick(item.kind === "HOUSE" ? { objectId: item.objectId, label: item.label } : null)}
      />
    </div>
  );
}
