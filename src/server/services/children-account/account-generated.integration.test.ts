// The municipal account's four lists and the admission forecast on a
// generated region, against a separate re-implementation of
// docs/children-account.md (account-direct.ts) over the same rows. The
// generated region has no one who did not start or dropped out (every pupil has
// marks or an order, every expulsion is followed by a new enrolment), so the
// test perturbs it first — expulsions with every leaving reason (and none),
// old and recent, one re-enrolled, one cancelled, one ended without an order,
// graduations, learners known only by the register, the register's departures
// and education forms, first-graders whose enrolment order was cancelled, and
// next year's territories with an overlap, an unassigned and an unknown house —
// so each list has members and non-members of every kind. Then, for every
// municipality, the service's lists (all pages, as the region's officer) must
// equal the direct computation: the same children, reasons, dates and
// organisations; the tabs' counts their lengths; the forecast the same counts.
import { afterAll, beforeAll, expect, it } from "vitest";
import { TODAY } from "../../../../tools/generate/dates";
import { createTestRegion, type TestRegion } from "../../../../tools/generate/test-region";
import { LEAVING_REASONS, type LeavingReason } from "@/lib/movement/leaving-reasons";
import { ACCOUNT_LISTS, type AccountList } from "@/lib/schemas/children-account";
import { regionToday } from "@/lib/time-zone";
import { movementRu } from "@/messages/movement-ru";
import type { Enrolment, MovementType } from "../../generated/prisma/client";
import { callerAs } from "../../testing/callers";
import { describeDb } from "../../testing/test-db";
import { directForecast, directLists, loadWorld, yearsOn, type DirectRow, type World } from "./account-direct";

const D = TODAY; // 2026-11-23: Y = 2026, 1 September 2026; N = 30 → orders by 2026-10-24; K = 14
const YEAR = 2026;
const F = 2027; // the generator writes territories and places for 2026 and 2027
const OLD = "2026-10-01", RECENT = "2026-11-10", EARLY = "2026-09-10";

