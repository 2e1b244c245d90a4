// Every route handler (src/app/**/route.ts) and the door it goes through.
// A route that reads a session cookie must go through routeDoor
// (route-door.ts); the others have their own transport check, named here
// with the module the route file must import. route-table.test.ts reads the
// files from disk and fails on a route missing here, listed but gone, or not
// going through its door — so a new route cannot skip the checks unnoticed.

export type Door =
  /** routeDoor: Origin/Sec-Fetch-Site, session, role from the matrix, no-store, JSON errors. */
  | { kind: "session" }
  /** Its own door, in the module the route file must import. */
  | { kind: "own"; module: string; why: string };

const trpc = {
  kind: "own",
  module: "@/server/http/trpc-handler",
  why: "trpc-transport.ts: POST only, JSON body, own Origin, batch cap; then the session in every procedure",
} as const;
const nextAuth = {
  kind: "own",
  module: "next-auth",
  why: "next-auth: its CSRF token on every POST; the redirect's error code is reduced to a fixed list (sign-in-errors.ts)",
} as const;
const machine = {
  kind: "own",
  module: "@/server/http/api-v1/endpoints",
  why: "apiEndpoint (api-v1/endpoint.ts): bearer token, no cookies (so no CSRF), kind, rate limit, audit; wrong methods answer 405",
} as const;
const apiV1Static = {
  kind: "own",
  module: "@/server/http/api-v1/",
  why: "public description of the API or its JSON 404: no session, no data",
} as const;

/** Keyed by the route's folder under src/app. */
export const ROUTE_TABLE: Readonly<Record<string, Door>> = {
  "api/school/learners/import": { kind: "session" },
  "api/school/learners/import/template": { kind: "session" },
  "api/school/learners/export": { kind: "session" },
  "api/school/study-certificates/[id]": { kind: "session" },
  "api/school/study-certificates/register": { kind: "session" },
  "api/health/export": { kind: "session" },
  "api/ministry/reports/[report]": { kind: "session" },
  "api/ministry/gia-import": { kind: "session" },
  "api/ministry/gia-import/template": { kind: "session" },
  "api/ministry/children/import": { kind: "session" },
  "api/ministry/children/import/template": { kind: "session" },
  "api/ministry/children-account": { kind: "session" },
  "api/frdo": { kind: "session" },
  "api/ministry/gia": { kind: "session" },
  "api/ministry/performance": { kind: "session" },
  "api/admin/access-reports/[report]": { kind: "session" },
  "api/trpc/[trpc]": trpc,
  "api/auth/[...nextauth]": nextAuth,
  "api/v1/ejournal/classes": machine,
  "api/v1/ejournal/classes/[classId]/learners": machine,
  "api/v1/ejournal/grades": machine,
  "api/v1/public-services/performance": machine,
  "api/v1/federal/changes": machine,
  "api/v1/openapi.json": apiV1Static,
  "api/v1/docs": apiV1Static,
  "api/v1/[...unknown]": apiV1Static,
  unavailable: {
    kind: "own",
    module: "@/server/http/unavailable-page",
    why: "the static 503 page of a database outage: no session, no data",
  },
};
