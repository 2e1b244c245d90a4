// The answer of a portal page while the database is down: 503 with a short
// Russian page, not Next's generic 500. A server component cannot set a
// status code (only 401/403/404 and redirects exist in Next 16), so the page
// guards (src/server/pages/guards.ts) redirect here, and this route handler
// answers 503 with Retry-After. It reads nothing from the database.
import { messagesFor } from "@/lib/i18n";
import { requestLocale } from "./refusals";

export const UNAVAILABLE_PATH = "/unavailable";
/** Request header the proxy sets to the page's path, so the guard can offer a way back. */
export const PAGE_PATH_HEADER = "x-kt-page-path";
export const RETRY_AFTER_SECONDS = 30;

/**
 * A path of our own to return to, or "/": only "/segment/…" with plain
 * characters, never "//host" (another site), never the API or this page.
 */
export function safeReturnPath(from: string | null | undefined): string {
  if (!from || from.length > 200 || !/^\/[A-Za-z0-9/_\-[\].]*$/.test(from) || from.startsWith("//")) return "/";
  if (from.startsWith("/api/") || from.startsWith(UNAVAILABLE_PATH)) return "/";
  return from;
}

export function unavailablePath(from: string | null | undefined): string {
  const back = safeReturnPath(from);
  return back === "/" ? UNAVAILABLE_PATH : `${UNAVAILABLE_PATH}?from=${encodeURIComponent(back)}`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET /unavailable?from=/school/learners */
export function unavailablePage(req: Request): Response {
  const url = new URL(req.url);
  const locale = requestLocale(req);
  const m = messagesFor(locale).errors;
  const back = safeReturnPath(url.searchParams.get("from"));
  // Style attributes only: the CSP allows them, and a nonce-less <style> would be blocked.
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${esc(m.unavailableTitle)}</title></head>
<body style="margin:0;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a">
<main style="max-width:32rem;margin:6rem auto;padding:2rem;border:1px solid #e2e8f0;border-radius:.5rem;background:#fff;text-align:center">
<h1 style="font-size:1.5rem;font-weight:600;margin:0" data-testid="unavailable-title">${esc(m.unavailableTitle)}</h1>
<p style="margin-top:.75rem;color:#475569">${esc(m.unavailableText)}</p>
<p style="margin-top:1.5rem"><a href="${esc(back)}" style="color:#1d4ed8">${esc(m.retry)}</a></p>
</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
    },
  });
}
