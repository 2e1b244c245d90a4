// Reading the registry: a school's list, region-wide search, and the card.
// Each read is audited in the same transaction: lists and searches as one
// event with filters and count, a card with the learner id and stages shown.
import type { ListLearnersInput } from "@/lib/schemas/learner";
import { searchKey } from "@/lib/search-key";
import { normalizeSnils } from "@/lib/validators";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import { learnerReachWhere, relationshipOf, visibleEnrolments } from "../../authz/relationship";
import type { Db } from "../../db";
import { forbidden } from "../../errors";
import { maskName, maskSnils, snilsWhere } from "../person/identity-fields";
import { currentEnrolment, enrolmentSelect, enrolmentWithFactsSelect, identitySelect, toIdentity } from "./learner-views";
import { likeLiteral } from "../../db/like";

const NONE_HELD = { none: { withdrawnAt: null } };

function missingWhere(missing: ListLearnersInput["missing"]) {
  switch (missing) {
    case "snils":
      return { snilsIndex: null };
    case "document":
      return { OR: [{ docType: null }, { docNumberEnc: null }] };
    case "representative":
      return { representatives: { none: {} } };
    case "consent":
      return { consents: NONE_HELD };
    default:
      return {};
  }
}

/**
 * "Иванов Пётр" → last-name prefix on the search key (one B-tree range, see
 * the learner_search_name migration) and first-/middle-name prefixes; 11
 * digits → exact SNILS through its blind index.
 */
export function nameOrSnilsWhere(query: string | undefined) {
  if (!query) return {};
  const snils = normalizeSnils(query);
  if (snils) return snilsWhere(snils);
  const [last, first, middle] = query.split(/\s+/).filter(Boolean);
  const prefix = (v: string | undefined) => (v ? { startsWith: likeLiteral(v), mode: "insensitive" as const } : undefined);
  const key = searchKey(last ?? "");
  return {
    searchName: { gte: key, lt: `${key}\uffff` },
    ...(first ? { firstName: prefix(first) } : {}),
    ...(middle ? { middleName: prefix(middle) } : {}),
  };
}

export type ListFilters = Omit<ListLearnersInput, "page" | "pageSize">;

/**
 * Filters as audit details keep them: a typed search is masked, so audit rows
 * never carry a SNILS (last digits only) or a name (initials only).
 */
export function auditedFilters(filters: ListFilters): ListFilters {
  if (!filters.search) return filters;
  return { ...filters, search: normalizeSnils(filters.search) ? maskSnils(filters.search) : maskName(filters.search) };
}

/**
 * The school list's query: its filters as a `where` on enrolments and its
 * sort as an `orderBy` (ending in a unique key, so paging is stable). Shared
 * by the list and the XLSX export, so both show exactly the same learners.
 */
export function learnerListQuery(organisationId: string, input: ListFilters) {
  const where = {
    organisationId,
    ...(input.status ? { status: input.status } : { status: { in: ["ACTIVE" as const, "PENDING_TRANSFER" as const] } }),
    ...(input.level ? { level: input.level } : {}),
    ...(input.grade !== undefined ? { grade: input.grade } : {}),
    ...(input.classLetter ? { classLetter: input.classLetter.toUpperCase() } : {}),
    learner: { ...nameOrSnilsWhere(input.search), ...missingWhere(input.missing) },
  };
  // By name through the search key (last, first and middle name, lower case,
  // ё as е, "C" collation: the Russian alphabetical order): one join to
  // Learner for the sort, where a field each made Prisma join it three times.
  const byName = [{ learner: { searchName: input.order } }] as const;
  const sorted =
    input.sort === "birthDate"
      ? [{ learner: { birthDate: input.order } }, ...byName]
      : input.sort === "class"
        ? [{ grade: input.order }, { classLetter: input.order }, ...byName]
        : [...byName];
  return { where, orderBy: [...sorted, { id: "asc" as const }] };
}

export async function listLearners(db: Db, actor: Actor, input: ListLearnersInput, ip: string | null) {
  if (actor.scope.kind !== "ORGANISATION") throw forbidden();
  const { where, orderBy } = learnerListQuery(actor.scope.organisationId, input);
  return db.$transaction(async (tx) => {
    const rows = await tx.enrolment.findMany({
      where,
      orderBy,
      skip: input.page * input.pageSize,
      take: input.pageSize,
      select: {
        ...enrolmentSelect,
        learner: { select: { ...identitySelect, docType: true, docNumberEnc: true } },
      },
    });
    // A short page (a search, a small filter) is the last one, so it gives the
    // total without counting: the count repeats the page's join over the
    // whole school, the dearest statement of a search.
    const skipped = input.page * input.pageSize;
    const total = rows.length < input.pageSize && (rows.length > 0 || skipped === 0) ? skipped + rows.length : await tx.enrolment.count({ where });
    // Who of this page has a representative: one indexed lookup for the page's
    // ids (Prisma's relation _count would aggregate the whole link table).
    const withRepresentative = new Set(
      (await tx.learnerRepresentative.findMany({
        where: { learnerId: { in: rows.map((r) => r.learner.id) } },
        select: { learnerId: true },
        distinct: ["learnerId"],
      })).map((r) => r.learnerId),
    );
    const { page, pageSize, ...filters } = input;
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.list.read",
      details: { filters: auditedFilters(filters), page, pageSize, total },
      learnerIds: rows.map((r) => r.learner.id),
    });
    return {
      total,
      rows: rows.map(({ learner, ...enrolment }) => ({
        ...toIdentity(learner, enrolment),
        enrolmentId: enrolment.id,
        level: enrolment.level,
        status: enrolment.status,
        missingSnils: learner.snilsEnc === null,
        missingDocument: learner.docType === null || learner.docNumberEnc === null,
        missingRepresentative: !withRepresentative.has(learner.id),
      })),
    };
  });
}

/** Region-wide (or municipality-wide) lookup by SNILS or name, identity subset only. */
export async function searchRegistry(db: Db, actor: Actor, query: string, ip: string | null) {
  const where = { AND: [learnerReachWhere(actor.scope), nameOrSnilsWhere(query)] };
  return db.$transaction(async (tx) => {
    const rows = await tx.learner.findMany({
      where,
      orderBy: [{ searchName: "asc" }, { birthDate: "asc" }, { id: "asc" }],
      take: 51,
      select: { ...identitySelect, regionId: true, enrolments: { select: enrolmentWithFactsSelect } },
    });
    const truncated = rows.length > 50;
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "learner.search",
      details: { by: normalizeSnils(query) ? "snils" : "name", count: Math.min(rows.length, 50), truncated },
      learnerIds: rows.slice(0, 50).map((r) => r.id),
    });
    // Each row placed as the caller's relationship shows it: a former school
    // or an additional programme sees its own enrolment, not where the learner is now.
    return {
      truncated,
      rows: rows.slice(0, 50).map(({ enrolments, regionId, ...l }) => {
        const relationship = relationshipOf(actor.scope, regionId, enrolments);
        return toIdentity(l, currentEnrolment(visibleEnrolments(actor.scope, relationship, enrolments)));
      }),
    };
  });
}
