// Movement orders from a learner's card (history, an order, its cancellation,
// expulsion and reinstatement), what a medic sees of them, and enrolment of a
// person already in the registry by another school.
import { expect, test, type Page } from "@playwright/test";
import { API_HEADERS, signInAndLand } from "../helpers";
import { createLearnerViaApi, newLearner } from "../learner-data";
import { ensureClass } from "../school-classes";
import { regionToday } from "../../src/lib/time-zone";

const TODAY = regionToday(); // the server's today (Moscow's), not UTC's
const TODAY_RU = TODAY.split("-").reverse().join(".");

async function recordOrder(page: Page, type: string, orderNumber: string) {
  await page.getByTestId("movement-record").click();
  const form = page.getByTestId("movement-record-form");
  await form.getByLabel("Вид приказа").selectOption({ label: type });
  await form.getByLabel("Номер приказа").fill(orderNumber);
  await form.getByRole("button", { name: "Оформить приказ" }).click();
  return form;
}

test("orders from the card: promotion, its cancellation, expulsion, reinstatement; the medic only reads", async ({ browser }) => {
  const learner = newLearner();
  const page = await browser.newPage();
  await signInAndLand(page, "school.registrar", "school");
  const id = await createLearnerViaApi(page, learner);
  await ensureClass(page, 4, "Б"); // the promotion's class
  await page.goto(`/school/learners/${id}`);

  const history = page.getByTestId("movement-history");
  const rows = history.getByTestId("movement-row");
  await expect(history).toContainText("История движения");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Зачисление");
  await expect(rows.first()).toContainText("3Б (НОО)");
  await expect(page.getByTestId("learner-status")).toHaveText("Обучается");

  // Promotion: the header shows the new class, the history a second row.
  const promotion = await recordOrder(page, "Перевести в следующий класс", "101-д");
  await expect(promotion).toHaveCount(0);
  await expect(page.getByTestId("learner-summary")).toContainText("Класс: 4Б");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Перевод в следующий класс");
  await expect(rows.nth(1)).toContainText(`Приказ № 101-д от ${TODAY_RU}`);
  await expect(rows.nth(1)).toContainText("3Б (НОО) → 4Б (НОО)");

  // The enrolment order is not the latest: the server refuses, and says why.
  await rows.first().getByTestId("movement-cancel").click();
  const cancelForm = history.getByTestId("movement-cancel-form");
  await cancelForm.getByLabel("Номер приказа").fill("102-д");
  await cancelForm.getByLabel("Причина отмены").fill("Проверка");
  await cancelForm.getByRole("button", { name: "Отменить приказ" }).click();
  await expect(cancelForm.getByTestId("form-error")).toHaveText("Сначала отмените более поздние приказы по этому зачислению");
  await cancelForm.getByRole("button", { name: "Отмена", exact: true }).click();

  // Cancelling the promotion: struck through, «отменён», the class is back.
  await rows.nth(1).getByTestId("movement-cancel").click();
  await cancelForm.getByRole("button", { name: "Отменить приказ" }).click();
  await expect(cancelForm.locator("#reason-error")).toHaveText("Укажите, почему приказ отменяется");
  await expect(cancelForm.locator('[id="order.orderNumber-error"]')).toHaveText("Укажите номер приказа");
  await cancelForm.getByLabel("Номер приказа").fill("102-д");
  await cancelForm.getByLabel("Причина отмены").fill("Ошибка в приказе");
  await cancelForm.getByRole("button", { name: "Отменить приказ" }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toHaveAttribute("data-cancelled", "true");
  await expect(rows.nth(1).getByTestId("movement-cancelled")).toHaveText("отменён");
  await expect(rows.nth(1).getByTestId("movement-cancel")).toHaveCount(0);
  await expect(rows.nth(2)).toContainText("Отмена приказа");
  await expect(rows.nth(2)).toContainText("Ошибка в приказе");
  await expect(page.getByTestId("learner-summary")).toContainText("Класс: 3Б");

  // Expulsion needs a coded reason, and for «Иная причина» its grounds; then the enrolment has ended.
  const expulsion = await recordOrder(page, "Отчислить", "103-д");
  await expect(expulsion.locator("#leavingReason-error")).toHaveText("Укажите причину выбытия");
  await expulsion.getByLabel("Причина выбытия").selectOption({ label: "Иная причина" });
  await expulsion.getByRole("button", { name: "Оформить приказ" }).click();
  await expect(expulsion.locator("#reason-error")).toHaveText("Опишите причину выбытия в основании");
  await expulsion.getByLabel("Основание: опишите причину").fill("По заявлению родителей");
  await expulsion.getByRole("button", { name: "Оформить приказ" }).click();
  await expect(page.getByTestId("learner-status")).toHaveText("Выбыл(а)");
  await expect(rows.nth(3)).toContainText("Отчисление");
  await expect(rows.nth(3)).toContainText("Иная причина");
  await expect(rows.nth(3)).toContainText("По заявлению родителей");
  await expect(page.getByTestId("movement-record")).toHaveCount(0);
  await expect(page.getByTestId("learner-edit")).toHaveCount(0);

  // Reinstatement into a class brings the learner back.
  await page.getByTestId("movement-reinstate").click();
  const reinstate = page.getByTestId("movement-reinstate-form");
  await reinstate.getByLabel("Уровень образования").selectOption("PRIMARY");
  await reinstate.locator('select[name="placement.classLetter"]').selectOption("3|Б");
  await reinstate.getByLabel("Номер приказа").fill("104-д");
  await reinstate.getByRole("button", { name: "Восстановить" }).click();
  await expect(page.getByTestId("learner-status")).toHaveText("Обучается");
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(4)).toContainText("Восстановление");
  await expect(page.getByTestId("movement-reinstate")).toHaveCount(0);
  await expect(page.getByTestId("movement-record")).toBeVisible();
  await page.close();

  const medic = await browser.newPage();
  await signInAndLand(medic, "school.medic", "school");
  await medic.goto(`/school/learners/${id}`);
  // The medic sees the identity subset: current organisation, class and status, never the orders.
  await expect(medic.getByTestId("identity-details")).toBeVisible();
  await expect(medic.getByTestId("learner-status")).toHaveText("Обучается");
  await expect(medic.getByTestId("learner-summary")).toContainText("3Б");
  await expect(medic.getByTestId("movement-history")).toHaveCount(0);
  await expect(medic.getByTestId("movement-record")).toHaveCount(0);
  await expect(medic.getByRole("button", { name: "Оформить приказ" })).toHaveCount(0);
  await medic.close();
});

