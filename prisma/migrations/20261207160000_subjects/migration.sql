-- Subjects as a vocabulary (issue 21): marks and exam results were free text,
-- so «Математика», «математика» and «Алгебра» never added up. This creates the
-- region's vocabulary, seeds it with the ФГОС НОО/ООО/СОО curriculum subjects
-- and the ФЦТ codes of the ГИА subjects, and maps the existing free text once:
-- trimmed, inner spaces collapsed, case-insensitive, ё = е, by name, by code or
-- by a short list of synonyms. What no rule maps keeps "subjectId" NULL; the
-- ministry's page «Справочник предметов» lists it and maps it by hand. The
-- text column keeps what was entered.

-- AlterTable
ALTER TABLE "ExamResult" ADD COLUMN     "subjectId" UUID;

-- AlterTable
ALTER TABLE "SubjectGrade" ADD COLUMN     "subjectId" UUID;

-- CreateTable
CREATE TABLE "Subject" (
    "id" UUID NOT NULL,
    "code" VARCHAR(30) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "levels" "EducationLevel"[],
    "parentId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiaSubject" (
    "code" SMALLINT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "subjectId" UUID NOT NULL,

    CONSTRAINT "GiaSubject_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "ExamResult_subjectId_idx" ON "ExamResult"("subjectId");

-- CreateIndex
CREATE INDEX "SubjectGrade_subjectId_idx" ON "SubjectGrade"("subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_code_key" ON "Subject"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_name_key" ON "Subject"("name");

-- CreateIndex
CREATE INDEX "GiaSubject_subjectId_idx" ON "GiaSubject"("subjectId");

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SubjectGrade" ADD CONSTRAINT "SubjectGrade_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "GiaSubject" ADD CONSTRAINT "GiaSubject_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- The curriculum subjects of the ФГОС НОО (приказ Минпросвещения № 286 от
-- 31.05.2021), ООО (№ 287 от 31.05.2021) and СОО (приказ Минобрнауки № 413 от
-- 17.05.2012 в ред. приказа № 732 от 12.08.2022), with the ФОП's names
-- («Труд (технология)», «Основы безопасности и защиты Родины» from 2024).
-- Levels: PRIMARY = НОО, BASIC = ООО, SECONDARY = СОО. Sort order follows the
-- subject areas of the curriculum. «Астрономия» left the СОО curriculum in 2022
-- but old marks carry it.
INSERT INTO "Subject" ("id", "code", "name", "levels", "sortOrder") VALUES
  (gen_random_uuid(), 'RUSSIAN',                 'Русский язык',                                       '{PRIMARY,BASIC,SECONDARY}', 10),
  (gen_random_uuid(), 'LITERARY_READING',        'Литературное чтение',                                '{PRIMARY}',                 20),
  (gen_random_uuid(), 'LITERATURE',              'Литература',                                         '{BASIC,SECONDARY}',         30),
  (gen_random_uuid(), 'NATIVE_LANGUAGE',         'Родной язык',                                        '{PRIMARY,BASIC,SECONDARY}', 40),
  (gen_random_uuid(), 'NATIVE_LITERARY_READING', 'Литературное чтение на родном языке',                '{PRIMARY}',                 50),
  (gen_random_uuid(), 'NATIVE_LITERATURE',       'Родная литература',                                  '{BASIC,SECONDARY}',         60),
  (gen_random_uuid(), 'FOREIGN_LANGUAGE',        'Иностранный язык',                                   '{PRIMARY,BASIC,SECONDARY}', 70),
  (gen_random_uuid(), 'ENGLISH',                 'Английский язык',                                    '{PRIMARY,BASIC,SECONDARY}', 71),
  (gen_random_uuid(), 'GERMAN',                  'Немецкий язык',                                      '{PRIMARY,BASIC,SECONDARY}', 72),
  (gen_random_uuid(), 'FRENCH',                  'Французский язык',                                   '{PRIMARY,BASIC,SECONDARY}', 73),
  (gen_random_uuid(), 'SPANISH',                 'Испанский язык',                                     '{PRIMARY,BASIC,SECONDARY}', 74),
  (gen_random_uuid(), 'CHINESE',                 'Китайский язык',                                     '{PRIMARY,BASIC,SECONDARY}', 75),
  (gen_random_uuid(), 'SECOND_FOREIGN_LANGUAGE', 'Второй иностранный язык',                            '{BASIC,SECONDARY}',         80),
  (gen_random_uuid(), 'MATH',                    'Математика',                                         '{PRIMARY,BASIC,SECONDARY}', 90),
  (gen_random_uuid(), 'ALGEBRA',                 'Алгебра',                                            '{BASIC}',                   91),
  (gen_random_uuid(), 'ALGEBRA_ANALYSIS',        'Алгебра и начала математического анализа',           '{SECONDARY}',               92),
  (gen_random_uuid(), 'GEOMETRY',                'Геометрия',                                          '{BASIC,SECONDARY}',         93),
  (gen_random_uuid(), 'PROBABILITY',             'Вероятность и статистика',                           '{BASIC,SECONDARY}',         94),
  (gen_random_uuid(), 'COMPUTER_SCIENCE',        'Информатика',                                        '{BASIC,SECONDARY}',         100),
  (gen_random_uuid(), 'WORLD_AROUND',            'Окружающий мир',                                     '{PRIMARY}',                 110),
  (gen_random_uuid(), 'HISTORY',                 'История',                                            '{BASIC,SECONDARY}',         120),
  (gen_random_uuid(), 'HISTORY_RUSSIA',          'История России',                                     '{BASIC,SECONDARY}',         121),
  (gen_random_uuid(), 'WORLD_HISTORY',           'Всеобщая история',                                   '{BASIC,SECONDARY}',         122),
  (gen_random_uuid(), 'SOCIAL_STUDIES',          'Обществознание',                                     '{BASIC,SECONDARY}',         130),
  (gen_random_uuid(), 'GEOGRAPHY',               'География',                                          '{BASIC,SECONDARY}',         140),
  (gen_random_uuid(), 'PHYSICS',                 'Физика',                                             '{BASIC,SECONDARY}',         150),
  (gen_random_uuid(), 'CHEMISTRY',               'Химия',                                              '{BASIC,SECONDARY}',         160),
  (gen_random_uuid(), 'BIOLOGY',                 'Биология',                                           '{BASIC,SECONDARY}',         170),
  (gen_random_uuid(), 'ASTRONOMY',               'Астрономия',                                         '{SECONDARY}',               175),
  (gen_random_uuid(), 'ORKSE',                   'Основы религиозных культур и светской этики',        '{PRIMARY}',                 180),
  (gen_random_uuid(), 'ODNKNR',                  'Основы духовно-нравственной культуры народов России', '{BASIC}',                  190),
  (gen_random_uuid(), 'FINE_ARTS',               'Изобразительное искусство',                          '{PRIMARY,BASIC}',           200),
  (gen_random_uuid(), 'MUSIC',                   'Музыка',                                             '{PRIMARY,BASIC}',           210),
  (gen_random_uuid(), 'TECHNOLOGY',              'Труд (технология)',                                  '{PRIMARY,BASIC}',           220),
  (gen_random_uuid(), 'PHYSICAL_EDUCATION',      'Физическая культура',                                '{PRIMARY,BASIC,SECONDARY}', 230),
  (gen_random_uuid(), 'SAFETY',                  'Основы безопасности и защиты Родины',                '{BASIC,SECONDARY}',         240),
  (gen_random_uuid(), 'INDIVIDUAL_PROJECT',      'Индивидуальный проект',                              '{SECONDARY}',               250);

-- Measures add up by the parent: the languages under «Иностранный язык», the
-- strands of mathematics under «Математика», the two histories under «История».
UPDATE "Subject" s SET "parentId" = p."id"
FROM (VALUES
  ('ENGLISH', 'FOREIGN_LANGUAGE'), ('GERMAN', 'FOREIGN_LANGUAGE'), ('FRENCH', 'FOREIGN_LANGUAGE'),
  ('SPANISH', 'FOREIGN_LANGUAGE'), ('CHINESE', 'FOREIGN_LANGUAGE'),
  ('ALGEBRA', 'MATH'), ('ALGEBRA_ANALYSIS', 'MATH'), ('GEOMETRY', 'MATH'), ('PROBABILITY', 'MATH'),
  ('HISTORY_RUSSIA', 'HISTORY'), ('WORLD_HISTORY', 'HISTORY')
) AS link("child", "parent")
JOIN "Subject" p ON p."code" = link."parent"
WHERE s."code" = link."child";

-- ФЦТ subject codes of the ГИА (ОГЭ, ГВЭ, ЕГЭ), as in ФЦТ's specifications of
-- the regional information systems (РИС ГИА) and the exam schedules' code
-- tables. Both ЕГЭ mathematics (2 профильная, 22 базовая; ОГЭ mathematics is 2)
-- belong to «Математика»; a language's written and oral parts to the language.
-- The oral-part codes (29–34) are from the same tables; check them against
-- the year's specification when the ГИА import is built.
INSERT INTO "GiaSubject" ("code", "name", "subjectId")
SELECT gia."code", gia."name", s."id"
FROM (VALUES
  (1,  'Русский язык',                       'RUSSIAN'),
  (2,  'Математика (профильный уровень)',    'MATH'),
  (3,  'Физика',                             'PHYSICS'),
  (4,  'Химия',                              'CHEMISTRY'),
  (5,  'Информатика',                        'COMPUTER_SCIENCE'),
  (6,  'Биология',                           'BIOLOGY'),
  (7,  'История',                            'HISTORY'),
  (8,  'География',                          'GEOGRAPHY'),
  (9,  'Английский язык (письменная часть)', 'ENGLISH'),
  (10, 'Немецкий язык (письменная часть)',   'GERMAN'),
  (11, 'Французский язык (письменная часть)', 'FRENCH'),
  (12, 'Обществознание',                     'SOCIAL_STUDIES'),
  (13, 'Испанский язык (письменная часть)',  'SPANISH'),
  (18, 'Литература',                         'LITERATURE'),
  (22, 'Математика (базовый уровень)',       'MATH'),
  (25, 'Китайский язык (письменная часть)',  'CHINESE'),
  (29, 'Английский язык (устная часть)',     'ENGLISH'),
  (30, 'Немецкий язык (устная часть)',       'GERMAN'),
  (31, 'Французский язык (устная часть)',    'FRENCH'),
  (33, 'Испанский язык (устная часть)',      'SPANISH'),
  (34, 'Китайский язык (устная часть)',      'CHINESE')
) AS gia("code", "name", "subject")
JOIN "Subject" s ON s."code" = gia."subject";

-- Mapping the free text written so far. The normal form (trim, collapse
-- spaces, lower case, ё → е) is the one src/lib/subjects.ts applies to names
-- the e-journal sends; the synonyms are the spellings schools used most.
CREATE TEMP TABLE "_subject_key" ON COMMIT DROP AS
SELECT translate(lower(btrim(regexp_replace(s."name", '\s+', ' ', 'g'))), 'ё', 'е') AS "key", s."id"
FROM "Subject" s
UNION
SELECT lower(s."code"), s."id" FROM "Subject" s
UNION
SELECT syn."key", s."id"
FROM (VALUES
  ('русский', 'RUSSIAN'), ('рус. яз.', 'RUSSIAN'), ('рус.яз.', 'RUSSIAN'), ('рус. язык', 'RUSSIAN'), ('русский яз.', 'RUSSIAN'),
  ('лит. чтение', 'LITERARY_READING'), ('литер. чтение', 'LITERARY_READING'),
  ('иностранный язык (английский)', 'ENGLISH'), ('английский', 'ENGLISH'), ('англ. яз.', 'ENGLISH'), ('англ.яз.', 'ENGLISH'),
  ('иностранный язык (немецкий)', 'GERMAN'), ('немецкий', 'GERMAN'),
  ('иностранный язык (французский)', 'FRENCH'), ('французский', 'FRENCH'),
  ('иностранный язык (испанский)', 'SPANISH'), ('испанский', 'SPANISH'),
  ('иностранный язык (китайский)', 'CHINESE'), ('китайский', 'CHINESE'),
  ('алгебра и начала анализа', 'ALGEBRA_ANALYSIS'),
  ('информатика и икт', 'COMPUTER_SCIENCE'),
  ('окр. мир', 'WORLD_AROUND'),
  ('история россии. всеобщая история', 'HISTORY'),
  ('орксэ', 'ORKSE'), ('однкнр', 'ODNKNR'),
  ('изо', 'FINE_ARTS'),
  ('технология', 'TECHNOLOGY'), ('труд', 'TECHNOLOGY'),
  ('физкультура', 'PHYSICAL_EDUCATION'), ('физ-ра', 'PHYSICAL_EDUCATION'),
  ('обж', 'SAFETY'), ('основы безопасности жизнедеятельности', 'SAFETY'), ('обзр', 'SAFETY')
) AS syn("key", "code")
JOIN "Subject" s ON s."code" = syn."code";

-- Marks are append-only; classifying them is not a change of what was
-- recorded, so the refusing trigger is off for this one statement (the
-- definition file then allows the same update to the application).
ALTER TABLE "SubjectGrade" DISABLE TRIGGER "SubjectGrade_no_update_delete";

UPDATE "SubjectGrade" g SET "subjectId" = k."id"
FROM "_subject_key" k
WHERE g."subjectId" IS NULL
  AND k."key" = translate(lower(btrim(regexp_replace(g."subject", '\s+', ' ', 'g'))), 'ё', 'е');

ALTER TABLE "SubjectGrade" ENABLE TRIGGER "SubjectGrade_no_update_delete";

UPDATE "ExamResult" e SET "subjectId" = k."id"
FROM "_subject_key" k
WHERE e."subjectId" IS NULL
  AND k."key" = translate(lower(btrim(regexp_replace(e."subject", '\s+', ' ', 'g'))), 'ё', 'е');
