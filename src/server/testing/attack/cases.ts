// What every learner-taking procedure must answer to each actor of the attack
// world, derived from the access matrix (role × relationship), never typed
// out per actor. A procedure whose input names a learner, representative,
// enrolment, class, record or other item and that is neither here nor in
// NOT_LEARNER_SCOPED fails the suite, so a new procedure is covered the day it is written.
import { expect } from "vitest";
import {
  allowsLearnerStage,
  allowsStage,
  hasCapability,
  relationshipAccess,
  type Relationship,
  type Stage,
  type StageAccess,
} from "../../authz/matrix";
import { canFixLearnerAddresses, canIssueStudyCertificates, permits } from "../../authz/permissions";
import { ZLearnerContacts, ZLearnerIdentity, ZLearnerPersonal } from "../../services/learners/learner-views";
import { learnerInput } from "../learner-fixtures";
import type { AttackActor, AttackWorld } from "./world";

export type Outcome = "ok" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT";
export interface AttackCase {
  input: (w: AttackWorld, a: AttackActor) => unknown;
  expect: (a: AttackActor) => Outcome;
  /** A write that would change the world for later cases: refusals are checked, an allowed call is not run. */
  mutates?: boolean;
  /** Checks an allowed answer against the matrix. */
  check?: (out: unknown, a: AttackActor, w: AttackWorld) => void;
}

export const relationshipOfActor = (a: AttackActor): Relationship => (a.tie === "CANCELLED" ? "NONE" : a.tie);
const order = { orderNumber: "АТК-1", orderDate: "2026-10-05", effectiveDate: "2026-10-05" };

/** The procedure's gate (role), then the relationship (NOT_FOUND without one), then the level it gives. */
function learnerRule(stage: Stage, need: Exclude<StageAccess, "none">, gate: Exclude<StageAccess, "none"> = need) {
  return (a: AttackActor): Outcome => {
    if (!allowsStage(a.role, stage, gate)) return "FORBIDDEN";
    const relationship = relationshipOfActor(a);
    if (relationship === "NONE") return "NOT_FOUND";
    return allowsLearnerStage(a.role, relationship, stage, need) ? "ok" : "FORBIDDEN";
  };
}

function portfolioWrite(kind: "achievement" | "exam" | "grade" | "certificate") {
  return (a: AttackActor): Outcome => {
    const outcome = learnerRule("PORTFOLIO", "write")(a);
    if (outcome !== "ok") return outcome;
    return relationshipAccess(relationshipOfActor(a)).portfolioWrites.includes(kind) && a.organisationId ? "ok" : "FORBIDDEN";
  };
}

/** Movement orders: the movement.write capability, then only the holding school. */
function holdingOrder(a: AttackActor): Outcome {
  if (!hasCapability(a.role, "movement.write")) return "FORBIDDEN";
  const relationship = relationshipOfActor(a);
  return relationship === "NONE" ? "NOT_FOUND" : relationship === "HOLDING" ? "ok" : "FORBIDDEN";
}
/** The справка об обучении: the named check (school staff reading portfolios), then only the holding or a former school. */
function studyCertificateRule(a: AttackActor): Outcome {
  if (!permits(canIssueStudyCertificates, { role: a.role, scope: { kind: a.organisationId ? "ORGANISATION" : "REGION" } })) return "FORBIDDEN";
  const relationship = relationshipOfActor(a);
  if (relationship === "NONE") return "NOT_FOUND";
  return relationship === "HOLDING" || relationship === "FORMER" ? "ok" : "FORBIDDEN";
}
/** A correction of a learner's address (issue 22): the named check (school staff writing PERSONAL), then PERSONAL write by relationship. */
function addressFixRule(a: AttackActor): Outcome {
  if (!permits(canFixLearnerAddresses, { role: a.role, scope: { kind: a.organisationId ? "ORGANISATION" : "REGION" } })) return "FORBIDDEN";
  return learnerRule("PERSONAL", "write")(a);
}
const movementGate = (then: (a: AttackActor) => Outcome) => (a: AttackActor): Outcome => (hasCapability(a.role, "movement.write") ? then(a) : "FORBIDDEN");

const ownRecords = (a: AttackActor) => relationshipAccess(relationshipOfActor(a)).records === "own";
function expectRows(rows: { id: string }[], all: { id: string; organisationId: string }[], a: AttackActor, what: string) {
  const expected = ownRecords(a) ? all.filter((r) => r.organisationId === a.organisationId) : all;
  expect(rows.map((r) => r.id).sort(), `${what} for ${a.login}`).toEqual(expected.map((r) => r.id).sort());
}

