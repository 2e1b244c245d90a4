"use client";
// Where the health statistics stand, kept in the URL: the place
// (?municipalityId=&organisationId=, ids only) and a date the user chose
// (?asOf=; without one the page shows today, so a bookmark stays current).
// A drill-down is a history entry (Next's router, as on the ministry
// dashboard), so Back climbs up again; a new date replaces the entry, so Back
// does not step through every date tried. The date input edits local state:
// bound straight to the URL it would snap back while the URL catches up.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { todayIso } from "@/lib/schemas/person";

export type Level = { municipalityId?: string; organisationId?: string };

const asOfInUrl = () => new URLSearchParams(window.location.search).get("asOf");

export function useHealthPlace() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const level: Level = {
    ...(searchParams.get("municipalityId") ? { municipalityId: searchParams.get("municipalityId")! } : {}),
    ...(searchParams.get("organisationId") ? { organisationId: searchParams.get("organisationId")! } : {}),
  };
  const [asOf, setDraft] = useState(() => searchParams.get("asOf") || todayIso());

  // Back/forward may land on an entry with another date: the input follows it.
  useEffect(() => {
    const onPop = () => setDraft(asOfInUrl() || todayIso());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  return {
    level,
    asOf,
    setAsOf(value: string) {
      setDraft(value);
      const params = new URLSearchParams(window.location.search);
      if (value) params.set("asOf", value);
      else params.delete("asOf");
      // Next's router follows a native history call and copies its own state into the entry;
      // handing it that state (`__NA`) instead would make it skip the call, and useSearchParams go stale.
      window.history.replaceState(null, "", `${pathname}?${params.toString()}`);
    },
    setLevel(next: Level) {
      const params = new URLSearchParams();
      if (next.municipalityId) params.set("municipalityId", next.municipalityId);
      if (next.organisationId) params.set("organisationId", next.organisationId);
      const chosen = asOfInUrl();
      if (chosen) params.set("asOf", chosen);
      router.push(params.size ? `${pathname}?${params.toString()}` : pathname, { scroll: false });
    },
  };
}
