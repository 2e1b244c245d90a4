// Signing in as a demo user over HTTP, the way the login pages do, so the
// load test measures real sessions: the password, then (officers) the TOTP
// code computed from the published demo secret.
import { DEMO_TOTP_SECRET } from "../../../prisma/seed/demo-region";
import { currentTotpCode } from "../../../src/server/auth/totp";

export interface Session {
  base: string;
  login: string;
  /** Cookie header value for the next request. */
  cookies: Map<string, string>;
}

export type SignInStep = (session: Session, password: string) => Promise<void>;

export function cookieHeader(session: Session): string {
  return [...session.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

function keepCookies(session: Session, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    session.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}

/** Step 1: next-auth's CSRF token, then the credentials form. */
const passwordStep: SignInStep = async (session, password) => {
  const csrfRes = await fetch(`${session.base}/api/auth/csrf`);
  keepCookies(session, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${session.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: session.base, cookie: cookieHeader(session) },
    body: new URLSearchParams({ csrfToken, login: session.login, password, json: "true" }),
  });
  keepCookies(session, res);
};

/** Step 2, when the session waits for a second factor: the demo account's current code. */
const secondFactorStep: SignInStep = async (session) => {
  const gate = (await (await trpc(session, "account.gate", undefined)).json()) as [{ result?: { data?: { json?: { gate?: string } } } }];
  if (gate[0]?.result?.data?.json?.gate !== "second_factor") return;
  const res = await trpc(session, "account.verifySecondFactor", { code: currentTotpCode(DEMO_TOTP_SECRET) });
  if (!res.ok) throw new Error(`Second factor for ${session.login} refused (${res.status}); a code works once: retry in 30 s`);
};

export const SIGN_IN_STEPS: SignInStep[] = [passwordStep, secondFactorStep];

export async function signIn(base: string, login: string, password: string): Promise<Session> {
  const session: Session = { base, login, cookies: new Map() };
  for (const step of SIGN_IN_STEPS) await step(session, password);
  if (![...session.cookies.keys()].some((name) => name.endsWith("kt.session"))) {
    throw new Error(`Sign-in as ${login} failed: no session cookie`);
  }
  return session;
}

/** One tRPC call as the browser link makes it: POST, JSON, our Origin. */
export async function trpc(session: Session, path: string, input: unknown): Promise<Response> {
  return fetch(`${session.base}/api/trpc/${path}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: session.base, cookie: cookieHeader(session) },
    body: JSON.stringify({ 0: { json: input } }),
  });
}
