-- Keys of the learner-keyed tables include learnerId, the distribution column
-- under Citus (docs/distribution.md, src/server/db/distribution.ts): primary
-- keys become (learnerId, id), a correction's link (supersedesId) becomes
-- (learnerId, supersedesId) -> (learnerId, id), and the learner foreign keys
-- stop cascading updates (Citus refuses ON UPDATE CASCADE / ON DELETE SET NULL
-- on a foreign key that includes the distribution column). Existing rows fit:
-- a correction has always been written for the corrected row's learner.
-- The (learnerId) indexes of Achievement, ExamResult and Consent are dropped:
-- the new primary keys start with learnerId.

-- DropForeignKey
ALTER TABLE "Achievement" DROP CONSTRAINT "Achievement_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "Certificate" DROP CONSTRAINT "Certificate_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "Consent" DROP CONSTRAINT "Consent_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "ExamResult" DROP CONSTRAINT "ExamResult_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "HealthRecord" DROP CONSTRAINT "HealthRecord_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "HealthRecord" DROP CONSTRAINT "HealthRecord_supersedesId_fkey";

-- DropForeignKey
ALTER TABLE "LearnerRepresentative" DROP CONSTRAINT "LearnerRepresentative_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "SubjectGrade" DROP CONSTRAINT "SubjectGrade_learnerId_fkey";

-- DropForeignKey
ALTER TABLE "SubjectGrade" DROP CONSTRAINT "SubjectGrade_supersedesId_fkey";

-- DropIndex
DROP INDEX "Achievement_learnerId_idx";

-- DropIndex
DROP INDEX "Consent_learnerId_idx";

-- DropIndex
DROP INDEX "ExamResult_learnerId_idx";

-- DropIndex
DROP INDEX "HealthRecord_supersedesId_key";

-- DropIndex
DROP INDEX "SubjectGrade_supersedesId_key";

-- AlterTable
ALTER TABLE "Achievement" DROP CONSTRAINT "Achievement_pkey",
ADD CONSTRAINT "Achievement_pkey" PRIMARY KEY ("learnerId", "id");

-- AlterTable
ALTER TABLE "Certificate" DROP CONSTRAINT "Certificate_pkey",
ADD CONSTRAINT "Certificate_pkey" PRIMARY KEY ("learnerId", "id");

-- AlterTable
ALTER TABLE "Consent" DROP CONSTRAINT "Consent_pkey",
ADD CONSTRAINT "Consent_pkey" PRIMARY KEY ("learnerId", "id");

-- AlterTable
ALTER TABLE "ExamResult" DROP CONSTRAINT "ExamResult_pkey",
ADD CONSTRAINT "ExamResult_pkey" PRIMARY KEY ("learnerId", "id");

-- AlterTable
ALTER TABLE "HealthRecord" DROP CONSTRAINT "HealthRecord_pkey",
ADD CONSTRAINT "HealthRecord_pkey" PRIMARY KEY ("learnerId", "id");

-- AlterTable
ALTER TABLE "JournalGrade" DROP CONSTRAINT "JournalGrade_pkey",
ADD CONSTRAINT "JournalGrade_pkey" PRIMARY KEY ("learnerId", "subjectGradeId");

-- AlterTable
ALTER TABLE "SubjectGrade" DROP CONSTRAINT "SubjectGrade_pkey",
ADD CONSTRAINT "SubjectGrade_pkey" PRIMARY KEY ("learnerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "HealthRecord_learnerId_supersedesId_key" ON "HealthRecord"("learnerId", "supersedesId");

-- CreateIndex
CREATE UNIQUE INDEX "SubjectGrade_learnerId_supersedesId_key" ON "SubjectGrade"("learnerId", "supersedesId");

-- AddForeignKey
ALTER TABLE "LearnerRepresentative" ADD CONSTRAINT "LearnerRepresentative_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "HealthRecord" ADD CONSTRAINT "HealthRecord_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "HealthRecord" ADD CONSTRAINT "HealthRecord_learnerId_supersedesId_fkey" FOREIGN KEY ("learnerId", "supersedesId") REFERENCES "HealthRecord"("learnerId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Achievement" ADD CONSTRAINT "Achievement_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SubjectGrade" ADD CONSTRAINT "SubjectGrade_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SubjectGrade" ADD CONSTRAINT "SubjectGrade_learnerId_supersedesId_fkey" FOREIGN KEY ("learnerId", "supersedesId") REFERENCES "SubjectGrade"("learnerId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
