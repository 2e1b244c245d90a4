// The education officer's ГИА results (issue 21): the page from the portal's
// menu, the exam and year chosen (kept in the URL), the drill-down to a
// municipality, and the XLSX and PDF of the same model. The Playwright server
// starts empty, so the tables may be empty: the path and the files are what
// this checks; the figures are checked against a recount in
// src/server/services/gia-results/gia-results.integration.test.ts.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";

test("an education officer opens the ГИА results, drills into a municipality and downloads XLSX and PDF", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Результаты ГИА" }).click();
  await expect(page).toHaveURL(/\/ministry\/gia$/);
  await expect(page.getByRole("heading", { level: 1, name: "Результаты ГИА" })).toBeVisible();

  await page.getByTestId("gia-kind").selectOption("EGE");
  const year = await page.getByTestId("gia-year").inputValue();
  const report = page.getByTestId("gia-report");
  await expect(report.getByTestId("gia-header")).toContainText("ЕГЭ");
  await expect(report.getByTestId("gia-header")).toContainText(year);
  await expect(report.getByTestId("gia-header")).toContainText("Результатов, не сопоставленных с предметом");
  await expect(report.getByRole("heading", { name: "По предметам: тестовые баллы" })).toBeVisible();
  await expect(report.getByTestId("report-table-0").getByRole("columnheader", { name: "100 баллов" })).toBeVisible();
  await expect(report.getByRole("heading", { name: "По территориям" })).toBeVisible();

  // The choices are in the URL: a reload shows the same exam.
  await expect(page).toHaveURL(/\/ministry\/gia\?year=\d{4}&kind=EGE$/);
  await page.reload();
  await expect(page.getByTestId("gia-kind")).toHaveValue("EGE");

  // Drill down: a municipality lists its organisations.
  await page.getByTestId("gia-municipality").selectOption({ label: "Городской округ Заречный" });
  await expect(report.getByTestId("gia-header")).toContainText("Городской округ Заречный");
  await expect(report.getByTestId("report-table-1").getByRole("columnheader", { name: "Организация" })).toBeVisible();

  for (const [format, testId] of [["xlsx", "gia-xlsx"], ["pdf", "gia-pdf"]] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
    expect(download.suggestedFilename()).toBe(`Результаты ГИА ЕГЭ ${year} — Городской округ Заречный.${format}`);
    const bytes = await readFile((await download.path())!);
    if (format === "pdf") expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    else expect(bytes.subarray(0, 2).toString()).toBe("PK");
  }
  expect(pageErrors).toEqual([]);
});

test("a school account cannot open the ГИА results", async ({ page }) => {
  await signInAndLand(page, "school.admin", "school");
  const response = await page.goto("/ministry/gia");
  expect(response?.status()).toBe(403);
});
