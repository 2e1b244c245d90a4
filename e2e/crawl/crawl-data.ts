// What the crawl needs before it starts, made through the API so the crawl
// also runs alone on an empty (demo-seeded) database: one learner with full
// identity data (its card pages, and the personal data the URL check looks
// for), and a new system administrator who has not enrolled a second factor
// (the /login/enrol page).
import { expect, type Page } from "@playwright/test";
import { API_HEADERS } from "../helpers";
import { uniqueSnils, uniqueTag } from "../learner-data";
import { ensureClass } from "../school-classes";
import type { KnownPerson } from "./checks";

export const ENROLLING_PASSWORD = "E2e-crawl-enrol-password-7";

/** Distinct values (so a match in a URL is this learner's, not a coincidence). */
export function crawlPerson(): KnownPerson {
  const day = 1 + Math.floor(Math.random() * 28);
  const month = 1 + Math.floor(Math.random() * 12);
  return {
    lastName: `Обход${uniqueTag().toLowerCase()}`,
    firstName: uniqueTag(),
    middleName: `${uniqueTag()}овна`,
    snils: uniqueSnils(),
    birthDate: `2015-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    docNumber: String(100_000 + Math.floor(Math.random() * 900_000)),
  };
}

async function trpcPost<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { headers: API_HEADERS, data: { json: input } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Creates the learner as the signed-in school account; returns its id. */
export async function createCrawlLearner(page: Page, p: KnownPerson): Promise<string> {
  await ensureClass(page, 3, "Б");
  const input = {
    learner: {
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      snils: p.snils,
      birthDate: p.birthDate,
      sex: "FEMALE",
      citizenship: "643",
      docType: "BIRTH_CERTIFICATE_RF",
      docSeries: "IV-МЮ",
      docNumber: p.docNumber,
    },
    enrolment: { level: "PRIMARY", grade: 3, classLetter: "Б", enrolledAt: "2023-09-01" },
    representatives: [
      { relation: "MOTHER", lastName: p.lastName, firstName: "Ольга", citizenship: "643", phone: "+7 900 123-45-67", isPrimaryContact: true },
    ],
  };
  return (await trpcPost<{ id: string }>(page, "learners.create", input)).id;
}

/** A system administrator account (no second person needed) as the signed-in sys.admin; returns its login. */
export async function createEnrollingAccount(page: Page): Promise<string> {
  const login = `e2e.crawl.${Date.now().toString(36)}`;
  await trpcPost(page, "admin.users.create", {
    login,
    fullName: "Обходов Пётр Ильич",
    password: ENROLLING_PASSWORD,
    role: "SYSTEM_ADMIN",
    scopeKind: "REGION",
  });
  return login;
}
