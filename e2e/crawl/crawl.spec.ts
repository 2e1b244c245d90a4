// Accessibility crawl: every page of every portal (e2e/crawl/routes.ts), as
// the account that may open it, in Russian at 1366×768 and 390×844 and in
// English at 1366×768. On each: axe fails on critical or serious WCAG 2.1 A/AA
// violations; at 390 px the page must not scroll sideways; and no URL the
// browser showed or requested may carry the crawl learner's personal data.
// Each test lists every problem of its page at once.
import fs from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ORIGIN, signIn, storageStatePath } from "../helpers";
import { axeProblems, personalNeedles, sidewaysScrollProblem, urlsWithPersonalData, type KnownPerson } from "./checks";
import { createCrawlLearner, createEnrollingAccount, crawlPerson, ENROLLING_PASSWORD } from "./crawl-data";
import { appRoutes, CRAWL_PAGES, NOT_CRAWLED, type CrawlAs, type CrawlIds, type CrawlPage, type CrawlStep } from "./routes";

const VARIANTS = [
  { name: "ru 1366", locale: "ru", width: 1366, height: 768, steps: true },
  { name: "ru 390", locale: "ru", width: 390, height: 844, steps: false },
  { name: "en 1366", locale: "en", width: 1366, height: 768, steps: false },
] as const;
type Variant = (typeof VARIANTS)[number];

test("every page of src/app is crawled or excused with a reason", () => {
  const crawled = new Set(CRAWL_PAGES.map((p) => p.route));
  const missing = appRoutes().filter((route) => !crawled.has(route) && !NOT_CRAWLED[route]);
  expect(missing, "pages neither in CRAWL_PAGES nor in NOT_CRAWLED (e2e/crawl/routes.ts)").toEqual([]);
  const stale = [...crawled, ...Object.keys(NOT_CRAWLED)].filter((route) => !appRoutes().includes(route));
  expect(stale, "routes listed in e2e/crawl/routes.ts without a page.tsx").toEqual([]);
});

