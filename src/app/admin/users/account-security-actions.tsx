"use client";
// SYSTEM_ADMIN's security actions on one account: end all its sessions,
// reset its second factor. The server audits both.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useDateTime, useMessages } from "@/components/messages-provider";
import { useTRPC } from "@/trpc/react";
import type { UserRow } from "./user-form";

export function AccountSecurityActions({ user, onDone }: { user: UserRow; onDone: (notice: string) => void }) {
  const { m } = useMessages();
  const dateTime = useDateTime();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
  const endSessions = useMutation(
    trpc.admin.users.endSessions.mutationOptions({ onSuccess: async (r) => (await refresh(), onDone(m.adminSecurity.sessionsEnded(user.login, r.ended))) }),
  );
  const reset = useMutation(
    trpc.admin.users.resetSecondFactor.mutationOptions({ onSuccess: async () => (await refresh(), onDone(m.adminSecurity.secondFactorReset(user.login))) }),
  );
  const locked = user.lockedUntil && new Date(user.lockedUntil) > new Date() ? user.lockedUntil : null;
  const error = endSessions.error ?? reset.error;
  return (
    <div className="mt-6 border-t border-slate-200 pt-4" data-testid="account-security">
      <h3 className="mb-2 font-semibold">{m.adminSecurity.title}</h3>
      <p className="text-sm text-slate-600">{user.totpEnabledAt ? m.adminSecurity.secondFactorOn : m.adminSecurity.secondFactorOff}</p>
      {locked && <p className="text-sm text-red-700">{m.adminSecurity.lockedUntil(dateTime(locked))}</p>}
      <div className="mt-3 flex flex-wrap gap-3">
        <button
          type="button"
          disabled={endSessions.isPending}
          onClick={() => window.confirm(m.adminSecurity.confirmEndSessions(user.login)) && endSessions.mutate({ id: user.id })}
          className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100 disabled:opacity-60"
        >
          {m.adminSecurity.endSessions}
        </button>
        {user.totpEnabledAt && (
          <button
            type="button"
            disabled={reset.isPending}
            onClick={() => window.confirm(m.adminSecurity.confirmReset(user.login)) && reset.mutate({ id: user.id })}
            className="rounded border border-red-300 px-4 py-2 text-red-700 hover:bg-red-50 disabled:opacity-60"
          >
            {m.adminSecurity.resetSecondFactor}
          </button>
        )}
      </div>
      {error && <p role="alert" className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-700">{error.message}</p>}
    </div>
  );
}
