// The ministry loads the exam centre's ГИА results file: a file with an
// unknown SNILS is refused row by row (nothing written), the corrected file
// is checked, loaded, and loading it again changes nothing.
import { expect, test } from "@playwright/test";
import iconv from "iconv-lite";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner, uniqueSnils } from "../learner-data";

const HEADER = ["Вид экзамена", "Год", "СНИЛС", "Фамилия", "Код предмета", "Первичный балл", "Тестовый балл", "Отметка"];
const YEAR = String(new Date().getFullYear() - 1);

const cp1251 = (rows: string[][]) => iconv.encode([HEADER, ...rows].map((r) => r.join(";")).join("\r\n"), "win1251");

test("an officer checks and loads a ГИА results file, all or nothing", async ({ browser }) => {
  const learner = newLearner();
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  await createLearnerViaApi(registrar, learner); // МБОУ СОШ № 1
  await registrar.close();

  const page = await browser.newPage();
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Загрузка результатов ГИА" }).click();
  await expect(page).toHaveURL(/\/ministry\/gia-import$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Загрузка результатов ГИА из файла РЦОИ");

  const good = ["ЕГЭ", YEAR, learner.snils, learner.lastName, "1", "30", "78", ""];
  const unknown = ["ЕГЭ", YEAR, uniqueSnils(), "Неизвестный", "1", "30", "70", ""];
  const input = page.locator("input[type=file]");

  // One unknown participant: the whole file is refused, the row says why.
  await input.setInputFiles({ name: "rcoi.csv", mimeType: "text/csv", buffer: cp1251([good, unknown]) });
  await page.getByRole("button", { name: "Проверить" }).click();
  const rows = page.getByTestId("gia-import-rows");
  await expect(rows).toContainText("не найден");
  await expect(rows).toContainText("не найден в реестре");
  await expect(page.getByRole("button", { name: "Загрузить" })).toBeDisabled();

  // The corrected file: checked, then loaded.
  await input.setInputFiles({ name: "rcoi.csv", mimeType: "text/csv", buffer: cp1251([good]) });
  await page.getByRole("button", { name: "Проверить" }).click();
  await expect(rows).toContainText("будет добавлено");
  await expect(rows).toContainText(`${learner.lastName} ${learner.firstName} ${learner.middleName}`);
  await expect(rows).toContainText("МБОУ СОШ № 1");
  await page.getByRole("button", { name: "Загрузить" }).click();
  await expect(page.getByTestId("gia-import-outcome")).toContainText("Результаты загружены");
  await expect(rows).toContainText("добавлено");

  // The same file again: nothing to do.
  await input.setInputFiles({ name: "rcoi.csv", mimeType: "text/csv", buffer: cp1251([good]) });
  await page.getByRole("button", { name: "Проверить" }).click();
  await expect(rows).toContainText("без изменений");
  await expect(page.getByRole("button", { name: "Загрузить" })).toBeDisabled();
  await page.screenshot({ path: "test-results/ministry-gia-import.png", fullPage: true });
});
