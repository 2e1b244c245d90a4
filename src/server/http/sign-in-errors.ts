// What a failed sign-in may say in a URL. next-auth puts the text of whatever
// the credentials check threw into its redirect (`/login?error=<message>`), so
// a database outage sent "connect ECONNREFUSED 10.0.0.5:5432" to the browser,
// its history and the access logs. Every redirect next-auth answers is passed
// through here: the error becomes one of a few fixed codes, and the sign-in
// page shows the Russian text for the code (login-form.tsx).

/** The codes sign-in.ts returns, plus one for everything else. */
export const SIGN_IN_ERROR_CODES = ["invalid_input", "invalid_credentials", "locked", "too_many_attempts", "unavailable"] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERROR_CODES)[number];

const KNOWN = new Set<string>(SIGN_IN_ERROR_CODES);

/**
 * The fixed code for next-auth's `error` value. Its own "no such user" code is
 * a wrong login or password; anything else (a database error, a bug,
 * next-auth's Configuration) means the check could not run: "unavailable".
 */
export function signInErrorCode(raw: string | null | undefined): SignInErrorCode {
  if (raw && KNOWN.has(raw)) return raw as SignInErrorCode;
  if (raw === "CredentialsSignin") return "invalid_credentials";
  return "unavailable";
}

/** A URL (absolute or relative) with its `error` parameter reduced to a fixed code; other URLs as they are. */
export function withSafeSignInError(url: string): string {
  const BASE = "http://placeholder.invalid";
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return "/login?error=unavailable";
  }
  if (!parsed.searchParams.has("error")) return url;
  const raw = parsed.searchParams.get("error");
  const code = signInErrorCode(raw);
  // The text stays in the server log for whoever must fix it, never in the URL.
  if (code === "unavailable" && raw !== "unavailable") console.warn("[sign-in] failure reported as «unavailable»:", raw);
  parsed.searchParams.set("error", code);
  return parsed.origin === BASE ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.toString();
}

/**
 * next-auth's answer with every error code in it made safe: the Location of a
 * redirect, and the `url` of the JSON answer the sign-in form asks for.
 */
export async function safeSignInResponse(response: Response): Promise<Response> {
  const location = response.headers.get("location");
  const isJson = (response.headers.get("content-type") ?? "").includes("application/json");
  if (!location && !isJson) return response;
  const headers = new Headers(response.headers);
  if (location) headers.set("location", withSafeSignInError(location));
  if (!isJson) return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  const text = await response.text();
  let body = text;
  try {
    const data = JSON.parse(text) as unknown;
    if (data && typeof data === "object" && typeof (data as { url?: unknown }).url === "string") {
      body = JSON.stringify({ ...data, url: withSafeSignInError((data as { url: string }).url) });
      headers.delete("content-length");
    }
  } catch {
    // Not JSON after all: passed on unchanged.
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
