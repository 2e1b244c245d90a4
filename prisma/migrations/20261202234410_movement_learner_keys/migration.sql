-- Enrolment, MovementEvent and Transfer keyed by (learnerId, id): learnerId is
-- the distribution column (docs/distribution.md). An order's enrolment,
-- transfer and cancelled order are the same learner's rows, so the composite
-- foreign keys hold for existing data. Nothing deletes these rows (orders are
-- append-only, enrolments end), so the references RESTRICT instead of the
-- former SET NULL, which Citus refuses on a key with the distribution column.

-- DropForeignKey
ALTER TABLE "Enrolment" DROP CONSTRAINT "Enrolment_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "MovementEvent" DROP CONSTRAINT "MovementEvent_cancelsEventId_fkey";

-- DropForeignKey
ALTER TABLE "MovementEvent" DROP CONSTRAINT "MovementEvent_enrolmentId_fkey";

-- DropForeignKey
ALTER TABLE "MovementEvent" DROP CONSTRAINT "MovementEvent_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "MovementEvent" DROP CONSTRAINT "MovementEvent_transferId_fkey";

-- DropForeignKey
ALTER TABLE "Transfer" DROP CONSTRAINT "Transfer_learnerId_fkey";

-- DropIndex
DROP INDEX "Enrolment_learnerId_idx";

-- DropIndex
DROP INDEX "MovementEvent_cancelsEventId_key";

-- DropIndex
DROP INDEX "Transfer_learnerId_idx";

-- AlterTable
ALTER TABLE "Enrolment" DROP CONSTRAINT "Enrolment_pkey",
ADD CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("learnerId", "id");

-- AlterTable
ALTER TABLE "MovementEvent" DROP CONSTRAINT "MovementEvent_pkey",
ADD CONSTRAINT "MovementEvent_pkey" PRIMARY KEY ("learnerId", "id");

-- AlterTable
ALTER TABLE "Transfer" DROP CONSTRAINT "Transfer_pkey",
ADD CONSTRAINT "Transfer_pkey" PRIMARY KEY ("learnerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MovementEvent_learnerId_cancelsEventId_key" ON "MovementEvent"("learnerId", "cancelsEventId");

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_learnerId_enrolmentId_fkey" FOREIGN KEY ("learnerId", "enrolmentId") REFERENCES "Enrolment"("learnerId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_learnerId_transferId_fkey" FOREIGN KEY ("learnerId", "transferId") REFERENCES "Transfer"("learnerId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "MovementEvent" ADD CONSTRAINT "MovementEvent_learnerId_cancelsEventId_fkey" FOREIGN KEY ("learnerId", "cancelsEventId") REFERENCES "MovementEvent"("learnerId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- The two functions that found a cancelled order by its id alone: the id is
-- now unique only with its learner, and the cancellation's unique index is
-- (learnerId, cancelsEventId). Same bodies, joined on the learner as well.
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
