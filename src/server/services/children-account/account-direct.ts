// FOR TESTS ONLY: a deliberately separate re-implementation of the municipal
// account's four lists and the admission forecast, written from the rules in
// docs/children-account.md over whole tables read with plain findMany calls
// (account-generated.integration.test.ts compares it with the service). It
// must not import the service's SQL or helpers: two readings of the document
// that agree are the point. Dates are ISO strings; ages are computed by hand.
import type { Db } from "../../db";

const day = (d: Date) => d.toISOString().slice(0, 10);
const dayOrNull = (d: Date | null) => (d ? day(d) : null);
/** Full years of a child born on `birth` on `on` (both ISO dates). */
export function yearsOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
const minusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const plusDays = (date: string, n: number) => minusDays(date, -n);

const LEFT = ["TRANSFER_OTHER_REGION", "TRANSFER_ABROAD"];
const OUTSIDE = ["FAMILY_EDUCATION", "SELF_EDUCATION"];
const ENDING = ["EXPULSION", "TRANSFER_OUT", "GRADUATION"];
const KIND_ORDER = ["RESIDENCE", "STAY", "ACTUAL"];
const GENERAL_LEVELS = ["PRIMARY", "BASIC", "SECONDARY"];

export async function loadWorld(prisma: Db, year: number) {
  const [learners, enrolments, events, marked, certificates, addresses, residents, houses, assignments, places, organisations] = await Promise.all([
    prisma.learner.findMany({ select: { id: true, birthDate: true } }),
    prisma.enrolment.findMany(),
    prisma.movementEvent.findMany(),
    prisma.subjectGrade.findMany({ where: { academicYear: year, createdAt: { gte: new Date(`${year}-09-01T00:00:00Z`) } }, select: { learnerId: true }, distinct: ["learnerId"] }),
    prisma.certificate.findMany({ where: { level: "SECONDARY_GENERAL" } }),
    prisma.learnerAddress.findMany({ select: { learnerId: true, kind: true, municipalityId: true, garHouseId: true } }),
    prisma.residentChild.findMany(),
    prisma.addressHouse.findMany({ select: { objectId: true, streetId: true, settlementId: true } }),
    prisma.territoryAssignment.findMany(),
    prisma.firstGradePlaces.findMany(),
    prisma.organisation.findMany({ select: { id: true, municipalityId: true, type: true, shortName: true, closedAt: true } }),
  ]);
  const group = <T extends { learnerId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.learnerId, [...(m.get(r.learnerId) ?? []), r]);
    return m;
  };
  const cancelled = new Set(events.flatMap((e) => (e.cancelsEventId ? [e.cancelsEventId] : [])));
  return {
    learners: learners.map((l) => ({ id: l.id, birth: day(l.birthDate) })),
    enrolmentsOf: group(enrolments),
    // Orders that stand: those no other order cancels.
    ordersOf: group(events.filter((e) => !cancelled.has(e.id))),
    markedThisYear: new Set(marked.map((m) => m.learnerId)),
    certificatesOf: group(certificates),
    addressesOf: group(addresses),
    residents: residents.map((r) => ({ ...r, birth: day(r.birthDate), left: dayOrNull(r.leftAt), formSince: dayOrNull(r.educationFormSince) })),
    houses: new Map(houses.map((h) => [h.objectId, h])),
    assignments,
    places,
    organisations: new Map(organisations.map((o) => [o.id, o])),
  };
}
export type World = Awaited<ReturnType<typeof loadWorld>>;

export interface DirectRow {
  source: "learner" | "resident";
  id: string;
  reasonCode: string;
  /** The coded leaving reason the row shows (null: «не указана» or no order). */
  leavingReason: string | null;
  date: string | null;
  organisation: string | null;
}

