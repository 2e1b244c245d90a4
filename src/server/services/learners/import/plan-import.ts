// Deciding, row by row, what an import would do against the registry: create
// a learner, update one this school holds, leave it as it is, or refuse the
// row. Nothing is written here; apply-import.ts carries the plan out.
import { randomUUID } from "node:crypto";
import type { CreateLearnerInput } from "@/lib/schemas/learner";
import type { DbTx } from "../../../db";
import type { Prisma } from "../../../generated/prisma/client";
import { decryptIdentity, snilsIndexOf } from "../../person/identity-fields";
import { changedFields, day, LEARNER_COLUMNS, REPRESENTATIVE_COLUMNS, toColumns } from "../../person/person-data";
import { idsBySnilsIndex, learnerIdsByName } from "./find-existing";
import type { ImportIssue } from "./row-to-input";
import { isIssue, rowClasses, type NewClass } from "./row-classes";

const HELD = ["ACTIVE", "PENDING_TRANSFER"] as ("ACTIVE" | "PENDING_TRANSFER")[];
const CHUNK = 1000;

export interface ValidRow {
  row: number;
  input: CreateLearnerInput;
}

type Data = Record<string, unknown>;
export interface ImportPlan {
  learners: Data[];
  enrolments: Data[];
  representatives: Data[];
  links: Data[];
  consents: Data[];
  learnerUpdates: { id: string; data: Data }[];
  enrolmentUpdates: { learnerId: string; id: string; data: Data }[];
  representativeUpdates: Map<string, Data>;
  linkUpdates: { learnerId: string; representativeId: string; relation: string }[];
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  /** Classes the file names that the school lacks (labels), and those the plan creates with consent. */
  missingClasses: string[];
  newClasses: NewClass[];
}

const existingInclude = {
  enrolments: { where: { status: { in: HELD } } },
  representatives: { include: { representative: true } },
  consents: { where: { withdrawnAt: null }, select: { representativeId: true, givenAt: true } },
} as const;

type StoredLearner = Prisma.LearnerGetPayload<{ include: typeof existingInclude }>;

/** Plans compare plain values: SNILS and document numbers are decrypted once, on loading. */
function decryptExisting(l: StoredLearner) {
  return {
    ...decryptIdentity("Learner", l),
    representatives: l.representatives.map((link) => ({ ...link, representative: decryptIdentity("Representative", link.representative) })),
  };
}
type Existing = ReturnType<typeof decryptExisting>;

async function inChunks<T, R>(items: T[], load: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await load(items.slice(i, i + CHUNK))));
  return out;
}

/** Stored learners with what a plan compares: held enrolments, representatives, consents. */
const loadLearners = (tx: DbTx, ids: string[]) => inChunks(ids, (chunk) => tx.learner.findMany({ where: { id: { in: chunk } }, include: existingInclude }));

const nameKey = (p: { lastName: string; firstName: string; middleName?: string | null; sex?: string | null; birthDate?: string | Date | null }) =>
  [p.lastName, p.firstName, p.middleName ?? "", p.sex ?? "", p.birthDate instanceof Date ? p.birthDate.toISOString().slice(0, 10) : (p.birthDate ?? "")]
    .join("|")
    .toLowerCase()
    .replace(/ё/g, "е");

/** Only values the file gives: a blank cell never erases what is stored. */
const given = (columns: Data) => Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== null));
const pick = (data: Data, keys: string[]) => Object.fromEntries(keys.map((k) => [k, data[k]]));

/** Same SNILS twice in a file, or one representative described two ways, refuses the later row. */
export function checkWithinFile(rows: ValidRow[], errors: ImportIssue[]): ValidRow[] {
  const learnerAt = new Map<string, number>();
  const repAt = new Map<string, { row: number; json: string }>();
  return rows.filter(({ row, input }) => {
    const key = input.learner.snils ?? `name:${nameKey(input.learner)}`;
    const first = learnerAt.get(key);
    if (first !== undefined) {
      const [column, what] = input.learner.snils ? ["СНИЛС", "этот СНИЛС"] : ["", "обучающийся с такими ФИО, полом и датой рождения"];
      errors.push({ row, column, message: `${what[0]!.toUpperCase()}${what.slice(1)} уже указан в строке ${first}` });
      return false;
    }
    learnerAt.set(key, row);
    const rep = input.representatives[0];
    if (rep?.snils) {
      const json = JSON.stringify(toColumns(rep, REPRESENTATIVE_COLUMNS));
      const seen = repAt.get(rep.snils);
      if (seen && seen.json !== json) {
        errors.push({ row, column: "Представитель: СНИЛС", message: `Представитель с этим СНИЛС в строке ${seen.row} указан с другими данными` });
        return false;
      }
      repAt.set(rep.snils, { row, json });
    }
    return true;
  });
}

