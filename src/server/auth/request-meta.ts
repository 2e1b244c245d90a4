// Client address for the audit log. Next's server sets x-forwarded-for from
// the socket; behind a reverse proxy, the proxy must set it.
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIp(headers: HeaderBag): string | null {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || header(headers, "x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : null;
}
