"use client";
// A wide table scrolls inside its own frame, never the page: at 390 px the
// page keeps its width and the table moves sideways under the finger. The
// frame is a focusable, named region so keyboard users can scroll it too
// (axe: scrollable-region-focusable). Positioned, so visually hidden (sr-only)
// text in a cell is clipped by the frame instead of widening the page.
import type { ReactNode } from "react";
import { useMessages } from "./messages-provider";

export function TableFrame({ label, className = "", children }: { label?: string; className?: string; children: ReactNode }) {
  const { m } = useMessages();
  return (
    <div role="region" aria-label={label ?? m.shell.tableFrame} tabIndex={0} className={`relative max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
