// Client address for the audit log and the sign-in address limit.
//
// Next 16 gives route handlers, the tRPC fetch adapter and next-auth's
// authorize() no socket address: NextRequest has no `ip` (removed in 15), and
// Next's server only fills X-Forwarded-For with the socket address when the
// request arrived without one, passing a client's own header through
// untouched. The header alone therefore cannot tell the socket from a forgery.
// So X-Forwarded-For is believed only when KONTINGENT_TRUSTED_PROXIES is set,
// i.e. the app is deployed behind those proxies and reachable only through
// them; otherwise the address is unknown (null), and the sign-in limit counts
// all unknown-address failures together (see sign-in.ts).
import { serverEnv } from "../env";
import { clientFromForwardedFor, parseTrustedProxies, type TrustedProxies } from "./ip-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function forwardedFor(headers: HeaderBag): string | undefined {
  // Several header lines are one list (RFC 9110), in order.
  if (headers instanceof Headers) return headers.get("x-forwarded-for") ?? undefined;
  const value = headers["x-forwarded-for"] ?? headers["X-Forwarded-For"];
  return Array.isArray(value) ? value.join(",") : value;
}

let configured: TrustedProxies | undefined;
function trustedProxies(): TrustedProxies {
  configured ??= parseTrustedProxies(serverEnv().KONTINGENT_TRUSTED_PROXIES);
  return configured;
}

/** A validated, canonical client address, or null when it cannot be known. */
export function clientIp(headers: HeaderBag, trusted: TrustedProxies = trustedProxies()): string | null {
  return clientFromForwardedFor(forwardedFor(headers), trusted);
}
