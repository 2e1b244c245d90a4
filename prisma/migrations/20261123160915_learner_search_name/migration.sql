-- AlterTable
ALTER TABLE "Learner" ADD COLUMN     "searchName" VARCHAR(310);

-- CreateIndex
CREATE INDEX "Learner_searchName_birthDate_idx" ON "Learner"("searchName", "birthDate");

-- Hand-written: the search key is kept by the database, so every path that
-- writes names (forms, import, API, SQL) keeps it right. Byte order: the
-- column is compared in the "C" collation, so a prefix is a plain range
-- (searchName >= 'иван' AND searchName < 'иван' || U+FFFF) on the B-tree,
-- whatever the database's default collation.
ALTER TABLE "Learner" ALTER COLUMN "searchName" TYPE VARCHAR(310) COLLATE "C";

CREATE FUNCTION "learner_search_name"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."searchName" := translate(lower(concat_ws(' ', NEW."lastName", NEW."firstName", NEW."middleName")), 'ё', 'е');
    RETURN NEW;
END;
$$;
CREATE TRIGGER "Learner_search_name"
    BEFORE INSERT OR UPDATE OF "lastName", "firstName", "middleName" ON "Learner"
    FOR EACH ROW EXECUTE FUNCTION "learner_search_name"();

UPDATE "Learner" SET "searchName" = translate(lower(concat_ws(' ', "lastName", "firstName", "middleName")), 'ё', 'е');
