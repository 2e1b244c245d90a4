-- Region-wide uniqueness without a region-wide unique index on a table that is
-- to be distributed by the learner (docs/distribution.md): a SNILS belongs to
-- one learner, a certificate number (per level) to one certificate. Each rule
-- moves to a claim table keyed by the unique value, kept by statement
-- triggers in the writer's transaction: a second claim of the same value fails
-- with a unique violation (23505) there, as the dropped index did, and the
-- services' own checks before the write are unchanged.

-- DropIndex
DROP INDEX "Certificate_level_number_key";

-- DropIndex
DROP INDEX "Learner_snilsIndex_key";

-- CreateTable
CREATE TABLE "LearnerSnilsClaim" (
    "snilsIndex" VARCHAR(64) NOT NULL,
    "learnerId" UUID NOT NULL,

    CONSTRAINT "LearnerSnilsClaim_pkey" PRIMARY KEY ("snilsIndex")
);

-- CreateTable
CREATE TABLE "CertificateNumberClaim" (
    "level" "CertificateLevel" NOT NULL,
    "number" VARCHAR(30) NOT NULL,
    "learnerId" UUID NOT NULL,

    CONSTRAINT "CertificateNumberClaim_pkey" PRIMARY KEY ("level","number")
);

-- CreateIndex
CREATE INDEX "Learner_snilsIndex_idx" ON "Learner"("snilsIndex");

-- The existing rows' claims (unique already: the dropped indexes held them).
INSERT INTO "LearnerSnilsClaim" ("snilsIndex", "learnerId")
SELECT "snilsIndex", "id" FROM "Learner" WHERE "snilsIndex" IS NOT NULL;
INSERT INTO "CertificateNumberClaim" ("level", "number", "learnerId")
SELECT "level", "number", "learnerId" FROM "Certificate";

-- An update moves a claim only when the value changed, so the import's bulk
-- updates of names or documents leave the claims alone. Releasing before
-- claiming lets one statement swap two values.
CREATE FUNCTION "learner_snils_claim"() RETURNS trigger
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
CREATE TRIGGER "Learner_snils_claim_insert" AFTER INSERT ON "Learner"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_snils_claim"();
CREATE TRIGGER "Learner_snils_claim_update" AFTER UPDATE ON "Learner"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_snils_claim"();
CREATE TRIGGER "Learner_snils_claim_delete" AFTER DELETE ON "Learner"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "learner_snils_claim"();

CREATE FUNCTION "certificate_number_claim"() RETURNS trigger
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
CREATE TRIGGER "Certificate_number_claim_insert" AFTER INSERT ON "Certificate"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "certificate_number_claim"();
CREATE TRIGGER "Certificate_number_claim_update" AFTER UPDATE ON "Certificate"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "certificate_number_claim"();
CREATE TRIGGER "Certificate_number_claim_delete" AFTER DELETE ON "Certificate"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "certificate_number_claim"();
