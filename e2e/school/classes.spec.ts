// The school head keeps the programmes and classes: an adapted programme
// needs its ОВЗ category, and a new class of the current year starts empty.
import { expect, test, type Page } from "@playwright/test";
import { signInAndLand } from "../helpers";

const err = (page: Page, name: string) => page.locator(`[id="${name}-error"]`);
const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

/** The academic year starts on 1 September (Moscow time): 2026/27 is 2026. */
function currentAcademicYear(now = new Date()) {
  const moscow = new Date(now.getTime() + 3 * 3600_000);
  return moscow.getUTCMonth() >= 8 ? moscow.getUTCFullYear() : moscow.getUTCFullYear() - 1;
}

test("a school head adds an adapted programme and a class 5«В» of the current year", async ({ page }) => {
  const name = `АООП ООО для обучающихся с ЗПР ${Date.now().toString(36)}`;
  const year = currentAcademicYear();
  await signInAndLand(page, "school.admin", "school");
  await page.getByRole("navigation").getByRole("link", { name: "Программы и классы" }).click();
  await expect(page).toHaveURL(/\/school\/classes$/);
  await expect(page.getByTestId("programmes-table")).toBeVisible();

  // The category field appears only once the programme is marked adapted, and is required then.
  await page.getByRole("button", { name: "Добавить программу" }).click();
  await field(page, "programme.name").fill(name);
  await field(page, "programme.level").selectOption("BASIC");
  await expect(field(page, "programme.direction")).toHaveCount(0);
  await expect(field(page, "programme.ovzCategory")).toHaveCount(0);
  await page.getByLabel("Адаптированная").check();
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(err(page, "programme.ovzCategory")).toHaveText("Для адаптированной программы укажите категорию ОВЗ");
  await expect(field(page, "programme.ovzCategory")).toHaveAttribute("aria-invalid", "true");

  await field(page, "programme.ovzCategory").selectOption("DEVELOPMENTAL_DELAY");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByTestId("classes-notice")).toHaveText(`Программа «${name}» добавлена`);
  const row = page.getByTestId("programmes-table").getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("АООП: ЗПР");
  await expect(row).toContainText("Основная");

  // Classes of the current academic year are shown by default.
  await expect(field(page, "academicYear")).toHaveValue(String(year));
  await page.getByRole("button", { name: "Добавить класс" }).click();
  await field(page, "class.programmeId").selectOption({ label: `${name} (ООО)` });
  await field(page, "class.grade").fill("5");
  await field(page, "class.letter").fill("в");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByTestId("classes-notice")).toHaveText("Класс 5«В» добавлен");
  const cls = page.getByTestId("class-5-В");
  await expect(cls).toContainText("5«В»");
  await expect(cls).toContainText(name);
  await expect(cls.getByTestId("class-learners")).toHaveText("0");
});
