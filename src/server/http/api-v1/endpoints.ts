// The /api/v1 endpoints: input parsing with the shared zod schemas, then one
// service each. Kept out of src/app so integration tests call them directly.
import type { NextRequest } from "next/server";
import { zApiUuid } from "@/lib/schemas/api/common";
import { GRADE_BATCH_LIMIT, ZApiClassesQuery, ZApiGradeEnvelope } from "@/lib/schemas/api/ejournal";
import { ZApiChangesQuery } from "@/lib/schemas/api/federal";
import { ZApiPerformanceQuery } from "@/lib/schemas/api/public-services";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/unstorable-text";
import { listJournalClasses, listJournalClassLearners } from "../../services/api/ejournal-classes";
import { pushJournalGrades } from "../../services/api/ejournal-grades";
import { readFederalChanges } from "../../services/api/federal-feed";
import { readPublicPerformance } from "../../services/api/public-performance";
import { apiEndpoint, type Parsed } from "./endpoint";
import { issuesOf } from "./errors";

/** Largest JSON body accepted (a full grade batch is far below it). */
const MAX_BODY_BYTES = 1_000_000;

/**
 * Text PostgreSQL cannot store (NUL, lone surrogates) is refused on its field
 * before any schema or query sees it, as tRPC refuses it. Checked here, in the
 * two readers every endpoint takes its input from; a path parameter is not
 * read here: it goes through its own format check (a class id is a UUID).
 */
function refuseUnstorableText<T>(input: T): Parsed<T> {
  const path = findUnstorableText(input);
  if (!path) return { ok: true, input };
  return { ok: false, code: "VALIDATION_FAILED", issues: [{ path: path.join("."), message: UNSTORABLE_TEXT_MESSAGE }] };
}

async function readJson(req: NextRequest): Promise<Parsed<unknown>> {
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) return { ok: false, code: "BATCH_TOO_LARGE" };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, code: "VALIDATION_FAILED", issues: [{ path: "", message: "Тело запроса — не JSON" }] };
  }
  return refuseUnstorableText(body);
}

const readQuery = (req: NextRequest) =>
  refuseUnstorableText(Object.fromEntries([...req.nextUrl.searchParams.entries()].filter(([, v]) => v.trim() !== "")));

export const getJournalClasses = apiEndpoint({
  endpoint: "GET /ejournal/classes",
  kind: "E_JOURNAL",
  action: "api.ejournal.classes.read",
  parse: async (req) => {
    const query = readQuery(req);
    if (!query.ok) return query;
    const parsed = ZApiClassesQuery.safeParse(query.input);
    return parsed.success ? { ok: true, input: parsed.data } : { ok: false, code: "VALIDATION_FAILED", issues: issuesOf(parsed.error) };
  },
  run: (tx, client, input) => listJournalClasses(tx, client, input.academicYear),
});

export const getJournalClassLearners = apiEndpoint({
  endpoint: "GET /ejournal/classes/{classId}/learners",
  kind: "E_JOURNAL",
  action: "api.ejournal.learners.read",
  parse: async (_req, params) => {
    const parsed = zApiUuid.safeParse(params.classId);
    // A malformed id is as unknown as a missing class.
    return parsed.success ? { ok: true, input: parsed.data } : { ok: false, code: "CLASS_NOT_FOUND" };
  },
  run: (tx, client, classId) => listJournalClassLearners(tx, client, classId),
});

export const postJournalGrades = apiEndpoint({
  endpoint: "POST /ejournal/grades",
  kind: "E_JOURNAL",
  action: "api.ejournal.grades.push",
  parse: async (req) => {
    const body = await readJson(req);
    if (!body.ok) return body;
    const parsed = ZApiGradeEnvelope.safeParse(body.input);
    if (!parsed.success) return { ok: false, code: "VALIDATION_FAILED", issues: issuesOf(parsed.error) };
    if (parsed.data.grades.length > GRADE_BATCH_LIMIT) {
      return { ok: false, code: "BATCH_TOO_LARGE", issues: [{ path: "grades", message: `Не больше ${GRADE_BATCH_LIMIT} строк в пакете` }] };
    }
    return { ok: true, input: parsed.data.grades };
  },
  run: (tx, client, rows) => pushJournalGrades(tx, client, rows),
});

export const postPublicPerformance = apiEndpoint({
  endpoint: "POST /public-services/performance",
  kind: "PUBLIC_SERVICES",
  action: "api.publicServices.performance.read",
  parse: async (req) => {
    const body = await readJson(req);
    if (!body.ok) return body;
    const parsed = ZApiPerformanceQuery.safeParse(body.input);
    return parsed.success ? { ok: true, input: parsed.data } : { ok: false, code: "VALIDATION_FAILED", issues: issuesOf(parsed.error) };
  },
  run: (tx, client, input) => readPublicPerformance(tx, client, input),
});

export const getFederalChanges = apiEndpoint({
  endpoint: "GET /federal/changes",
  kind: "FEDERAL_SEGMENT",
  action: "api.federal.changes.read",
  parse: async (req) => {
    const query = readQuery(req);
    if (!query.ok) return query;
    const parsed = ZApiChangesQuery.safeParse(query.input);
    if (parsed.success) return { ok: true, input: parsed.data };
    const issues = issuesOf(parsed.error);
    return { ok: false, code: issues.some((i) => i.path === "cursor") ? "INVALID_CURSOR" : "VALIDATION_FAILED", issues };
  },
  run: (tx, client, input) => readFederalChanges(tx, client, input),
});
