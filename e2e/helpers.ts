// Shared steps of the browser tests. Most specs reuse the login state that
// the setup project saved once per demo account (e2e/setup); specs about
// signing in and out themselves sign in fresh.
import fs from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { freshTotpCode, TOTP_LOGINS } from "./totp";

export const DEMO_PASSWORD = "Kontingent-Demo-2026";

/** The server's own origin (playwright.config.ts's baseURL): tRPC refuses a POST without it. */
export const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
/** Headers a browser's fetch would send on a tRPC call (Playwright's request API sends no Origin). */
export const API_HEADERS = { origin: ORIGIN, "content-type": "application/json" } as const;

export const DEMO_LANDINGS = [
  { login: "school.admin", portal: "school", ready: "organisation-name" },
  { login: "school.registrar", portal: "school", ready: "organisation-name" },
  { login: "school.medic", portal: "school", ready: "organisation-name" },
  { login: "edu.officer", portal: "ministry", ready: "ministry-dashboard" },
  { login: "health.officer", portal: "health", ready: "health-dashboard" },
  { login: "sys.admin", portal: "admin", ready: "admin-home" },
  { login: "auditor", portal: "admin", ready: "admin-home" },
] as const;

/** Accounts whose login state the setup project saves. */
export const STORED_LOGINS = [
  ...DEMO_LANDINGS.map((d) => ({ login: d.login, portal: d.portal })),
  { login: "school2.admin", portal: "school" },
  { login: "mun.officer", portal: "ministry" },
];

export const storageStatePath = (login: string) =>
  path.join(process.cwd(), ".data", `e2e-auth-state-${process.env.E2E_PORT ?? 3100}`, `${login}.json`);

/** The password step only (the form on /login). */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Логин").fill(login);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

/** A complete new sign-in: password, then (for officer, admin and auditor accounts) a fresh TOTP code. */
export async function signInFresh(page: Page, login: string, password = DEMO_PASSWORD) {
  await signIn(page, login, password);
  if (!TOTP_LOGINS.has(login)) return;
  await expect(page).toHaveURL(/\/login\/code$/);
  await page.getByLabel("Код", { exact: true }).fill(await freshTotpCode(login));
  await page.getByRole("button", { name: "Подтвердить" }).click();
}

export async function signInFreshAndLand(page: Page, login: string, portal: string, password = DEMO_PASSWORD) {
  await signInFresh(page, login, password);
  // Generous: the first sign-in after the server starts also pays for the cold start.
  await expect(page).toHaveURL(new RegExp(`/${portal}$`), { timeout: 20_000 });
  await expect(page.getByTestId("account")).toContainText(login);
}

/**
 * Lands in the portal as `login`: with the session saved by the setup project
 * when there is one (demo accounts, demo password), else by a fresh sign-in.
 */
export async function signInAndLand(page: Page, login: string, portal: string, password = DEMO_PASSWORD) {
  const stored = storageStatePath(login);
  if (password !== DEMO_PASSWORD || !fs.existsSync(stored)) return signInFreshAndLand(page, login, portal, password);
  const state = JSON.parse(fs.readFileSync(stored, "utf8")) as { cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0] };
  await page.context().clearCookies();
  await page.context().addCookies(state.cookies);
  await page.goto(`/${portal}`);
  await expect(page).toHaveURL(new RegExp(`/${portal}$`));
  await expect(page.getByTestId("account")).toContainText(login);
}

/**
 * Types `text` into the page's search box and submits it until `expected`
 * shows. Retried because a box filled in the instant before React takes over
 * the page can be reset by hydration, and the search then runs empty.
 */
export async function searchUntil(page: Page, text: string, expected: Locator) {
  await expect(async () => {
    await page.getByRole("searchbox").fill(text);
    await page.getByRole("button", { name: "Найти" }).click();
    await expect(expected).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}
