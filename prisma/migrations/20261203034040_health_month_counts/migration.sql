-- CreateTable
CREATE TABLE "HealthMonthCount" (
    "id" BIGSERIAL NOT NULL,
    "month" DATE NOT NULL,
    "organisationId" UUID NOT NULL,
    "grade" SMALLINT,
    "healthGroup" "HealthGroup" NOT NULL,
    "peGroup" "PeGroup" NOT NULL,
    "disability" "DisabilityCategory",
    "needsAdaptedProgramme" BOOLEAN NOT NULL,
    "ovzCategory" "OvzCategory",
    "age" SMALLINT NOT NULL,
    "birthdayDay" SMALLINT,
    "count" INTEGER NOT NULL,

    CONSTRAINT "HealthMonthCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthMonth" (
    "month" DATE NOT NULL,
    "countedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthMonth_pkey" PRIMARY KEY ("month")
);

-- CreateIndex
CREATE UNIQUE INDEX "HealthMonthCount_month_organisationId_grade_healthGroup_peG_key" ON "HealthMonthCount"("month", "organisationId", "grade", "healthGroup", "peGroup", "disability", "needsAdaptedProgramme", "ovzCategory", "age", "birthdayDay") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "HealthHistory_recordedAt_idx" ON "HealthHistory"("recordedAt");

-- CreateIndex
CREATE INDEX "LearnerSummary_enrolledAt_idx" ON "LearnerSummary"("enrolledAt");

-- CreateIndex
CREATE INDEX "LearnerSummary_healthRecordedAt_idx" ON "LearnerSummary"("healthRecordedAt");

-- CreateIndex
CREATE INDEX "SecondaryPlacement_enrolledAt_idx" ON "SecondaryPlacement"("enrolledAt");

-- AddForeignKey
ALTER TABLE "HealthMonthCount" ADD CONSTRAINT "HealthMonthCount_month_fkey" FOREIGN KEY ("month") REFERENCES "HealthMonth"("month") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: keeping HealthMonthCount (the model's comment says what it
-- holds and who reads it).

-- Groups that emptied are removed, found through this.
CREATE INDEX "HealthMonthCount_empty_idx" ON "HealthMonthCount"("id") WHERE "count" = 0;

-- The learners of `ids` (NULL: every learner) counted by the health
-- statistics on each day of `days`, with the placement and record they count
-- under. A learner counts on day D with a held enrolment begun by D (the
-- summary's placement, else the best other held enrolment begun by then,
-- ranked as the summary ranks them) and a health record in force on D (the
-- summary's if recorded by D, else the HealthHistory row in force). The one
-- definition of "counted on a past day": the readers for a past date, the
-- month counts and their upkeep all use it. Planned per call (EXECUTE), as a
-- few learners and the whole region need different plans.
CREATE FUNCTION "health_counted_on"(ids uuid[], days date[])
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
CREATE FUNCTION "health_month_count_rows"(ids uuid[], months date[], sign integer) RETURNS SETOF "HealthMonthCount"
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
CREATE FUNCTION "health_month_count_add"(counts "HealthMonthCount"[]) RETURNS void
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
CREATE FUNCTION "health_month_count_ensure"(m date, oldest date) RETURNS boolean
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

-- The flush now also moves each recomputed learner's counting on the months
-- held: their groups as counted from the derived rows before the recompute
-- are subtracted and as counted after it added, net (most flushes change no
-- past month, and then write nothing). A backdated record, correction or
-- enrolment thus reaches every month it changes, in the next flush.
CREATE OR REPLACE FUNCTION "learner_summary_flush"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
    months date[];
    before "HealthMonthCount"[];
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    PERFORM "movement_count_flush"();
    WITH taken AS (DELETE FROM "LearnerSummaryPending" RETURNING "learnerId")
    SELECT array_agg("learnerId") INTO ids FROM taken;
    IF ids IS NULL THEN
        RETURN 0;
    END IF;
    months := ARRAY(SELECT "month" FROM "HealthMonth");
    IF cardinality(months) > 0 THEN
        before := ARRAY(SELECT "health_month_count_rows"(ids, months, -1));
    END IF;
    PERFORM "learner_summary_compute"(ids);
    PERFORM "additional_participation_compute"(ids);
    PERFORM "learner_history_compute"(ids);
    IF cardinality(months) > 0 THEN
        PERFORM "health_month_count_add"(before || ARRAY(SELECT "health_month_count_rows"(ids, months, 1)));
    END IF;
    RETURN cardinality(ids);
END;
$$;

-- A rebuild truncates the summary; the month counts go with it and are counted
-- again on their next read.
CREATE FUNCTION "health_month_count_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE "HealthMonthCount", "HealthMonth";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "learner_summary_health_month_truncate" AFTER TRUNCATE ON "LearnerSummary"
    FOR EACH STATEMENT EXECUTE FUNCTION "health_month_count_truncate"();
