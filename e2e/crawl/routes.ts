// What the accessibility crawl visits: every page of src/app (by its route
// pattern), as the account that may open it. A page the crawl cannot visit is
// listed in NOT_CRAWLED with the reason. The crawl's first test compares both
// lists with the page.tsx files on disk, so a new page is never skipped silently.
import fs from "node:fs";
import path from "node:path";

/** A demo account with a stored session (e2e/setup), or a state without one. */
export type CrawlAs =
  | "school.admin"
  | "school.medic"
  | "edu.officer"
  | "mun.officer"
  | "health.officer"
  | "sys.admin"
  | "auditor"
  | "signed-out"
  // Signed in with the password, second step (TOTP code) not yet given.
  | "password-only"
  // A new system administrator's first sign-in: second factor not enrolled yet.
  | "enrolling";

/** Ids the crawl creates (or finds) before visiting dynamic pages. */
export interface CrawlIds {
  learnerId: string;
}

/** Interactions run after the page is ready, each followed by another axe run. */
export type CrawlStep = "card-tabs" | "registry-search" | "school-search" | "access-lookup";

export interface CrawlPage {
  /** Route pattern as in src/app without route groups, e.g. "/school/learners/[id]". */
  route: string;
  as: CrawlAs;
  url: (ids: CrawlIds) => string;
  steps?: readonly CrawlStep[];
}

const fixed = (url: string) => () => url;

