// The application's own origin, for checks that a state-changing or
// personal-data request came from our pages and not from another site.
import { serverEnv } from "../env";

/** Names that always mean this machine: a browser on it can reach no other site by them. */
const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

/** NEXTAUTH_URL's origin, or the request's Host when it is unset. */
export function ownOrigin(req: Request): string | null {
  const configured = serverEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = req.headers.get("host");
  if (!host) return null;
  return `${new URL(req.url).protocol}//${host}`;
}

/**
 * The origins our pages may call from. A loopback origin (http://localhost:3000)
 * stands for all three loopback names with the same scheme and port, so a
 * newcomer who opens http://127.0.0.1:3000 is not refused; any other origin
 * (a LAN address, a domain) is exact.
 */
export function acceptedOrigins(own: string): string[] {
  const url = new URL(own);
  if (!LOOPBACK_HOSTNAMES.includes(url.hostname)) return [url.origin];
  return LOOPBACK_HOSTNAMES.map((hostname) => {
    const variant = new URL(url.origin);
    variant.hostname = hostname;
    return variant.origin;
  });
}

/** True only when the request names one of our origins; a missing Origin is refused. */
export function fromOwnOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  const expected = ownOrigin(req);
  return !!origin && !!expected && acceptedOrigins(expected).includes(origin);
}
