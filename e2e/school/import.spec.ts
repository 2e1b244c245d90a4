// A registrar imports a Windows-1251 CSV: errors first, then a clean file,
// and finds the learners in the list.
import { expect, test } from "@playwright/test";
import iconv from "iconv-lite";
import { signInAndLand } from "../helpers";
import { uniqueSnils, uniqueTag } from "../learner-data";
import { ensureClass } from "../school-classes";

const HEADER = [
  "Фамилия", "Имя", "Отчество", "Дата рождения (ДД.ММ.ГГГГ)", "Пол (М/Ж)", "СНИЛС", "Гражданство",
  "Уровень", "Класс", "Литера", "Дата зачисления (ДД.ММ.ГГГГ)",
];

function csv(rows: string[][]): Buffer {
  const text = [HEADER, ...rows].map((r) => r.join(";")).join("\r\n");
  return iconv.encode(text, "win1251");
}

test("a registrar imports learners from a cp1251 CSV and finds them in the list", async ({ page }) => {
  const family = `Импорт${uniqueTag().toLowerCase()}`;
  const rows = [
    // Letter Д: no other spec creates it, so the school has none of these classes yet.
    [family, "Анна", "Игоревна", "12.04.2017", "Ж", uniqueSnils(), "643", "НОО", "2", "Д", "01.09.2023"],
    [family, "Борис", "Игоревич", "03.11.2016", "М", uniqueSnils(), "Россия", "НОО", "3", "Д", "01.09.2023"],
    [family, "Вера", "", "21.01.2015", "Ж", "", "Без гражданства", "ООО", "5", "Д", "01.09.2024"],
  ];
  await signInAndLand(page, "school.registrar", "school");
  // The classes the file names go under the school's basic programmes of their levels: make sure they exist.
  await ensureClass(page, 2, "А");
  await ensureClass(page, 5, "А");
  await page.goto("/school/learners/import");

  // A broken last row: nothing is written, the error names row and column.
  const broken = [...rows.slice(0, 2), [family, "Вера", "", "21.01.2015", "Ж", "112-233-445 96", "643", "ООО", "5", "Д", "01.09.2024"]];
  await page.locator("input[type=file]").setInputFiles({ name: "class.csv", mimeType: "text/csv", buffer: csv(broken) });
  await page.getByRole("button", { name: "Проверить" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("4");
  await expect(errors).toContainText("СНИЛС");
  await expect(errors).toContainText("Неверная контрольная сумма СНИЛС");
  await expect(page.getByRole("button", { name: "Загрузить" })).toBeDisabled();

  // The corrected file: its classes are missing, so nothing loads until the registrar confirms creating them.
  await page.locator("input[type=file]").setInputFiles({ name: "class.csv", mimeType: "text/csv", buffer: csv(rows) });
  await page.getByRole("button", { name: "Проверить" }).click();
  const missing = page.getByTestId("import-missing-classes");
  await expect(missing).toContainText("2Д");
  await expect(missing).toContainText("5Д");
  await expect(page.getByRole("button", { name: "Загрузить" })).toBeDisabled();
  await page.getByTestId("import-create-classes").check();
  await expect(page.getByTestId("import-outcome")).toContainText("Будет создано");
  await page.getByRole("button", { name: "Загрузить" }).click();
  await expect(page.getByTestId("import-outcome")).toContainText("Файл загружен");

  await page.goto("/school/classes");
  await expect(page.getByRole("cell", { name: "2«Д»" })).toBeVisible();
  await page.goto("/school/learners");
  await page.getByRole("searchbox").fill(family);
  await page.getByRole("button", { name: "Найти" }).click();
  const table = page.getByTestId("learners-table");
  await expect(table).toContainText("Анна");
  await expect(table).toContainText("Борис");
  await expect(table).toContainText("Вера");
  await expect(table.locator("tbody tr")).toHaveCount(3);
});

test("a file with a missing column is refused with a clear message", async ({ page }) => {
  await signInAndLand(page, "school.registrar", "school");
  await page.goto("/school/learners/import");
  const text = "Фамилия;Имя\r\nИванов;Иван";
  await page.locator("input[type=file]").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await page.getByRole("button", { name: "Проверить" }).click();
  const failure = page.getByTestId("import-failed");
  await expect(failure).toContainText("нет обязательных столбцов");
  await expect(failure).toContainText("Дата рождения");
});