test("another school enrols a learner from the registry by SNILS and birth date", async ({ browser }) => {
  const left = newLearner();
  const staying = newLearner();
  const school1 = await browser.newPage();
  await signInAndLand(school1, "school.registrar", "school");
  const leftId = await createLearnerViaApi(school1, left);
  await createLearnerViaApi(school1, staying);
  const order = { orderNumber: "200-д", orderDate: TODAY, effectiveDate: TODAY };
  const res = await school1.request.post("/api/trpc/movement.event", {
    headers: API_HEADERS,
    data: { json: { type: "EXPULSION", learnerId: leftId, order, leavingReason: "OTHER", reason: "Переезд в другой район" } },
  });
  expect(res.status(), await res.text()).toBe(200);
  await school1.close();

  const page = await browser.newPage();
  await signInAndLand(page, "school2.admin", "school");
  await ensureClass(page, 3, "А");
  await page.goto("/school/learners");
  await page.getByTestId("learners-enrol").click();
  await expect(page).toHaveURL(/\/school\/learners\/enrol$/);
  const form = page.getByTestId("enrol-form");
  const submit = form.getByRole("button", { name: "Зачислить" });
  await submit.click();
  await expect(form.locator('[id="order.orderNumber-error"]')).toHaveText("Укажите номер приказа");

  // Still enrolled in school 1: refused without naming that school, with the way forward.
  await form.getByLabel("СНИЛС").fill(staying.snils);
  await form.getByLabel("Дата рождения").fill("2016-04-12");
  await form.getByLabel("Уровень образования").selectOption("PRIMARY");
  await form.locator('select[name="placement.classLetter"]').selectOption("3|А");
  await form.getByLabel("Номер приказа").fill("55-з");
  await submit.click();
  await expect(form.getByTestId("form-error")).toContainText("уже зачислен в другую организацию");
  await expect(form.getByTestId("form-error")).toContainText("оформить перевод");
  await expect(form.getByTestId("form-error")).not.toContainText("СОШ № 1");

  // SNILS and birth date must both match.
  await form.getByLabel("СНИЛС").fill(left.snils);
  await form.getByLabel("Дата рождения").fill("2016-04-13");
  await submit.click();
  await expect(form.getByTestId("form-error")).toHaveText("В реестре нет обучающегося с таким СНИЛС и датой рождения");

  await form.getByLabel("Дата рождения").fill("2016-04-12");
  await submit.click();
  await expect(page).toHaveURL(new RegExp(`/school/learners/${leftId}$`));
  await expect(page.getByTestId("learner-summary")).toContainText("МБОУ СОШ № 4");
  const rows = page.getByTestId("movement-history").getByTestId("movement-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Отчисление");
  await expect(rows.nth(1)).toContainText("МБОУ СОШ № 1");
  await expect(rows.nth(2)).toContainText("МБОУ СОШ № 4");
  await expect(rows.nth(2)).toContainText("Приказ № 55-з");
  // School 1's orders are not school 4's to cancel.
  await expect(rows.nth(1).getByTestId("movement-cancel")).toHaveCount(0);
  await expect(rows.nth(2).getByTestId("movement-cancel")).toBeVisible();
  await page.close();
});
