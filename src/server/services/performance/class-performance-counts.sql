-- The performance measures' learners and counted marks (issue 21), defined
-- once: the school's live view of a class (measures-sql.ts) and the derived
-- counts per class the ministry's view reads (ClassPerformanceCount,
-- ClassPerformanceMembers; class-performance-counts.ts) both select through
-- the two functions below. Checked against a recount by
-- class-performance-counts.integration.test.ts. Definitions:
-- docs/performance-of-learners.md.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- Learners of the given classes. A class of academic year Y (its first
-- calendar year) has
--   - each non-cancelled enrolment with that classId not ended before 1 June
--     of Y+1 (the end of the school year's lessons: who left during the year
--     counts in the class they moved to, who finished it counts here; for the
--     current year, the ACTIVE and PENDING_TRANSFER ones), and
--   - each learner a non-cancelled promotion or repeat-year order moved out of
--     it (the rollover moves the same enrolment on to next year's class, so
--     the order is what remembers last year's class).
-- STABLE, one SELECT, not STRICT: the planner inlines it into the caller's
-- statement. The ids are joined through unnest, so any number of classes
-- costs index lookups per class, never a scan of the array per row.
CREATE OR REPLACE FUNCTION "class_performance_members"(class_ids uuid[])
RETURNS TABLE ("classId" uuid, "organisationId" uuid, "academicYear" smallint, "learnerId" uuid)
LANGUAGE sql STABLE AS $$
    SELECT c."id", c."organisationId", c."academicYear", e."learnerId"
    FROM unnest(class_ids) AS q("id")
    JOIN "SchoolClass" c ON c."id" = q."id"
    JOIN "Enrolment" e ON e."classId" = c."id"
    WHERE e."cancelledAt" IS NULL
      AND (e."status" <> 'ENDED' OR e."endedAt" >= make_date(c."academicYear" + 1, 6, 1))
    UNION
    SELECT c."id", c."organisationId", c."academicYear", ev."learnerId"
    FROM unnest(class_ids) AS q("id")
    JOIN "SchoolClass" c ON c."id" = q."id"
    JOIN "MovementEvent" ev ON ev."fromClassId" = c."id" AND ev."organisationId" = c."organisationId"
    WHERE ev."type" IN ('PROMOTION', 'REPEAT_YEAR')
      AND NOT EXISTS (SELECT 1 FROM "MovementEvent" x WHERE x."learnerId" = ev."learnerId" AND x."cancelsEventId" = ev."id")
$$;

-- The counted results of the learners of the given classes, one row per class
-- and result (period NULL: every period). A result counts when it was written
-- by the class's organisation (an additional programme's marks are their own
-- slot), for the class's year, is current (no row supersedes it), names a
-- subject of the vocabulary (subjectId not NULL) and is a mark 2–5 or a
-- credit (зачёт / незачёт).
CREATE OR REPLACE FUNCTION "class_performance_marks"(class_ids uuid[], for_period text)
RETURNS TABLE ("classId" uuid, "academicYear" smallint, "learnerId" uuid, "gradeId" uuid, "period" text,
    "subjectId" uuid, "mark" smallint, "credit" boolean)
LANGUAGE sql STABLE AS $$
    SELECT mb."classId", mb."academicYear", g."learnerId", g."id", g."period"::text, g."subjectId", g."mark", g."credit"
    FROM "class_performance_members"(class_ids) mb
    JOIN "SubjectGrade" g ON g."learnerId" = mb."learnerId" AND g."academicYear" = mb."academicYear"
        AND g."organisationId" = mb."organisationId"
    WHERE (for_period IS NULL OR g."period" = for_period)
      AND g."subjectId" IS NOT NULL
      AND (g."mark" BETWEEN 2 AND 5 OR (g."mark" IS NULL AND g."credit" IS NOT NULL))
      AND NOT EXISTS (SELECT 1 FROM "SubjectGrade" n WHERE n."learnerId" = g."learnerId" AND n."supersedesId" = g."id")
$$;

