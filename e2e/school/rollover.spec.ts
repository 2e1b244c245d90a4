// Year-end rollover at МБОУ СОШ № 4, one collapsed section per class with a
// sticky totals bar: a 4th-grader is promoted into 5 «А» by default, a
// 9th-grader graduates by default but is switched to continue into 10 «А»;
// one order moves both, and the school's list shows the new classes.
// Rollover touches the whole school, so the assertions name only our learners.
import { expect, test, type Page } from "@playwright/test";
import { API_HEADERS, searchUntil, signInAndLand } from "../helpers";
import { newLearner, type NewLearner } from "../learner-data";
import { ensureClass } from "../school-classes";

interface Placement {
  level: "PRIMARY" | "BASIC";
  grade: number;
  classLetter: string;
  birthDate: string;
}

/** Like learner-data's createLearnerViaApi, with the class chosen by the test. */
async function createInClass(page: Page, learner: NewLearner, p: Placement) {
  await ensureClass(page, p.grade, p.classLetter);
  const input = {
    learner: { ...learner, birthDate: p.birthDate, sex: "FEMALE", citizenship: "643" },
    enrolment: { level: p.level, grade: p.grade, classLetter: p.classLetter, enrolledAt: "2023-09-01" },
    representatives: [
      { relation: "MOTHER", lastName: learner.lastName, firstName: "Ольга", citizenship: "643", phone: "+7 900 123-45-67", isPrimaryContact: true },
    ],
  };
  const res = await page.request.post("/api/trpc/learners.create", { headers: API_HEADERS, data: { json: input } });
  expect(res.status(), await res.text()).toBe(200);
}

async function classInList(page: Page, learner: NewLearner) {
  await page.goto("/school/learners");
  const row = page.getByTestId("learners-table").getByRole("row").filter({ hasText: learner.lastName });
  await searchUntil(page, learner.lastName, row);
  return row;
}

test("school 4 promotes a 4th-grader and keeps a 9th-grader for 10th", async ({ page }) => {
  await signInAndLand(page, "school2.admin", "school");
  const fourth = newLearner();
  const ninth = newLearner();
  await createInClass(page, fourth, { level: "PRIMARY", grade: 4, classLetter: "А", birthDate: "2016-04-12" });
  await createInClass(page, ninth, { level: "BASIC", grade: 9, classLetter: "А", birthDate: "2011-03-05" });
  // Next year's classes for them (the order takes effect today: this academic year's list until September).
  await ensureClass(page, 5, "А");
  await ensureClass(page, 10, "А");

  await page.getByRole("navigation", { name: "Разделы портала" }).getByRole("link", { name: "Перевод на новый учебный год" }).click();
  await expect(page).toHaveURL(/\/school\/rollover$/);

  // One collapsed section per class: open the two that hold our learners.
  const section4 = page.getByTestId("rollover-class-4А");
  const section9 = page.getByTestId("rollover-class-9А");
  await expect(page.getByTestId("rollover-row")).toHaveCount(0);
  await section4.getByTestId("rollover-toggle").click();
  await expect(section4.getByTestId("rollover-toggle")).toHaveAttribute("aria-expanded", "true");
  await section9.getByTestId("rollover-toggle").click();
  const rowOf = (l: NewLearner) => page.getByTestId("rollover-row").filter({ hasText: l.lastName });
  const first = rowOf(fourth);
  await expect(first.getByTestId("rollover-from")).toHaveText("4А");
  await expect(first.getByTestId("rollover-action")).toHaveValue("PROMOTION");
  await expect(first.getByTestId("rollover-target")).toContainText("5А");
  await expect(page.getByTestId("rollover-class-4А")).toContainText(fourth.lastName);

  const second = rowOf(ninth);
  await expect(second.getByTestId("rollover-from")).toHaveText("9А");
  await expect(second.getByTestId("rollover-action")).toHaveValue("GRADUATION");
  await expect(second.getByTestId("rollover-action").locator("option:checked")).toHaveText("Выпуск");
  await expect(second.getByTestId("rollover-target")).toHaveText("выпускается");
  await second.getByTestId("rollover-action").selectOption({ label: "Перевести в следующий класс" });
  await expect(second.getByTestId("rollover-target")).toContainText("10А");
  await expect(page.getByTestId("rollover-totals")).toContainText("Изменено решений: 1");

  // The 9А section's bulk action: everyone graduates, then our learner goes back to 10А.
  await section9.getByTestId("rollover-bulk-graduate").click();
  await expect(second.getByTestId("rollover-target")).toHaveText("выпускается");
  await second.getByTestId("rollover-action").selectOption({ label: "Перевести в следующий класс" });
  await expect(second.getByTestId("rollover-target")).toContainText("10А");
  // The totals bar stays at the top of the screen.
  await expect(page.getByTestId("rollover-totals")).toHaveCSS("position", "sticky");
  await expect(page.getByTestId("rollover-tally")).toContainText("без класса:");

  // No order number: the message sits under the field, nothing is asked or sent.
  const form = page.getByTestId("rollover-form");
  await form.getByRole("button", { name: "Провести перевод" }).click();
  await expect(form.locator('[id="order.orderNumber-error"]')).toHaveText("Укажите номер приказа");

  await form.getByLabel("Номер приказа").fill("120-о");
  // Other specs' learners may be in classes whose next class the school lacks: consent to create them.
  const create = form.getByTestId("rollover-create-classes");
  if (await create.isVisible()) await create.check();
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.accept();
  });
  await form.getByRole("button", { name: "Провести перевод" }).click();
  const result = page.getByTestId("rollover-result");
  await expect(result).toContainText("Перевод проведён");
  expect(question).toContain("Провести перевод на новый учебный год?");

  // The result reports exactly the totals the confirmation showed.
  const asked = (label: string) => Number(new RegExp(`${label}: (\\d+)`).exec(question)?.[1]);
  const promoted = asked("Переводятся");
  expect(promoted).toBeGreaterThanOrEqual(2);
  await expect(result).toContainText(`Переведены в следующий класс: ${promoted}`);
  await expect(result).toContainText(`оставлены на повторное обучение: ${asked("Остаются на повторное обучение")}`);
  await expect(result).toContainText(`выпущены: ${asked("Выпускаются")}`);

  await expect(await classInList(page, fourth)).toContainText("5А");
  await expect(await classInList(page, ninth)).toContainText("10А");
});
