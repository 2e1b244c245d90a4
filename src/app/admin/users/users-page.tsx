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
import { FilterSelect, SearchBox } from "@/components/list-filters";
import { QueryError } from "@/components/query-state";

const PAGE_SIZE = 25;
const FILTERS = ["search", "role", "active"] as const;
// Staff names and logins are personal data too: kept out of the URL.
const PRIVATE = ["search"] as const;

export function UsersPage() {
  const { m } = useMessages();
  const t = m.adminUsers;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { applied, page, draft, setField, apply, setPage } = useUrlFilters(FILTERS, PRIVATE);
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

      <form method="post" onSubmit={onSearch} role="search" className="flex flex-wrap items-end gap-3">
        <SearchBox label={t.search} value={draft.search} onChange={(v) => setField("search", v)} maxLength={64} findLabel={t.find} />
        <FilterSelect label={t.role} name="roleFilter" value={draft.role} allLabel={t.allRoles} options={ROLES.map((role) => ({ value: role, label: m.roles[role] }))} onChange={(role) => apply({ role })} />
        <FilterSelect
          label={t.status}
          name="activeFilter"
          value={draft.active}
          allLabel={t.allStatuses}
          options={[{ value: "true", label: t.active }, { value: "false", label: t.inactive }]}
          onChange={(active) => apply({ active })}
        />
      </form>

      <QueryError error={list.error} />
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
