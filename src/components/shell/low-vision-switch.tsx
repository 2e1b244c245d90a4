"use client";
// Toggles the low-vision version without a reload: the class on <html> for
// this page, the cookie for the next ones (the server renders it from there).
import { useState } from "react";
import { LOW_VISION_CLASS, LOW_VISION_COOKIE } from "@/lib/low-vision";
import { useMessages } from "../messages-provider";

export function LowVisionSwitch({ initial }: { initial: boolean }) {
  const { m } = useMessages();
  const [on, setOn] = useState(initial);
  function toggle() {
    const next = !on;
    document.documentElement.classList.toggle(LOW_VISION_CLASS, next);
    document.cookie = `${LOW_VISION_COOKIE}=${next ? "1" : "0"}; path=/; max-age=31536000; samesite=lax`;
    setOn(next);
  }
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={toggle}
      data-testid="low-vision-switch"
      className="inline-flex items-center gap-1.5 text-left text-sm text-brand-600 underline"
    >
      <svg aria-hidden="true" width="18" height="12" viewBox="0 0 18 12" fill="currentColor">
        <path d="M9 0C4.5 0 1.2 3.3 0 6c1.2 2.7 4.5 6 9 6s7.8-3.3 9-6c-1.2-2.7-4.5-6-9-6zm0 10a4 4 0 1 1 0-8 4 4 0 0 1 0 8zm0-6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z" />
      </svg>
      {m.shell.lowVision}
    </button>
  );
}
