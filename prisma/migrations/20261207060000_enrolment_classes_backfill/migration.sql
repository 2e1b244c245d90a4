-- Every current enrolment at a level taught in classes (НОО, ООО, СОО) names
-- one of its school's classes of the academic year (issue 19: an import had
-- written free-text classes 2В/3В/4В that the ministry dashboard showed but
-- «Программы и классы» did not). The server now refuses an unknown class; this
-- brings the data written before it into line, once:
--   1. a school with such enrolments but no (non-adapted) basic programme of
--      that level gets one («… (создана при переносе классов)»), since a class
--      needs a programme — never an АООП, which would mark learners as ОВЗ;
--   2. each (school, grade, letter) in use without a class of the current
--      academic year gets that class, under the enrolments' own programme or
--      the school's first non-adapted basic programme of the level;
--   3. those enrolments are linked to the class (and its programme when they
--      had none).
-- The current academic year starts on 1 September, Moscow time (the default
-- KONTINGENT_TIME_ZONE). Ended enrolments keep their history as it was.

CREATE TEMP TABLE "_classless" ON COMMIT DROP AS
SELECT e."learnerId", e."id", e."organisationId", e."level", e."grade", e."classLetter", e."programmeId",
       (CASE WHEN extract(month FROM now() AT TIME ZONE 'Europe/Moscow') >= 9
             THEN extract(year FROM now() AT TIME ZONE 'Europe/Moscow')
             ELSE extract(year FROM now() AT TIME ZONE 'Europe/Moscow') - 1 END)::smallint AS "academicYear"
FROM "Enrolment" e
WHERE e."status" IN ('ACTIVE', 'PENDING_TRANSFER')
  AND e."level" IN ('PRIMARY', 'BASIC', 'SECONDARY')
  AND e."grade" IS NOT NULL
  AND coalesce(e."classLetter", '') <> ''
  AND e."classId" IS NULL;

INSERT INTO "Programme" ("id", "organisationId", "name", "level", "isBasic")
SELECT gen_random_uuid(), n."organisationId",
       CASE n."level" WHEN 'PRIMARY' THEN 'ООП НОО' WHEN 'BASIC' THEN 'ООП ООО' ELSE 'ООП СОО' END || ' (создана при переносе классов)',
       n."level", true
FROM (SELECT DISTINCT "organisationId", "level" FROM "_classless" WHERE "programmeId" IS NULL) n
WHERE NOT EXISTS (
  SELECT 1 FROM "Programme" p
  WHERE p."organisationId" = n."organisationId" AND p."level" = n."level" AND p."isBasic" AND p."active" AND NOT p."adapted"
);

INSERT INTO "SchoolClass" ("id", "organisationId", "programmeId", "academicYear", "grade", "letter")
SELECT gen_random_uuid(), k."organisationId",
       coalesce(k."programmeId", (
         SELECT p."id" FROM "Programme" p
         WHERE p."organisationId" = k."organisationId" AND p."level" = k."level" AND p."isBasic" AND p."active" AND NOT p."adapted"
         ORDER BY p."createdAt", p."id" LIMIT 1)),
       k."academicYear", k."grade", k."classLetter"
FROM (
  SELECT DISTINCT ON ("organisationId", "academicYear", "grade", "classLetter")
         "organisationId", "academicYear", "grade", "classLetter", "level", "programmeId"
  FROM "_classless"
  ORDER BY "organisationId", "academicYear", "grade", "classLetter", "programmeId" NULLS LAST
) k
ON CONFLICT ("organisationId", "academicYear", "grade", "letter") DO NOTHING;

-- An enrolment without a programme takes its class's, unless that is an АООП
-- (an adapted programme says the learner has ОВЗ: never inferred).
UPDATE "Enrolment" e
SET "classId" = c."id", "programmeId" = coalesce(e."programmeId", CASE WHEN p."adapted" THEN NULL ELSE c."programmeId" END)
FROM "_classless" x
JOIN "SchoolClass" c
  ON c."organisationId" = x."organisationId" AND c."academicYear" = x."academicYear"
 AND c."grade" = x."grade" AND c."letter" = x."classLetter"
JOIN "Programme" p ON p."id" = c."programmeId"
WHERE e."learnerId" = x."learnerId" AND e."id" = x."id";
