// Who may call /api/v1 and how often: no or unknown token → 401; a revoked
// client and a rotated-out token are refused on their very next call; the
// rate limit answers 429 with Retry-After; machine clients are managed by
// SYSTEM_ADMIN only. The document and the docs page are served.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, registerTestClient } from "../../testing/api-clients";
import { callerAs } from "../../testing/callers";
import { createSeededTestDatabase, describeDb } from "../../testing/test-db";
import { apiRateLimiter } from "../../services/machine-clients/rate-limit";
import { renderDocsPage } from "./docs-page";
import { getFederalChanges } from "./endpoints";
import { buildOpenApiDocument } from "./openapi";

describeDb("API authentication, tokens and limits", () => {
  let db: Awaited<ReturnType<typeof createSeededTestDatabase>>;
  beforeAll(async () => {
    db = await createSeededTestDatabase();
  });
  afterAll(() => db?.close());

  const feed = (token: string | null) => callApi(db.prisma, getFederalChanges, { method: "get", path: "/federal/changes", token });

  it("answers 401 without a token, with a malformed one and with a forged one", async () => {
    const { token } = await registerTestClient(db.prisma, { kind: "FEDERAL_SEGMENT" });
    for (const bad of [null, "kt_nonsense", `${token.slice(0, -4)}AAAA`]) {
      const res = await feed(bad);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHORIZED");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect((await feed(token)).status).toBe(200);
  });

  it("refuses a revoked client at once, and audits the attempt against it", async () => {
    const { id, token } = await registerTestClient(db.prisma, { kind: "FEDERAL_SEGMENT" });
    expect((await feed(token)).status).toBe(200);
    await (await callerAs(db.prisma, "sys.admin")).admin.machineClients.revoke({ id });
    expect((await feed(token)).status).toBe(401);
    const denied = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api.request.denied", machineClientId: id } });
    expect(denied.details).toMatchObject({ reason: "revoked" });
    await expect((await callerAs(db.prisma, "sys.admin")).admin.machineClients.rotateToken({ id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("rotation issues a new token and refuses the old one on its next call", async () => {
    const { id, token } = await registerTestClient(db.prisma, { kind: "FEDERAL_SEGMENT" });
    const rotated = await (await callerAs(db.prisma, "sys.admin")).admin.machineClients.rotateToken({ id });
    expect(rotated.token).not.toBe(token);
    expect((await feed(token)).status).toBe(401);
    expect((await feed(rotated.token)).status).toBe(200);
    // Only hashes are stored.
    const rows = await db.prisma.machineClientToken.findMany({ where: { clientId: id } });
    expect(rows).toHaveLength(2);
    // The secret is base64url, which may itself hold "_": everything after the lookup id.
    const secret = rotated.token.split("_").slice(2).join("_");
    expect(secret.length).toBeGreaterThan(40);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it("limits requests per client with 429 and Retry-After", async () => {
    const { id, token } = await registerTestClient(db.prisma, { kind: "FEDERAL_SEGMENT", rateLimitPerMinute: 2 });
    apiRateLimiter.reset(id);
    expect((await feed(token)).status).toBe(200);
    expect((await feed(token)).status).toBe(200);
    const limited = await feed(token);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: 30 } });
    expect(limited.headers.get("retry-after")).toBe("30");
  });

  it("lets only SYSTEM_ADMIN manage machine clients; an e-journal needs its organisation", async () => {
    const admin = await callerAs(db.prisma, "sys.admin");
    for (const login of ["school.admin", "edu.officer", "auditor", "health.officer"]) {
      const caller = await callerAs(db.prisma, login);
      await expect(caller.admin.machineClients.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.admin.machineClients.register({ name: "Журнал", kind: "FEDERAL_SEGMENT" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(admin.admin.machineClients.register({ name: "Журнал", kind: "E_JOURNAL" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Электронный журнал работает для одной организации"),
    });
    await expect(admin.admin.machineClients.revoke({ id: "0b6f8c1e-7f51-4a43-9d8e-3c1c2d1e0f00" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await admin.admin.machineClients.list();
    expect(list.length).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toMatch(/kt_[A-Za-z0-9]{16}_/);
    // The database refuses an e-journal without an organisation even past the form.
    await expect(
      db.prisma.machineClient.create({ data: { name: "x", kind: "E_JOURNAL", regionId: db.seeded.regionId, createdById: list[0]!.id } }),
    ).rejects.toThrow();
    const created = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "apiClient.create" } });
    expect(JSON.stringify(created.details)).not.toMatch(/kt_[A-Za-z0-9]{16}_/);
  });
});

describe("OpenAPI document and docs page", () => {
  it("documents every endpoint and error code, and renders the page from it", () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/ejournal/classes", "/ejournal/classes/{classId}/learners", "/ejournal/grades", "/federal/changes", "/public-services/performance"]);
    const html = renderDocsPage(doc);
    expect(html).toContain("/api/v1/public-services/performance");
    expect(html).toContain("LEARNER_NOT_FOUND");
    expect(html).not.toMatch(/<script/);
  });

  it("keeps SNILS out of every URL: the public-services query is a POST body", () => {
    const doc = buildOpenApiDocument();
    const params = Object.values(doc.paths).flatMap((p) => Object.values(p).flatMap((op) => ("parameters" in op ? op.parameters : []) as { name: string }[]));
    expect(params.map((p) => p.name).join(",")).not.toMatch(/snils/i);
    expect(new NextRequest("http://x/api/v1/public-services/performance", { method: "POST" }).nextUrl.search).toBe("");
  });
});