export function directLists(w: World, municipalityId: string, D: string, o: { days: number; grace: number; since?: string }) {
  const sept1 = `${Number(D.slice(0, 4)) - (D.slice(5) < "09-01" ? 1 : 0)}-09-01`;
  const since = o.since ?? sept1;
  const orgName = (id: string | null | undefined) => (id ? w.organisations.get(id)!.shortName : null);
  const inMunicipality = (orgId: string) => w.organisations.get(orgId)!.municipalityId === municipalityId;
  const enrolments = (id: string) => (w.enrolmentsOf.get(id) ?? []).filter((e) => e.isBasic && e.cancelledAt === null);
  const orders = (id: string) => w.ordersOf.get(id) ?? [];
  const heldOn = (id: string, on: string) => enrolments(id).some((e) => day(e.enrolledAt) <= on && (e.endedAt === null || day(e.endedAt) > on));
  const latest = <T extends { effectiveDate: Date; createdAt: Date }>(rows: T[]) =>
    rows.slice().sort((a, b) => b.effectiveDate.getTime() - a.effectiveDate.getTime() || b.createdAt.getTime() - a.createdAt.getTime())[0];
  const compulsory = (birth: string) => yearsOn(birth, sept1) >= 8 && yearsOn(birth, D) < 18;
  const home = (id: string) => (w.addressesOf.get(id) ?? []).slice().sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))[0];
  const birthOf = new Map(w.learners.map((l) => [l.id, l.birth]));
  const residentsHere = w.residents.filter((r) => r.municipalityId === municipalityId);

  // 1. Not in education.
  const notInEducation: DirectRow[] = [];
  const living = new Set(w.learners.filter((l) => home(l.id)?.municipalityId === municipalityId).map((l) => l.id));
  for (const r of residentsHere) if (r.learnerId && (r.left === null || r.left > D)) living.add(r.learnerId);
  for (const id of living) {
    if (!compulsory(birthOf.get(id)!) || heldOn(id, D)) continue;
    if (w.residents.some((r) => r.learnerId === id && r.educationForm && (r.formSince === null || r.formSince <= D))) continue;
    const effective = orders(id).filter((e) => day(e.effectiveDate) <= D);
    if (effective.some((e) => (e.type === "GRADUATION" && e.fromLevel === "SECONDARY") || e.leavingReason === "DEATH")) continue;
    if ((w.certificatesOf.get(id) ?? []).some((c) => day(c.issuedAt) <= D)) continue;
    const lastOrder = latest(effective.filter((e) => ENDING.includes(e.type)));
    // An order followed by a new basic enrolment no longer explains why the child is out.
    const reEnrolled = lastOrder && enrolments(id).some((e) => day(e.enrolledAt) > day(lastOrder.effectiveDate) && day(e.enrolledAt) <= D);
    const last = reEnrolled ? undefined : lastOrder;
    if (last?.leavingReason && [...LEFT, ...OUTSIDE].includes(last.leavingReason)) continue;
    const lastEnrolment = enrolments(id)
      .filter((e) => day(e.enrolledAt) <= D)
      .sort((a, b) => b.enrolledAt.getTime() - a.enrolledAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime())[0];
    notInEducation.push({
      source: "learner",
      id,
      reasonCode: !last ? "NO_RECORD" : last.type === "GRADUATION" ? "BASIC_GRADUATE" : "EXPELLED",
      leavingReason: last?.leavingReason ?? null,
      date: last ? day(last.effectiveDate) : null,
      organisation: orgName(last?.organisationId ?? lastEnrolment?.organisationId),
    });
  }
  for (const r of residentsHere) {
    if (r.learnerId || (r.left !== null && r.left <= D) || !compulsory(r.birth)) continue;
    if (r.educationForm && (r.formSince === null || r.formSince <= D)) continue;
    notInEducation.push({ source: "resident", id: r.id, reasonCode: "NO_RECORD", leavingReason: null, date: null, organisation: null });
  }

  // 2. Did not start: follows the school, not the address; drawn up from 1 September + K days.
  const didNotStart: DirectRow[] = [];
  if (D >= plusDays(sept1, o.grace)) {
    for (const l of w.learners) {
      const held = enrolments(l.id)
        .filter((e) => GENERAL_LEVELS.includes(e.level) && ["GENERAL_SCHOOL", "BOARDING_SCHOOL"].includes(w.organisations.get(e.organisationId)!.type))
        .filter((e) => inMunicipality(e.organisationId) && day(e.enrolledAt) <= sept1 && (e.endedAt === null || day(e.endedAt) > D))
        .sort((a, b) => b.enrolledAt.getTime() - a.enrolledAt.getTime())[0];
      if (!held || w.markedThisYear.has(l.id)) continue;
      // A cancellation withdraws an order; it is no sign of the learner at school (as the existing test reads it).
      if (orders(l.id).some((e) => e.type !== "CANCELLATION" && day(e.effectiveDate) >= sept1 && day(e.effectiveDate) <= D)) continue;
      didNotStart.push({ source: "learner", id: l.id, reasonCode: "DID_NOT_START", leavingReason: null, date: day(held.enrolledAt), organisation: orgName(held.organisationId) });
    }
  }

  // 3. Dropped out: orders of the municipality's organisations N days old, nothing started since.
  const droppedOut: DirectRow[] = [];
  const cutoff = minusDays(D, o.days);
  for (const l of w.learners) {
    const qualifying = orders(l.id).filter(
      (e) =>
        ["EXPULSION", "TRANSFER_OUT"].includes(e.type) && inMunicipality(e.organisationId) && day(e.effectiveDate) <= cutoff &&
        yearsOn(l.birth, day(e.effectiveDate)) < 18 && yearsOn(l.birth, D) < 18 &&
        !(e.leavingReason && [...LEFT, ...OUTSIDE, "DEATH"].includes(e.leavingReason)) &&
        !enrolments(l.id).some((n) => n.enrolledAt.getTime() >= e.effectiveDate.getTime()),
    );
    const last = latest(qualifying);
    if (last) droppedOut.push({ source: "learner", id: l.id, reasonCode: "DROPPED_OUT", leavingReason: last.leavingReason, date: day(last.effectiveDate), organisation: orgName(last.organisationId) });
  }

  // 4. Left the region: coded orders from `since` to D, and the register's departures not already listed.
  const leftRegion: DirectRow[] = [];
  for (const l of w.learners) {
    const last = latest(orders(l.id).filter((e) => ["EXPULSION", "TRANSFER_OUT"].includes(e.type) && inMunicipality(e.organisationId) &&
      LEFT.includes(e.leavingReason ?? "") && day(e.effectiveDate) >= since && day(e.effectiveDate) <= D));
    if (last) leftRegion.push({ source: "learner", id: l.id, reasonCode: "LEFT_REGION", leavingReason: last.leavingReason, date: day(last.effectiveDate), organisation: orgName(last.organisationId) });
  }
  const byOrder = new Set(leftRegion.map((r) => r.id));
  for (const r of residentsHere) {
    if (r.left === null || r.left < since || r.left > D || (r.learnerId && byOrder.has(r.learnerId))) continue;
    const lastEnrolment = r.learnerId ? enrolments(r.learnerId).sort((a, b) => b.enrolledAt.getTime() - a.enrolledAt.getTime())[0] : undefined;
    leftRegion.push({ source: "resident", id: r.id, reasonCode: "RESIDENT_LEFT", leavingReason: null, date: r.left, organisation: orgName(lastEnrolment?.organisationId) });
  }
  return { notInEducation, didNotStart, droppedOut, leftRegion };
}

