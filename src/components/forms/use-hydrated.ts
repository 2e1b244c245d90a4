"use client";
// False in the server's HTML and during hydration, true once React has
// attached the page's handlers. A submit button disabled until then cannot
// send its form natively, before the onSubmit handler exists (every form also
// says method="post", so even such a submit keeps its fields out of the URL).
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
