// Sign-in hardening in the browser: an officer's TOTP step, a school user's
// optional enrolment with the QR code, the lockout message, and sign-out
// revoking the session on the server so a copied cookie stops working.
import { expect, test, type Page } from "@playwright/test";
import { approveInBrowser } from "../approvals";
import { API_HEADERS, signIn, signInAndLand, signInFresh } from "../helpers";
import { freshTotpCode, totpCodeFor } from "../totp";

const RUN = Date.now().toString(36);
const PASSWORD = "E2e-school-user-password-7";

/** A new school account made by the administrator (and approved by edu.officer), so no demo account changes. */
async function createSchoolAccount(page: Page, login: string) {
  await signInAndLand(page, "sys.admin", "admin");
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Создать учётную запись" }).click();
  const form = page.getByTestId("user-form");
  await form.locator("[name=login]").fill(login);
  await form.locator("[name=fullName]").fill("Тестова Мария Олеговна");
  await form.locator("[name=password]").fill(PASSWORD);
  await form.locator("[name=role]").selectOption("SCHOOL_REGISTRAR");
  await form.locator("[name=scopeKind]").selectOption("ORGANISATION");
  await form.locator("[name=organisationId]").selectOption({ label: "МБОУ СОШ № 1" });
  await form.getByRole("button", { name: "Создать" }).click();
  await expect(page.getByTestId(`user-row-${login}`)).toBeVisible();
  await approveInBrowser(page.context().browser()!, `pending-account-${login}`);
}

test("an officer signs in with a password and then a TOTP code; a password alone reaches nothing", async ({ page }) => {
  test.setTimeout(60_000); // the code may have to wait for the next 30-second step
  await signIn(page, "edu.officer");
  await expect(page).toHaveURL(/\/login\/code$/);
  // Between the two steps neither the portal nor its API is reachable.
  await page.goto("/ministry");
  await expect(page).toHaveURL(/\/login\/code$/);
  expect((await page.request.post("/api/trpc/session.me", { headers: API_HEADERS, data: {} })).status()).toBe(401);

  // By name: once the error shows, it is part of the field's accessible name.
  const code = page.locator("input[name=code]");
  await code.fill("000000");
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page.locator("#code-error")).toContainText("Код не подошёл");
  await code.fill(await freshTotpCode("edu.officer"));
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page).toHaveURL(/\/ministry$/);
  await expect(page.getByTestId("account")).toContainText("edu.officer");
});

test("a school user enrols in the optional second factor from the account page, with a QR code", async ({ page, browser }) => {
  const login = `e2e.totp.${RUN}`;
  await createSchoolAccount(page, login);
  const context = await browser.newContext();
  const user = await context.newPage();
  await signInAndLand(user, login, "school", PASSWORD);
  await user.getByTestId("account-link").click();
  await expect(user.getByRole("heading", { name: "Учётная запись" })).toBeVisible();
  const section = user.getByTestId("second-factor");
  await expect(section).toContainText("Не подключён.");
  await section.getByRole("button", { name: "Подключить" }).click();
  await expect(user.getByTestId("totp-qr")).toBeVisible();
  await expect(user.getByTestId("totp-qr")).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
  await user.screenshot({ path: test.info().outputPath("totp-enrolment.png"), fullPage: true });
  const secret = (await user.getByTestId("totp-secret").textContent())!.trim();
  await section.getByLabel("Код из приложения").fill(totpCodeFor(secret));
  await section.getByRole("button", { name: "Подтвердить" }).click();
  await expect(user.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await user.getByRole("button", { name: "Я сохранил(а) коды, продолжить" }).click();
  await expect(user.getByTestId("second-factor")).toContainText("Подключён. Неиспользованных резервных кодов: 10.");

  // From now on this account's sign-in asks for a code too.
  await user.context().clearCookies();
  await signIn(user, login, PASSWORD);
  await expect(user).toHaveURL(/\/login\/code$/);
  await context.close();
});

test("five wrong passwords lock the account: the right password is refused with the lockout message", async ({ page }) => {
  const login = `e2e.lock.${RUN}`;
  await createSchoolAccount(page, login);
  await page.context().clearCookies();
  for (let i = 0; i < 4; i++) {
    await signIn(page, login, "wrong-password-000");
    await expect(page.getByTestId("form-error")).toHaveText("Неверный логин или пароль");
  }
  await signIn(page, login, "wrong-password-000");
  await expect(page.getByTestId("form-error")).toHaveText("Слишком много неудачных попыток. Вход заблокирован на 15 минут.");
  await signIn(page, login, PASSWORD);
  await expect(page.getByTestId("form-error")).toHaveText("Слишком много неудачных попыток. Вход заблокирован на 15 минут.");
  await expect(page).toHaveURL(/\/login$/);
});

test("signing out revokes the session on the server: a copied cookie stops working", async ({ page, browser }) => {
  await signInFresh(page, "school.registrar");
  await expect(page).toHaveURL(/\/school$/);
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const other = await thief.newPage();
  await other.goto("/school");
  await expect(other).toHaveURL(/\/login$/);
  expect((await other.request.post("/api/trpc/session.me", { headers: API_HEADERS, data: {} })).status()).toBe(401);
  await thief.close();
});