/** The admission forecast for year of admission F, with "today" for who has left and who is enrolled. */
export function directForecast(w: World, municipalityId: string, F: number, today: string) {
  const sept1 = `${F}-09-01`;
  // At least 6 years 6 months on 1 September of F: born on or before 1 March of F − 6.
  const inAge = (birth: string) => birth <= `${F - 6}-03-01` && yearsOn(birth, sept1) < 8;
  const held = (id: string, levels: string[]) =>
    (w.enrolmentsOf.get(id) ?? []).some((e) => e.isBasic && e.cancelledAt === null && levels.includes(e.level) && day(e.enrolledAt) <= today && (e.endedAt === null || day(e.endedAt) > today));
  const stays = (r: World["residents"][number]) => r.municipalityId === municipalityId && (r.left === null || r.left > today);
  const houses: (bigint | null)[] = [];
  for (const r of w.residents) if (stays(r) && inAge(r.birth) && !(r.learnerId && held(r.learnerId, GENERAL_LEVELS))) houses.push(r.garHouseId);
  const matchedHere = new Set(w.residents.filter((r) => r.learnerId && stays(r)).map((r) => r.learnerId!));
  for (const l of w.learners) {
    const first = (w.addressesOf.get(l.id) ?? []).slice().sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))[0];
    if (first?.municipalityId !== municipalityId || !inAge(l.birth) || matchedHere.has(l.id)) continue;
    if (held(l.id, ["PRESCHOOL"]) && !held(l.id, GENERAL_LEVELS)) houses.push(first.garHouseId);
  }
  const perSchool = new Map<string, { children: number; overlap: number }>();
  let unknownHouse = 0;
  let unassigned = 0;
  for (const h of houses) {
    const house = h === null ? undefined : w.houses.get(h);
    if (!house) {
      unknownHouse++;
      continue;
    }
    const covers = (a: World["assignments"][number]) =>
      a.academicYear === F && ((a.objectKind === "HOUSE" && a.garObjectId === house.objectId) || (a.objectKind === "STREET" && a.garObjectId === house.streetId) || (a.objectKind === "SETTLEMENT" && a.garObjectId === house.settlementId));
    const schools = new Set(w.assignments.filter(covers).map((a) => a.organisationId));
    if (!schools.size) unassigned++;
    for (const s of schools) {
      const c = perSchool.get(s) ?? { children: 0, overlap: 0 };
      perSchool.set(s, { children: c.children + 1, overlap: c.overlap + (schools.size > 1 ? 1 : 0) });
    }
  }
  const general = [...w.organisations.values()].filter((o) => o.municipalityId === municipalityId && ["GENERAL_SCHOOL", "BOARDING_SCHOOL"].includes(o.type) && o.closedAt === null);
  const rows = [...new Set([...general.map((o) => o.id), ...perSchool.keys()])].map((id) => {
    const c = perSchool.get(id) ?? { children: 0, overlap: 0 };
    const places = w.places.find((p) => p.organisationId === id && p.academicYear === F)?.places ?? null;
    return { organisationId: id, children: c.children, overlap: c.overlap, places, difference: places === null ? null : places - c.children };
  });
  return { rows, unknownHouse, unassigned, total: houses.length };
}
