import { describe, expect, it } from "vitest";
import { choicesFromQuery, defaultChoices, queryOfChoices } from "./use-report-choices";

const today = "2026-03-15";

describe("report choices in the URL", () => {
  it("reopen the same report from the query they were written to", () => {
    const choices = { kind: "movement" as const, asOf: today, from: "2025-09-01", to: "2026-02-28", municipalityId: "m-1", organisationId: "o-2" };
    const query = queryOfChoices(choices, today);
    expect(query.toString()).toBe("report=movement&from=2025-09-01&to=2026-02-28&municipalityId=m-1&organisationId=o-2");
    expect(choicesFromQuery(query, today)).toEqual(choices);
  });

  it("leave defaults out, so a bookmark of today's report shows the day it is opened", () => {
    expect(queryOfChoices(defaultChoices(today), today).toString()).toBe("");
    expect(choicesFromQuery(new URLSearchParams(), "2027-01-10").asOf).toBe("2027-01-10");
  });

  it("fall back to the default report for an unknown one", () => {
    expect(choicesFromQuery(new URLSearchParams("report=salaries&asOf=2026-01-01"), today)).toMatchObject({ kind: "oo1", asOf: "2026-01-01" });
  });
});