export async function planImport(tx: DbTx, organisationId: string, regionId: string, rows: ValidRow[], options = { createClasses: false }): Promise<ImportPlan> {
  const plan: ImportPlan = {
    learners: [], enrolments: [], representatives: [], links: [], consents: [],
    learnerUpdates: [], enrolmentUpdates: [], representativeUpdates: new Map(), linkUpdates: [],
    created: 0, updated: 0, unchanged: 0, errors: [], missingClasses: [], newClasses: [],
  };
  const classes = await rowClasses(tx, organisationId, options.createClasses);
  const valid = checkWithinFile(rows, plan.errors);

  const snilsList = valid.flatMap((r) => (r.input.learner.snils ? [r.input.learner.snils] : []));
  const bySnils = new Map(
    (await loadLearners(tx, await idsBySnilsIndex(tx, "Learner", snilsList.map(snilsIndexOf))))
      .map(decryptExisting)
      .map((l) => [l.snils!, l]),
  );
  // Rows without SNILS, or with one the registry does not know yet, are also looked up
  // by full name, sex and birth date (the duplicate rule of the forms): a school
  // that first loaded a class without SNILS and then adds them updates, not duplicates.
  const unnamed = valid.filter((r) => !r.input.learner.snils || !bySnils.has(r.input.learner.snils));
  const byName = new Map<string, Existing[]>();
  const nameIds = await learnerIdsByName(tx, unnamed.map((r) => r.input.learner));
  for (const l of (await loadLearners(tx, nameIds)).map(decryptExisting)) {
    byName.set(nameKey(l), [...(byName.get(nameKey(l)) ?? []), l]);
  }
  const repSnils = [...new Set(valid.flatMap((r) => (r.input.representatives[0]?.snils ? [r.input.representatives[0].snils] : [])))];
  const repBySnils = new Map(
    (await inChunks(await idsBySnilsIndex(tx, "Representative", repSnils.map(snilsIndexOf)), (chunk) => tx.representative.findMany({ where: { id: { in: chunk } } })))
      .map((r) => decryptIdentity("Representative", r))
      .map((r) => [r.snils!, r]),
  );
  const newRepBySnils = new Map<string, string>();

  for (const { row, input } of valid) {
    const { snils } = input.learner;
    let existing = snils ? bySnils.get(snils) : undefined;
    if (!existing) {
      const matches = byName.get(nameKey(input.learner)) ?? [];
      const here = matches.filter((l) => l.enrolments.some((e) => e.organisationId === organisationId) && (!snils || l.snils === null));
      if (here.length > 1) {
        plan.errors.push({ row, column: "СНИЛС", message: "В организации несколько обучающихся с такими ФИО, полом и датой рождения: укажите СНИЛС" });
        continue;
      }
      // Only this school's own learners match by name: a same-name person
      // elsewhere is never looked at (telling the school about them would say
      // that the child exists; region-wide look-alikes are the ministry's
      // data-quality check). With a new SNILS it is another child anyway.
      existing = here[0];
    }
    const enrolment = existing?.enrolments.find((e) => e.organisationId === organisationId && e.isBasic) ?? existing?.enrolments.find((e) => e.organisationId === organisationId);
    if (existing && !enrolment) {
      // One answer whether the child is held elsewhere or left: nothing about where.
      const message = "Этот СНИЛС нельзя загрузить как новую запись: если ребёнок уже учился в регионе, оформите его зачисление из реестра (по СНИЛС и дате рождения)";
      plan.errors.push({ row, column: "СНИЛС", message });
      continue;
    }
    // Held elsewhere and taught here in an additional programme only (the relationship rule).
    if (existing && enrolment && !enrolment.isBasic && existing.enrolments.some((e) => e.organisationId !== organisationId)) {
      // An additional programme does not change a learner's personal data (the holding school does).
      plan.errors.push({ row, column: "СНИЛС", message: "Обучающийся занимается в вашей организации только по дополнительной программе: его данные меняет организация, где он обучается по основной программе" });
      continue;
    }

    let touched = false;
    const learnerId = existing?.id ?? randomUUID();
    const learnerColumns = toColumns(input.learner, LEARNER_COLUMNS);
    const { level, grade, classLetter, enrolledAt } = input.enrolment;
    // A blank class cell keeps the stored class (a blank cell never erases), which must still be one of the school's.
    const schoolClass = classes.classOf(row, {
      level,
      grade: grade ?? enrolment?.grade ?? null,
      classLetter: classLetter ?? (grade === undefined || grade === enrolment?.grade ? (enrolment?.classLetter ?? null) : null),
      enrolledAt,
    });
    if (isIssue(schoolClass)) {
      plan.errors.push(schoolClass);
      continue;
    }
    const classColumns = schoolClass ? { classId: schoolClass.id, programmeId: schoolClass.programmeId } : {};
    const enrolmentColumns = { level, isBasic: level !== "ADDITIONAL", grade: grade ?? null, classLetter: classLetter ?? null, enrolledAt: day(enrolledAt), ...classColumns };
    if (!existing || !enrolment) {
      plan.learners.push({ id: learnerId, regionId, ...learnerColumns });
      plan.enrolments.push({ id: randomUUID(), learnerId, organisationId, ...enrolmentColumns });
    } else {
      const next = given(learnerColumns);
      const changed = changedFields(existing, next);
      if (changed.length) plan.learnerUpdates.push({ id: existing.id, data: pick(next, changed) });
      const enrolmentNext = given(enrolmentColumns);
      const enrolmentChanged = changedFields(enrolment, enrolmentNext);
      if (enrolmentChanged.length) plan.enrolmentUpdates.push({ learnerId, id: enrolment.id, data: pick(enrolmentNext, enrolmentChanged) });
      touched = changed.length > 0 || enrolmentChanged.length > 0;
    }

    const rep = input.representatives[0];
    if (rep) {
      const repColumns = given(toColumns(rep, REPRESENTATIVE_COLUMNS));
      const sameName = (l: { representative: { lastName: string; firstName: string; middleName: string | null } }) =>
        nameKey({ ...l.representative, sex: null, birthDate: null }) === nameKey({ ...rep, sex: null, birthDate: null });
      const snilsFree = rep.snils && !repBySnils.has(rep.snils) && !newRepBySnils.has(rep.snils);
      const linked =
        existing?.representatives.find((l) => (rep.snils ? l.representative.snils === rep.snils : sameName(l))) ??
        // A representative linked without SNILS gets the file's SNILS, unless another person holds it.
        (snilsFree ? existing?.representatives.find((l) => l.representative.snils === null && sameName(l)) : undefined);
      if (linked && rep.snils) newRepBySnils.set(rep.snils, linked.representative.id);
      const stored = linked?.representative ?? (rep.snils ? repBySnils.get(rep.snils) : undefined);
      let representativeId: string;
      if (stored) {
        representativeId = stored.id;
        const changed = changedFields(stored, repColumns);
        if (changed.length) {
          plan.representativeUpdates.set(stored.id, pick(repColumns, changed));
          touched = true;
        }
      } else {
        const known = rep.snils ? newRepBySnils.get(rep.snils) : undefined;
        representativeId = known ?? randomUUID();
        if (!known) plan.representatives.push({ id: representativeId, regionId, ...repColumns });
        if (rep.snils) newRepBySnils.set(rep.snils, representativeId);
      }
      if (!linked) {
        const hasPrimary = existing?.representatives.some((l) => l.isPrimaryContact) ?? false;
        plan.links.push({ learnerId, representativeId, relation: rep.relation, isPrimaryContact: !hasPrimary });
        touched = true;
      } else if (linked.relation !== rep.relation) {
        plan.linkUpdates.push({ learnerId, representativeId, relation: rep.relation });
        touched = true;
      }
      const consent = input.consent;
      const givenAt = consent ? day(consent.givenAt) : null;
      const hasConsent = existing?.consents.some((c) => c.representativeId === representativeId && c.givenAt.getTime() === givenAt?.getTime());
      if (consent && givenAt && !hasConsent) {
        plan.consents.push({ id: randomUUID(), learnerId, representativeId, givenAt, scope: consent.scope });
        touched = true;
      }
    }
    if (!existing) plan.created++;
    else if (touched) plan.updated++;
    else plan.unchanged++;
  }
  plan.missingClasses = classes.missing();
  plan.newClasses = classes.created();
  return plan;
}
