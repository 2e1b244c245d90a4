// The portal frame on phones and from the keyboard: no page scrolls sideways
// at 390 px, the header folds into a menu, the skip link, the current section
// marked, a title per page, arrow keys on the card's tabs, the low-vision
// version remembered, and the incoming-transfers badge.
import { expect, test, type Page } from "@playwright/test";
import { API_HEADERS, signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";
import { regionToday } from "../../src/lib/time-zone";

const PHONE = { width: 390, height: 844 };

const SAMPLE_PAGES: { login: string; portal: string; paths: string[] }[] = [
  { login: "school.admin", portal: "school", paths: ["/school", "/school/learners", "/school/learners/new", "/school/learners/import", "/school/classes", "/school/transfers", "/school/rollover", "/school/quality", "/account"] },
  { login: "edu.officer", portal: "ministry", paths: ["/ministry", "/ministry/learners", "/ministry/organisations", "/ministry/movement", "/ministry/health", "/ministry/quality", "/ministry/reports", "/ministry/approvals"] },
  { login: "health.officer", portal: "health", paths: ["/health", "/health/learners", "/health/approvals"] },
  { login: "sys.admin", portal: "admin", paths: ["/admin", "/admin/users", "/admin/clients"] },
  { login: "auditor", portal: "admin", paths: ["/admin/audit", "/admin/access", "/admin/access/account", "/admin/client-oversight", "/admin/verification"] },
];

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function settle(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main#main")).toBeVisible();
  await page.waitForLoadState("networkidle");
}

for (const { login, portal, paths } of SAMPLE_PAGES) {
  test(`${login}: no page scrolls sideways at 390 px`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signInAndLand(page, login, portal);
    for (const path of paths) {
      await settle(page, path);
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }
  });
}

