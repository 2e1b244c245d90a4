// Response headers that every answer of the application carries, and the
// Content-Security-Policy built around a per-request nonce. Pure, so the proxy
// (src/proxy.ts), next.config.js and the unit tests share one definition.

/**
 * Scripts run only from our origin with this request's nonce; 'strict-dynamic'
 * lets the nonced Next.js bootstrap load its own chunks. Styles: Tailwind's
 * stylesheet comes from 'self' and Next's inline <style> tags get the nonce;
 * style *attributes* (bar widths in the dashboards) cannot carry a nonce, so
 * only they are allowed inline — they cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    // React needs eval in development for its error overlays, never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Headers that do not depend on the request: sent on every response, static files included. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // Two years; browsers ignore it over plain HTTP, so local runs are unaffected.
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  // Not no-referrer: under it Chrome sends `Origin: null` on form POSTs (the
  // export form), which the own-origin check must refuse. URLs hold no personal
  // data, and other sites get the origin only.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  // Nothing in the registry needs a device feature.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/**
 * The headers of every tRPC answer, set by its handler: the proxy does not
 * run for /api/trpc (see src/proxy.ts). JSON needs no script, style or frame,
 * so its policy allows nothing; answers carry personal data, so no cache.
 */
export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};

/**
 * Which answers must not be stored by any cache: everything the proxy sees
 * except Next's hashed static files. Pages are rendered on the server with
 * personal data; API answers carry it.
 */
export function mustNotCache(pathname: string): boolean {
  return !pathname.startsWith("/_next/static/") && !pathname.startsWith("/_next/image");
}
