-- Finer statistics for the two columns a school's name search joins on.
-- With the default 100 histogram buckets over a million learners, a name
-- prefix's range (thousands of learners) was estimated at a few dozen, and a
-- school (1,300 enrolments) at 450: for some prefixes («Кузь», «Дмит») the
-- planner scanned the prefix region-wide and probed each learner's
-- enrolments (45–70 ms) instead of the school's enrolments (5–12 ms).
-- 1,000 buckets estimate both within 20 % (docs/performance.md). ANALYZE
-- takes a larger sample (300,000 rows) for these tables.
ALTER TABLE "Learner" ALTER COLUMN "searchName" SET STATISTICS 1000;
ALTER TABLE "Enrolment" ALTER COLUMN "organisationId" SET STATISTICS 1000;
