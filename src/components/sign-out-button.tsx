"use client";
import { signOut } from "next-auth/react";
import { useMessages } from "./messages-provider";

export function SignOutButton() {
  const { m } = useMessages();
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
    >
      {m.account.signOut}
    </button>
  );
}
