// «Успеваемость класса» (issue 21): the school head opens the page, picks a
// class of its own (made for this run, so no other spec's learners are in it)
// and the period, and sees the mathematics row with the numbers its marks give.
import { expect, test, type Page } from "@playwright/test";
import { API_HEADERS, signInAndLand } from "../helpers";
import { newLearner, uniqueTag } from "../learner-data";
import { currentAcademicYear, ensureClass } from "../school-classes";

/** A two-letter class name of its own for this run («7ПК»). */
const runLetter = () => uniqueTag(2).toUpperCase();

async function trpc<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { headers: API_HEADERS, data: { json: input } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function enrol(page: Page, letter: string): Promise<string> {
  const learner = newLearner();
  const input = {
    learner: { ...learner, birthDate: "2012-04-12", sex: "FEMALE", citizenship: "643" },
    enrolment: { level: "BASIC", grade: 7, classLetter: letter, enrolledAt: "2023-09-01" },
    representatives: [{ relation: "MOTHER", lastName: learner.lastName, firstName: "Ольга", citizenship: "643", phone: "+7 900 123-45-67", isPrimaryContact: true }],
  };
  return (await trpc<{ id: string }>(page, "learners.create", input)).id;
}

test("the school head sees a class's mathematics: average, pass and quality rates, counts", async ({ page }) => {
  await signInAndLand(page, "school.admin", "school");
  const year = currentAcademicYear();
  const letter = runLetter();
  await ensureClass(page, 7, letter);
  const subjects = await trpc<{ id: string; code: string }[]>(page, "learners.portfolio.subjects", undefined);
  const math = subjects.find((s) => s.code === "MATH")!.id;
  // Three learners: a 5, a 2, and one without any mark (counted, not assessed).
  const [five, two] = [await enrol(page, letter), await enrol(page, letter)];
  await enrol(page, letter);
  for (const [learnerId, mark] of [[five, 5], [two, 2]] as const) {
    await trpc(page, "learners.portfolio.addGrade", { learnerId, academicYear: year, subjectId: math, period: "1 четверть", mark });
  }

  await page.getByRole("navigation").getByRole("link", { name: "Успеваемость" }).click();
  await expect(page).toHaveURL(/\/school\/performance$/);
  const yearLabel = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  await page.getByRole("combobox", { name: "Учебный год", exact: true }).selectOption({ label: yearLabel });
  await page.getByRole("combobox", { name: "Класс", exact: true }).selectOption({ label: `7${letter}` });
  await page.getByRole("combobox", { name: "Период", exact: true }).selectOption({ label: "1 четверть" });

  const row = page.getByTestId("subject-MATH");
  // Average (5+2)/2 = 3,50; pass rate 1 of 3 = 33,3 %; quality 1 of 3 = 33,3 %; one «5», one «2».
  await expect(row.getByRole("cell")).toHaveText(["Математика", "3,50", "33,3", "33,3", "1", "0", "0", "1"]);
  await expect(page.getByTestId("performance-failing").getByRole("link")).toHaveCount(1);
  await expect(page.getByTestId("performance-without-result").getByRole("link")).toHaveCount(1);
  await expect(page.getByTestId("performance-failing").getByRole("link")).toHaveAttribute("href", `/school/learners/${two}`);
});
