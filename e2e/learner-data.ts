// Unique learner data per run: the e2e database persists across specs of a
// run, and SNILS is unique region-wide.
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { snilsCheckDigits } from "../src/lib/validators/snils";
import { API_HEADERS } from "./helpers";
import { ensureClass } from "./school-classes";

let counter = 0;

/** A valid SNILS above the reserved range, different on every call. */
export function uniqueSnils(): string {
  counter += 1;
  const seed = (Date.now() * 1000 + counter * 7919 + Math.floor(Math.random() * 997)) % 800_000_000;
  const first9 = String(100_000_000 + seed).padStart(9, "0");
  const digits = first9 + snilsCheckDigits(first9);
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}

const LETTERS = "абвгдежзиклмнопрстуфхцчшэюя";
/** A Cyrillic-only tag (names allow letters only), e.g. "Кбрд". */
export function uniqueTag(length = 5): string {
  let n = Date.now() + Math.floor(Math.random() * 1e6) + (counter += 1);
  let tag = "";
  for (let i = 0; i < length; i++) {
    tag += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  }
  return tag.charAt(0).toUpperCase() + tag.slice(1);
}

export interface NewLearner {
  lastName: string;
  firstName: string;
  middleName: string;
  snils: string;
}

export function newLearner(): NewLearner {
  return { lastName: `Тест${uniqueTag().toLowerCase()}`, firstName: "Анна", middleName: "Петровна", snils: uniqueSnils() };
}

/** Creates a learner through the API as the signed-in page's account; returns its id. */
export async function createLearnerViaApi(page: Page, learner: NewLearner): Promise<string> {
  await ensureClass(page, 3, "Б");
  const input = {
    learner: { ...learner, birthDate: "2016-04-12", sex: "FEMALE", citizenship: "643" },
    enrolment: { level: "PRIMARY", grade: 3, classLetter: "Б", enrolledAt: "2023-09-01" },
    representatives: [
      { relation: "MOTHER", lastName: learner.lastName, firstName: "Ольга", citizenship: "643", phone: "+7 900 123-45-67", isPrimaryContact: true },
    ],
  };
  const res = await page.request.post("/api/trpc/learners.create", { headers: API_HEADERS, data: { json: input } });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { result: { data: { json: { id: string } } } };
  return body.result.data.json.id;
}
