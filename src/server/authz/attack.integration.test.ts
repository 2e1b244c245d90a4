// The attack suite: every procedure that takes a learner (or one of their
// representatives, records or orders) called by every role of every
// relationship to the learner — holding, additional programme, former,
// cancelled, none — and by the regional roles. What comes back must be what
// the access matrix says (ATTACK_CASES derive it from the matrix), an
// allowed read must carry only what the relationship allows, and a refused
// call must leave every row of the learner as it was.
import { expect, it } from "vitest";
import { callerAs } from "../testing/callers";
import { callPath, listProcedures } from "../testing/fuzz/procedures";
import { describeDb } from "../testing/test-db";
import { ATTACK_CASES, NOT_LEARNER_PREFIXES, NOT_LEARNER_SCOPED, type Outcome } from "../testing/attack/cases";
import { learnerDigest, useAttackWorld } from "../testing/attack/world";

const ID_KEY = /^(id|learnerId|representativeId|enrolmentId|classId|recordId|gradeId|eventId|transferId|consentId|programmeId|organisationId|clientId|snils)$/;

function inputKeys(schema: unknown, out = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== "object") return out;
  const s = schema as Record<string, unknown>;
  for (const [key, value] of Object.entries((s.properties as Record<string, unknown>) ?? {})) {
    out.add(key);
    inputKeys(value, out);
  }
  for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(s[k])) for (const x of s[k] as unknown[]) inputKeys(x, out);
  if (s.items) inputKeys(s.items, out);
  return out;
}

describeDb("attack suite: every learner procedure × role × relationship", () => {
  const ctx = useAttackWorld();

  it("covers every procedure whose input names a learner or one of their items", () => {
    const uncovered = listProcedures()
      .filter((p) => [...inputKeys(p.inputSchema)].some((k) => ID_KEY.test(k)))
      .map((p) => p.path)
      .filter((path) => !ATTACK_CASES[path] && !NOT_LEARNER_SCOPED[path] && !NOT_LEARNER_PREFIXES.some((prefix) => path.startsWith(prefix)));
    expect(uncovered).toEqual([]);
    // Every case names a real procedure (a renamed one would otherwise go untested).
    const paths = new Set(listProcedures().map((p) => p.path));
    expect(Object.keys(ATTACK_CASES).filter((path) => !paths.has(path))).toEqual([]);
  });

  it("the world has every relationship the suite claims", async () => {
    for (const tie of ["HOLDING", "ADDITIONAL", "FORMER", "CANCELLED", "NONE"] as const) {
      const actor = ctx.world.actors.find((a) => a.tie === tie && a.role === "SCHOOL_ADMIN")!;
      const card = (await callerAs(ctx.db.prisma, actor.login)).learners.card({ id: ctx.world.learnerId });
      if (tie === "CANCELLED" || tie === "NONE") await expect(card).rejects.toMatchObject({ code: "NOT_FOUND" });
      else await expect(card).resolves.toMatchObject({ relationship: tie });
    }
  });

  for (const [path, spec] of Object.entries(ATTACK_CASES)) {
    it(`${path} answers each role and relationship as the matrix says`, async () => {
      const seen: string[] = [];
      for (const actor of ctx.world.actors) {
        const expected: Outcome = spec.expect(actor);
        if (expected === "ok" && spec.mutates) continue;
        const caller = await callerAs(ctx.db.prisma, actor.login);
        const before = expected === "ok" ? null : await learnerDigest(ctx.db.prisma, ctx.world.learnerId);
        let got: Outcome;
        let output: unknown;
        try {
          output = await callPath(caller, path, spec.input(ctx.world, actor));
          got = "ok";
        } catch (error) {
          got = ((error as { code?: string }).code ?? "THREW") as Outcome;
          // A refusal never names the school that holds the learner.
          expect((error as Error).message, `${path} as ${actor.login}`).not.toMatch(/СОШ № 1/);
        }
        seen.push(`${actor.login}:${got}`);
        expect(`${actor.login}:${got}`, `${path}`).toBe(`${actor.login}:${expected}`);
        if (got === "ok") spec.check?.(output, actor, ctx.world);
        else expect(await learnerDigest(ctx.db.prisma, ctx.world.learnerId), `${path} as ${actor.login} changed the learner`).toBe(before);
      }
      expect(seen.length).toBeGreaterThan(0);
    });
  }
});
