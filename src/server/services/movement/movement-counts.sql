-- MovementCount: movement orders per organisation, month and type, kept from
-- the append-only MovementEvent through MovementCountDelta. Read by
-- movement-counts.ts (next to this file); checked against a recount by
-- src/server/services/reports/derived-counts.integration.test.ts.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- The month an order counts in: the first day of its effective date's month.
CREATE OR REPLACE FUNCTION "movement_month"(d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT date_trunc('month', d::timestamp)::date $$;

-- Each insert into MovementEvent (the table is append-only: a mistaken order
-- is cancelled by a CANCELLATION, never edited) appends its deltas: +1 for
-- each order, −1 for the order each cancellation cancels, found by the
-- cancellation's key (learnerId, cancelsEventId). One statement per write,
-- grouped.
CREATE OR REPLACE FUNCTION "movement_count_queue"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "MovementCountDelta" ("organisationId", "month", "type", "delta")
    SELECT x."organisationId", x."month", x."type", sum(x."delta")::int
    FROM (
        SELECT n."organisationId", "movement_month"(n."effectiveDate") AS "month", n."type", 1 AS "delta"
        FROM new_rows n WHERE n."type" <> 'CANCELLATION'
        UNION ALL
        SELECT e."organisationId", "movement_month"(e."effectiveDate"), e."type", -1
        FROM new_rows n JOIN "MovementEvent" e ON e."learnerId" = n."learnerId" AND e."id" = n."cancelsEventId"
        WHERE e."type" <> 'CANCELLATION'
    ) x
    GROUP BY 1, 2, 3;
    RETURN NULL;
END;
$$;

-- Folds the deltas into MovementCount. Only committed deltas are visible to
-- the DELETE, so a writer still in flight keeps its rows for the next fold;
-- readers add the unfolded deltas, so a fold never changes what they count.
CREATE OR REPLACE FUNCTION "movement_count_flush"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    WITH taken AS (DELETE FROM "MovementCountDelta" RETURNING "organisationId", "month", "type", "delta")
    INSERT INTO "MovementCount" AS c ("organisationId", "month", "type", "count")
    SELECT "organisationId", "month", "type", sum("delta")::int FROM taken GROUP BY 1, 2, 3
    ON CONFLICT ("organisationId", "month", "type") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

-- MovementCount from scratch (learner_summary_rebuild calls it); the events
-- are locked against inserts meanwhile, so no delta is lost or counted twice.
CREATE OR REPLACE FUNCTION "movement_count_rebuild"() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    PERFORM pg_advisory_xact_lock(7243002);
    LOCK TABLE "MovementEvent" IN SHARE MODE;
    DELETE FROM "MovementCountDelta";
    DELETE FROM "MovementCount";
    INSERT INTO "MovementCount" ("organisationId", "month", "type", "count")
    SELECT ev."organisationId", "movement_month"(ev."effectiveDate"), ev."type", count(*)::int
    FROM "MovementEvent" ev
    WHERE ev."type" <> 'CANCELLATION'
      AND NOT EXISTS (SELECT 1 FROM "MovementEvent" c WHERE c."learnerId" = ev."learnerId" AND c."cancelsEventId" = ev."id")
    GROUP BY 1, 2, 3;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

CREATE OR REPLACE TRIGGER "MovementEvent_count_insert" AFTER INSERT ON "MovementEvent"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "movement_count_queue"();
