-- SNILS and identity-document numbers move to encrypted columns with a keyed
-- blind index (src/server/crypto, src/server/services/learners/identity-fields.ts).
-- SQL cannot encrypt (the keys live in the application), so plaintext values
-- already present (demo or test data from before this release) are moved into a
-- holding table that `npm run keys:encrypt-existing` encrypts into the new
-- columns and then drops. On an empty database the table is never created.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Learner" WHERE "snils" IS NOT NULL OR "docNumber" IS NOT NULL)
     OR EXISTS (SELECT 1 FROM "Representative" WHERE "snils" IS NOT NULL OR "docNumber" IS NOT NULL) THEN
    CREATE TABLE "PendingIdentityEncryption" AS
      SELECT 'Learner'::text AS "model", "id", "snils"::text AS "snils", "docNumber"::text AS "docNumber"
        FROM "Learner" WHERE "snils" IS NOT NULL OR "docNumber" IS NOT NULL
      UNION ALL
      SELECT 'Representative'::text, "id", "snils"::text, "docNumber"::text
        FROM "Representative" WHERE "snils" IS NOT NULL OR "docNumber" IS NOT NULL;
  END IF;
END $$;

-- The SNILS format CHECKs cannot see through the ciphertext; the application
-- validates with the shared zod schemas and the index columns are checked below.
ALTER TABLE "Learner" DROP CONSTRAINT "Learner_snils_format";
ALTER TABLE "Representative" DROP CONSTRAINT "Representative_snils_format";

-- DropIndex
DROP INDEX "Learner_snils_key";

-- DropIndex
DROP INDEX "Representative_snils_key";

-- AlterTable
ALTER TABLE "Learner" DROP COLUMN "docNumber",
DROP COLUMN "snils",
ADD COLUMN     "docNumberEnc" VARCHAR(200),
ADD COLUMN     "snilsChecksumOk" BOOLEAN,
ADD COLUMN     "snilsEnc" VARCHAR(200),
ADD COLUMN     "snilsIndex" VARCHAR(64);

-- AlterTable
ALTER TABLE "Representative" DROP COLUMN "docNumber",
DROP COLUMN "snils",
ADD COLUMN     "docNumberEnc" VARCHAR(200),
ADD COLUMN     "snilsEnc" VARCHAR(200),
ADD COLUMN     "snilsIndex" VARCHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "Learner_snilsIndex_key" ON "Learner"("snilsIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Representative_snilsIndex_key" ON "Representative"("snilsIndex");

-- Hand-written: shapes the database can still check. An envelope column never
-- holds a bare value (a plaintext write fails here), an index is HMAC-SHA256 hex,
-- and the SNILS columns are set or cleared together.
ALTER TABLE "Learner" ADD CONSTRAINT "Learner_snilsEnc_envelope"
    CHECK ("snilsEnc" ~ '^v1\.[A-Za-z0-9_-]{1,16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$');
ALTER TABLE "Learner" ADD CONSTRAINT "Learner_docNumberEnc_envelope"
    CHECK ("docNumberEnc" ~ '^v1\.[A-Za-z0-9_-]{1,16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$');
ALTER TABLE "Learner" ADD CONSTRAINT "Learner_snilsIndex_format" CHECK ("snilsIndex" ~ '^[0-9a-f]{64}$');
ALTER TABLE "Learner" ADD CONSTRAINT "Learner_snils_columns_together"
    CHECK (("snilsEnc" IS NULL) = ("snilsIndex" IS NULL) AND ("snilsIndex" IS NULL) = ("snilsChecksumOk" IS NULL));
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_snilsEnc_envelope"
    CHECK ("snilsEnc" ~ '^v1\.[A-Za-z0-9_-]{1,16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$');
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_docNumberEnc_envelope"
    CHECK ("docNumberEnc" ~ '^v1\.[A-Za-z0-9_-]{1,16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$');
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_snilsIndex_format" CHECK ("snilsIndex" ~ '^[0-9a-f]{64}$');
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_snils_columns_together"
    CHECK (("snilsEnc" IS NULL) = ("snilsIndex" IS NULL));
