// SYSTEM_ADMIN registers a machine client in the browser, sees its token once;
// the token is refused while the client waits for the second person, works
// against /api/v1 once edu.officer approves it, and after revocation the very
// next call is refused. The API documentation page is served without scripts.
import { expect, test } from "@playwright/test";
import { approveInBrowser } from "../approvals";
import { signInAndLand } from "../helpers";

const NAME = `Электронный журнал e2e ${Date.now().toString(36)}`;

test("an administrator registers an e-journal, sees the token once, it works after approval, and revokes it", async ({ page, request, browser }) => {
  await signInAndLand(page, "sys.admin", "admin");
  await page.getByRole("navigation").getByRole("link", { name: "Машинные клиенты" }).click();
  await expect(page.getByRole("heading", { name: "Машинные клиенты API" })).toBeVisible();

  await page.getByRole("button", { name: "Зарегистрировать клиента" }).click();
  const form = page.getByTestId("client-form");
  await form.locator("[name=kind]").selectOption("E_JOURNAL");
  await form.getByRole("button", { name: "Зарегистрировать" }).click();
  // Russian messages on the fields: no name, no organisation for an e-journal.
  await expect(form.locator("#name-error")).toHaveText("Название не короче 3 символов");
  await expect(form.locator("#organisationId-error")).toHaveText("Электронный журнал работает для одной организации: выберите её");

  await form.locator("[name=name]").fill(NAME);
  await form.locator("[name=organisationId]").selectOption({ label: "МБОУ СОШ № 1 (Городской округ Заречный)" });
  await form.getByRole("button", { name: "Зарегистрировать" }).click();
  const issued = page.getByTestId("issued-token");
  await expect(issued).toContainText("показывается один раз");
  const token = (await page.getByTestId("token-value").textContent())!.trim();
  expect(token).toMatch(/^kt_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: test.info().outputPath("machine-clients.png"), fullPage: true });

  await expect(page.getByTestId("token-pending")).toBeVisible();
  const auth = { Authorization: `Bearer ${token}` };
  // Two-person rule: pending, the token gets the same 401 as an unknown one.
  expect((await request.get("/api/v1/ejournal/classes", { headers: auth })).status()).toBe(401);
  await expect(page.getByTestId(`client-${NAME}`)).toContainText("Ожидает подтверждения");
  await approveInBrowser(browser, `pending-client-${NAME}`);
  expect((await request.get("/api/v1/ejournal/classes", { headers: auth })).status()).toBe(200);

  // Closing the notice hides the token for good: the list shows only its public part.
  await issued.getByRole("button", { name: "Я сохранил токен" }).click();
  await expect(page.getByTestId("issued-token")).toHaveCount(0);
  await page.reload();
  const row = page.getByTestId(`client-${NAME}`);
  await expect(row).toContainText("Действует");
  await expect(row).toContainText(token.slice(0, 19));
  await expect(page.locator("body")).not.toContainText(token);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Отозвать" }).click();
  await expect(row).toContainText("Отозван");
  const refused = await request.get("/api/v1/ejournal/classes", { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("UNAUTHORIZED");
});

test("the API documentation and the OpenAPI document are served", async ({ page, request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");
  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { name: /Kontingent API for machine clients/ })).toBeVisible();
  await expect(page.locator("script")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("api-docs.png") });
});
