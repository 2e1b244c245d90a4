// The education officer keeps the organisations registry: adds one (the INN
// checksum is caught next to the field), finds it, closes it; an organisation
// that still holds learners cannot be closed.
import { expect, test } from "@playwright/test";
import { makeInn, makeOgrn } from "../../src/lib/validators";
import { signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";

const stamp = String(Date.now()).slice(-7);
const INN = makeInn(`78${stamp}`);
const BAD_INN = INN.slice(0, -1) + String((Number(INN.at(-1)) + 1) % 10);
const OGRN = makeOgrn(`10378${stamp}`);
const SHORT_NAME = `МБОУ СОШ № ${stamp}`;

test("an education officer adds an organisation, finds it and closes it", async ({ page }) => {
  await signInAndLand(page, "edu.officer", "ministry");
  await page.getByRole("navigation").getByRole("link", { name: "Организации" }).click();
  await expect(page).toHaveURL(/\/ministry\/organisations$/);
  await expect(page.getByTestId("organisations-table")).toContainText("МБОУ СОШ № 1");

  await page.getByRole("button", { name: "Добавить организацию" }).click();
  const form = page.getByTestId("organisation-form");
  await form.locator("[name=municipalityId]").selectOption({ label: "Сосновский муниципальный район" });
  await form.locator("[name=type]").selectOption("GENERAL_SCHOOL");
  await form.locator("[name=fullName]").fill(`Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${stamp}»`);
  await form.locator("[name=shortName]").fill(SHORT_NAME);
  await form.locator("[name=founder]").fill("Администрация Сосновского муниципального района");
  await form.locator("[name=inn]").fill(BAD_INN);
  await form.locator("[name=ogrn]").fill(OGRN);
  await form.locator("[name=kpp]").fill("780101001");
  await form.locator("[name=licenceNumber]").fill(`Л035-01234-78/${stamp}`);
  await form.locator("[name=licenceDate]").fill("2021-04-15");
  await form.locator("[name=headName]").fill("Тихонова Вера Андреевна");
  await form.getByRole("button", { name: "Добавить" }).click();
  await expect(form.locator("#inn-error")).toHaveText("Неверная контрольная сумма ИНН");

  await form.locator("[name=inn]").fill(INN);
  await form.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByTestId("organisations-notice")).toHaveText(`Организация ${SHORT_NAME} добавлена`);
  await expect(form).toBeHidden();

  // Found by name and by INN; the search lives in the URL.
  await page.getByRole("searchbox").fill(stamp);
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page).toHaveURL(new RegExp(`search=${stamp}`));
  const table = page.getByTestId("organisations-table");
  const row = page.getByTestId(`organisation-row-${INN}`);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(row).toContainText(SHORT_NAME);
  await expect(row).toContainText("15.04.2021");
  await page.getByRole("searchbox").fill(INN);
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(row).toBeVisible();

  // Closing asks for a date and a confirmation.
  await row.getByRole("button", { name: "Закрыть" }).click();
  const panel = page.getByTestId("close-organisation");
  await panel.locator("[name=closedAt]").fill("2026-01-10");
  let confirmation = "";
  page.once("dialog", (dialog) => {
    confirmation = dialog.message();
    void dialog.accept();
  });
  await panel.getByRole("button", { name: "Закрыть организацию" }).click();
  await expect(page.getByTestId("organisations-notice")).toHaveText(`Организация ${SHORT_NAME} закрыта`);
  expect(confirmation).toContain("10.01.2026");
  await expect(table).toContainText("Организации не найдены");

  await page.locator("[name=statusFilter]").selectOption("closed");
  await expect(row).toContainText("Закрыта 10.01.2026");
  await expect(row.getByRole("button", { name: "Закрыть" })).toHaveCount(0);
});

test("an organisation with learners cannot be closed", async ({ page, browser }) => {
  const registrar = await browser.newPage();
  await signInAndLand(registrar, "school.registrar", "school");
  await createLearnerViaApi(registrar, newLearner());
  await registrar.close();

  await signInAndLand(page, "edu.officer", "ministry");
  await page.goto("/ministry/organisations?search=%D0%A1%D0%9E%D0%A8%20%E2%84%96%201");
  const row = page.getByTestId(`organisation-row-${makeInn("990100001")}`); // МБОУ СОШ № 1 of the demo region
  await row.getByRole("button", { name: "Закрыть" }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("close-organisation").getByRole("button", { name: "Закрыть организацию" }).click();
  await expect(page.getByTestId("close-error")).toContainText("Нельзя закрыть организацию: в ней");
  await expect(page.getByTestId("close-error")).toContainText("Сначала оформите их выбытие или перевод");
});
