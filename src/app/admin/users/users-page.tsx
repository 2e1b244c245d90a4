"use client";
// Account management: list with filters in the URL, a create/edit form, and
// (de)activation per row.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState, type FormEvent } from "react";
import { useMessages } from "@/components/messages-provider";
import { ROLES, type Role } from "@/lib/roles";
import { useTRPC } from "@/trpc/react";
import { useUrlFilters } from "@/components/use-url-filters";
import { UserForm, type UserRow } from "./user-form";
import { UsersTable } from "./users-table";

const PAGE_SIZE = 25;
const FILTERS = ["search", "role", "active"] as const;

export function UsersPage() {
  const { m } = useMessages();
  const t = m.adminUsers;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { applied, page, draft, setField, apply, setPage } = useUrlFilters(FILTERS);
  const role = (ROLES as readonly string[]).includes(applied.role) ? (applied.role as Role) : undefined;
  const active = applied.active === "true" ? true : applied.active === "false" ? false : undefined;

  const list = useQuery(
    trpc.admin.users.list.queryOptions(
      { search: applied.search || undefined, role, active, page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );

  const [form, setForm] = useState<{ user?: UserRow } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const setActive = useMutation(
    trpc.admin.users.setActive.mutationOptions({
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
        setNotice({ ok: true, text: (user.active ? t.activated : t.deactivated)(user.login) });
      },
      onError: (error) => setNotice({ ok: false, text: error.message || m.errors.generic }),
    }),
  );

  const onEdit = useCallback((user: UserRow) => {
    setNotice(null);
    setForm({ user });
  }, []);
  const { mutate: mutateActive } = setActive;
  const onSetActive = useCallback(
    (user: UserRow, active: boolean) => {
      if (!active && !window.confirm(t.confirmDeactivate(user.login))) return;
      setNotice(null);
      mutateActive({ id: user.id, active });
    },
    [t, mutateActive],
  );

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply();
  }

  const selectClass = "rounded border border-slate-300 bg-white px-3 py-2";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        {!form && (
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              setForm({});
            }}
            className="ml-auto rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            {t.create}
          </button>
        )}
      </div>

      {form && (
        <UserForm
          // A fresh form per account: no draft leaks from one account to another.
          key={form.user?.id ?? "new"}
          user={form.user}
          onCancel={() => setForm(null)}
          onDone={(text) => {
            setForm(null);
            setNotice({ ok: true, text });
          }}
        />
      )}

      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          data-testid="users-notice"
          className={`rounded px-3 py-2 text-sm ${notice.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {notice.text}
        </p>
      )}

      <form onSubmit={onSearch} role="search" className="flex flex-wrap items-end gap-3">
        <label className="block grow sm:grow-0">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t.search}</span>
          <input
            type="search"
            name="search"
            value={draft.search}
            onChange={(e) => setField("search", e.target.value)}
            maxLength={64}
            className="w-full rounded border border-slate-300 px-3 py-2 sm:w-72"
          />
        </label>
        <button type="submit" className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
          {t.find}
        </button>
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t.role}</span>
          <select name="roleFilter" value={draft.role} onChange={(e) => apply({ role: e.target.value })} className={selectClass}>
            <option value="">{t.allRoles}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {m.roles[role]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t.status}</span>
          <select
            name="activeFilter"
            value={draft.active}
            onChange={(e) => apply({ active: e.target.value })}
            className={selectClass}
          >
            <option value="">{t.allStatuses}</option>
            <option value="true">{t.active}</option>
            <option value="false">{t.inactive}</option>
          </select>
        </label>
      </form>

      {list.isError && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-700">
          {list.error.message || m.errors.generic}
        </p>
      )}
      {list.isPending ? (
        <p className="text-slate-500">{m.common.loading}</p>
      ) : list.data ? (
        <UsersTable
          rows={list.data.rows}
          total={list.data.total}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          isFetching={list.isFetching}
          busyId={setActive.isPending ? (setActive.variables?.id ?? null) : null}
          onEdit={onEdit}
          onSetActive={onSetActive}
        />
      ) : null}
    </div>
  );
}
