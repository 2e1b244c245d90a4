-- DropIndex
DROP INDEX "Learner_searchName_birthDate_idx";

-- CreateIndex
CREATE INDEX "Learner_searchName_birthDate_id_idx" ON "Learner"("searchName", "birthDate", "id");
