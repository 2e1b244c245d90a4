// The ФИС ФРДО export from the school portal: the registrar records a
// duplicate certificate in the portfolio form (registration number, the
// original it replaces), another certificate lacks its registration number;
// the check lists the second with the reason, and the downloaded file holds
// the first only, with its original.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { API_HEADERS, signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

// A period of its own (issue dates in June 2024) and numbers of this run only.
const FROM = "2024-06-01";
const TO = "2024-06-30";
const stamp = String(Date.now()).slice(-10);
const goodNumber = `3000${stamp}`;
const badNumber = `4000${stamp}`;
const originalNumber = `2000${stamp}`;

test("a registrar checks the period's certificates and downloads the ones that pass", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const good = newLearner();
  const bad = newLearner();
  await signInAndLand(page, "school.registrar", "school");
  const goodId = await createLearnerViaApi(page, good);
  const badId = await createLearnerViaApi(page, bad);

  // The first through the portfolio form.
  await page.goto(`/school/learners/${goodId}`);
  await page.getByTestId("card-tab-PORTFOLIO").click();
  const panel = page.getByTestId("card-panel-PORTFOLIO");
  await panel.getByTestId("certificate-add").click();
  const form = panel.getByTestId("certificate-form");
  await form.locator("[name=level]").selectOption({ label: "Основное общее образование" });
  await form.getByLabel("Номер", { exact: true }).fill(goodNumber);
  await form.getByLabel("Регистрационный номер", { exact: true }).fill("9-101");
  await form.getByLabel("Дата выдачи", { exact: true }).fill("2024-06-20");
  await form.getByLabel("С отличием", { exact: true }).check();
  // The original's fields appear once «Дубликат» is ticked.
  await expect(form.getByLabel("Номер оригинала", { exact: true })).toHaveCount(0);
  await form.getByLabel("Дубликат", { exact: true }).check();
  await form.getByLabel("Серия оригинала", { exact: true }).fill("АБ");
  await form.getByLabel("Номер оригинала", { exact: true }).fill(originalNumber);
  await form.getByLabel("Регистрационный номер оригинала", { exact: true }).fill("9-7");
  await form.getByLabel("Дата выдачи оригинала", { exact: true }).fill("2024-06-25");
  // After the duplicate: refused on its field, and the form stays open.
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(form).toContainText("Дата выдачи оригинала позже даты выдачи дубликата");
  // The field's accessible name now ends with its error message.
  await form.getByRole("textbox", { name: /^Дата выдачи оригинала/ }).fill("2022-06-24");
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(form).toHaveCount(0);
  const row = panel.getByTestId("certificates-table-row");
  await expect(row).toContainText(goodNumber);
  await expect(row).toContainText("9-101");
  await expect(row).toContainText("Действует, дубликат");
  await expect(row).toContainText(`АБ ${originalNumber}, рег. № 9-7 от 24.06.2022`);

  // The second without a registration number (through the API, as an e-journal import would leave it).
  const res = await page.request.post("/api/trpc/learners.portfolio.setCertificate", {
    headers: API_HEADERS,
    data: { json: { learnerId: badId, level: "BASIC_GENERAL", number: badNumber, issuedAt: "2024-06-21", withHonours: false } },
  });
  expect(res.status(), await res.text()).toBe(200);

  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Аттестаты для ФИС ФРДО" }).click();
  await expect(page).toHaveURL(/\/school\/frdo$/);
  await page.getByTestId("frdo-from").fill(FROM);
  await page.getByTestId("frdo-to").fill(TO);
  await page.getByTestId("frdo-check").click();
  await expect(page.getByTestId("frdo-summary")).toContainText("МБОУ СОШ № 1");
  const failures = page.getByTestId("frdo-failures");
  await expect(failures).toContainText(bad.lastName);
  await expect(failures).toContainText("не указан регистрационный номер");
  await expect(failures).not.toContainText(good.lastName);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("frdo-download").click()]);
  expect(download.suggestedFilename()).toBe(`ФИС ФРДО аттестаты — МБОУ СОШ № 1 — ${FROM}_${TO}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Шаблон")!;
  const numbers: string[] = [];
  const originals: string[] = [];
  const originalColumn = (sheet.getRow(1).values as unknown[]).indexOf("Номер документа оригинала");
  sheet.eachRow((r, i) => {
    if (i > 1) numbers.push(String(r.getCell(8).value));
    if (i > 1) originals.push(String(r.getCell(originalColumn).value));
  });
  expect(numbers).toContain(goodNumber);
  expect(numbers).not.toContain(badNumber);
  expect(originals[numbers.indexOf(goodNumber)]).toBe(originalNumber);
  expect(pageErrors).toEqual([]);
});
