"use client";
import { signOut } from "next-auth/react";
import { useMessages } from "./messages-provider";

export function SignOutButton() {
  const { m } = useMessages();
  return (
    <button
      type="button"
      // Not NextAuth's redirect: it goes to NEXTAUTH_URL's host, which may be
      // another loopback name than the one the page was opened at.
      onClick={() => void signOut({ redirect: false }).then(() => window.location.assign("/login"))}
      className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
    >
      {m.account.signOut}
    </button>
  );
}
