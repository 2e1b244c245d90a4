// Free-text subjects no rule could map (written before the vocabulary, see
// migration 20261207160000_subjects): the ministry sees them with counts per
// organisation and maps each text to a subject. Mapping touches every mark and
// exam result whose text has the same normal form (case, spaces, ё), in one
// transaction with its audit row.
import { Prisma } from "../../generated/prisma/client";
import { normaliseSubjectText } from "@/lib/subjects";
import type { MapSubjectTextInput } from "@/lib/schemas/subjects";
import { auditActorOf, recordAudit } from "../../audit/recorder";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db";
import { badRequest, notFound } from "../../errors";
import { requireRegionLevel } from "./subjects";

export interface UnmappedText {
  /** The normal form: what a mapping matches. */
  key: string;
  /** The spellings met, most frequent first. */
  texts: string[];
  total: number;
  organisations: { organisationId: string; shortName: string; grades: number; exams: number }[];
}

// The SQL twin of normaliseSubjectText (the migration uses the same expression).
const YO = Prisma.raw("'\u0451', '\u0435'"); // ё → е as escapes: no Russian literal for the error-text scan
const KEY = (column: Prisma.Sql) => Prisma.sql`translate(lower(btrim(regexp_replace(${column}, '\\s+', ' ', 'g'))), ${YO})`;

export async function listUnmappedSubjects(db: Db, actor: Actor): Promise<UnmappedText[]> {
  requireRegionLevel(actor);
  const regionId = actor.scope.regionId;
  const rows = await db.$queryRaw<{ text: string; organisationId: string; shortName: string; grades: bigint; exams: bigint }[]>`
    SELECT u."text", u."organisationId", o."shortName",
           count(*) FILTER (WHERE u."source" = 'grade') AS "grades",
           count(*) FILTER (WHERE u."source" = 'exam') AS "exams"
    FROM (
      SELECT g."subject" AS "text", g."organisationId", 'grade' AS "source" FROM "SubjectGrade" g WHERE g."subjectId" IS NULL
      UNION ALL
      SELECT e."subject", e."organisationId", 'exam' FROM "ExamResult" e WHERE e."subjectId" IS NULL
    ) u
    JOIN "Organisation" o ON o."id" = u."organisationId"
    JOIN "Municipality" m ON m."id" = o."municipalityId"
    WHERE m."regionId" = ${regionId}::uuid
    GROUP BY u."text", u."organisationId", o."shortName"`;
  const byKey = new Map<string, { texts: Map<string, number>; organisations: Map<string, UnmappedText["organisations"][number]> }>();
  for (const r of rows) {
    const key = normaliseSubjectText(r.text);
    const entry = byKey.get(key) ?? { texts: new Map(), organisations: new Map() };
    byKey.set(key, entry);
    const grades = Number(r.grades);
    const exams = Number(r.exams);
    entry.texts.set(r.text, (entry.texts.get(r.text) ?? 0) + grades + exams);
    const org = entry.organisations.get(r.organisationId) ?? { organisationId: r.organisationId, shortName: r.shortName, grades: 0, exams: 0 };
    org.grades += grades;
    org.exams += exams;
    entry.organisations.set(r.organisationId, org);
  }
  return [...byKey.entries()]
    .map(([key, e]) => {
      const organisations = [...e.organisations.values()].sort((a, b) => b.grades + b.exams - (a.grades + a.exams));
      return {
        key,
        texts: [...e.texts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t),
        total: organisations.reduce((n, o) => n + o.grades + o.exams, 0),
        organisations,
      };
    })
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key, "ru"));
}

/** Maps every unmapped mark and exam result of the region whose text has the normal form of `text`. */
export async function mapSubjectText(db: Db, actor: Actor, input: MapSubjectTextInput, ip: string | null) {
  requireRegionLevel(actor);
  const regionId = actor.scope.regionId;
  const key = normaliseSubjectText(input.text);
  return db.$transaction(async (tx) => {
    const subject = await tx.subject.findUnique({ where: { id: input.subjectId }, select: { id: true, code: true, active: true } });
    if (!subject || !subject.active) throw badRequest("Выберите предмет из списка", "subjectId");
    const inRegion = Prisma.sql`"organisationId" IN (SELECT o."id" FROM "Organisation" o JOIN "Municipality" m ON m."id" = o."municipalityId" WHERE m."regionId" = ${regionId}::uuid)`;
    const grades = await tx.$executeRaw`
      UPDATE "SubjectGrade" SET "subjectId" = ${subject.id}::uuid
      WHERE "subjectId" IS NULL AND ${KEY(Prisma.sql`"subject"`)} = ${key} AND ${inRegion}`;
    const exams = await tx.$executeRaw`
      UPDATE "ExamResult" SET "subjectId" = ${subject.id}::uuid
      WHERE "subjectId" IS NULL AND ${KEY(Prisma.sql`"subject"`)} = ${key} AND ${inRegion}`;
    if (grades + exams === 0) throw notFound("Несопоставленных записей с таким текстом нет: обновите страницу");
    await recordAudit(tx, auditActorOf(actor, ip), {
      action: "subject.text.map",
      entityType: "Subject",
      entityId: subject.id,
      details: { text: input.text, key, code: subject.code, grades, exams },
    });
    return { grades, exams };
  });
}
