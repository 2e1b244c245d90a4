-- DropIndex
DROP INDEX "Certificate_learnerId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_learnerId_level_key" ON "Certificate"("learnerId", "level");
