"use client";
// One form for creating and editing an account. The browser checks input with
// the same zod schema as the server; the server's answer is mapped back onto
// the fields it names (zod issues or a domain error's `field`); a failed
// submit focuses the error summary.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useMessages } from "@/components/messages-provider";
import { SelectField } from "@/components/select-field";
import { issuesToErrors, type FieldErrors } from "@/lib/errors/form-errors";
import { ROLES, type Role, type ScopeKind } from "@/lib/roles";
import { ZCreateUserInput, ZUpdateUserInput } from "@/lib/schemas/users";
// Pure table, safe in the browser: it limits the scope options; the server re-checks.
import { allowedScopes } from "@/server/authz/matrix";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/trpc/react";
import { AccountSecurityActions } from "./account-security-actions";

export type UserRow = inferRouterOutputs<AppRouter>["admin"]["users"]["list"]["rows"][number];

const FIELDS = ["login", "fullName", "password", "newPassword", "role", "scopeKind", "municipalityId", "organisationId"] as const;

export function UserForm({ user, onDone, onCancel }: { user?: UserRow; onDone: (notice: string) => void; onCancel: () => void }) {
  const { m, locale } = useMessages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.admin.users.scopeOptions.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [draft, setDraft] = useState({
    login: user?.login ?? "",
    fullName: user?.fullName ?? "",
    password: "",
    role: (user?.role ?? "") as Role | "",
    scopeKind: (user?.scopeKind ?? "") as ScopeKind | "",
    municipalityId: user?.municipality?.id ?? "",
    organisationId: user?.organisation?.id ?? "",
  });
  const form = useFormErrors(m.adminUsers.checkFields, { fields: FIELDS, locale });
  const { errors } = form;

  const saved = async (account: UserRow, notice: (login: string) => string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
    onDone(notice(account.login));
  };
  // Two-person rule: say so when the result still waits for a second person.
  const waits = (u: UserRow, done: (login: string) => string) =>
    u.pendingRequest ? (u.pendingRequest.kind === "CREATE" ? m.accountApproval.createdPending : m.accountApproval.updatedPending) : done;
  const create = useMutation(trpc.admin.users.create.mutationOptions({ onSuccess: (u) => saved(u, waits(u, m.adminUsers.created)), onError: form.server }));
  const update = useMutation(trpc.admin.users.update.mutationOptions({ onSuccess: (u) => saved(u, waits(u, m.adminUsers.updated)), onError: form.server }));
  const pending = create.isPending || update.isPending;

  const set = (name: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const scopeKinds = draft.role ? allowedScopes(draft.role) : [];
  const changeRole = (role: Role | "") => {
    const allowed = role ? allowedScopes(role) : [];
    setDraft((d) => ({ ...d, role, scopeKind: d.scopeKind && allowed.includes(d.scopeKind) ? d.scopeKind : (allowed[0] ?? "") }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const scope = {
      role: draft.role || undefined,
      scopeKind: draft.scopeKind || undefined,
      municipalityId: draft.scopeKind === "MUNICIPALITY" ? draft.municipalityId || null : null,
      organisationId: draft.scopeKind === "ORGANISATION" ? draft.organisationId || null : null,
    };
    const parsed = user
      ? ZUpdateUserInput.safeParse({ id: user.id, fullName: draft.fullName, newPassword: draft.password, ...scope })
      : ZCreateUserInput.safeParse({ login: draft.login, fullName: draft.fullName, password: draft.password, ...scope });
    const next: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues, locale);
    // The schema leaves both ids optional: which one is required depends on the scope kind.
    if (draft.scopeKind === "MUNICIPALITY" && !draft.municipalityId) next.municipalityId ??= m.adminUsers.chooseMunicipality;
    if (draft.scopeKind === "ORGANISATION" && !draft.organisationId) next.organisationId ??= m.adminUsers.chooseOrganisation;
    if (!parsed.success || Object.keys(next).length > 0) return form.fail(next);
    form.clear();
    if ("login" in parsed.data) create.mutate(parsed.data);
    else update.mutate(parsed.data);
  }

  const municipalities = options.data?.municipalities ?? [];
  return (
    <section aria-labelledby="user-form-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="user-form">
      <h2 id="user-form-title" className="mb-4 text-lg font-semibold">
        {user ? m.adminUsers.editTitle(user.login) : m.adminUsers.createTitle}
      </h2>
      <form method="post" onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className="md:col-span-2 empty:hidden">
          <ErrorSummary errors={errors} message={form.formError} focusToken={form.failedSubmits} />
        </div>
        <Field
          label={m.adminUsers.login}
          name="login"
          value={draft.login}
          onChange={(e) => set("login", e.target.value)}
          readOnly={!!user}
          className={user ? "opacity-70" : undefined}
          autoComplete="off"
          maxLength={64}
          error={errors.login}
          autoFocus={!user}
        />
        <Field label={m.adminUsers.fullName} name="fullName" value={draft.fullName} onChange={(e) => set("fullName", e.target.value)} maxLength={200} error={errors.fullName} autoFocus={!!user} />
        <div>
          <Field
            label={user ? m.adminUsers.newPassword : m.adminUsers.password}
            name={user ? "newPassword" : "password"}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set("password", e.target.value)}
            maxLength={256}
            error={user ? errors.newPassword : errors.password}
            aria-describedby={user ? (errors.newPassword ? "newPassword-error" : "newPassword-hint") : undefined}
          />
          {user && !errors.newPassword && (
            <p id="newPassword-hint" className="mt-1 text-sm text-slate-500">
              {m.adminUsers.newPasswordHint}
            </p>
          )}
        </div>
        <SelectField label={m.adminUsers.role} name="role" value={draft.role} onChange={(e) => changeRole(e.target.value as Role | "")} error={errors.role}>
          <option value="">{m.adminUsers.choose}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {m.roles[role]}
            </option>
          ))}
        </SelectField>
        <SelectField label={m.adminUsers.scope} name="scopeKind" value={draft.scopeKind} onChange={(e) => set("scopeKind", e.target.value)} disabled={scopeKinds.length === 0} error={errors.scopeKind}>
          {scopeKinds.length === 0 && <option value="">{m.adminUsers.choose}</option>}
          {scopeKinds.map((kind) => (
            <option key={kind} value={kind}>
              {m.scopes[kind]}
            </option>
          ))}
        </SelectField>
        {draft.scopeKind === "MUNICIPALITY" && (
          <SelectField label={m.adminUsers.municipality} name="municipalityId" value={draft.municipalityId} onChange={(e) => set("municipalityId", e.target.value)} error={errors.municipalityId}>
            <option value="">{options.isPending ? m.common.loading : m.adminUsers.choose}</option>
            {municipalities.map((mun) => (
              <option key={mun.id} value={mun.id}>
                {mun.name}
              </option>
            ))}
          </SelectField>
        )}
        {draft.scopeKind === "ORGANISATION" && (
          <SelectField label={m.adminUsers.organisation} name="organisationId" value={draft.organisationId} onChange={(e) => set("organisationId", e.target.value)} error={errors.organisationId}>
            <option value="">{options.isPending ? m.common.loading : m.adminUsers.choose}</option>
            {municipalities.map((mun) => (
              <optgroup key={mun.id} label={mun.name}>
                {mun.organisations.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.shortName}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        )}
        {options.isError && (
          <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700 md:col-span-2">
            {options.error.message}
          </p>
        )}
        <div className="flex gap-3 md:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? m.adminUsers.submitting : user ? m.adminUsers.submitEdit : m.adminUsers.submitCreate}
          </button>
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
            {m.common.cancel}
          </button>
        </div>
      </form>
      {user && <AccountSecurityActions user={user} onDone={onDone} />}
    </section>
  );
}
