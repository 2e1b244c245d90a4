"use client";
// List filters kept in the URL, so a filtered view can be reloaded, shared
// and walked back with the browser's history. The form edits a local draft:
// a controlled input bound straight to the URL would snap back while the
// navigation is pending (breaking typing in date fields), and every applied
// change is a server read that the audit log records.
//
// `privateKeys` (a name or SNILS typed into a search) never enter the URL:
// they live in the history entry's state (window.history, which Next's router
// keeps alongside its own), so back/forward still restores them but access
// logs, shared links and the Referer never carry them.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

const keyOf = (filters: Record<string, string>) => JSON.stringify(filters);
const STATE_KEY = "ktPrivateFilters";
const NO_KEYS: readonly never[] = [];

function privateFromHistory(): Record<string, string> {
  if (typeof window === "undefined") return {};
  const state = window.history.state as Record<string, unknown> | null;
  const saved = state?.[STATE_KEY];
  return saved && typeof saved === "object" ? (saved as Record<string, string>) : {};
}

export function useUrlFilters<K extends string>(keys: readonly K[], privateKeys: readonly K[] = NO_KEYS) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const isPrivate = (k: K) => privateKeys.includes(k);
  // Empty on the server and the first client render (no history there), filled after mount.
  const [hidden, setHidden] = useState<Record<string, string>>({});
  useEffect(() => {
    // The draft follows too: a page returned to by back/forward shows its search text.
    // On mount, text typed before the page finished loading is kept when the
    // history entry has none; on back/forward the entry's text wins.
    const sync = (onMount: boolean) => {
      const saved = privateFromHistory();
      setHidden(saved);
      setDraft((d) => ({ ...d, ...Object.fromEntries(privateKeys.map((k) => [k, saved[k] ?? (onMount ? d[k] : "")])) }));
    };
    sync(true);
    const onPop = () => sync(false);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [privateKeys]);
  const applied = Object.fromEntries(keys.map((k) => [k, (isPrivate(k) ? hidden[k] : searchParams.get(k)) ?? ""])) as Record<K, string>;
  const pageParam = Number.parseInt(searchParams.get("page") ?? "", 10);
  // The URL counts pages from 1, as people do; the procedures from 0.
  const page = Number.isFinite(pageParam) && pageParam > 1 ? pageParam - 1 : 0;

  const [draft, setDraft] = useState(applied);
  // Back/forward or a link changes the filters: the form follows them. Our own
  // pushes must not wipe what the user has typed since, so they are recognised and skipped.
  const appliedKey = keyOf(applied);
  const [syncedKey, setSyncedKey] = useState(appliedKey);
  const [ownPushes, setOwnPushes] = useState<string[]>([]);
  if (syncedKey !== appliedKey) {
    setSyncedKey(appliedKey);
    const own = ownPushes.indexOf(appliedKey);
    setOwnPushes(own >= 0 ? ownPushes.slice(own + 1) : []);
    if (own < 0) setDraft(applied);
  }

  // A private value that arrived in an old link's URL moves into history state.
  useEffect(() => {
    const leaked = privateKeys.filter((k) => searchParams.has(k));
    if (leaked.length === 0) return;
    const params = new URLSearchParams(searchParams.toString());
    const moved = { ...privateFromHistory() };
    for (const k of leaked) {
      moved[k] = params.get(k) ?? "";
      params.delete(k);
    }
    const query = params.toString();
    window.history.replaceState({ ...window.history.state, [STATE_KEY]: moved }, "", query ? `${pathname}?${query}` : pathname);
    setHidden(moved);
  }, [searchParams, pathname, privateKeys]);

  /** Pushes a history entry (Next's router follows native pushState) with the private part in its state. */
  const go = (params: URLSearchParams, secret: Record<string, string>) => {
    const query = params.toString();
    setHidden(secret);
    window.history.pushState({ [STATE_KEY]: secret }, "", query ? `${pathname}?${query}` : pathname);
  };
  const split = (values: Record<K, string>) => {
    const params = new URLSearchParams();
    const secret: Record<string, string> = {};
    for (const key of keys) {
      const value = values[key].trim();
      if (!value) continue;
      if (isPrivate(key)) secret[key] = value;
      else params.set(key, value);
    }
    return { params, secret };
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
      if (keyOf(target) !== appliedKey) setOwnPushes((pushes) => [...pushes, keyOf(target)]);
      const { params, secret } = split(target);
      go(params, secret);
    },
    setPage: (p: number) => {
      const params = new URLSearchParams(searchParams.toString());
      if (p > 0) params.set("page", String(p + 1));
      else params.delete("page");
      go(params, hidden);
    },
    reset: () => {
      const empty = Object.fromEntries(keys.map((k) => [k, ""])) as Record<K, string>;
      setDraft(empty);
      if (keyOf(empty) !== appliedKey) setOwnPushes((pushes) => [...pushes, keyOf(empty)]);
      go(new URLSearchParams(), {});
    },
  };
}
