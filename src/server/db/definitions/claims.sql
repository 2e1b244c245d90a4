-- Uniqueness claims: LearnerSnilsClaim (a SNILS belongs to one learner) and
-- CertificateNumberClaim (a certificate number is unique per level).
-- Idempotent, applied again whenever this file changes (src/server/db/definitions.ts):
-- CREATE OR REPLACE for functions and triggers (replacing a trigger locks its
-- table against writes only, not reads). To remove an object, drop it in a
-- versioned migration and delete it here.

-- Region-wide uniqueness that a learner-keyed table cannot hold in its own
-- indexes: a claim row per value, written in the writer's transaction, whose
-- unique key refuses a second learner (uniqueness-claims.integration.test.ts).
--
-- An update moves a claim only when the value changed, so the import's bulk
-- updates of names or documents leave the claims alone. Releasing before
-- claiming lets one statement swap two values.
CREATE OR REPLACE FUNCTION "learner_snils_claim"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "LearnerSnilsClaim" c USING old_rows o
        WHERE c."snilsIndex" = o."snilsIndex" AND c."learnerId" = o."id";
    ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM "LearnerSnilsClaim" c USING old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE o."snilsIndex" IS DISTINCT FROM n."snilsIndex" AND c."snilsIndex" = o."snilsIndex" AND c."learnerId" = o."id";
        INSERT INTO "LearnerSnilsClaim" ("snilsIndex", "learnerId")
        SELECT n."snilsIndex", n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
        WHERE n."snilsIndex" IS NOT NULL AND n."snilsIndex" IS DISTINCT FROM o."snilsIndex";
    ELSE
        INSERT INTO "LearnerSnilsClaim" ("snilsIndex", "learnerId")
        SELECT n."snilsIndex", n."id" FROM new_rows n WHERE n."snilsIndex" IS NOT NULL;
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "certificate_number_claim"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "CertificateNumberClaim" c USING old_rows o
        WHERE c."level" = o."level" AND c."number" = o."number" AND c."learnerId" = o."learnerId";
    ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM "CertificateNumberClaim" c USING old_rows o JOIN new_rows n ON n."learnerId" = o."learnerId" AND n."id" = o."id"
        WHERE (o."level", o."number") IS DISTINCT FROM (n."level", n."number")
          AND c."level" = o."level" AND c."number" = o."number" AND c."learnerId" = o."learnerId";
        INSERT INTO "CertificateNumberClaim" ("level", "number", "learnerId")
        SELECT n."level", n."number", n."learnerId" FROM new_rows n JOIN old_rows o ON o."learnerId" = n."learnerId" AND o."id" = n."id"
        WHERE (n."level", n."number") IS DISTINCT FROM (o."level", o."number");
    ELSE
        INSERT INTO "CertificateNumberClaim" ("level", "number", "learnerId")
        SELECT n."level", n."number", n."learnerId" FROM new_rows n;
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER "Certificate_number_claim_delete" AFTER DELETE ON "Certificate"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "certificate_number_claim"();
CREATE OR REPLACE TRIGGER "Certificate_number_claim_insert" AFTER INSERT ON "Certificate"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "certificate_number_claim"();
CREATE OR REPLACE TRIGGER "Certificate_number_claim_update" AFTER UPDATE ON "Certificate"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "certificate_number_claim"();
CREATE OR REPLACE TRIGGER "Learner_snils_claim_delete" AFTER DELETE ON "Learner"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_snils_claim"();
CREATE OR REPLACE TRIGGER "Learner_snils_claim_insert" AFTER INSERT ON "Learner"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_snils_claim"();
CREATE OR REPLACE TRIGGER "Learner_snils_claim_update" AFTER UPDATE ON "Learner"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_snils_claim"();
