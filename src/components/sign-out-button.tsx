"use client";
import { signOut } from "next-auth/react";
import { useHydrated } from "./forms/use-hydrated";
import { useMessages } from "./messages-provider";

export function SignOutButton() {
  const { m } = useMessages();
  // Disabled until hydrated: a click before React attached the handler would do nothing.
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated}
      // Not NextAuth's redirect: it goes to NEXTAUTH_URL's host, which may be
      // another loopback name than the one the page was opened at.
      onClick={() => void signOut({ redirect: false }).then(() => window.location.assign("/login"))}
      className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
    >
      {m.account.signOut}
    </button>
  );
}
