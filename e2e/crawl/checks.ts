// The three checks the crawl runs on every page it visits: axe (WCAG 2.1 A
// and AA rules; critical and serious violations fail), no sideways scrolling
// on a phone, and no learner's personal data in any URL the browser used.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING_IMPACTS = new Set(["critical", "serious"]);
// Outside the WCAG tags (best practice, "minor"), yet a header cell without
// text leaves a screen-reader user guessing what a column holds: it fails too.
const ALSO_FAILING_RULES = ["empty-table-header"];

/** Critical and serious axe violations (and ALSO_FAILING_RULES) on the page as it is now, one readable block each. */
export async function axeProblems(page: Page): Promise<string[]> {
  const extraRules = Object.fromEntries(ALSO_FAILING_RULES.map((id) => [id, { enabled: true }]));
  const { violations } = await new AxeBuilder({ page }).options({ rules: extraRules }).withTags(AXE_TAGS).analyze();
  return violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? "") || ALSO_FAILING_RULES.includes(v.id))
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => {
        // The summary's first useful line says what is wrong with this element (e.g. the contrast ratio).
        const why = (n.failureSummary ?? "").split("\n").slice(1, 2).join(" ").trim();
        return `      ${n.target.join(" ")}${why ? ` — ${why}` : ""}`;
      });
      const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
      return [`  axe [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))`, ...nodes, ...more].join("\n");
    });
}

/**
 * Sideways scrolling of the whole page (a wide table must scroll inside its
 * own frame instead). Names the outermost elements that stick out.
 */
export async function sidewaysScrollProblem(page: Page): Promise<string | null> {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth + 1) return null;
    const limit = root.clientWidth + 1;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const testId = el.getAttribute("data-testid");
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 3).join(".")}` : "";
      return `${el.tagName.toLowerCase()}${id}${testId ? `[data-testid=${testId}]` : ""}${cls} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`;
    };
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > limit && (el.parentElement?.getBoundingClientRect().right ?? 0) <= limit)
      .slice(0, 5)
      .map(describe);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
  if (!found) return null;
  return [
    `  sideways scroll: the page is ${found.scrollWidth} px wide in a ${found.clientWidth} px window`,
    ...found.culprits.map((c) => `      ${c}`),
  ].join("\n");
}

/** Personal data of one learner, as it could appear in a URL. */
export interface KnownPerson {
  lastName: string;
  firstName: string;
  middleName: string;
  /** "123-456-789 01" */
  snils: string;
  /** ISO, "2015-07-23" */
  birthDate: string;
  docNumber: string;
}

/** Every spelling of the person's data the URL check looks for, lower-cased. */
export function personalNeedles(p: KnownPerson): string[] {
  const [y, m, d] = p.birthDate.split("-");
  const snilsDigits = p.snils.replace(/\D/g, "");
  return [
    p.lastName,
    p.firstName,
    p.middleName,
    p.snils,
    p.snils.replace(" ", "-"),
    p.snils.replace(/-/g, " "),
    snilsDigits,
    p.birthDate,
    `${d}.${m}.${y}`,
    p.docNumber,
  ].map((s) => s.toLowerCase());
}

/** Fully decoded, lower-cased text of a URL ("+" is a space in a query). */
export function decodedUrl(url: string): string {
  let text = url.replace(/\+/g, " ");
  // Twice: a value can be encoded inside an encoded tRPC input.
  for (let i = 0; i < 2; i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
  }
  return text.toLowerCase();
}

/** URLs (deduplicated) that carry any of the needles, with what they carry. */
export function urlsWithPersonalData(urls: Iterable<string>, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const url of new Set(urls)) {
    // Build artefacts: hashed file names, never data (a six-digit document number could match a hash).
    if (url.includes("/_next/static/")) continue;
    const text = decodedUrl(url);
    const hits = needles.filter((n) => text.includes(n));
    if (hits.length > 0) found.push(`  personal data in a URL (${hits.join(", ")}): ${url}`);
  }
  return found;
}
