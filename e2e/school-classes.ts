// Classes the e2e specs enrol into: a learner's class must be one of the
// school's classes of the year, and the e2e database starts with none. Creates
// the class (and a basic programme of its level) through the API as the
// signed-in school account, if the school does not have it yet.
import { expect, type Page } from "@playwright/test";
import { API_HEADERS } from "./helpers";

const LEVEL_OF = (grade: number) => (grade <= 4 ? "PRIMARY" : grade <= 9 ? "BASIC" : "SECONDARY");

/** The current academic year (its first calendar year), Moscow time. */
export function currentAcademicYear(now = new Date()): number {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow", year: "numeric", month: "numeric" })
    .formatToParts(now)
    .filter((p) => p.type === "year" || p.type === "month")
    .map((p) => Number(p.value)) as [number, number];
  return month >= 9 ? year : year - 1;
}

export async function ensureClass(page: Page, grade: number, letter: string, academicYear = currentAcademicYear()) {
  const level = LEVEL_OF(grade);
  const list = await page.request.post("/api/trpc/school.programmes.list", { headers: API_HEADERS, data: {} });
  expect(list.status(), await list.text()).toBe(200);
  const programmes = ((await list.json()) as { result: { data: { json: { id: string; level: string; isBasic: boolean; active: boolean; adapted: boolean }[] } } }).result.data.json;
  // Never under an АООП: that would put the class's learners on an adapted programme.
  let programmeId = programmes.find((p) => p.level === level && p.isBasic && p.active && !p.adapted)?.id;
  if (!programmeId) {
    const made = await page.request.post("/api/trpc/school.programmes.create", { headers: API_HEADERS, data: { json: { name: `ООП ${level}`, level } } });
    expect(made.status(), await made.text()).toBe(200);
    programmeId = ((await made.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
  }
  const res = await page.request.post("/api/trpc/school.programmes.createClass", { headers: API_HEADERS, data: { json: { programmeId, academicYear, grade, letter } } });
  // 409: the school already has this class.
  expect([200, 409], await res.text()).toContain(res.status());
}
