-- "isBasic", "level" and "status" of an enrolment are strongly correlated (an
-- additional-education enrolment is never basic). Without statistics on the
-- combination the planner multiplied their selectivities and expected 46,000
-- open additional enrolments where a 1-million-learner region has 230,000
-- (form 1-ДО), and chose nested loops sized for the smaller number.
CREATE STATISTICS "Enrolment_kind_stats" (dependencies, mcv) ON "isBasic", "level", "status" FROM "Enrolment";
ANALYZE "Enrolment";
