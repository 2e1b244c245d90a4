// The municipality's officer keeps the account of children (issue 22): loads a
// list of resident children (checked first, then loaded), finds a child of
// school age who studies nowhere among those the account lists, downloads the
// list as XLSX, records the family education the parents chose, and the child
// leaves the list. The register and the account are the officer's own
// municipality's.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../helpers";
import { newLearner, uniqueSnils } from "../learner-data";

const HEADER = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "СНИЛС", "Адрес", "Квартира"];
const csv = (rows: string[][]) => Buffer.from([HEADER, ...rows].map((r) => r.join(";")).join("\r\n"), "utf8");
const pad = (n: number) => String(n).padStart(2, "0");

test("the municipality's officer loads a list of children and follows up a child who studies nowhere", async ({ page }) => {
  test.setTimeout(120_000);
  const child = newLearner();
  const now = new Date();
  const birth = `${pad(now.getDate() > 28 ? 28 : now.getDate())}.${pad(now.getMonth() + 1)}.${now.getFullYear() - 10}`;
  const row = [child.lastName, "Мария", "Ивановна", birth, "ж", uniqueSnils(), "г. Заречный, ул. Школьная, д. 5", "7"];

  await signInAndLand(page, "mun.officer", "ministry");

  // The list of resident children: checked (nothing written), then loaded.
  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Реестр детей на территории" }).click();
  await expect(page).toHaveURL(/\/ministry\/children$/);
  await page.goto("/ministry/children/import");
  await page.getByLabel("Источник списка").selectOption({ label: "ЗАГС" });
  await page.locator("input[type=file]").setInputFiles({ name: "zags.csv", mimeType: "text/csv", buffer: csv([row]) });
  await page.getByRole("button", { name: "Проверить" }).click();
  const outcome = page.getByTestId("residents-import-outcome");
  await expect(outcome).toContainText("Ошибок нет: файл можно загрузить.");
  await expect(outcome.getByRole("heading")).toHaveText("Результат проверки");
  await page.getByRole("button", { name: "Загрузить" }).click();
  await expect(outcome.getByRole("heading")).toHaveText("Список загружен");

  // The account: the child is of compulsory-education age and studies nowhere.
  await page.goto("/ministry/children-account");
  const account = page.getByTestId("children-account-page");
  await expect(account).toContainText(child.lastName);
  await expect(account.getByRole("row").filter({ hasText: child.lastName })).toContainText("нет сведений об обучении");

  // The same list as a workbook.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("ca-xlsx").click();
  const download = await downloading;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ""))));
  expect(cells.some((c) => c.includes(child.lastName))).toBe(true);

  // The parents chose family education: recorded in the register.
  await page.goto("/ministry/children");
  await page.getByLabel("Фамилия, имя").fill(child.lastName);
  await page.getByRole("button", { name: "Найти" }).click();
  const found = page.getByTestId("residents-table").getByRole("row").filter({ hasText: child.lastName });
  await expect(found).toHaveCount(1);
  await found.getByRole("button", { name: "Изменить" }).click();
  const editor = page.getByTestId("resident-editor");
  await editor.getByLabel("Форма образования вне организаций").selectOption({ label: "Семейное образование" });
  await editor.getByLabel("С какой даты (уведомление родителей)").fill(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-01`);
  await editor.getByRole("button", { name: "Сохранить форму образования" }).click();
  await expect(editor).toContainText("Сохранено");

  // Accounted for: the child leaves the list of those who study nowhere.
  await page.goto("/ministry/children-account");
  await expect(page.getByTestId("children-account-page")).toContainText(/Показаны|Нет детей в этом списке/);
  await expect(page.getByTestId("children-account-page")).not.toContainText(child.lastName);
});
