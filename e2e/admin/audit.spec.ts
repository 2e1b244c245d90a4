// The auditor finds a refused sign-in in the audit log and verifies the chain.
import { expect, test } from "@playwright/test";
import { signIn, signInAndLand, signInFreshAndLand } from "../helpers";

test("a wrong password and a sign-out are audited; the auditor sees them and verifies the chain", async ({ page }) => {
  test.setTimeout(60_000); // a fresh TOTP code may have to wait for the next 30-second step
  await signIn(page, "health.officer", "definitely-wrong-password");
  await expect(page.getByTestId("form-error")).toBeVisible();
  // Signs out, so a fresh sign-in: the saved login state of the setup project must stay valid.
  await signInFreshAndLand(page, "health.officer", "health");
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInAndLand(page, "auditor", "admin");
  await page.getByRole("navigation").getByRole("link", { name: "Журнал аудита" }).click();
  const table = page.getByTestId("audit-table");
  await expect(table).toBeVisible();

  // The filter is grouped by area, in words.
  await expect(page.locator("select[name=action] optgroup[label='Вход и доступ'] option", { hasText: "Неудачная попытка входа" })).toHaveCount(1);
  await page.locator("select[name=action]").selectOption("auth.login.failure");
  const failure = table.locator("tbody tr", { hasText: "health.officer" }).first();
  // In words: the action's label, the reason translated; the code stays in small type.
  await expect(failure).toContainText("Неудачная попытка входа");
  await expect(failure).toContainText("auth.login.failure");
  await expect(failure.getByTestId("audit-details")).toContainText("Причина");
  await expect(failure.getByTestId("audit-details")).toContainText("неверный пароль");

  await page.locator("select[name=action]").selectOption("auth.logout");
  await expect(table.locator("tbody tr", { hasText: "health.officer" }).first()).toContainText("auth.logout");

  await page.getByRole("button", { name: "Проверить целостность цепочки" }).click();
  const result = page.getByTestId("chain-result");
  await expect(result).toHaveAttribute("data-ok", "true");
  await expect(result).toContainText("Цепочка целостна");
});

test("the auditor cannot open account management, and the administrator cannot read the log", async ({ page }) => {
  test.setTimeout(60_000); // a fresh TOTP code may have to wait for the next 30-second step
  await signInFreshAndLand(page, "auditor", "admin");
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
  await page.goto("/admin");
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAndLand(page, "sys.admin", "admin");
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
});
