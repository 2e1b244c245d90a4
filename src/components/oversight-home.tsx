"use client";
// Landing of the two oversight portals: open organisations per municipality,
// each through its own portal's procedure.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useMessages } from "./messages-provider";
import { OrganisationsByMunicipality } from "./organisations-by-municipality";
import { QueryState } from "./query-state";

export function OversightHome({ portal }: { portal: "ministry" | "health" }) {
  const { m } = useMessages();
  const trpc = useTRPC();
  const query = useQuery(trpc[portal].organisationsByMunicipality.queryOptions());
  const title = portal === "ministry" ? m.oversight.ministryTitle : m.oversight.healthTitle;
  return <QueryState query={query}>{(rows) => <OrganisationsByMunicipality title={title} rows={rows} />}</QueryState>;
}
