// The few environment values read where src/server/env.ts cannot be imported:
// in the browser (no server environment at all, and env.ts would pull server
// code into the bundle), in the edge proxy and at the top of instrumentation,
// which runs in both runtimes before the server's environment is checked.
// Only values harmless there: NODE_ENV (inlined by Next at build time),
// NEXT_RUNTIME (set by Next), and the region's time zone, which the browser
// never has (it falls back to the default). Everything else goes through env.ts.

/** True in `next dev`: the proxy's CSP then allows what React's dev tooling needs. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/** "nodejs" or "edge" while Next runs; undefined elsewhere (tests, CLI tools). */
export function nextRuntime(): string | undefined {
  return process.env.NEXT_RUNTIME;
}

/** KONTINGENT_TIME_ZONE as configured, trimmed; undefined in the browser or when unset. */
export function configuredTimeZone(): string | undefined {
  return typeof process !== "undefined" ? process.env?.KONTINGENT_TIME_ZONE?.trim() : undefined;
}