test.describe("crawl", () => {
  let person: KnownPerson;
  let ids: CrawlIds;
  let enrollingLogin: string;
  const contexts = new Map<CrawlAs, { context: BrowserContext; page: Page }>();
  /** Every URL shown or requested during the current test. */
  let seen: string[] = [];

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(60_000);
    person = crawlPerson();
    const school = await open(browser, "school.admin");
    ids = { learnerId: await createCrawlLearner(school.page, person) };
    enrollingLogin = await createEnrollingAccount((await open(browser, "sys.admin")).page);
  });

  test.afterAll(async () => {
    for (const { context } of contexts.values()) await context.close();
  });

  /** One browser context (and page) per account or state, made on first use. */
  async function open(browser: Browser, as: CrawlAs) {
    const existing = contexts.get(as);
    if (existing) return existing;
    const stored = storageStatePath(as);
    const context = await browser.newContext(fs.existsSync(stored) ? { storageState: stored } : {});
    const page = await context.newPage();
    page.on("request", (request) => seen.push(request.url()));
    page.on("framenavigated", (frame) => seen.push(frame.url()));
    if (as === "password-only") {
      await signIn(page, "edu.officer");
      await expect(page).toHaveURL(/\/login\/code$/);
    } else if (as === "enrolling") {
      await signIn(page, enrollingLogin, ENROLLING_PASSWORD);
      await expect(page).toHaveURL(/\/login\/enrol$/);
    }
    const entry = { context, page };
    contexts.set(as, entry);
    return entry;
  }

  for (const target of CRAWL_PAGES) {
    const url = target.url({ learnerId: "[id]" });
    test(`${target.as} ${url}`, async ({ browser }) => {
      test.setTimeout(120_000);
      const { context, page } = await open(browser, target.as);
      seen = [];
      const problems: string[] = [];
      for (const variant of VARIANTS) {
        problems.push(...(await visit(context, page, target, variant)));
      }
      problems.push(...urlsWithPersonalData([...seen, page.url()], personalNeedles(person)));
      const report = `${problems.length} problem(s) on ${target.url(ids)} as ${target.as}:\n${problems.join("\n")}`;
      expect(problems.length, report).toBe(0);
    });
  }

  async function visit(context: BrowserContext, page: Page, target: CrawlPage, variant: Variant): Promise<string[]> {
    const problems: string[] = [];
    const where = (what: string) => `[${variant.name}] ${what}`;
    await context.clearCookies({ name: "kt-locale" });
    if (variant.locale === "en") await context.addCookies([{ name: "kt-locale", value: "en", url: ORIGIN }]);
    await page.setViewportSize({ width: variant.width, height: variant.height });
    const url = target.url(ids);
    const response = await page.goto(url);
    if (!response || response.status() >= 400) problems.push(where(`  HTTP ${response?.status() ?? "no response"} for ${url}`));
    // A lost session would land on /login and check the wrong page: stop here.
    const expectedPath = new URL(url, ORIGIN).pathname;
    expect(new URL(page.url()).pathname, `${url} as ${target.as} was redirected`).toBe(expectedPath);
    problems.push(...(await settle(page, variant)).map(where));
    problems.push(...(await axeProblems(page)).map(where));
    if (variant.width < 500) {
      const sideways = await sidewaysScrollProblem(page);
      if (sideways) problems.push(where(sideways));
    }
    if (variant.steps) {
      for (const step of target.steps ?? []) problems.push(...(await runStep(page, step)).map((p) => `[${variant.name}, ${step}] ${p}`));
    }
    seen.push(page.url());
    return problems;
  }

  /** Waits until the page has loaded its data; a page that never does is a problem, not a hang. */
  async function settle(page: Page, variant: Variant): Promise<string[]> {
    try {
      await expect(page.locator("h1").first()).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", variant.locale);
      await quiet(page);
      return [];
    } catch (error) {
      return [`  the page did not settle: ${(error as Error).message.split("\n")[0]}`];
    }
  }

  /**
   * No query pending, no table refetching (aria-busy, drawn at 60 % opacity)
   * and no fade still running: axe measures colours as they are on screen.
   */
  async function quiet(page: Page) {
    await expect(page.getByText(/^(Загрузка…|Loading…)$/)).toHaveCount(0);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.constructor.name !== "CSSTransition" || a.playState !== "running"));
  }

  /** Interactions that change what the page shows (or its URL); axe runs again on the result. */
  async function runStep(page: Page, step: CrawlStep): Promise<string[]> {
    const fullName = `${person.lastName} ${person.firstName}`;
    // Retried: a click or Enter in the instant before React takes over the page is lost.
    const untilShown = (act: () => Promise<void>, shown: () => Promise<void>) =>
      expect(async () => {
        await act();
        await shown();
      }).toPass({ timeout: 20_000 });

    if (step === "card-tabs") {
      const problems: string[] = [];
      const tabs = page.getByRole("tab");
      for (let i = 1; i < (await tabs.count()); i++) {
        const tab = tabs.nth(i);
        const name = (await tab.textContent())?.trim() ?? String(i);
        await untilShown(() => tab.click(), () => expect(tab).toHaveAttribute("aria-selected", "true", { timeout: 2_000 }));
        await quiet(page);
        problems.push(...(await axeProblems(page)).map((p) => `(tab «${name}») ${p.trimStart()}`));
      }
      return problems;
    }
    if (step === "school-search" || step === "registry-search") {
      const box = page.getByRole("searchbox").first();
      // By SNILS, then by name: both are typed into the one search box.
      for (const query of step === "registry-search" ? [person.snils, fullName] : [person.lastName]) {
        await untilShown(
          async () => {
            await box.fill(query);
            await box.press("Enter");
          },
          () => expect(page.getByRole("main").getByText(person.lastName).first()).toBeVisible({ timeout: 3_000 }),
        );
        await quiet(page);
        seen.push(page.url());
      }
      return axeProblems(page);
    }
    // access-lookup: the auditor finds the learner by SNILS and opens the report of who accessed it.
    const snils = page.locator("input[name=snils]");
    const row = page.getByRole("row").filter({ hasText: person.lastName });
    await untilShown(
      async () => {
        await snils.fill(person.snils);
        await snils.press("Enter");
      },
      () => expect(row).toBeVisible({ timeout: 3_000 }),
    );
    seen.push(page.url());
    await row.getByRole("button").first().click();
    await expect(page.getByTestId("learner-access-table")).toBeVisible();
    await quiet(page);
    seen.push(page.url());
    return axeProblems(page);
  }
});
