// Every page names itself in the browser tab: a page.tsx without its own
// metadata would fall back to the system's name, the same on every page.
// Reads src/app from disk, so a new page that forgets its title fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "@/messages/en";
import { ru } from "@/messages/ru";

const APP = path.resolve(import.meta.dirname, "../../app");
const EXPORTS_TITLE = /export\s+(const\s+(metadata|generateMetadata)\b|(async\s+)?function\s+generateMetadata\b)/;

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pages(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

describe("page titles", () => {
  it("every page.tsx exports metadata or generateMetadata", () => {
    const all = pages(APP);
    expect(all.length).toBeGreaterThan(30);
    const missing = all.filter((file) => !EXPORTS_TITLE.test(fs.readFileSync(file, "utf8"))).map((file) => path.relative(APP, file));
    expect(missing).toEqual([]);
  });

  it("has a non-empty Russian and English title for every key, each distinct within its language", () => {
    for (const titles of [ru.pageTitles, en.pageTitles]) {
      const values = Object.values(titles);
      expect(values.every((v) => v.trim().length > 0)).toBe(true);
      expect(new Set(values).size).toBe(values.length);
    }
    expect(Object.keys(en.pageTitles)).toEqual(Object.keys(ru.pageTitles));
  });
});
