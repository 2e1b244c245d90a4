// The education officer's reports: ОО-1 on screen as of a date, then the same
// report downloaded as XLSX and PDF.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

test("an education officer opens ОО-1 and downloads it as XLSX and PDF", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Отчёты" }).click();
  await expect(page).toHaveURL(/\/ministry\/reports$/);

  await page.getByTestId("report-kind").selectOption("oo1");
  await page.getByTestId("report-asof").fill("2026-09-15");
  const report = page.getByTestId("report-oo1");
  await expect(report.getByTestId("report-header")).toContainText("15.09.2026");
  await expect(report.getByTestId("report-header")).toContainText("edu.officer");
  await expect(report.getByRole("heading", { name: "Обучающиеся по классам и полу" })).toBeVisible();
  await expect(report.getByTestId("report-table-0").getByRole("columnheader", { name: "Мальчики" })).toBeVisible();

  for (const [format, testId] of [["xlsx", "report-xlsx"], ["pdf", "report-pdf"]] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
    // The file names the territory it covers (filename* of Content-Disposition).
    expect(download.suggestedFilename()).toBe(`ОО-1 — Демонстрационная область — 2026-09-15.${format}`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.length).toBeGreaterThan(1000);
    if (format === "pdf") expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    else expect(bytes.subarray(0, 2).toString()).toBe("PK");
  }
  expect(pageErrors).toEqual([]);
});

test("a territory narrows the report and names its file; a bad period gets a message by its field", async ({ browser, page }) => {
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  await createLearnerViaApi(registrar, newLearner()); // МБОУ СОШ № 1, Городской округ Заречный
  await registrar.close();
  await signInAndLand(page, "edu.officer", "ministry");
  await page.goto("/ministry/reports");
  await page.getByTestId("report-asof").fill("2026-09-15");
  await page.getByTestId("report-municipality").selectOption({ label: "Городской округ Заречный" });
  const report = page.getByTestId("report-oo1");
  await expect(report.getByTestId("report-header")).toContainText("Городской округ Заречный");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-xlsx").click()]);
  expect(download.suggestedFilename()).toBe("ОО-1 — Городской округ Заречный — 2026-09-15.xlsx");

  // The choices are in the URL (ids and dates only): a reload reopens the same report.
  await expect(page).toHaveURL(/\/ministry\/reports\?asOf=2026-09-15&municipalityId=[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByTestId("report-asof")).toHaveValue("2026-09-15");
  await expect(page.getByTestId("report-municipality").locator("option:checked")).toHaveText("Городской округ Заречный");
  await expect(report.getByTestId("report-header")).toContainText("Городской округ Заречный");

  // Sorting keeps the totals row last.
  const table = report.getByTestId("report-table-0");
  await table.getByTestId("sort-c3").click();
  await expect(table.locator("tfoot tr")).toHaveCount(1);
  await expect(table.locator("tfoot")).toContainText("Всего");

  await page.getByTestId("report-kind").selectOption("movement");
  await page.getByTestId("report-from").fill("2026-05-01");
  await page.getByTestId("report-to").fill("2026-04-01");
  await expect(page.getByText("Начало периода позже конца")).toBeVisible();
  await expect(page.getByTestId("report-to")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("report-invalid")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Отчёты на дату" })).toBeVisible();
  await expect(page.getByTestId("report-xlsx")).toHaveCount(0);
  await page.getByTestId("report-from").fill("2019-01-01");
  await page.getByTestId("report-to").fill("2026-04-01");
  await expect(page.getByText("Период длиннее пяти лет")).toBeVisible();
  await page.getByTestId("report-from").fill("2026-02-01");
  await expect(page.getByTestId("report-movement")).toBeVisible();
  await expect(page).toHaveURL(/report=movement&.*from=2026-02-01&to=2026-04-01/);
  await page.reload();
  await expect(page.getByTestId("report-kind")).toHaveValue("movement");
  await expect(page.getByTestId("report-from")).toHaveValue("2026-02-01");
  await expect(page.getByTestId("report-movement")).toBeVisible();
});