const CONTACT_KEYS = ["id", "relation", "isPrimaryContact", "lastName", "firstName", "middleName", "phone", "email"];
const health = { recordedAt: "2026-10-01", healthGroup: "II", peGroup: "PREPARATORY" };

export const ATTACK_CASES: Record<string, AttackCase> = {
  "learners.card": {
    input: (w) => ({ id: w.learnerId }),
    expect: learnerRule("PERSONAL", "identity"),
    check: (out, a, w) => {
      const card = out as { view: string; relationship: string; learner: Record<string, unknown> & { representatives?: Record<string, unknown>[]; organisation: { id: string } | null } };
      const relationship = relationshipOfActor(a);
      expect(card.relationship).toBe(relationship);
      const view = allowsLearnerStage(a.role, relationship, "PERSONAL", "read")
        ? "personal"
        : relationshipAccess(relationship).representatives === "contacts" && allowsStage(a.role, "PERSONAL", "read")
          ? "contacts"
          : "identity";
      expect(card.view, a.login).toBe(view);
      const writes = allowsLearnerStage(a.role, relationship, "PORTFOLIO", "write") && a.organisationId ? relationshipAccess(relationship).portfolioWrites : [];
      expect((card as unknown as { portfolioWrites: string[] }).portfolioWrites, a.login).toEqual([...writes]);
      // Exactly the keys of the view: the per-role keys test, per relationship.
      const keys = { identity: ZLearnerIdentity.shape, contacts: ZLearnerContacts.shape, personal: ZLearnerPersonal.shape }[view];
      expect(Object.keys(card.learner).sort(), a.login).toEqual(Object.keys(keys).sort());
      for (const r of card.learner.representatives ?? []) if (view === "contacts") expect(Object.keys(r).sort()).toEqual([...CONTACT_KEYS].sort());
      // A former or additional school is placed at its own enrolment and never told where the learner studies.
      if (ownRecords(a)) {
        expect(card.learner.organisation?.id).toBe(a.organisationId);
        expect(JSON.stringify(card)).not.toContain(w.orgOf("HOLDING"));
      }
    },
  },
  "learners.search": {
    // By SNILS: found by every relationship but none, placed where the relationship shows it.
    input: (w) => ({ query: w.snils }),
    expect: (a) => (allowsStage(a.role, "PERSONAL", "identity") ? "ok" : "FORBIDDEN"),
    check: (out, a) => {
      const { rows } = out as { rows: { organisation: { id: string } | null }[] };
      expect(rows.length, a.login).toBe(relationshipOfActor(a) === "NONE" ? 0 : 1);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(Object.keys(ZLearnerIdentity.shape).sort());
        if (ownRecords(a)) expect(row.organisation?.id).toBe(a.organisationId);
      }
    },
  },
  "learners.list": {
    // A school's own roll (held and additional-programme learners); other scopes are refused.
    input: (w) => ({ search: w.snils, page: 0, pageSize: 20 }),
    expect: (a) => (allowsStage(a.role, "PERSONAL", "identity") && a.organisationId ? "ok" : "FORBIDDEN"),
    check: (out, a) => {
      const on = ["HOLDING", "ADDITIONAL"].includes(relationshipOfActor(a));
      expect((out as { rows: unknown[] }).rows.length, a.login).toBe(on ? 1 : 0);
    },
  },
  "learners.update": {
    input: (w) => ({ id: w.learnerId, learner: { lastName: "Взломов", firstName: "Пётр", birthDate: w.birthDate, sex: "MALE", citizenship: "643" } }),
    expect: learnerRule("PERSONAL", "write"),
    mutates: true,
  },
  "learners.addRepresentative": {
    input: (w) => ({ learnerId: w.learnerId, representative: { relation: "GUARDIAN", lastName: "Чужой", firstName: "Опекун", citizenship: "643", isPrimaryContact: false } }),
    expect: learnerRule("PERSONAL", "write"),
    mutates: true,
  },
  "learners.updateRepresentative": {
    input: (w) => ({ learnerId: w.learnerId, representativeId: w.representativeId, representative: { relation: "MOTHER", lastName: "Подменова", firstName: "Мария", citizenship: "643", phone: "+7 900 000-00-00", isPrimaryContact: true } }),
    expect: learnerRule("PERSONAL", "write"),
    mutates: true,
  },
  "learners.unlinkRepresentative": { input: (w) => ({ learnerId: w.learnerId, representativeId: w.representativeId }), expect: learnerRule("PERSONAL", "write"), mutates: true },
  "learners.giveConsent": {
    input: (w) => ({ learnerId: w.learnerId, representativeId: w.representativeId, consent: { givenAt: "2026-10-01", scope: "Передача данных третьим лицам" } }),
    expect: learnerRule("PERSONAL", "write"),
    mutates: true,
  },
  "learners.withdrawConsent": { input: (w) => ({ learnerId: w.learnerId, consentId: w.consentId, withdrawnAt: "2026-10-01" }), expect: learnerRule("PERSONAL", "write"), mutates: true },
  "learners.health.get": {
    input: (w) => ({ learnerId: w.learnerId }),
    expect: learnerRule("HEALTH", "read"),
    check: (out, a, w) => expectRows((out as { history: { id: string }[] }).history, w.records.health, a, "health records"),
  },
  "learners.health.record": { input: (w) => ({ learnerId: w.learnerId, data: health }), expect: learnerRule("HEALTH", "write") },
  "learners.health.correct": { input: (w) => ({ learnerId: w.learnerId, recordId: w.records.health[0]!.id, data: health }), expect: learnerRule("HEALTH", "write"), mutates: true },
  "learners.portfolio.get": {
    input: (w) => ({ learnerId: w.learnerId }),
    expect: learnerRule("PORTFOLIO", "read"),
    check: (out, a, w) => {
      const portfolio = out as { grades: { id: string }[]; achievements: { id: string }[] };
      expectRows(portfolio.grades, w.records.grades, a, "grades");
      expectRows(portfolio.achievements, w.records.achievements, a, "achievements");
    },
  },
  "learners.portfolio.addAchievement": {
    input: (w) => ({ learnerId: w.learnerId, kind: "Олимпиада", title: "Атака", level: "SCHOOL", result: "PARTICIPANT", date: "2026-10-02" }),
    expect: portfolioWrite("achievement"),
    mutates: true,
  },
  "learners.portfolio.addExam": { input: (w) => ({ learnerId: w.learnerId, kind: "OGE", subjectId: w.subjects.math, year: 2026, primaryScore: 20, mark: 4 }), expect: portfolioWrite("exam"), mutates: true },
  "learners.portfolio.addGrade": {
    input: (w, a) => ({ learnerId: w.learnerId, academicYear: 2026, subjectId: w.subjects.of(a.login), period: "2 четверть", mark: 3 }),
    expect: portfolioWrite("grade"),
    mutates: true,
  },
  "learners.portfolio.correctGrade": {
    // The holding school's mark: an additional-programme school may correct only its own.
    input: (w) => ({ learnerId: w.learnerId, gradeId: w.records.grades.find((g) => g.organisationId === w.orgOf("HOLDING"))!.id, mark: 2 }),
    expect: (a) => {
      const outcome = portfolioWrite("grade")(a);
      return outcome === "ok" && ownRecords(a) ? "NOT_FOUND" : outcome;
    },
    mutates: true,
  },
  "learners.portfolio.setCertificate": {
    input: (w) => ({ learnerId: w.learnerId, level: "BASIC_GENERAL", number: "00000000000001", issuedAt: "2026-06-20", withHonours: false }),
    expect: portfolioWrite("certificate"),
    mutates: true,
  },
  "studyCertificates.forLearner": {
    input: (w) => ({ learnerId: w.learnerId }),
    expect: studyCertificateRule,
    // Only the years the school itself taught the learner: gymn2 from 2024/25 until the transfer in
    // September 2026 (school1 accepted on the 2nd), school1 since then.
    check: (out, a) => {
      const years = (out as { years: { academicYear: number }[] }).years.map((y) => y.academicYear);
      if (relationshipOfActor(a) === "FORMER") expect(years, a.login).toEqual([2026, 2025, 2024]);
      else expect(Math.min(...years), a.login).toBe(2026);
    },
  },
  "studyCertificates.issue": {
    input: (w) => ({ learnerId: w.learnerId, academicYear: 2025, period: "1 четверть" }),
    expect: studyCertificateRule,
    mutates: true,
  },
  "learnerAddresses.fix": {
    input: (w) => ({ action: "confirm", learnerId: w.learnerId, kind: "RESIDENCE", text: "г. Нигде, ул. Атакующая, д. 1" }),
    expect: addressFixRule,
    mutates: true,
  },
  "movement.trajectory": {
    input: (w) => ({ learnerId: w.learnerId }),
    expect: (a) => (!allowsStage(a.role, "PERSONAL", "read") ? "FORBIDDEN" : relationshipOfActor(a) === "NONE" ? "NOT_FOUND" : "ok"),
    check: (out, a, w) => expectRows(out as { id: string }[], w.records.events, a, "orders"),
  },
  "movement.event": { input: (w) => ({ type: "PROMOTION", learnerId: w.learnerId, order }), expect: holdingOrder, mutates: true },
  "movement.transfers.start": { input: (w) => ({ learnerId: w.learnerId, toOrganisationId: w.kinderId, order }), expect: holdingOrder, mutates: true },
  "movement.reinstate": {
    // Nobody expelled the learner: every school is refused, as if it had nothing to reinstate.
    input: (w) => ({ learnerId: w.learnerId, placement: { level: "BASIC", grade: 6, classLetter: "А" }, order }),
    expect: movementGate(() => "NOT_FOUND"),
  },
  "movement.cancel": {
    // The additional programme's enrolment order: only its own school may cancel it.
    input: (w) => ({ learnerId: w.learnerId, eventId: w.cdtEnrolmentEventId, order, reason: "Попытка отмены" }),
    expect: movementGate((a) => (relationshipOfActor(a) === "ADDITIONAL" ? "ok" : "NOT_FOUND")),
    mutates: true,
  },
  "movement.transfers.accept": {
    input: (w) => ({ learnerId: w.learnerId, transferId: w.transferId, placement: { level: "BASIC", grade: 6, classLetter: "А" }, order }),
    expect: movementGate((a) => (relationshipOfActor(a) === "HOLDING" ? "CONFLICT" : "NOT_FOUND")),
  },
  "movement.transfers.reject": {
    input: (w) => ({ learnerId: w.learnerId, transferId: w.transferId, reason: "Попытка отказа" }),
    expect: movementGate((a) => (relationshipOfActor(a) === "HOLDING" ? "CONFLICT" : "NOT_FOUND")),
  },
  "learners.create": {
    // A new record with the learner's SNILS: a conflict for every school that may create, naming no school.
    input: (w) => {
      const input = learnerInput({ acknowledgeDuplicate: true });
      input.learner.snils = w.snils;
      return input;
    },
    expect: (a) => (allowsStage(a.role, "PERSONAL", "write") ? "CONFLICT" : "FORBIDDEN"),
  },
  "movement.enrolExisting": {
    // A basic enrolment of a child held elsewhere: refused for everyone, naming no school.
    input: (w) => ({ snils: w.snils, birthDate: w.birthDate, placement: { level: "BASIC", grade: 6, classLetter: "В" }, order }),
    expect: movementGate(() => "CONFLICT"),
  },
};

