// Every route handler goes through a door: the session routes through
// routeDoor (route-door.ts), the others through the own door the route table
// names. Reads src/app from disk, so a new route.ts that is not listed, or a
// listed route that answers without its door, fails here.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { isDoorHandler } from "./route-door";
import { ROUTE_TABLE } from "./route-table";

const APP = path.resolve(import.meta.dirname, "../../app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

const routes = filesNamed(APP, "route.ts").map((file) => ({ file, key: path.relative(APP, path.dirname(file)).split(path.sep).join("/") }));

describe("route table", () => {
  it("lists every route.ts under src/app, and nothing that is gone", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(ROUTE_TABLE).sort());
  });

  it("session routes export only handlers made by routeDoor, and define none of their own", async () => {
    const session = routes.filter((r) => ROUTE_TABLE[r.key]?.kind === "session");
    expect(session.map((r) => r.key)).toContain("api/school/learners/import");
    for (const { file, key } of session) {
      const source = fs.readFileSync(file, "utf8");
      // A handler written in the route file itself would skip the door.
      expect(source, key).not.toMatch(/export\s+(async\s+)?function\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/);
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => m in module);
      expect(exported.length, key).toBeGreaterThan(0);
      for (const method of exported) expect(isDoorHandler(module[method]), `${method} ${key}`).toBe(true);
    }
  }, 60_000);

  it("routes with their own door import the module that holds it", () => {
    for (const { file, key } of routes) {
      const door = ROUTE_TABLE[key];
      if (door?.kind !== "own") continue;
      expect(fs.readFileSync(file, "utf8"), `${key} must import ${door.module}`).toContain(`from "${door.module}`);
    }
  });

  it("no other route reads the session cookie or the database itself", () => {
    for (const { file, key } of routes) {
      if (ROUTE_TABLE[key]?.kind === "session" || key === "api/auth/[...nextauth]") continue;
      const source = fs.readFileSync(file, "utf8");
      expect(source, key).not.toMatch(/readSessionClaims|routeActor|getDb|current-actor/);
    }
  });
});

describe("page guards", () => {
  it("pages and layouts take the session through src/server/pages/guards.ts (outage → 503), not current-actor directly", () => {
    const files = [...filesNamed(APP, "page.tsx"), ...filesNamed(APP, "layout.tsx")];
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expect(fs.readFileSync(file, "utf8"), path.relative(APP, file)).not.toContain("@/server/auth/current-actor");
  });
});