export const CRAWL_PAGES: readonly CrawlPage[] = [
  { route: "/login", as: "signed-out", url: fixed("/login") },
  { route: "/login/code", as: "password-only", url: fixed("/login/code") },
  { route: "/login/enrol", as: "enrolling", url: fixed("/login/enrol") },

  { route: "/school", as: "school.admin", url: fixed("/school") },
  { route: "/school/learners", as: "school.admin", url: fixed("/school/learners"), steps: ["school-search"] },
  { route: "/school/learners/new", as: "school.admin", url: fixed("/school/learners/new") },
  { route: "/school/learners/enrol", as: "school.admin", url: fixed("/school/learners/enrol") },
  { route: "/school/learners/import", as: "school.admin", url: fixed("/school/learners/import") },
  { route: "/school/learners/[id]", as: "school.admin", url: (ids) => `/school/learners/${ids.learnerId}`, steps: ["card-tabs"] },
  { route: "/school/learners/[id]/edit", as: "school.admin", url: (ids) => `/school/learners/${ids.learnerId}/edit` },
  { route: "/school/classes", as: "school.admin", url: fixed("/school/classes") },
  { route: "/school/quality", as: "school.admin", url: fixed("/school/quality") },
  { route: "/school/performance", as: "school.admin", url: fixed("/school/performance") },
  { route: "/school/frdo", as: "school.admin", url: fixed("/school/frdo") },
  { route: "/school/study-certificates", as: "school.admin", url: fixed("/school/study-certificates") },
  { route: "/school/addresses", as: "school.admin", url: fixed("/school/addresses") },
  { route: "/school/rollover", as: "school.admin", url: fixed("/school/rollover") },
  { route: "/school/transfers", as: "school.admin", url: fixed("/school/transfers") },
  { route: "/school/transfers", as: "school.admin", url: fixed("/school/transfers?tab=outgoing") },
  { route: "/account", as: "school.admin", url: fixed("/account") },
  // The medic's card shows the health stage the administrator's does not edit.
  { route: "/school/learners/[id]", as: "school.medic", url: (ids) => `/school/learners/${ids.learnerId}`, steps: ["card-tabs"] },

  { route: "/ministry", as: "edu.officer", url: fixed("/ministry") },
  { route: "/ministry/learners", as: "edu.officer", url: fixed("/ministry/learners"), steps: ["registry-search"] },
  { route: "/ministry/learners/[id]", as: "edu.officer", url: (ids) => `/ministry/learners/${ids.learnerId}`, steps: ["card-tabs"] },
  { route: "/ministry/movement", as: "edu.officer", url: fixed("/ministry/movement") },
  { route: "/ministry/organisations", as: "edu.officer", url: fixed("/ministry/organisations") },
  { route: "/ministry/quality", as: "edu.officer", url: fixed("/ministry/quality") },
  { route: "/ministry/subjects", as: "edu.officer", url: fixed("/ministry/subjects") },
  { route: "/ministry/territories", as: "edu.officer", url: fixed("/ministry/territories") },
  { route: "/ministry/gia-import", as: "edu.officer", url: fixed("/ministry/gia-import") },
  { route: "/ministry/children", as: "edu.officer", url: fixed("/ministry/children") },
  { route: "/ministry/children/import", as: "edu.officer", url: fixed("/ministry/children/import") },
  { route: "/ministry/children-account", as: "edu.officer", url: fixed("/ministry/children-account") },
  { route: "/ministry/admission-forecast", as: "edu.officer", url: fixed("/ministry/admission-forecast") },
  // A municipality's officer: its own municipality, no picker.
  { route: "/ministry/children-account", as: "mun.officer", url: fixed("/ministry/children-account") },
  { route: "/ministry/admission-forecast", as: "mun.officer", url: fixed("/ministry/admission-forecast") },
  { route: "/ministry/territories", as: "mun.officer", url: fixed("/ministry/territories") },
  { route: "/ministry/children", as: "mun.officer", url: fixed("/ministry/children") },
  { route: "/ministry/reports", as: "edu.officer", url: fixed("/ministry/reports") },
  { route: "/ministry/gia", as: "edu.officer", url: fixed("/ministry/gia") },
  { route: "/ministry/performance", as: "edu.officer", url: fixed("/ministry/performance") },
  { route: "/ministry/frdo", as: "edu.officer", url: fixed("/ministry/frdo") },
  { route: "/ministry/approvals", as: "edu.officer", url: fixed("/ministry/approvals") },
  { route: "/ministry/health", as: "edu.officer", url: fixed("/ministry/health") },
  { route: "/account", as: "edu.officer", url: fixed("/account") },

  { route: "/health", as: "health.officer", url: fixed("/health") },
  { route: "/health/learners", as: "health.officer", url: fixed("/health/learners"), steps: ["registry-search"] },
  { route: "/health/learners/[id]", as: "health.officer", url: (ids) => `/health/learners/${ids.learnerId}`, steps: ["card-tabs"] },
  { route: "/health/approvals", as: "health.officer", url: fixed("/health/approvals") },

  { route: "/admin", as: "sys.admin", url: fixed("/admin") },
  { route: "/admin/users", as: "sys.admin", url: fixed("/admin/users") },
  { route: "/admin/clients", as: "sys.admin", url: fixed("/admin/clients") },
  { route: "/admin/verification", as: "sys.admin", url: fixed("/admin/verification") },

  { route: "/admin", as: "auditor", url: fixed("/admin") },
  { route: "/admin/audit", as: "auditor", url: fixed("/admin/audit") },
  { route: "/admin/access", as: "auditor", url: fixed("/admin/access"), steps: ["access-lookup"] },
  { route: "/admin/access/account", as: "auditor", url: fixed("/admin/access/account?login=school.admin") },
  { route: "/admin/client-oversight", as: "auditor", url: fixed("/admin/client-oversight") },
];

/** Pages the crawl does not open, with the reason. */
export const NOT_CRAWLED: Readonly<Record<string, string>> = {
  "/": "renders nothing: redirects to the account's portal (or /login), which the crawl visits",
};

/** Route patterns of every src/app/**\/page.tsx, route groups "(name)" dropped. */
export function appRoutes(appDir = path.join(process.cwd(), "src", "app")): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const group = /^\(.*\)$/.test(entry.name);
        walk(path.join(dir, entry.name), group ? segments : [...segments, entry.name]);
      } else if (entry.name === "page.tsx") {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return routes.sort();
}
