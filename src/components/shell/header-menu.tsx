"use client";
// Below the lg breakpoint the navigation and the account controls fold behind
// one «Меню» button (a disclosure: aria-expanded + aria-controls). Esc closes
// it and gives focus back to the button; following a link closes it too.
// From lg up the button is hidden and the panel dissolves (display: contents)
// into the header row: account controls beside the name, navigation below.
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

const PANEL_ID = "portal-menu";

export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // A new page closes the menu (the link was followed).
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => setOpen((o) => !o)}
        data-testid="menu-button"
        className="ml-auto inline-flex items-center gap-2 rounded border border-slate-300 px-3 py-1.5 text-sm lg:hidden"
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor">
          {open ? <path d="M3.5 2.1 8 6.6l4.5-4.5 1.4 1.4L9.4 8l4.5 4.5-1.4 1.4L8 9.4l-4.5 4.5-1.4-1.4L6.6 8 2.1 3.5z" /> : <path d="M1 3h14v2H1zm0 4h14v2H1zm0 4h14v2H1z" />}
        </svg>
        {label}
      </button>
      <div
        id={PANEL_ID}
        data-testid="menu-panel"
        className={`${open ? "flex" : "hidden"} basis-full flex-col gap-4 border-t border-slate-200 pt-3 lg:contents`}
      >
        {children}
      </div>
    </>
  );
}
