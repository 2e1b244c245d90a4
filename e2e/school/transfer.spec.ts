// A transfer between two schools in two browser contexts: МБОУ СОШ № 1 starts
// it from the learner's card, МБОУ СОШ № 4 accepts (or rejects) it on its
// «Переводы» page, and both sides see the outcome.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { searchUntil, signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner, type NewLearner } from "../learner-data";
import { ensureClass } from "../school-classes";
import { regionToday } from "../../src/lib/time-zone";

const TODAY = regionToday(); // the server's today (Moscow's), not UTC's
const TODAY_RU = TODAY.split("-").reverse().join(".");

async function schoolPage(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndLand(page, login, "school");
  return page;
}

/** From school 1's card: start a transfer to school 4 with a leaving order. */
async function startTransfer(page: Page, id: string, orderNumber: string) {
  await page.goto(`/school/learners/${id}`);
  await page.getByTestId("transfer-start").click();
  const form = page.getByTestId("transfer-form");
  const target = form.getByTestId("transfer-target");
  await expect(target.locator("option", { hasText: "МБОУ СОШ № 4" })).toHaveCount(1);
  await expect(target.locator("option", { hasText: "МБОУ СОШ № 1" })).toHaveCount(0); // not to itself
  // Nothing chosen, no number: messages under the fields.
  await form.getByRole("button", { name: "Оформить перевод" }).click();
  await expect(form.locator("#toOrganisationId-error")).toHaveText("Выберите организацию");
  await expect(form.locator('[id="order.orderNumber-error"]')).toHaveText("Укажите номер приказа");
  await target.selectOption({ label: "МБОУ СОШ № 4" });
  await form.getByLabel("Номер приказа").fill(orderNumber);
  await form.getByLabel("Основание (необязательно)").fill("Смена места жительства");
  await form.getByRole("button", { name: "Оформить перевод" }).click();
  await expect(page.getByTestId("transfer-pending")).toContainText("Ожидает перевода в МБОУ СОШ № 4");
  await expect(page.getByTestId("transfer-start")).toHaveCount(0);
}

async function findInList(page: Page, learner: NewLearner) {
  await page.goto("/school/learners");
  const table = page.getByTestId("learners-table");
  await searchUntil(page, learner.lastName, table.getByRole("row").filter({ hasText: learner.lastName }));
  return table;
}

async function openTransfers(page: Page, tab: "Входящие" | "Исходящие") {
  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Переводы" }).click();
  await expect(page).toHaveURL(/\/school\/transfers/);
  await page.getByRole("tab", { name: tab }).click();
  await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
}

test("school 1 transfers a learner, school 4 accepts into 5 «В»", async ({ browser }) => {
  const learner = newLearner();
  const school1 = await schoolPage(browser, "school.registrar");
  const id = await createLearnerViaApi(school1, learner);
  await startTransfer(school1, id, "15-о");

  // Still on school 1's roll, as «Ожидает перевода».
  const list1 = await findInList(school1, learner);
  await school1.getByTestId("learners-filters").locator('select[name="status"]').selectOption("PENDING_TRANSFER");
  await expect(school1).toHaveURL(/status=PENDING_TRANSFER/);
  await expect(list1.getByTestId("learner-link")).toHaveCount(1);
  await expect(list1).toContainText("Ожидает перевода");

  const school4 = await schoolPage(browser, "school2.admin");
  await ensureClass(school4, 5, "В");
  await openTransfers(school4, "Входящие");
  const row = school4.getByTestId("transfer-row").filter({ hasText: learner.lastName });
  await expect(row).toContainText("12.04.2016");
  await expect(row).toContainText("МБОУ СОШ № 1");
  await expect(row).toContainText(`№ 15-о от ${TODAY_RU}`);
  await expect(row.getByTestId("transfer-status")).toHaveText("Ожидает решения");
  await row.getByTestId("transfer-accept").click();
  const form = school4.getByTestId("transfer-accept-form");
  await form.getByLabel("Уровень образования").selectOption("BASIC");
  await form.locator('select[name="placement.classLetter"]').selectOption("5|В");
  await form.getByLabel("Номер приказа").fill("77-з");
  await form.getByRole("button", { name: "Принять обучающегося" }).click();
  await expect(school4.getByTestId("transfer-notice")).toContainText("зачислен(а) в вашу организацию");
  await expect(row.getByTestId("transfer-status")).toHaveText("Принят");

  const list4 = await findInList(school4, learner);
  await expect(list4.getByTestId("learner-link")).toHaveCount(1);
  await expect(list4).toContainText("5В");

  await openTransfers(school1, "Исходящие");
  const out = school1.getByTestId("transfer-row").filter({ hasText: learner.lastName });
  await expect(out).toContainText("МБОУ СОШ № 4");
  await expect(out.getByTestId("transfer-status")).toHaveText("Принят");
});

test("school 4 rejects a transfer with a reason; the learner stays active in school 1", async ({ browser }) => {
  const learner = newLearner();
  const school1 = await schoolPage(browser, "school.registrar");
  const id = await createLearnerViaApi(school1, learner);
  await startTransfer(school1, id, "16-о");

  const school4 = await schoolPage(browser, "school2.admin");
  await ensureClass(school4, 5, "В");
  await openTransfers(school4, "Входящие");
  const row = school4.getByTestId("transfer-row").filter({ hasText: learner.lastName });
  await row.getByTestId("transfer-reject").click();
  const form = school4.getByTestId("transfer-reject-form");
  await form.getByRole("button", { name: "Отклонить запрос" }).click();
  await expect(form.locator("#reason-error")).toHaveText("Укажите причину отказа");
  await form.getByLabel("Причина отказа").fill("Нет мест в 3 классе");
  await form.getByRole("button", { name: "Отклонить запрос" }).click();
  await expect(row.getByTestId("transfer-status")).toContainText("Отклонён");
  await expect(row.getByTestId("transfer-accept")).toHaveCount(0);

  await openTransfers(school1, "Исходящие");
  const out = school1.getByTestId("transfer-row").filter({ hasText: learner.lastName });
  await expect(out.getByTestId("transfer-status")).toContainText("Отклонён");
  await expect(out.getByTestId("transfer-status")).toContainText("Причина: Нет мест в 3 классе");
  await school1.goto(`/school/learners/${id}`);
  await expect(school1.getByTestId("transfer-pending")).toHaveCount(0);
  await expect(school1.getByTestId("transfer-start")).toBeVisible();
  await expect(school1.getByTestId("enrolment-history")).toContainText("Обучается");
});
