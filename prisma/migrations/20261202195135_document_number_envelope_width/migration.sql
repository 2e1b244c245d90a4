-- AlterTable
ALTER TABLE "Learner" ALTER COLUMN "docNumberEnc" SET DATA TYPE VARCHAR(300);

-- AlterTable
ALTER TABLE "Representative" ALTER COLUMN "docNumberEnc" SET DATA TYPE VARCHAR(300);
