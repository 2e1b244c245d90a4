"use client";
// WAI-ARIA tabs: one tab stop for the whole list (roving tabindex), Left/Right
// move between tabs (wrapping), Home/End jump to the ends. Activation is
// manual (Enter, Space or a click): opening a tab may be an audited read of
// health or portfolio data, so merely passing over it with the arrows must not
// load it.
import { useRef, type KeyboardEvent } from "react";

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

const tabId = (idPrefix: string, key: string) => `${idPrefix}-tab-${key}`;
const panelId = (idPrefix: string, key: string) => `${idPrefix}-panel-${key}`;

export function TabList<K extends string>({
  tabs,
  selected,
  onSelect,
  idPrefix,
  testIdPrefix,
}: {
  tabs: readonly TabItem<K>[];
  selected: K | undefined;
  onSelect: (key: K) => void;
  idPrefix: string;
  testIdPrefix: string;
}) {
  const buttons = useRef(new Map<K, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons.current.get(tabs[target]!.key)?.focus();
  }

  return (
    <div role="tablist" className="flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab, index) => {
        const active = tab.key === selected;
        return (
          <button
            key={tab.key}
            ref={(el) => {
              if (el) buttons.current.set(tab.key, el);
              else buttons.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab.key)}
            aria-controls={active ? panelId(idPrefix, tab.key) : undefined}
            aria-selected={active}
            tabIndex={active || (selected === undefined && index === 0) ? 0 : -1}
            data-testid={`${testIdPrefix}-${tab.key}`}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={`-mb-px shrink-0 rounded-t border px-4 py-2 text-sm ${
              active ? "border-slate-200 border-b-white bg-white font-medium text-brand-900" : "border-transparent text-slate-600 hover:text-brand-600"
            }`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

/** The attributes of the selected tab's panel: named by its tab, and a tab stop of its own. */
export function tabPanelProps(idPrefix: string, key: string) {
  return { role: "tabpanel", id: panelId(idPrefix, key), "aria-labelledby": tabId(idPrefix, key), tabIndex: 0 } as const;
}