test("at 390 px the header folds into a menu that opens and closes from the keyboard", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAndLand(page, "school.admin", "school");
  const button = page.getByRole("button", { name: "Меню" });
  const nav = page.getByRole("navigation", { name: "Разделы портала" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  // The language switch, the account page and sign-out are in the menu too.
  await expect(page.getByTestId("language-switch")).toBeVisible();
  await expect(page.getByTestId("account-link")).toBeVisible();
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link").first()).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await expect(button).toBeFocused();

  // Following a link closes the menu on the new page.
  await button.click();
  await nav.getByRole("link", { name: "Обучающиеся" }).click();
  await expect(page).toHaveURL(/\/school\/learners$/);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
});

test("on a wide screen the navigation shows without a menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAndLand(page, "school.admin", "school");
  await expect(page.getByRole("button", { name: "Меню" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Разделы портала" })).toBeVisible();
});

test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
  await signInAndLand(page, "school.admin", "school");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Перейти к основному содержанию" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("the current section is marked, the most specific item winning", async ({ page }) => {
  await signInAndLand(page, "auditor", "admin");
  const nav = page.getByRole("navigation", { name: "Разделы портала" });
  await page.goto("/admin/access/account");
  await expect(nav.getByRole("link", { name: "Что читала учётная запись" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Кто обращался к обучающемуся" })).not.toHaveAttribute("aria-current", /.*/);
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  await page.goto("/admin/access");
  await expect(nav.getByRole("link", { name: "Кто обращался к обучающемуся" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
});

test("every page has its own title, in the chosen language", async ({ page }) => {
  await signInAndLand(page, "school.admin", "school");
  await expect(page).toHaveTitle("Моя организация — Контингент");
  await page.goto("/school/learners");
  await expect(page).toHaveTitle("Обучающиеся — Контингент");
  await page.goto("/school/transfers");
  await expect(page).toHaveTitle("Переводы — Контингент");
  await page.context().addCookies([{ name: "kt-locale", value: "en", url: page.url() }]);
  await page.goto("/school/learners");
  await expect(page).toHaveTitle("Learners — Kontingent");
});

test("the card's tabs follow the arrow keys, Home and End; Enter opens the focused tab", async ({ page }) => {
  await signInAndLand(page, "school.admin", "school");
  const id = await createLearnerViaApi(page, newLearner());
  await page.goto(`/school/learners/${id}`);
  const tabs = page.getByRole("tablist").getByRole("tab");
  await expect(tabs).toHaveCount(3);
  const [personal, health, portfolio] = [tabs.nth(0), tabs.nth(1), tabs.nth(2)];
  await expect(personal).toHaveAttribute("aria-selected", "true");
  // One tab stop for the list: only the selected tab is in the Tab order.
  await expect(personal).toHaveAttribute("tabindex", "0");
  await expect(health).toHaveAttribute("tabindex", "-1");

  await personal.focus();
  await page.keyboard.press("ArrowRight");
  await expect(health).toBeFocused();
  // Passing over a tab does not open it (opening health is an audited read).
  await expect(personal).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(portfolio).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(personal).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(portfolio).toBeFocused();
  await page.keyboard.press("Home");
  await expect(personal).toBeFocused();

  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(health).toHaveAttribute("aria-selected", "true");
  await expect(health).toHaveAttribute("tabindex", "0");
  await expect(page.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", (await health.getAttribute("id"))!);
});

test("the low-vision version switches without a reload and is remembered", async ({ page }) => {
  await signInAndLand(page, "school.admin", "school");
  const html = page.locator("html");
  const toggle = page.getByRole("button", { name: "Версия для слабовидящих" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(html).not.toHaveClass(/low-vision/);

  await toggle.click();
  await expect(html).toHaveClass(/low-vision/);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  // Rendered by the server from the cookie, so no flash of the ordinary version.
  const served = await (await page.request.get("/school/learners")).text();
  expect(served).toMatch(/<html[^>]*class="low-vision"/);
  await page.reload();
  await expect(html).toHaveClass(/low-vision/);
  await expect(page.getByRole("button", { name: "Версия для слабовидящих" })).toHaveAttribute("aria-pressed", "true");

  // Still no sideways scroll on a phone with the larger type.
  await page.setViewportSize(PHONE);
  for (const path of ["/school", "/school/learners", "/school/learners/new"]) {
    await settle(page, path);
    expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole("button", { name: "Версия для слабовидящих" }).click();
  await expect(html).not.toHaveClass(/low-vision/);
  await page.reload();
  await expect(html).not.toHaveClass(/low-vision/);
});

test("the receiving school's «Переводы» item counts its pending incoming transfers", async ({ page, browser }) => {
  await signInAndLand(page, "school.registrar", "school");
  const receiverContext = await browser.newContext();
  const receiver = await receiverContext.newPage();
  await signInAndLand(receiver, "school2.admin", "school");
  const own = await receiver.request.post("/api/trpc/school.organisation?batch=1", { headers: API_HEADERS, data: { 0: { json: null } } });
  expect(own.status(), await own.text()).toBe(200);
  const school4 = ((await own.json()) as { result: { data: { json: { id: string } } } }[])[0]!.result.data.json.id;
  const link = () => receiver.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: /^Переводы/ });
  const before = Number((await link().getAttribute("aria-label"))?.match(/входящих: (\d+)/)?.[1] ?? 0);

  for (const n of [1, 2]) {
    const id = await createLearnerViaApi(page, newLearner());
    const order = { orderNumber: `badge-${n}`, orderDate: regionToday(), effectiveDate: regionToday() };
    const res = await page.request.post("/api/trpc/movement.transfers.start", { headers: API_HEADERS, data: { json: { learnerId: id, toOrganisationId: school4, order } } });
    expect(res.status(), await res.text()).toBe(200);
  }
  await receiver.goto("/school");
  await expect(link()).toHaveAttribute("aria-label", `Переводы, входящих: ${before + 2}`);
  await expect(link().getByTestId("nav-badge")).toHaveText(String(before + 2));
  // The sender's own item carries no badge for its outgoing transfers.
  await page.goto("/school");
  await expect(page.getByRole("navigation", { name: "Разделы портала" }).getByTestId("nav-badge")).toHaveCount(0);
  await receiverContext.close();
});
