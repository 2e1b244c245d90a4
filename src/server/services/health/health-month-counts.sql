-- HealthMonthCount (and the months it holds, HealthMonth): health groups
-- counted on the first day of past months. Read by health-month-counts.ts
-- (next to this file); health-month-counts.integration.test.ts and
-- src/server/services/reports/as-of-recount.integration.test.ts recount them.
-- The summary's flush moves a recomputed learner's counting on every month held.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- The learners of `ids` (NULL: every learner) counted by the health
-- statistics on each day of `days`, with the placement and record they count
-- under. A learner counts on day D with a held enrolment begun by D (the
-- summary's placement, else the best other held enrolment begun by then,
-- ranked as the summary ranks them) and a health record in force on D (the
-- summary's if recorded by D, else the HealthHistory row in force). The one
-- definition of "counted on a past day": the readers for a past date, the
-- month counts and their upkeep all use it. Planned per call (EXECUTE), as a
-- few learners and the whole region need different plans.
CREATE OR REPLACE FUNCTION "health_counted_on"(ids uuid[], days date[])
RETURNS TABLE (
    "day" date, "learnerId" uuid, "organisationId" uuid, "grade" smallint, "birthDate" date,
    "healthGroup" "HealthGroup", "peGroup" "PeGroup", "disability" "DisabilityCategory",
    "needsAdaptedProgramme" boolean, "ovzCategory" "OvzCategory")
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
    RETURN QUERY EXECUTE $q$
    WITH s AS NOT MATERIALIZED (
        SELECT * FROM "LearnerSummary"
        WHERE ($1 IS NULL OR "learnerId" = ANY($1)) AND "healthRecordedAt" IS NOT NULL
    ), d AS (
        SELECT DISTINCT unnest($2) AS "day"
    )
    SELECT p."day", p."learnerId", p."organisationId", p."grade", p."birthDate",
           CASE WHEN p."healthRecordedAt" <= p."day" THEN p."healthGroup" ELSE h."healthGroup" END,
           CASE WHEN p."healthRecordedAt" <= p."day" THEN p."peGroup" ELSE h."peGroup" END,
           CASE WHEN p."healthRecordedAt" <= p."day" THEN p."disability" ELSE h."disability" END,
           CASE WHEN p."healthRecordedAt" <= p."day" THEN p."needsAdaptedProgramme" ELSE h."needsAdaptedProgramme" END,
           CASE WHEN p."healthRecordedAt" <= p."day" THEN p."ovzCategory" ELSE h."ovzCategory" END
    FROM (
        SELECT d."day", s."learnerId", s."organisationId", s."grade", s."birthDate", s."healthRecordedAt",
               s."healthGroup", s."peGroup", s."disability", s."needsAdaptedProgramme", s."ovzCategory"
        FROM s JOIN d ON s."enrolledAt" <= d."day"
        UNION ALL
        (SELECT DISTINCT ON (d."day", e."learnerId") d."day", e."learnerId", e."organisationId", e."grade", s."birthDate", s."healthRecordedAt",
               s."healthGroup", s."peGroup", s."disability", s."needsAdaptedProgramme", s."ovzCategory"
        FROM "SecondaryPlacement" e
        JOIN s ON s."learnerId" = e."learnerId"
        JOIN d ON e."enrolledAt" <= d."day" AND s."enrolledAt" > d."day"
        ORDER BY d."day", e."learnerId", e."isBasic" DESC, e."enrolledAt" DESC, e."createdAt" DESC)
    ) p
    -- Its rows end where the next record begins, so at most one is in force,
    -- and none once the summary's record is.
    LEFT JOIN "HealthHistory" h
      ON p."healthRecordedAt" > p."day" AND h."learnerId" = p."learnerId"
     AND h."recordedAt" <= p."day" AND h."validUntil" > p."day"
    WHERE p."healthRecordedAt" <= p."day" OR h."learnerId" IS NOT NULL
    $q$ USING ids, days;
END;
$fn$;

-- The counting of the learners `ids` on `months`, grouped as HealthMonthCount
-- groups (id left NULL), times `sign`. The birthday day is kept only where
-- the age changes within the month: a birthday on the first is already in
-- the age, and 29 February in a common year comes on 1 March, as age() has it.
CREATE OR REPLACE FUNCTION "health_month_count_rows"(ids uuid[], months date[], sign integer) RETURNS SETOF "HealthMonthCount"
LANGUAGE sql STABLE AS $$
    SELECT NULL::bigint, x."day", x."organisationId", x."grade", x."healthGroup", x."peGroup", x."disability", x."needsAdaptedProgramme", x."ovzCategory",
           date_part('year', age(x."day", x."birthDate"))::smallint,
           CASE WHEN date_part('month', x."birthDate") = date_part('month', x."day")
                 AND date_part('day', x."birthDate") > 1
                 AND date_part('day', x."birthDate") <= date_part('day', (x."day" + interval '1 month' - interval '1 day'))
                THEN date_part('day', x."birthDate")::smallint END,
           sign * count(*)::int
    FROM "health_counted_on"(ids, months) x
    GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
$$;

-- Adds the rows' counts to their groups and drops groups that emptied. Only
-- the flush and a month's first count call it, both under the summary's
-- advisory lock.
CREATE OR REPLACE FUNCTION "health_month_count_add"(counts "HealthMonthCount"[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "HealthMonthCount" AS c ("month", "organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", "age", "birthdayDay", "count")
    SELECT x."month", x."organisationId", x."grade", x."healthGroup", x."peGroup", x."disability", x."needsAdaptedProgramme", x."ovzCategory", x."age", x."birthdayDay", sum(x."count")::int
    FROM unnest(counts) x
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    HAVING sum(x."count") <> 0
    ON CONFLICT ("month", "organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", "age", "birthdayDay")
    DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    DELETE FROM "HealthMonthCount" WHERE "count" = 0;
$$;

-- Counts month `m` (its first day) once: later calls find it listed. Flushes
-- first, so the count and the derived tables it reads agree from here on.
-- Months before `oldest` are dropped and not counted: every month held costs
-- each flush. The server's background flush calls it, never a reader.
CREATE OR REPLACE FUNCTION "health_month_count_ensure"(m date, oldest date) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    DELETE FROM "HealthMonth" WHERE "month" < oldest;
    IF m < oldest OR EXISTS (SELECT 1 FROM "HealthMonth" WHERE "month" = m) THEN
        RETURN false;
    END IF;
    PERFORM "learner_summary_flush"();
    INSERT INTO "HealthMonth" ("month") VALUES (m);
    INSERT INTO "HealthMonthCount" ("month", "organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", "age", "birthdayDay", "count")
    SELECT "month", "organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", "age", "birthdayDay", "count"
    FROM "health_month_count_rows"(NULL, ARRAY[m], 1);
    RETURN true;
END;
$$;

-- A rebuild truncates the summary; the month counts go with it and are counted
-- again by the background flush.
CREATE OR REPLACE FUNCTION "health_month_count_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE "HealthMonthCount", "HealthMonth";
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER "learner_summary_health_month_truncate" AFTER TRUNCATE ON "LearnerSummary"
    FOR EACH STATEMENT EXECUTE FUNCTION "health_month_count_truncate"();
