"use client";
import { useQuery } from "@tanstack/react-query";
import { useMessages } from "@/components/messages-provider";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/trpc/react";

export function OrganisationCard() {
  const { m } = useMessages();
  const trpc = useTRPC();
  const query = useQuery(trpc.school.organisation.queryOptions());
  return (
    <QueryState query={query}>
      {(org) => (
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold" data-testid="organisation-name">
            {org.shortName}
          </h1>
          <p className="text-slate-600">{org.fullName}</p>
          <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-500">{m.school.type}</dt>
            <dd>{m.orgTypes[org.type as keyof typeof m.orgTypes] ?? org.type}</dd>
            <dt className="text-slate-500">{m.school.municipality}</dt>
            <dd>{org.municipalityName}</dd>
            <dt className="text-slate-500">{m.school.inn} / {m.school.kpp}</dt>
            <dd>
              {org.inn} / {org.kpp}
            </dd>
            <dt className="text-slate-500">{m.school.ogrn}</dt>
            <dd>{org.ogrn}</dd>
            <dt className="text-slate-500">{m.school.address}</dt>
            <dd>{org.address ?? m.common.none}</dd>
            <dt className="text-slate-500">{m.school.head}</dt>
            <dd>{org.headName ?? m.common.none}</dd>
            <dt className="text-slate-500">{m.school.staff}</dt>
            <dd>{org.activeStaffAccounts}</dd>
          </dl>
        </section>
      )}
    </QueryState>
  );
}
