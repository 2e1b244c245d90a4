// The education officer's movement page: stale transfers for N days and flows
// between municipalities for a period both render and follow their inputs.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("an education officer reviews stale transfers and flows between municipalities", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Движение" }).click();
  await expect(page).toHaveURL(/\/ministry\/movement$/);

  const stale = page.getByTestId("stale-transfers");
  await expect(stale.getByRole("heading", { name: "Переводы, ожидающие решения дольше N дней" })).toBeVisible();
  await expect(stale.getByTestId("stale-transfers-table")).toBeVisible();
  const days = stale.getByLabel("N, дней");
  await expect(days).toHaveValue("14");
  await days.fill("400");
  await expect(stale.locator("#olderThanDays-error")).toHaveText("Введите целое число дней от 0 до 365");
  await days.fill("0");
  await expect(stale.locator("#olderThanDays-error")).toHaveCount(0);
  await expect(stale.getByTestId("stale-transfers-table")).toBeVisible();
  await expect(stale.getByTestId("stale-transfers-table")).not.toHaveAttribute("aria-busy", "true");

  const flows = page.getByTestId("transfer-flows");
  await expect(flows.getByRole("heading", { name: "Потоки между муниципалитетами" })).toBeVisible();
  await expect(flows.getByLabel("Начало периода")).toHaveValue(/^\d{4}-09-01$/);
  await expect(flows.getByTestId("transfer-flows-table")).toBeVisible();
  await flows.getByLabel("Начало периода").fill("2020-01-01");
  await expect(flows.getByTestId("transfer-flows-table")).not.toHaveAttribute("aria-busy", "true");
  await flows.getByLabel("Конец периода").fill("2019-12-31");
  await expect(flows.locator("#to-error")).toHaveText("Укажите начало и конец периода; начало не позже конца");
  await flows.getByLabel("Конец периода").fill("2030-12-31");
  await expect(flows.locator("#to-error")).toHaveCount(0);
  await expect(flows.getByTestId("transfer-flows-table")).toBeVisible();

  await expect(page.getByTestId("query-error")).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test("the movement tables sort by a click on their headers; flows keep their totals row last", async ({ browser, page }) => {
  // A pending transfer from МБОУ СОШ № 1 to МБОУ СОШ № 4, so the stale table has a row at N = 0.
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  const learner = newLearner();
  const id = await createLearnerViaApi(registrar, learner);
  await registrar.goto(`/school/learners/${id}`);
  await registrar.getByTestId("transfer-start").click();
  const form = registrar.getByTestId("transfer-form");
  await form.getByTestId("transfer-target").selectOption({ label: "МБОУ СОШ № 4" });
  await form.getByLabel("Номер приказа").fill("21-о");
  await form.getByRole("button", { name: "Оформить перевод" }).click();
  await expect(registrar.getByTestId("transfer-pending")).toBeVisible();
  await registrar.close();

  await signInAndLand(page, "edu.officer", "ministry");
  await page.goto("/ministry/movement");
  const stale = page.getByTestId("stale-transfers");
  await stale.getByLabel("N, дней").fill("0");
  const table = stale.getByTestId("stale-transfers-table");
  await expect(table.locator("tbody tr").filter({ hasText: "МБОУ СОШ № 4" }).first()).toBeVisible();
  const to = table.getByRole("columnheader", { name: /Куда/ });
  await table.getByTestId("sort-to").click();
  await expect(to).toHaveAttribute("aria-sort", "ascending");
  await table.getByTestId("sort-to").click();
  await expect(to).toHaveAttribute("aria-sort", "descending");
  // Days are counts: the first click puts the longest wait first.
  await table.getByTestId("sort-days").click();
  await expect(table.getByRole("columnheader", { name: /Дней ожидания/ })).toHaveAttribute("aria-sort", "descending");

  const flows = page.getByTestId("transfer-flows");
  await flows.getByLabel("Начало периода").fill("2020-01-01");
  const flowsTable = flows.getByTestId("transfer-flows-table");
  await flowsTable.getByTestId("sort-transfers").click();
  await expect(flowsTable.getByRole("columnheader", { name: /Переводов/ })).toHaveAttribute("aria-sort", "descending");
  // With flows, the totals row is the table's last row and sums the column; without, there is none.
  const rows = await flowsTable.locator("tbody tr").count();
  const empty = (await flowsTable.locator("tbody").textContent())?.includes("принятых переводов между муниципалитетами нет");
  if (empty) await expect(flowsTable.getByTestId("transfer-flows-table-totals")).toHaveCount(0);
  else {
    const counts = (await flowsTable.locator("tbody tr td:last-child").allTextContents()).map(Number);
    await expect(flowsTable.locator("tr").last()).toHaveText(new RegExp(`^Всего.*${counts.reduce((a, b) => a + b, 0)}$`));
    expect(rows).toBe(counts.length);
  }
});
