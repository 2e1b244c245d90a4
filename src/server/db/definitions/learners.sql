-- Columns of Learner that the database keeps itself.
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- The search key (Learner.searchName) is kept by the database, so every path
-- that writes names (forms, import, API, SQL) keeps it right: lower case, ё as
-- е, "last first middle". Read by src/server/services/learners/read-learners.ts
-- as a prefix range in the "C" collation; name-search.integration.test.ts.
CREATE OR REPLACE FUNCTION "learner_search_name"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."searchName" := translate(lower(concat_ws(' ', NEW."lastName", NEW."firstName", NEW."middleName")), 'ё', 'е');
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER "Learner_search_name" BEFORE INSERT OR UPDATE OF "lastName", "firstName", "middleName" ON "Learner"
    FOR EACH ROW EXECUTE FUNCTION "learner_search_name"();
