// SYSTEM_ADMIN manages accounts in the browser; a deactivated account is
// refused on its very next request, in a session opened before deactivation.
import { expect, test } from "@playwright/test";
import { approveInBrowser } from "../approvals";
import { API_HEADERS, signIn, signInAndLand } from "../helpers";

const LOGIN = `e2e.registrar.${Date.now().toString(36)}`;
const PASSWORD = "E2e-registrar-password-1";

test("an administrator creates an account, which signs in once approved, then deactivates it and its session ends", async ({ page, browser }) => {
  await signInAndLand(page, "sys.admin", "admin");
  await page.getByRole("navigation").getByRole("link", { name: "Учётные записи" }).click();
  await expect(page.getByTestId("users-table")).toBeVisible();
  await expect(page.getByTestId("user-row-school.admin")).toBeVisible();

  await page.getByRole("button", { name: "Создать учётную запись" }).click();
  const form = page.getByTestId("user-form");
  // Invalid first: Russian messages next to the fields.
  await form.locator("[name=login]").fill("x");
  await form.locator("[name=password]").fill("short");
  await form.getByRole("button", { name: "Создать" }).click();
  await expect(form.locator("#login-error")).toHaveText("Логин не короче 3 символов");
  await expect(form.locator("#password-error")).toHaveText("Пароль не короче 12 символов");

  await form.locator("[name=login]").fill(LOGIN);
  await form.locator("[name=fullName]").fill("Сидорова Ольга Павловна");
  await form.locator("[name=password]").fill(PASSWORD);
  await form.locator("[name=role]").selectOption("SCHOOL_REGISTRAR");
  await form.locator("[name=scopeKind]").selectOption("ORGANISATION");
  await form.locator("[name=organisationId]").selectOption({ label: "МБОУ «Гимназия № 2»" });
  await form.getByRole("button", { name: "Создать" }).click();
  await expect(page.getByTestId(`user-row-${LOGIN}`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${LOGIN}`)).toContainText("Ожидает подтверждения");

  // Two-person rule: refused like a wrong password until edu.officer approves it.
  const other = await browser.newContext();
  const userPage = await other.newPage();
  await signIn(userPage, LOGIN, PASSWORD);
  await expect(userPage.getByTestId("form-error")).toHaveText("Неверный логин или пароль");
  await approveInBrowser(browser, `pending-account-${LOGIN}`);
  await page.reload();
  await expect(page.getByTestId(`user-row-${LOGIN}`)).not.toContainText("Ожидает подтверждения");

  // The new account signs in, in its own browser context.
  await signInAndLand(userPage, LOGIN, "school", PASSWORD);
  await expect(userPage.getByTestId("organisation-name")).toHaveText("МБОУ «Гимназия № 2»");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId(`user-row-${LOGIN}`).getByRole("button", { name: "Отключить" }).click();
  await expect(page.getByTestId(`user-row-${LOGIN}`)).toContainText("Отключена");

  // Its open session is refused on the next request: page and API alike.
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login$/);
  const api = await userPage.request.post("/api/trpc/session.me", { headers: API_HEADERS, data: {} });
  expect(api.status()).toBe(401);

  // And it cannot sign in again.
  await signIn(userPage, LOGIN, PASSWORD);
  await expect(userPage.getByTestId("form-error")).toHaveText("Неверный логин или пароль");
  await other.close();
});
