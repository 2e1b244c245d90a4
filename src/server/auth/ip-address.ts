// Client addresses: validation to a canonical form and the walk through
// X-Forwarded-For. Pure functions (no environment), so env.ts can use the
// parser to check KONTINGENT_TRUSTED_PROXIES at start-up.
import { BlockList, isIP } from "node:net";

/**
 * An IPv4 or IPv6 address in canonical form (IPv6 compressed, lower case;
 * an IPv4-mapped IPv6 address as plain IPv4), or null for anything else.
 * The audit stores only this: a client-chosen text (a spreadsheet formula,
 * say) never reaches it. A port some proxies append is dropped.
 */
export function canonicalIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  if (text.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text); // [v6] or [v6]:port
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":")); // v4:port
  text = text.replace(/%[\w.-]+$/, ""); // an IPv6 zone says nothing about the client
  const family = isIP(text);
  if (family === 4) return text;
  if (family !== 6) return null;
  const compressed = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(compressed);
  if (!mapped) return compressed;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

export interface TrustedProxies {
  readonly size: number;
  has(ip: string): boolean;
}

/**
 * Parses "10.0.0.1, 10.1.0.0/16, ::1, fd00::/8". Throws a message naming the
 * first entry that is neither an address nor a CIDR range.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new BlockList();
  let size = 0;
  for (const entry of (spec ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const ip = canonicalIp(address);
    const family = ip ? (isIP(ip) === 4 ? "ipv4" : "ipv6") : null;
    const max = family === "ipv4" ? 32 : 128;
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!ip || !family || extra !== undefined || !(bits >= 0 && bits <= max)) {
      throw new Error(`"${entry.slice(0, 60)}" is neither an IP address nor a CIDR range`);
    }
    list.addSubnet(ip, bits, family);
    size++;
  }
  return { size, has: (ip) => size > 0 && list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6") };
}

/**
 * The client behind a chain of trusted proxies. Each proxy appends the
 * address it received the request from, so the header is read from the right:
 * trusted proxies are skipped, the first untrusted address is the client.
 * Entries further left were written by the client itself and mean nothing.
 * An unreadable entry in the trusted part of the chain gives null; a chain
 * made only of trusted proxies gives its leftmost entry (a request made by a
 * proxy host itself).
 */
export function clientFromForwardedFor(forwardedFor: string | null | undefined, trusted: TrustedProxies): string | null {
  if (trusted.size === 0 || !forwardedFor) return null;
  const hops = forwardedFor.split(",");
  let leftmost: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = canonicalIp(hops[i]);
    if (!ip) return null;
    if (!trusted.has(ip)) return ip;
    leftmost = ip;
  }
  return leftmost;
}
