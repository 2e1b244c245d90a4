// Shared steps of the browser tests.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Kontingent-Demo-2026";

export const DEMO_LANDINGS = [
  { login: "school.admin", portal: "school", ready: "organisation-name" },
  { login: "school.registrar", portal: "school", ready: "organisation-name" },
  { login: "school.medic", portal: "school", ready: "organisation-name" },
  { login: "edu.officer", portal: "ministry", ready: "ministry-dashboard" },
  { login: "health.officer", portal: "health", ready: "health-dashboard" },
  { login: "sys.admin", portal: "admin", ready: "admin-home" },
  { login: "auditor", portal: "admin", ready: "admin-home" },
] as const;

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Логин").fill(login);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

export async function signInAndLand(page: Page, login: string, portal: string, password = DEMO_PASSWORD) {
  await signIn(page, login, password);
  await expect(page).toHaveURL(new RegExp(`/${portal}$`));
  await expect(page.getByTestId("account")).toContainText(login);
}
