// The attack suite's second half: the route table. Every route handler under
// src/app/api is listed with how it reaches learners, and the e-journal —
// the one endpoint that writes learner data — is tried by a client of every
// relationship to the learner: only the holding school and the
// additional-programme school may send marks, and a refused row changes nothing.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { postJournalGrades } from "../http/api-v1/endpoints";
import { callApi, registerTestClient } from "../testing/api-clients";
import { describeDb } from "../testing/test-db";
import { learnerDigest, useAttackWorld, type Tie } from "../testing/attack/world";

/** Every route handler and how it reaches learners; a new route.ts fails the suite until it is listed. */
const ROUTES: Record<string, string> = {
  "admin/access-reports/[report]": "the auditor's reports (audit.read), region-wide by design",
  "auth/[...nextauth]": "sign-in; no learner data",
  "frdo": "issued certificates of the caller's own organisation, municipality or region (canExportFrdo; frdo tests)",
  "ministry/gia": "aggregate ГИА tables (canReadGiaResults), no learner rows (gia-results tests)",
  "ministry/gia-import": "exam-centre results matched region- or municipality-wide by SNILS; outside the scope as unknown (gia-import tests)",
  "ministry/gia-import/template": "an empty template",
  "ministry/children/import": "resident children of the caller's own municipality (another → 404); matched region-wide by SNILS or name+birth+house (residents tests)",
  "ministry/children/import/template": "an empty template",
  "ministry/children-account": "the account of children of the caller's own municipality (another → 404), the region's officer names one (children-account tests)",
  "ministry/performance": "aggregate marks by territory (canReadTerritoryPerformance), no learner rows (performance tests)",
  "school/study-certificates/[id]": "a справка of the caller's own organisation only (study-certificates tests)",
  "school/study-certificates/register": "the caller's own organisation's register (study-certificates tests)",
  "health/export": "the Ministry of Health's per-organisation list (HEALTH read, region)",
  "ministry/reports/[report]": "aggregate reports (reports.read), no learner rows",
  "school/learners/export": "the school's own list; additional-programme learners exported as identity and contacts",
  "school/learners/import": "the school's own learners; held elsewhere or additional-only rows refused",
  "school/learners/import/template": "an empty template",
  "trpc/[trpc]": "every procedure: the router half of the suite",
  "v1/[...unknown]": "404 for unknown API paths",
  "v1/docs": "the API documentation page",
  "v1/ejournal/classes": "the client organisation's own classes",
  "v1/ejournal/classes/[classId]/learners": "a class of the client's organisation only (CLASS_NOT_FOUND otherwise)",
  "v1/ejournal/grades": "marks for learners the organisation holds or teaches: tried below",
  "v1/federal/changes": "the federal segment's region-wide feed (two-person approved client)",
  "v1/openapi.json": "the API document",
  "v1/public-services/performance": "a linked legal representative with consent in force (public-services tests)",
};

function routeFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full, base);
    return name === "route.ts" ? [path.relative(base, dir).split(path.sep).join("/")] : [];
  });
}

describeDb("attack suite: the route table and the e-journal by relationship", () => {
  const ctx = useAttackWorld();

  it("lists every route handler", () => {
    expect(routeFiles(path.resolve(import.meta.dirname, "../../app/api")).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  const expected: Record<Tie, "accepted" | "refused"> = { HOLDING: "accepted", ADDITIONAL: "accepted", FORMER: "refused", CANCELLED: "refused", NONE: "refused", OVERSIGHT: "refused" };
  for (const tie of ["HOLDING", "ADDITIONAL", "FORMER", "CANCELLED", "NONE"] as const) {
    it(`an e-journal of the ${tie} organisation: marks ${expected[tie]}`, async () => {
      const journal = await registerTestClient(ctx.db.prisma, { kind: "E_JOURNAL", organisationId: ctx.world.orgOf(tie) });
      const before = await learnerDigest(ctx.db.prisma, ctx.world.learnerId);
      const res = await callApi(ctx.db.prisma, postJournalGrades, {
        method: "post",
        path: "/ejournal/grades",
        token: journal.token,
        body: { grades: [{ journalRecordId: `atk-${tie}`, learnerId: ctx.world.learnerId, academicYear: 2026, subject: "Математика", period: "1 четверть", mark: 2 }] },
      });
      expect(res.status).toBe(200);
      const result = res.body.results[0];
      expect(result.status).toBe(expected[tie]);
      if (expected[tie] === "refused") {
        expect(result.reason.code).toBe("LEARNER_NOT_IN_ORGANISATION");
        expect(await learnerDigest(ctx.db.prisma, ctx.world.learnerId)).toBe(before);
      } else if (tie === "ADDITIONAL") {
        // Its own slot: the holding school's mark for the same subject and period stays in force.
        expect(result).not.toHaveProperty("supersededGradeId");
      } else {
        expect(result.supersededGradeId).toBe(ctx.world.records.grades.find((g) => g.organisationId === ctx.world.orgOf("HOLDING"))!.id);
      }
    });
  }
});