describeDb("municipal account on a generated region, against a direct computation", () => {
  let region: TestRegion;
  let world: World;
  let municipalities: { id: string; name: string }[];
  const G: Record<string, string[]> = {}; // perturbed learners / residents by role, to check the direct computation sees them

  beforeAll(async () => {
    region = await createTestRegion({ learners: 1500, seed: 22, gradeYears: 1 });
    const p = region.db.prisma;
    const actorId = (await p.user.findUniqueOrThrow({ where: { login: "sys.admin" } })).id;
    municipalities = await p.municipality.findMany({ where: { regionId: region.result.plan.regionId }, select: { id: true, name: true }, orderBy: { oktmo: "asc" } });
    const orgs = new Map((await p.organisation.findMany()).map((o) => [o.id, o]));
    const births = new Map((await p.learner.findMany({ select: { id: true, birthDate: true } })).map((l) => [l.id, l.birthDate.toISOString().slice(0, 10)]));
    const enrolments = (await p.enrolment.findMany({ where: { isBasic: true, status: "ACTIVE", level: { in: ["PRIMARY", "BASIC", "SECONDARY"] } }, orderBy: { learnerId: "asc" } }))
      .filter((e) => orgs.get(e.organisationId)!.type === "GENERAL_SCHOOL");
    const listed = new Set((await p.residentChild.findMany({ where: { learnerId: { not: null } }, select: { learnerId: true } })).map((r) => r.learnerId!));
    const note = (key: string, id: string) => (G[key] ??= []).push(id);
    let n = 0;
    const used = new Set<string>(); // learners already given a role
    const order = (e: Enrolment, type: MovementType, date: string, extra: { leavingReason?: LeavingReason | null; reason?: string | null; fromLevel?: Enrolment["level"]; cancelsEventId?: string } = {}) =>
      used.add(e.learnerId) && p.movementEvent.create({ data: { learnerId: e.learnerId, organisationId: e.organisationId, type, orderNumber: `${++n}-т`, orderDate: new Date(date), effectiveDate: new Date(date), enrolmentId: e.id, createdById: actorId, ...extra } });
    const end = (e: Enrolment, date: string) => used.add(e.learnerId) && p.enrolment.update({ where: { learnerId_id: { learnerId: e.learnerId, id: e.id } }, data: { endedAt: new Date(date), status: "ENDED" } });
    const expel = async (e: Enrolment, date: string, leavingReason: LeavingReason | null, reason: string | null = null) => {
      await end(e, date);
      return order(e, leavingReason === "TRANSFER_IN_REGION" ? "TRANSFER_OUT" : "EXPULSION", date, { leavingReason, reason, fromLevel: e.level });
    };
    const resident = (learnerId: string, data: Record<string, unknown>) => p.residentChild.updateMany({ where: { learnerId }, data });

    for (const [m, mun] of municipalities.entries()) {
      const here = enrolments.filter((e) => orgs.get(e.organisationId)!.municipalityId === mun.id);
      const age = (e: Enrolment) => yearsOn(births.get(e.learnerId)!, D);
      const P = here.filter((e) => age(e) >= 9 && age(e) <= 16);
      expect(P.length, mun.name).toBeGreaterThan(25);
      // Every reason (and none), on three dates: older than N days, recent, early September.
      for (const [j, reason] of [...LEAVING_REASONS, null].entries()) {
        await expel(P[j]!, [OLD, RECENT, EARLY][(j + m) % 3]!, reason, j % 2 ? "по заявлению родителей" : null);
        note(`expelled:${reason}`, P[j]!.learnerId);
      }
      await expel(P[11]!, "2026-09-20", "DISCIPLINARY");
      await p.enrolment.create({ data: { learnerId: P[11]!.learnerId, organisationId: P[11]!.organisationId, level: P[11]!.level, grade: P[11]!.grade, enrolledAt: new Date("2026-10-05") } });
      note("reenrolled", P[11]!.learnerId);
      const cancelled = await order(P[12]!, "EXPULSION", OLD, { leavingReason: "OTHER", reason: "ошибочный приказ" });
      await order(P[12]!, "CANCELLATION", "2026-10-02", { cancelsEventId: cancelled.id });
      note("cancelledExpulsion", P[12]!.learnerId);
      await end(P[13]!, "2026-10-15"); // no order: «нет сведений об обучении»
      note("endedWithoutOrder", P[13]!.learnerId);
      // The register's roles need a learner the register lists.
      const Q = P.slice(14).filter((e) => listed.has(e.learnerId));
      expect(Q.length, mun.name).toBeGreaterThan(5);
      for (const k of [0, 1]) {
        // No address of its own: known through the register only (which, for the second, says the child moved away).
        await expel(Q[k]!, OLD, "HEALTH");
        await p.learnerAddress.deleteMany({ where: { learnerId: Q[k]!.learnerId } });
        if (k === 1) await resident(Q[k]!.learnerId, { leftAt: new Date("2026-10-10") });
        note(k ? "registerOnlyLeft" : "registerOnly", Q[k]!.learnerId);
      }
      await expel(Q[2]!, OLD, "DISCIPLINARY");
      await resident(Q[2]!.learnerId, { educationForm: "FAMILY", educationFormSince: new Date("2026-10-02"), educationFormNote: "уведомление" });
      note("registerFamily", Q[2]!.learnerId);
      await expel(Q[3]!, OLD, "OTHER", "переезд");
      await resident(Q[3]!.learnerId, { leftAt: new Date("2026-10-20") }); // its own address keeps it in the account
      note("registerLeftOwnAddress", Q[3]!.learnerId);
      await resident(Q[4]!.learnerId, { learnerId: null, matchedBy: "NONE" }); // the register's copy, unlinked: a known resident
      // Back from family education, then out again without an order: the old order no longer explains it.
      const back = [...P].reverse().find((e) => !used.has(e.learnerId))!;
      await expel(back, "2026-09-05", "FAMILY_EDUCATION");
      await p.enrolment.create({ data: { learnerId: back.learnerId, organisationId: back.organisationId, level: back.level, grade: back.grade, enrolledAt: new Date("2026-09-20"), endedAt: new Date("2026-10-20"), status: "ENDED" } });
      note("backFromFamilyThenOut", back.learnerId);
      // Graduations last June: from ООО (listed, not continuing) and from СОО (not counted).
      const upper = here.filter((e) => e.grade !== null && e.grade >= 10 && age(e) < 18 && e.enrolledAt < new Date("2026-06-01") && !used.has(e.learnerId));
      for (const [k, fromLevel] of [[0, "BASIC"], [1, "SECONDARY"]] as const) {
        const e = upper.find((x) => x.grade === 10 + k);
        if (!e) continue;
        await end(e, "2026-06-25");
        await order(e, "GRADUATION", "2026-06-25", { fromLevel });
        note(`graduated:${fromLevel}`, e.learnerId);
      }
      // First-graders have no marks yet: cancelling their enrolment order leaves no evidence — unless a mark or another order says otherwise.
      const firsts = here.filter((e) => e.grade === 1 && e.enrolledAt.toISOString().startsWith(`${YEAR}-09-01`)).slice(0, 4);
      for (const [k, e] of firsts.entries()) {
        const enrolled = await p.movementEvent.findFirstOrThrow({ where: { learnerId: e.learnerId, enrolmentId: e.id, type: "ENROLMENT" } });
        await order(e, "CANCELLATION", "2026-09-03", { cancelsEventId: enrolled.id });
        const mark = (academicYear: number, createdAt: string) =>
          p.subjectGrade.create({ data: { learnerId: e.learnerId, organisationId: e.organisationId, academicYear, subject: "Математика", period: "1 четверть", mark: 4, createdById: actorId, createdAt: new Date(createdAt) } });
        if (k === 1) await mark(YEAR, "2026-10-01T09:00:00Z");
        if (k === 2) await order(e, "CLASS_CHANGE", "2026-10-01");
        if (k === 3) await mark(YEAR - 1, "2026-05-20T09:00:00Z");
        note(k === 0 || k === 3 ? "noEvidence" : "evidence", e.learnerId);
      }
      // Known residents: departures in and after the period, education forms from after D and without a date.
      const known = await p.residentChild.findMany({ where: { municipalityId: mun.id, learnerId: null, leftAt: null, educationForm: null }, orderBy: { id: "asc" } });
      const compulsory = known.filter((r) => yearsOn(r.birthDate.toISOString().slice(0, 10), `${YEAR}-09-01`) >= 8 && yearsOn(r.birthDate.toISOString().slice(0, 10), D) < 18);
      const edits = [{ leftAt: new Date("2026-09-20") }, { leftAt: new Date("2026-12-01") }, { educationForm: "SELF", educationFormSince: new Date("2026-12-01") }, { educationForm: "FAMILY" }];
      for (const [k, data] of edits.entries()) if (compulsory[k]) await p.residentChild.update({ where: { id: compulsory[k]!.id }, data: data as never });
      const forecastAge = (b: Date) => b.toISOString().slice(0, 10) <= `${F - 6}-03-01` && b.toISOString().slice(0, 10) > `${F - 8}-09-01`;
      const young = known.find((r) => forecastAge(r.birthDate));
      if (young) await p.residentChild.update({ where: { id: young.id }, data: { leftAt: new Date("2026-10-01") } });
      // A preschooler whose register entry moved away: counted through its own address instead.
      const matched = await p.residentChild.findMany({ where: { municipalityId: mun.id, learnerId: { not: null } }, orderBy: { id: "asc" } });
      const preschooler = matched.find((r) => forecastAge(r.birthDate));
      if (preschooler) await p.residentChild.update({ where: { id: preschooler.id }, data: { leftAt: new Date("2026-10-01") } });
    }
    // Territories of F in the municipality with most young residents: a new school shares a street (an overlap), every assignment
    // covering one child's house is withdrawn (unassigned), another child's house is an id the directory lacks.
    const young = await p.residentChild.findMany({ where: { leftAt: null, garHouseId: { not: null }, birthDate: { lte: new Date(`${F - 6}-03-01`), gt: new Date(`${F - 7}-09-01`) } }, orderBy: { id: "asc" } });
    const first = municipalities.map((m) => ({ ...m, n: young.filter((r) => r.municipalityId === m.id).length })).sort((a, b) => b.n - a.n)[0]!;
    const kids = young.filter((r) => r.municipalityId === first.id);
    const houses = await p.addressHouse.findMany({ where: { objectId: { in: kids.map((k) => k.garHouseId!) } } });
    const h1 = houses.find((h) => h.objectId === kids[1]!.garHouseId)!;
    const streets = houses.flatMap((h) => (h.streetId && h.streetId !== h1.streetId ? [h.streetId] : []));
    const shared = await p.territoryAssignment.findFirstOrThrow({ where: { academicYear: F, objectKind: "STREET", garObjectId: { in: streets } }, orderBy: { garObjectId: "asc" } });
    const school77 = await p.organisation.create({
      data: { municipalityId: first.id, type: "GENERAL_SCHOOL", shortName: "МБОУ СОШ № 77", fullName: "МБОУ «Средняя школа № 77»", inn: "9901000777", ogrn: "1029900000777", kpp: "990101001", founder: "Администрация" },
    });
    await p.territoryAssignment.create({ data: { orderId: shared.orderId, organisationId: school77.id, academicYear: F, objectKind: "STREET", garObjectId: shared.garObjectId } });
    const covering = [{ objectKind: "HOUSE" as const, garObjectId: h1.objectId }, { objectKind: "STREET" as const, garObjectId: h1.streetId ?? -1n }, { objectKind: "SETTLEMENT" as const, garObjectId: h1.settlementId ?? -1n }];
    await p.territoryAssignment.deleteMany({ where: { academicYear: F, OR: covering } });
    await p.residentChild.update({ where: { id: kids[0]!.id }, data: { garHouseId: 999_999_999n } });
    world = await loadWorld(p, YEAR);
  });
  afterAll(async () => {
    await region?.close();
  });

  const officer = () => callerAs(region.db.prisma, "edu.officer");
  async function serviceList(municipalityId: string, list: AccountList) {
    const caller = await officer();
    const rows = [];
    for (let page = 1; ; page++) {
      const got = await caller.childrenAccount.list({ municipalityId, list, date: D, page, pageSize: 500 });
      rows.push(...got.rows);
      if (rows.length >= got.total || !got.rows.length) return { rows, total: got.total };
    }
  }
  const shape = (r: { source: string; id: string; reasonCode: string; date: string | null; organisation: string | null }) =>
    `${r.source}:${r.id} ${r.reasonCode} ${r.date ?? "-"} ${r.organisation ?? "-"}`;
  const label = (code: string | null) => movementRu.movement.leavingReasons[code ?? "NONE"]!;
  const directOf = (municipalityId: string) => directLists(world, municipalityId, D, { days: 30, grace: 14 });
  const all = (list: AccountList) => municipalities.flatMap((m) => directOf(m.id)[list]);
  const ids = (rows: DirectRow[]) => new Set(rows.map((r) => r.id));

  it.each(ACCOUNT_LISTS)("%s: the same children, reasons, dates and organisations as the direct computation, in every municipality", async (list) => {
    for (const mun of municipalities) {
      const { rows, total } = await serviceList(mun.id, list);
      const expected = directOf(mun.id)[list];
      expect(total, mun.name).toBe(rows.length);
      expect(rows.map(shape).sort(), `${list} ${mun.name}`).toEqual(expected.map(shape).sort());
      // The coded reason (or «не указана») is the one the order carries.
      const byId = new Map(rows.map((r) => [r.id, r]));
      const coded = expected.filter((r) => ["EXPELLED", "DROPPED_OUT", "LEFT_REGION"].includes(r.reasonCode));
      expect(coded.filter((r) => !byId.get(r.id)?.reason.includes(label(r.leavingReason))).map(shape), `${list} ${mun.name}`).toEqual([]);
    }
  });

  it("the perturbed data gives every list members and non-members of each kind (a check of the direct computation itself)", () => {
    const sets = Object.fromEntries(ACCOUNT_LISTS.map((l) => [l, ids(all(l))])) as Record<AccountList, Set<string>>;
    for (const l of ACCOUNT_LISTS) expect(sets[l].size, l).toBeGreaterThan(0);
    const wrong: string[] = [];
    const every = (list: AccountList, key: string, want: boolean) => {
      for (const id of G[key] ?? []) if (sets[list].has(id) !== want) wrong.push(`${key} ${want ? "missing from" : "in"} ${list}: ${id}`);
    };
    const some = (list: AccountList, key: string, want = true) => {
      if ((G[key] ?? []).some((id) => sets[list].has(id)) !== want) wrong.push(`${want ? "no" : "a"} ${key} in ${list}`);
    };
    // Dropped out: coded reasons with no list of their own, and none — when older than N days.
    for (const reason of ["TRANSFER_IN_REGION", "HEALTH", "DISCIPLINARY", "EMPLOYMENT", "OTHER", "null"]) some("droppedOut", `expelled:${reason}`);
    for (const reason of ["TRANSFER_OTHER_REGION", "TRANSFER_ABROAD", "FAMILY_EDUCATION", "SELF_EDUCATION", "DEATH"]) some("droppedOut", `expelled:${reason}`, false);
    for (const reason of ["TRANSFER_OTHER_REGION", "TRANSFER_ABROAD"]) {
      some("leftRegion", `expelled:${reason}`);
      every("notInEducation", `expelled:${reason}`, false);
    }
    for (const key of ["expelled:DISCIPLINARY", "endedWithoutOrder", "graduated:BASIC", "registerOnly", "registerLeftOwnAddress", "backFromFamilyThenOut"]) every("notInEducation", key, true);
    for (const key of ["reenrolled", "registerFamily", "graduated:SECONDARY", "registerOnlyLeft"]) every("notInEducation", key, false);
    every("droppedOut", "registerFamily", true);
    for (const key of ["reenrolled", "cancelledExpulsion"]) every("droppedOut", key, false);
    every("didNotStart", "noEvidence", true);
    every("didNotStart", "evidence", false);
    expect(wrong).toEqual([]);
    expect(all("notInEducation").some((r) => r.source === "resident")).toBe(true);
    expect(all("leftRegion").some((r) => r.source === "resident")).toBe(true);
  });

  it("counts each list as the direct computation does", async () => {
    const caller = await officer();
    for (const mun of municipalities) {
      const { counts } = await caller.childrenAccount.counts({ municipalityId: mun.id, date: D });
      const direct = directOf(mun.id);
      expect(counts, mun.name).toEqual(Object.fromEntries(ACCOUNT_LISTS.map((l) => [l, direct[l].length])));
    }
  });

  it("forecasts the same children per assigned school, unassigned and unknown houses, and places", async () => {
    const caller = await officer();
    type Row = { organisationId: string; children: number; overlap: number; places: number | null; difference: number | null };
    const rowsOf = (rows: Row[]) =>
      rows.map(({ organisationId, children, overlap, places, difference }) => ({ organisationId, children, overlap, places, difference })).sort((a, b) => a.organisationId.localeCompare(b.organisationId));
    const sum = { total: 0, overlap: 0, unassigned: 0, unknownHouse: 0, places: 0 };
    for (const mun of municipalities) {
      const got = await caller.childrenAccount.forecast({ municipalityId: mun.id, year: F });
      const expected = directForecast(world, mun.id, F, regionToday());
      expect(rowsOf(got.rows), mun.name).toEqual(rowsOf(expected.rows));
      const { unknownHouse, unassigned, total } = got;
      expect({ unknownHouse, unassigned, total }, mun.name).toEqual({ unknownHouse: expected.unknownHouse, unassigned: expected.unassigned, total: expected.total });
      sum.total += total;
      sum.unassigned += unassigned;
      sum.unknownHouse += unknownHouse;
      sum.overlap += got.rows.reduce((n, r) => n + r.overlap, 0);
      sum.places += got.rows.filter((r) => r.places !== null).length;
    }
    // The perturbed territories give every kind of row: an overlap, an unassigned house, an unknown one.
    for (const key of ["total", "overlap", "unassigned", "unknownHouse", "places"] as const) expect(sum[key], key).toBeGreaterThan(0);
  });
});
