"use client";
// List filters kept in the URL, so a filtered view can be reloaded, shared
// and walked back with the browser's history. The form edits a local draft:
// a controlled input bound straight to the URL would snap back while the
// navigation is pending (breaking typing in date fields), and every applied
// change is a server read that the audit log records.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

const keyOf = (filters: Record<string, string>) => JSON.stringify(filters);

export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const applied = Object.fromEntries(keys.map((k) => [k, searchParams.get(k) ?? ""])) as Record<K, string>;
  const pageParam = Number.parseInt(searchParams.get("page") ?? "", 10);
  // The URL counts pages from 1, as people do; the procedures from 0.
  const page = Number.isFinite(pageParam) && pageParam > 1 ? pageParam - 1 : 0;

  const [draft, setDraft] = useState(applied);
  // Back/forward or a link changes the URL: the form follows it. Our own
  // pushes land later (the page is re-rendered on the server first) and must
  // not wipe what the user has typed since, so they are recognised and skipped.
  const appliedKey = keyOf(applied);
  const [syncedKey, setSyncedKey] = useState(appliedKey);
  const [ownPushes, setOwnPushes] = useState<string[]>([]);
  if (syncedKey !== appliedKey) {
    setSyncedKey(appliedKey);
    const own = ownPushes.indexOf(appliedKey);
    setOwnPushes(own >= 0 ? ownPushes.slice(own + 1) : []);
    if (own < 0) setDraft(applied);
  }

  const go = (params: URLSearchParams) => {
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  return {
    applied,
    page,
    draft,
    setField: (key: K, value: string) => setDraft((d) => ({ ...d, [key]: value })),
    /** Applies the whole draft (plus `changes`); new filters start at the first page. */
    apply: (changes: Partial<Record<K, string>> = {}) => {
      const next = { ...draft, ...changes };
      setDraft(next);
      const target = Object.fromEntries(keys.map((k) => [k, next[k].trim()])) as Record<K, string>;
      const params = new URLSearchParams();
      for (const key of keys) if (target[key]) params.set(key, target[key]);
      if (keyOf(target) !== appliedKey) setOwnPushes((pushes) => [...pushes, keyOf(target)]);
      go(params);
    },
    setPage: (p: number) => {
      const params = new URLSearchParams(searchParams.toString());
      if (p > 0) params.set("page", String(p + 1));
      else params.delete("page");
      go(params);
    },
    reset: () => {
      const empty = Object.fromEntries(keys.map((k) => [k, ""])) as Record<K, string>;
      setDraft(empty);
      if (keyOf(empty) !== appliedKey) setOwnPushes((pushes) => [...pushes, keyOf(empty)]);
      go(new URLSearchParams());
    },
  };
}
