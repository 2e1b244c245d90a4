// Deciding, row by row, what a ГИА file would do: add a result, replace the
// scores of a stored one (an appeal), leave it, or refuse the row. Nothing is
// written here; import-gia.ts carries the plan out.
//
// A result is one per learner, exam kind, year and ФЦТ code (the unique key
// of ExamResult). ExamResult is not an append-only table (no refusing trigger
// in src/server/db/definitions/, so tools/db/grant.ts gives the application
// UPDATE on it): an appeal updates the stored row's scores in place, and the
// commit's audit row records that it happened. A result a school typed in by
// hand (no ФЦТ code) for the same learner, kind, year and subject is taken
// over by the file's row — given its code and the centre's scores — when it
// is the only such row on both sides, so the file does not double it.
import { randomUUID } from "node:crypto";
import type { GiaIssue, GiaRowOutcome, GiaScores } from "@/lib/schemas/gia-import";
import type { Scope } from "../../authz/scope";
import type { DbTx } from "../../db";
import type { GiaRow } from "./parse-row";
import { matchRow, type Candidate } from "./match-learners";
import { snilsIndexOf } from "../person/identity-fields";

export interface GiaSubjectInfo {
  name: string;
  subjectId: string;
}

export interface StoredExam extends GiaScores {
  id: string;
  learnerId: string;
  kind: string;
  year: number;
  giaSubjectCode: number | null;
  subjectId: string | null;
}

export interface GiaPlan {
  outcomes: GiaRowOutcome[];
  creates: Record<string, unknown>[];
  updates: { learnerId: string; id: string; data: Record<string, unknown> }[];
  /** Learners whose data the rows showed or wrote (the audit row's links). */
  learnerIds: Set<string>;
}

const scoresOf = (r: GiaScores): GiaScores => ({ primaryScore: r.primaryScore, testScore: r.testScore, mark: r.mark });
const sameScores = (a: GiaScores, b: GiaScores) => a.primaryScore === b.primaryScore && a.testScore === b.testScore && a.mark === b.mark;
const fullName = (l: Candidate) => [l.lastName, l.firstName, l.middleName].filter(Boolean).join(" ");

const MATCH_PROBLEM = {
  unmatched: { status: "unmatched", message: "Обучающийся с этим СНИЛС не найден в реестре (в вашей зоне ответственности)" },
  ambiguous: { status: "ambiguous", message: "Этому СНИЛС соответствует несколько обучающихся: результат не к кому привязать, сообщите в службу поддержки" },
  lastName: { status: "error", column: "Фамилия", message: "Фамилия не совпадает с фамилией обучающегося с этим СНИЛС в реестре: проверьте СНИЛС и фамилию" },
  noOrganisation: { status: "error", message: "У обучающегося нет ни одного зачисления: результат не к какой организации отнести" },
} as const;

/** Results already stored for these learners: imported ones (with a code) and hand-typed ones that may be taken over. */
export async function loadStoredExams(tx: DbTx, learnerIds: string[]): Promise<StoredExam[]> {
  const out: StoredExam[] = [];
  for (let i = 0; i < learnerIds.length; i += 1000) {
    out.push(
      ...(await tx.examResult.findMany({
        where: { learnerId: { in: learnerIds.slice(i, i + 1000) } },
        select: { id: true, learnerId: true, kind: true, year: true, giaSubjectCode: true, subjectId: true, primaryScore: true, testScore: true, mark: true },
      })),
    );
  }
  return out;
}