/** Procedures whose id inputs are not a learner's, with the reason; each is covered by its own tests. */
export const NOT_LEARNER_SCOPED: Record<string, string> = {
  "frdo.check": "an organisation's or territory's certificates, never one learner's; scope and roles in frdo.integration.test.ts",
  "admin.accessReports.learnerAccess": "the auditor's region-wide report, gated by audit.read (access-reports tests)",
  "admin.accessReports.lookupLearner": "the auditor's region-wide lookup, gated by audit.read (access-reports tests)",
  "movement.rollover.commit": "acts on the caller's own roll; enrolment ids only override actions within it (school-events tests)",
  "ministry.gia.results": "aggregates of a territory's or organisation's ГИА results, never one learner's; scope and roles in gia-results.integration.test.ts",
  "school.performance.class": "a class of the caller's own school (another school's: NOT_FOUND), its own marks only; role gate canReadClassPerformance (performance tests)",
  "territories.addAssignment": "assigns a house, street or settlement to a school of the order's municipality; no learner; scope and roles in territories.integration.test.ts",
  "territories.setPlaces": "a school's first-grade places for a year; no learner; scope and roles in territories.integration.test.ts",
  "childrenAccount.counts": "counts of a municipality's lists (another municipality: NOT_FOUND); no learner id; scope and roles in children-account.integration.test.ts",
  "childrenAccount.list": "a municipality's list of children (another municipality: NOT_FOUND), audited with the learners listed; no learner id; children-account.integration.test.ts",
  "childrenAccount.forecast": "counts per school of a municipality (another: NOT_FOUND); no learner id; children-account.integration.test.ts",
};
/** Prefixes of procedures that take ids of accounts, clients, organisations or programmes, never of a learner. */
export const NOT_LEARNER_PREFIXES = ["admin.users.", "admin.machineClients.", "ministry.approvals.", "health.approvals.", "ministry.organisations.", "ministry.dashboard.", "ministry.reports.", "ministry.healthStats.", "health.stats.", "school.programmes.", "ministry.performance."];
