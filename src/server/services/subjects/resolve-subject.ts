// How writers name a subject: the portfolio form by its id (picked from the
// list), the e-journal by its code or, for journals written before the
// vocabulary, by a name that is the vocabulary's name in normal form (case,
// spaces, ё). Only active subjects are accepted for new rows.
import { normaliseSubjectText, SUBJECT_CODE } from "@/lib/subjects";
import type { DbTx } from "../../db";
import { badRequest } from "../../errors";

export interface SubjectRef {
  id: string;
  code: string;
  name: string;
}

const select = { id: true, code: true, name: true } as const;

/** The active subject with this id, or BAD_REQUEST on `field`. */
export async function requireSubject(tx: DbTx, subjectId: string, field = "subjectId"): Promise<SubjectRef> {
  const subject = await tx.subject.findFirst({ where: { id: subjectId, active: true }, select });
  if (!subject) throw badRequest("Выберите предмет из справочника", field);
  return subject;
}

/** Resolves codes and names for a batch: one query, then a lookup per row (null: unknown). */
export async function subjectResolver(tx: DbTx): Promise<(codeOrName: string) => SubjectRef | null> {
  const subjects = await tx.subject.findMany({ where: { active: true }, select });
  const byCode = new Map(subjects.map((s) => [s.code, s]));
  const byName = new Map(subjects.map((s) => [normaliseSubjectText(s.name), s]));
  return (codeOrName) => {
    const text = codeOrName.trim();
    return (SUBJECT_CODE.test(text) ? byCode.get(text) : undefined) ?? byName.get(normaliseSubjectText(text)) ?? null;
  };
}
