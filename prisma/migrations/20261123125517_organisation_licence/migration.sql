-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "licenceDate" DATE,
ADD COLUMN     "licenceNumber" VARCHAR(50);