export function planGiaImport(
  rows: GiaRow[],
  candidates: Map<string, Candidate[]>,
  stored: StoredExam[],
  subjects: Map<number, GiaSubjectInfo>,
  scope: Scope,
  createdById: string,
): GiaPlan {
  const plan: GiaPlan = { outcomes: [], creates: [], updates: [], learnerIds: new Set() };
  const storedByKey = new Map<string, StoredExam>();
  const handTyped = new Map<string, StoredExam[]>();
  for (const s of stored) {
    if (s.giaSubjectCode !== null) storedByKey.set(`${s.learnerId}|${s.kind}|${s.year}|${s.giaSubjectCode}`, s);
    else if (s.subjectId) {
      const key = `${s.learnerId}|${s.kind}|${s.year}|${s.subjectId}`;
      handTyped.set(key, [...(handTyped.get(key) ?? []), s]);
    }
  }

  // Same participant, exam and code twice in the file: the same result is a
  // harmless repeat, a different one cannot both be true.
  const firstRow = new Map<string, GiaRow>();
  const matched: { row: GiaRow; learner: Candidate; organisation: { id: string; shortName: string } }[] = [];
  for (const row of rows) {
    const exam = { kind: row.kind, year: row.year, code: row.code, subject: subjects.get(row.code)!.name };
    const fileKey = `${row.snils}|${row.kind}|${row.year}|${row.code}`;
    const earlier = firstRow.get(fileKey);
    if (earlier) {
      plan.outcomes.push(
        sameScores(earlier, row)
          ? { row: row.row, status: "unchanged", exam, scores: scoresOf(row), message: `Повторяет строку ${earlier.row}` }
          : { row: row.row, status: "error", exam, message: `Для этого участника, экзамена и предмета в строке ${earlier.row} указан другой результат` },
      );
      continue;
    }
    firstRow.set(fileKey, row);
    const match = matchRow(row, candidates.get(snilsIndexOf(row.snils)) ?? [], scope);
    if (match.kind !== "matched") {
      const problem = MATCH_PROBLEM[match.kind];
      const message = match.kind === "unmatched" && row.snilsChecksumBad ? `${problem.message}; контрольное число СНИЛС неверно — вероятна опечатка` : problem.message;
      plan.outcomes.push({ row: row.row, status: problem.status, column: "column" in problem ? problem.column : "СНИЛС", exam, message });
      continue;
    }
    matched.push({ row, ...match });
  }

  // How many file rows fall on each hand-typed slot: only a one-to-one pair is taken over.
  const slotOf = (m: (typeof matched)[number]) => `${m.learner.id}|${m.row.kind}|${m.row.year}|${subjects.get(m.row.code)!.subjectId}`;
  const rowsPerSlot = new Map<string, number>();
  for (const m of matched) rowsPerSlot.set(slotOf(m), (rowsPerSlot.get(slotOf(m)) ?? 0) + 1);

  for (const m of matched) {
    const { row, learner, organisation } = m;
    const subject = subjects.get(row.code)!;
    const exam = { kind: row.kind, year: row.year, code: row.code, subject: subject.name };
    const base = { row: row.row, exam, learner: { name: fullName(learner), organisation: organisation.shortName }, scores: scoresOf(row) };
    plan.learnerIds.add(learner.id);
    const existing = storedByKey.get(`${learner.id}|${row.kind}|${row.year}|${row.code}`);
    const typed = handTyped.get(slotOf(m));
    const takeOver = !existing && typed?.length === 1 && rowsPerSlot.get(slotOf(m)) === 1 ? typed[0] : undefined;
    if (existing && sameScores(existing, row)) {
      plan.outcomes.push({ ...base, status: "unchanged" });
    } else if (existing || takeOver) {
      const target = (existing ?? takeOver)!;
      plan.updates.push({
        learnerId: learner.id,
        id: target.id,
        data: { ...scoresOf(row), ...(takeOver ? { giaSubjectCode: row.code, subject: subject.name, subjectId: subject.subjectId } : {}) },
      });
      plan.outcomes.push({ ...base, status: "update", previous: scoresOf(target), ...(takeOver ? { message: "Результат, внесённый школой вручную, заменяется результатом из файла" } : {}) });
    } else {
      plan.creates.push({
        id: randomUUID(),
        learnerId: learner.id,
        organisationId: organisation.id,
        kind: row.kind,
        subject: subject.name,
        subjectId: subject.subjectId,
        giaSubjectCode: row.code,
        year: row.year,
        ...scoresOf(row),
        createdById,
      });
      plan.outcomes.push({ ...base, status: "add" });
    }
  }
  return plan;
}

/** A row the file's cells already refused, as one outcome: its problems joined, column by column. */
export function issueOutcome(row: number, issues: GiaIssue[]): GiaRowOutcome {
  return { row, status: "error", column: [...new Set(issues.map((i) => i.column))].join(", "), message: issues.map((i) => i.message).join("; ") };
}