-- The derived rows of the given classes, from the source tables: their
-- learners, and per period and subject group the counts the measures need.
-- A subject group is a subject with the subjects under it (the ministry's
-- subject filter), and the nil UUID every subject: a learner's "successful"
-- or "quality" depends on all their marks in the group, so groups do not add
-- up and each is its own row.
CREATE OR REPLACE FUNCTION "class_performance_compute"(class_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM "ClassPerformanceCount" WHERE "classId" = ANY(class_ids);
    DELETE FROM "ClassPerformanceMembers" WHERE "classId" = ANY(class_ids);
    INSERT INTO "ClassPerformanceMembers" ("classId", "academicYear", "learners")
    SELECT m."classId", m."academicYear", count(*)::int
    FROM "class_performance_members"(class_ids) m
    GROUP BY 1, 2;
    WITH k AS (SELECT * FROM "class_performance_marks"(class_ids, NULL)),
    keyed AS (
        SELECT k.*, '00000000-0000-0000-0000-000000000000'::uuid AS "subjectKey" FROM k
        UNION ALL
        SELECT k.*, k."subjectId" FROM k
        UNION ALL
        SELECT k.*, s."parentId" FROM k JOIN "Subject" s ON s."id" = k."subjectId" WHERE s."parentId" IS NOT NULL
    ),
    per_learner AS (
        SELECT "classId", "period", "subjectKey", "learnerId",
            count(*) FILTER (WHERE "mark" = 2 OR "credit" = false) AS "fails",
            count("mark") AS "marks",
            count(*) FILTER (WHERE "mark" >= 4) AS "good"
        FROM keyed GROUP BY 1, 2, 3, 4
    ),
    lstats AS (
        SELECT "classId", "period", "subjectKey", count(*)::int AS "withResult",
            count(*) FILTER (WHERE "fails" = 0)::int AS "successful",
            count(*) FILTER (WHERE "marks" > 0 AND "good" = "marks")::int AS "quality"
        FROM per_learner GROUP BY 1, 2, 3
    ),
    kstats AS (
        SELECT "classId", "academicYear", "period", "subjectKey",
            count(*) FILTER (WHERE "mark" = 5)::int AS "m5", count(*) FILTER (WHERE "mark" = 4)::int AS "m4",
            count(*) FILTER (WHERE "mark" = 3)::int AS "m3", count(*) FILTER (WHERE "mark" = 2)::int AS "m2",
            coalesce(sum("mark"), 0)::int AS "markSum"
        FROM keyed GROUP BY 1, 2, 3, 4
    )
    INSERT INTO "ClassPerformanceCount" ("classId", "academicYear", "period", "subjectKey", "withResult", "successful",
        "quality", "m5", "m4", "m3", "m2", "markSum")
    SELECT k."classId", k."academicYear", k."period", k."subjectKey", l."withResult", l."successful", l."quality",
        k."m5", k."m4", k."m3", k."m2", k."markSum"
    FROM kstats k
    JOIN lstats l ON l."classId" = k."classId" AND l."period" = k."period" AND l."subjectKey" = k."subjectKey";
$$;

-- Readers flush: the ministry's view before it reads, and learner_summary_flush
-- (the background job). The queue is taken with DELETE … RETURNING: a row a
-- writer still holds (its upsert locks it until commit) makes the DELETE wait
-- for that commit, and the recompute, a later statement, then sees the
-- writer's rows; a row a writer inserted and has not committed is not seen
-- and waits for the next flush. Lock classPerformanceFlush: one flusher at a
-- time (src/server/db/locks.ts).
CREATE OR REPLACE FUNCTION "class_performance_flush"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    PERFORM pg_advisory_xact_lock(7243005);
    WITH taken AS (DELETE FROM "ClassPerformancePending" RETURNING "classId")
    SELECT array_agg("classId") INTO ids FROM taken;
    IF ids IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM "class_performance_compute"(ids);
    RETURN cardinality(ids);
END;
$$;

-- Every class from scratch (learner_summary_rebuild calls it, after a bulk
-- load that skipped the triggers, or to repair).
CREATE OR REPLACE FUNCTION "class_performance_rebuild"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    PERFORM pg_advisory_xact_lock(7243005);
    DELETE FROM "ClassPerformancePending";
    TRUNCATE "ClassPerformanceCount", "ClassPerformanceMembers";
    ids := ARRAY(SELECT "id" FROM "SchoolClass");
    PERFORM "class_performance_compute"(ids);
    RETURN cardinality(ids);
END;
$$;

-- Writes only queue the classes they may change, one INSERT … SELECT DISTINCT
-- per statement however many rows it wrote (an import of 10,000 enrolments
-- queues once). The upsert (DO UPDATE, not DO NOTHING) locks a queued row
-- until the writer commits, so a flush taking it waits and then counts the
-- writer's rows; with DO NOTHING a flush could take an older queue row,
-- count without the writer's rows, and leave nothing queued. ORDER BY: two
-- writers lock shared rows in one order.
-- Enrolment names its class: its triggers use the shared "queue_ids_of_rows"
-- (src/server/db/definitions/queues.sql). The functions below find the classes
-- of rows that name them only through the learner (marks, orders, subjects).

-- A mark (or a mark given its subject) changes the classes its learner
-- belongs to in the mark's organisation and year: through an enrolment, or a
-- promotion or repeat-year order out of the class (cancelled or ended ones
-- too: queueing a class more than needed only costs its recompute). A row
-- without a subject never counts.
CREATE OR REPLACE FUNCTION "class_performance_queue_grades"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ClassPerformancePending" ("classId")
    SELECT DISTINCT x."classId"
    FROM (
        SELECT DISTINCT "learnerId", "organisationId", "academicYear" FROM new_rows WHERE "subjectId" IS NOT NULL
    ) g
    CROSS JOIN LATERAL (
        SELECT e."classId" FROM "Enrolment" e
        WHERE e."learnerId" = g."learnerId" AND e."organisationId" = g."organisationId" AND e."classId" IS NOT NULL
        UNION
        SELECT ev."fromClassId" FROM "MovementEvent" ev
        WHERE ev."learnerId" = g."learnerId" AND ev."organisationId" = g."organisationId"
          AND ev."type" IN ('PROMOTION', 'REPEAT_YEAR') AND ev."fromClassId" IS NOT NULL
    ) x
    JOIN "SchoolClass" c ON c."id" = x."classId" AND c."academicYear" = g."academicYear"
    ORDER BY 1
    ON CONFLICT ("classId") DO UPDATE SET "classId" = EXCLUDED."classId";
    RETURN NULL;
END;
$$;

-- An order moving a learner out of a class by promotion or repeat year adds
-- the learner to that class's members; its cancellation takes them out again.
CREATE OR REPLACE FUNCTION "class_performance_queue_orders"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ClassPerformancePending" ("classId")
    SELECT DISTINCT x."classId"
    FROM (
        SELECT n."fromClassId" AS "classId" FROM new_rows n
        WHERE n."type" IN ('PROMOTION', 'REPEAT_YEAR')
        UNION ALL
        SELECT e."fromClassId" FROM new_rows n
        JOIN "MovementEvent" e ON e."learnerId" = n."learnerId" AND e."id" = n."cancelsEventId"
        WHERE e."type" IN ('PROMOTION', 'REPEAT_YEAR')
    ) x
    WHERE x."classId" IS NOT NULL
    ORDER BY 1
    ON CONFLICT ("classId") DO UPDATE SET "classId" = EXCLUDED."classId";
    RETURN NULL;
END;
$$;

-- A subject moved under another parent (or out from under one) changes the
-- groups of every class with a result in it: those have rows keyed by it.
-- (A trigger with transition tables cannot name a column, so every update of
-- Subject fires it; other updates stop at the first check, before the count
-- table is read.)
CREATE OR REPLACE FUNCTION "class_performance_queue_subjects"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."parentId" IS DISTINCT FROM o."parentId") THEN
        RETURN NULL;
    END IF;
    INSERT INTO "ClassPerformancePending" ("classId")
    SELECT DISTINCT k."classId"
    FROM new_rows n
    JOIN old_rows o ON o."id" = n."id"
    JOIN "ClassPerformanceCount" k ON k."subjectKey" = n."id"
    WHERE n."parentId" IS DISTINCT FROM o."parentId"
    ORDER BY 1
    ON CONFLICT ("classId") DO UPDATE SET "classId" = EXCLUDED."classId";
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER "Enrolment_class_performance_delete" AFTER DELETE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('ClassPerformancePending', 'classId', 'classId');
CREATE OR REPLACE TRIGGER "Enrolment_class_performance_insert" AFTER INSERT ON "Enrolment"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('ClassPerformancePending', 'classId', 'classId');
CREATE OR REPLACE TRIGGER "Enrolment_class_performance_update" AFTER UPDATE ON "Enrolment"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_ids_of_rows"('ClassPerformancePending', 'classId', 'classId');
CREATE OR REPLACE TRIGGER "MovementEvent_class_performance_insert" AFTER INSERT ON "MovementEvent"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "class_performance_queue_orders"();
CREATE OR REPLACE TRIGGER "Subject_class_performance_update" AFTER UPDATE ON "Subject"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "class_performance_queue_subjects"();
CREATE OR REPLACE TRIGGER "SubjectGrade_class_performance_insert" AFTER INSERT ON "SubjectGrade"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "class_performance_queue_grades"();
CREATE OR REPLACE TRIGGER "SubjectGrade_class_performance_update" AFTER UPDATE ON "SubjectGrade"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "class_performance_queue_grades"();
