"use client";
// Asks before unsaved changes are lost. The App Router has no route-change
// event, so: the browser's own prompt on reload/close (beforeunload); a
// confirm on clicks of in-app links, caught in the capture phase before
// next/link handles them; and, best effort, a guard history entry so the Back
// button asks too (popstate cannot be cancelled, only undone).
import { useEffect } from "react";
import { useMessages } from "@/components/messages-provider";

const GUARD = "__ktUnsavedGuard";

/** The link a click would follow inside the app, or null (new tab, download, same-page anchor…). */
function inAppLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return null;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return null;
  const samePage = url.pathname === location.pathname && url.search === location.search;
  return samePage && url.hash ? null : link;
}

export function useUnsavedChangesWarning(dirty: boolean) {
  const message = useMessages().m.forms.unsavedChanges;
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ""; // older browsers need it set to show the prompt
    };
    const onClick = (event: MouseEvent) => {
      if (!inAppLink(event) || window.confirm(message)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Back: a copy of the current entry to step back onto; leaving is then a second, deliberate step.
    if (!(history.state as Record<string, unknown> | null)?.[GUARD]) {
      history.pushState({ ...(history.state as object | null), [GUARD]: true }, "", location.href);
    }
    let leaving = false;
    const onPopState = () => {
      if (leaving) return;
      if (window.confirm(message)) {
        leaving = true;
        history.back();
      } else {
        history.pushState({ ...(history.state as object | null), [GUARD]: true }, "", location.href);
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPopState);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPopState);
    };
  }, [dirty, message]);
}
