import { expect, test } from "@playwright/test";
import { DEMO_LANDINGS, signIn, signInAndLand, signInFreshAndLand } from "../helpers";

test.describe("sign-in", () => {
  for (const { login, portal, ready } of DEMO_LANDINGS) {
    test(`${login} signs in and lands in /${portal}`, async ({ page }) => {
      test.setTimeout(60_000); // a fresh TOTP code may have to wait for the next 30-second step
      await signInFreshAndLand(page, login, portal);
      await expect(page.getByTestId("portal-title")).toBeVisible();
      // Landing data comes through the portal's own tRPC procedures.
      await expect(page.getByTestId(ready)).toBeVisible();
      await expect(page.getByTestId("query-error")).toHaveCount(0);
    });
  }

  test("shows the demo school to a school role", async ({ page }) => {
    await signInAndLand(page, "school.registrar", "school");
    await expect(page.getByTestId("organisation-name")).toHaveText("МБОУ СОШ № 1");
  });

  test("refuses a wrong password with one generic message", async ({ page }) => {
    await signIn(page, "school.admin", "wrong-password-123");
    await expect(page.getByTestId("form-error")).toHaveText("Неверный логин или пароль");
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, "no.such.user", "wrong-password-123");
    await expect(page.getByTestId("form-error")).toHaveText("Неверный логин или пароль");
  });

  test("validates empty and oversized fields in Russian next to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.getByText("Введите логин")).toBeVisible();
    await expect(page.getByText("Введите пароль")).toBeVisible();
    // The browser's maxlength stops typing; the server check is in the integration tests.
    await page.getByLabel("Логин").evaluate((el: HTMLInputElement) => el.removeAttribute("maxlength"));
    await page.getByLabel("Логин").fill("x".repeat(80));
    await page.getByLabel("Пароль").fill("something");
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.getByText("Логин не длиннее 64 символов")).toBeVisible();
  });

  test("sends a signed-out visitor to the sign-in page, and signs out", async ({ page }) => {
    await page.goto("/school");
    await expect(page).toHaveURL(/\/login$/);
    test.setTimeout(60_000);
    await signInFreshAndLand(page, "edu.officer", "ministry");
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/ministry");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("switches the interface to English and back", async ({ page }) => {
    await page.goto("/login");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { name: "Вход в систему" })).toBeVisible();
  });
});
