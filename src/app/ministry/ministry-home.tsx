"use client";
import { useQuery } from "@tanstack/react-query";
import { useMessages } from "@/components/messages-provider";
import { OrganisationsByMunicipality } from "@/components/organisations-by-municipality";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/trpc/react";

export function MinistryHome() {
  const { m } = useMessages();
  const trpc = useTRPC();
  const query = useQuery(trpc.ministry.organisationsByMunicipality.queryOptions());
  return <QueryState query={query}>{(rows) => <OrganisationsByMunicipality title={m.oversight.ministryTitle} rows={rows} />}</QueryState>;
}
