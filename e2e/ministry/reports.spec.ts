// The education officer's reports: ОО-1 on screen as of a date, then the same
// report downloaded as XLSX and PDF.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";

test("an education officer opens ОО-1 and downloads it as XLSX and PDF", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "Отчёты" }).click();
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
    expect(download.suggestedFilename()).toBe(`report-oo1_2026-09-15.${format}`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.length).toBeGreaterThan(1000);
    if (format === "pdf") expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    else expect(bytes.subarray(0, 2).toString()).toBe("PK");
  }
  expect(pageErrors).toEqual([]);
});
