// «Справка об обучении» (issue 21): the registrar opens a learner's card, picks
// the academic year and period on the Portfolio tab, issues a numbered справка
// and downloads its PDF; the register page lists it and downloads the XLSX
// with the same number. The medic has neither the section nor the register.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { API_HEADERS, signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

async function trpc<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { headers: API_HEADERS, data: { json: input } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

test("the registrar issues a справка об обучении and finds it in the register", async ({ browser }) => {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const learner = newLearner();
  await signInAndLand(page, "school.registrar", "school");
  // Enrolled 01.09.2023 (learner-data.ts): 2024/25 is a year of study here.
  const id = await createLearnerViaApi(page, learner);
  const subjects = await trpc<{ id: string; code: string }[]>(page, "learners.portfolio.subjects", undefined);
  await trpc(page, "learners.portfolio.addGrade", { learnerId: id, academicYear: 2024, subjectId: subjects.find((s) => s.code === "MATH")!.id, period: "год", mark: 5 });

  await page.goto(`/school/learners/${id}`);
  await page.getByTestId("card-tab-PORTFOLIO").click();
  const section = page.getByTestId("card-panel-PORTFOLIO").getByTestId("study-certificate");
  await expect(section.getByTestId("study-certificates-issued")).toHaveText("Справок этому обучающемуся ещё не выдавали.");
  const form = section.getByTestId("study-certificate-form");
  await form.getByRole("combobox", { name: "Учебный год", exact: true }).selectOption({ label: "2024/25" });
  await form.getByRole("combobox", { name: "Период", exact: true }).selectOption({ label: "год" });
  await form.getByTestId("study-certificate-issue").click();
  const notice = section.getByTestId("study-certificate-notice");
  await expect(notice).toContainText("Выдана справка №");
  const number = (await notice.textContent())!.match(/№ (\d+)/)![1]!;
  const row = section.getByTestId("study-certificates-issued-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("2024/25");
  await expect(row).toContainText("год");

  const [pdf] = await Promise.all([page.waitForEvent("download"), row.getByTestId("study-certificate-pdf").click()]);
  expect(pdf.suggestedFilename()).toMatch(new RegExp(`^Справка об обучении № ${number}-\\d{4}\\.pdf$`));
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Справки об обучении" }).click();
  await expect(page).toHaveURL(/\/school\/study-certificates$/);
  const registerRow = page.getByTestId("study-certificate-register-row").filter({ hasText: learner.lastName });
  await expect(registerRow).toHaveCount(1);
  await expect(registerRow).toContainText(`${number}/`);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("register-xlsx").click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await xlsx.path())!)) as unknown as ArrayBuffer);
  const learners: string[] = [];
  workbook.worksheets[0]!.eachRow((r, i) => {
    if (i > 2) learners.push(`${String(r.getCell(1).value)} ${String(r.getCell(3).value)}`);
  });
  expect(learners.some((l) => l.startsWith(`${number}/`) && l.includes(learner.lastName))).toBe(true);
  expect(pageErrors).toEqual([]);
  await page.close();

  const medic = await browser.newPage();
  await signInAndLand(medic, "school.medic", "school");
  await expect(medic.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Справки об обучении" })).toHaveCount(0);
  await medic.goto("/school/study-certificates");
  await expect(medic.getByText("Доступ запрещён (403)")).toBeVisible();
  await medic.close();
});
