-- The ministry's marks view (issue 21) from counts per class, period and
-- subject group instead of every mark of the region on each request. The
-- functions and triggers that keep them are in the definition file
-- src/server/services/performance/class-performance-counts.sql.

-- CreateTable
CREATE TABLE "ClassPerformanceCount" (
    "classId" UUID NOT NULL,
    "academicYear" SMALLINT NOT NULL,
    "period" VARCHAR(30) NOT NULL,
    "subjectKey" UUID NOT NULL,
    "withResult" INTEGER NOT NULL,
    "successful" INTEGER NOT NULL,
    "quality" INTEGER NOT NULL,
    "m5" INTEGER NOT NULL,
    "m4" INTEGER NOT NULL,
    "m3" INTEGER NOT NULL,
    "m2" INTEGER NOT NULL,
    "markSum" INTEGER NOT NULL,

    CONSTRAINT "ClassPerformanceCount_pkey" PRIMARY KEY ("classId","period","subjectKey")
);

-- CreateTable
CREATE TABLE "ClassPerformanceMembers" (
    "classId" UUID NOT NULL,
    "academicYear" SMALLINT NOT NULL,
    "learners" INTEGER NOT NULL,

    CONSTRAINT "ClassPerformanceMembers_pkey" PRIMARY KEY ("classId")
);

-- CreateTable
CREATE TABLE "ClassPerformancePending" (
    "classId" UUID NOT NULL,

    CONSTRAINT "ClassPerformancePending_pkey" PRIMARY KEY ("classId")
);

-- CreateIndex
CREATE INDEX "ClassPerformanceCount_academicYear_period_subjectKey_idx" ON "ClassPerformanceCount"("academicYear", "period", "subjectKey");

-- A database that already holds marks: every class is queued, so the first
-- flush (the background job's, or the ministry view's before it reads)
-- counts them all.
INSERT INTO "ClassPerformancePending" ("classId") SELECT "id" FROM "SchoolClass";
