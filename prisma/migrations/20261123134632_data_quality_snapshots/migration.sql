-- CreateTable
CREATE TABLE "DataQualitySnapshot" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "takenOn" DATE NOT NULL,
    "check" VARCHAR(40) NOT NULL,
    "count" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataQualitySnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DataQualitySnapshot_takenOn_idx" ON "DataQualitySnapshot"("takenOn");

-- CreateIndex
CREATE UNIQUE INDEX "DataQualitySnapshot_organisationId_takenOn_check_key" ON "DataQualitySnapshot"("organisationId", "takenOn", "check");
