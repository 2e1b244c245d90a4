"use client";
// An address text input with suggestions from the ГАР directory
// (addresses.suggest), for forms: the person types, a list of houses, streets
// or settlements appears (debounced), and picking one fills the text with its
// full label and tells the form (onPick) which directory object it is. Typing
// after a pick is allowed: the text stays free (an address not in ГАР is typed
// by hand). Keyboard and screen readers: the ARIA combobox pattern — arrow keys
// move through the list, Enter picks, Escape closes; the active option is
// announced through aria-activedescendant.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import type { AddressSuggestion } from "@/lib/schemas/addresses";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "../messages-provider";

const DEBOUNCE_MS = 250;
const MIN_QUERY = 2;

export interface AddressInputProps {
  id: string;
  /** The form field's name: the text is posted with the form. */
  name?: string;
  /** Controlled text; leave out (and give defaultValue) for an uncontrolled input. */
  value?: string;
  defaultValue?: string;
  onValueChange?: (text: string) => void;
  /** A suggestion was picked: the text already holds its label. */
  onPick?: (item: AddressSuggestion) => void;
  /** Suggest only this municipality's addresses. */
  municipalityId?: string;
  disabled?: boolean;
  required?: boolean;
  maxLength?: number;
  className?: string;
  /** Ids of the field's hint or error, for aria-describedby. */
  describedBy?: string;
  invalid?: boolean;
}

/** The text after the typing has paused for DEBOUNCE_MS. */
function useDebounced(text: string): string {
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return debounced;
}

export function AddressInput(props: AddressInputProps) {
  const { m } = useMessages();
  const t = m.addresses;
  const trpc = useTRPC();
  const listId = useId();
  const hintId = useId();
  const [own, setOwn] = useState(props.defaultValue ?? "");
  const text = props.value ?? own;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** The label last picked: not searched again until the text changes. */
  const [picked, setPicked] = useState<string | null>(null);
  const query = useDebounced(text.trim());
  const enabled = open && query.length >= MIN_QUERY && query.length <= 200 && query !== picked;
  const suggestions = useQuery({
    ...trpc.addresses.suggest.queryOptions({ query, ...(props.municipalityId ? { municipalityId: props.municipalityId } : {}) }),
    enabled,
    staleTime: 60_000,
  });
  const items = enabled ? (suggestions.data?.items ?? []) : [];
  const showList = enabled && (items.length > 0 || suggestions.isFetching || suggestions.isError || suggestions.isSuccess);

  const setText = (next: string) => {
    if (props.value === undefined) setOwn(next);
    props.onValueChange?.(next);
  };
  const pick = (item: AddressSuggestion) => {
    setText(item.label);
    setPicked(item.label);
    setOpen(false);
    setActive(-1);
    props.onPick?.(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) setOpen(true);
      if (items.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + items.length) % items.length);
    } else if (event.key === "Enter" && showList && active >= 0 && items[active]) {
      event.preventDefault(); // pick, do not submit the form
      pick(items[active]!);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const optionId = (n: number) => `${listId}-option-${n}`;
  const describedBy = [props.describedBy, hintId].filter(Boolean).join(" ");
  return (
    <div className="relative">
      <input
        id={props.id}
        name={props.name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={props.invalid || undefined}
        className={props.className ?? "w-full rounded border border-slate-300 px-2 py-1"}
        value={text}
        disabled={props.disabled}
        required={props.required}
        maxLength={props.maxLength ?? 500}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        // Closing on blur waits for a click on an option to land first.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="sr-only">{t.hint}</span>
      <ul
        id={listId}
        role="listbox"
        aria-label={t.suggestionsLabel}
        hidden={!showList}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-300 bg-white shadow-lg"
      >
        {items.map((item, n) => (
          <li
            key={`${item.kind}-${item.objectId}`}
            id={optionId(n)}
            role="option"
            aria-selected={n === active}
            className={`cursor-pointer px-2 py-1 text-sm ${n === active ? "bg-sky-100" : ""}`}
            // mousedown, not click: it comes before the input's blur.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(item);
            }}
            onMouseEnter={() => setActive(n)}
          >
            {item.label}
            <span className="ml-2 text-xs text-slate-500">{t.kinds[item.kind]}</span>
          </li>
        ))}
        {items.length === 0 && (
          <li role="presentation" className="px-2 py-1 text-sm text-slate-600" aria-live="polite">
            {suggestions.isError ? t.failed : suggestions.isFetching ? t.loading : t.none}
          </li>
        )}
      </ul>
    </div>
  );
}
