"use client";
// GOV.UK-style error summary: a box at the top of the form naming every
// problem, each a link that moves focus to its field. It takes focus itself
// after a failed submit (`focusToken` changes), so a keyboard or screen-reader
// user starts from the list instead of being left on the submit button.
import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import type { FieldErrors } from "@/lib/errors/form-errors";

interface ErrorSummaryProps {
  errors: FieldErrors;
  /** A problem of the whole form (a refusal that names no field). */
  message?: string | null;
  /** Bumped on every failed submit; the summary then takes focus. */
  focusToken: number;
}

/** The control of a field path within `root`: by id, else by name. */
function controlOf(root: ParentNode, key: string): HTMLElement | null {
  const byId = document.getElementById(key);
  if (byId) return byId;
  return root.querySelector<HTMLElement>(`[name="${CSS.escape(key)}"]`) ?? document.getElementById(`${key}-error`);
}

/** "Legend — Label" of a control, read from the form, so each form needs no label table. */
function labelOf(control: HTMLElement | null): string {
  if (!control) return "";
  const label = (control as HTMLInputElement).labels?.[0]?.querySelector("span")?.textContent?.trim() ?? "";
  const legend = control.closest("fieldset")?.querySelector("legend")?.textContent?.trim() ?? "";
  return [legend, label].filter(Boolean).join(" — ");
}

export function ErrorSummary({ errors, message, focusToken }: ErrorSummaryProps) {
  const { m } = useMessages();
  const ref = useRef<HTMLDivElement>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const entries = Object.entries(errors);
  // Inline messages come first (a field is checked when left); the summary belongs to a failed submit.
  const visible = focusToken > 0 && (entries.length > 0 || !!message);

  useLayoutEffect(() => {
    const root = ref.current?.closest("form") ?? document;
    setLabels(Object.fromEntries(Object.keys(errors).map((key) => [key, labelOf(controlOf(root, key))])));
  }, [errors]);

  useEffect(() => {
    if (focusToken > 0) ref.current?.focus();
    // Focus follows a new failed submit only, not every change of the messages.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusToken]);

  if (!visible) return null;

  const goTo = (key: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const control = controlOf(ref.current?.closest("form") ?? document, key);
    control?.scrollIntoView({ block: "center" });
    control?.focus();
  };

  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      className="rounded border-2 border-red-700 bg-red-50 p-4 text-red-800 focus:outline-none focus:ring-4 focus:ring-amber-400"
    >
      <h2 id="error-summary-title" className="font-semibold">
        {m.forms.summaryTitle}
      </h2>
      {message && (
        <p data-testid="form-error" className="mt-1">
          {message}
        </p>
      )}
      {entries.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {entries.map(([key, text]) => (
            <li key={key}>
              <a href={`#${key}`} onClick={goTo(key)} className="underline hover:no-underline">
                {labels[key] ? `${labels[key]}: ${text}` : text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
