// The application's own origin, for checks that a state-changing or
// personal-data request came from our pages and not from another site.
import { serverEnv } from "../env";

/** NEXTAUTH_URL's origin, or the request's Host when it is unset. */
export function ownOrigin(req: Request): string | null {
  const configured = serverEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = req.headers.get("host");
  if (!host) return null;
  return `${new URL(req.url).protocol}//${host}`;
}

/** True only when the request names our origin; a missing Origin is refused. */
export function fromOwnOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  const expected = ownOrigin(req);
  return !!origin && !!expected && origin === expected;
}
