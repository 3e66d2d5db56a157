-- CreateTable
CREATE TABLE "RatingFact" (
    "assessmentId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "country" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "sizeBand" TEXT NOT NULL,
    "employees" INTEGER NOT NULL,
    "womenLed" BOOLEAN NOT NULL,
    "youthLed" BOOLEAN NOT NULL,
    "sdgs" INTEGER[],
    "eligible" BOOLEAN NOT NULL,
    "tier" TEXT NOT NULL,
    "overall" DOUBLE PRECISION NOT NULL,
    "socialImpact" DOUBLE PRECISION NOT NULL,
    "economic" DOUBLE PRECISION NOT NULL,
    "governance" DOUBLE PRECISION NOT NULL,
    "inclusion" DOUBLE PRECISION NOT NULL,
    "ecosystem" DOUBLE PRECISION NOT NULL,
    "environment" DOUBLE PRECISION NOT NULL,
    "beneficiaries" INTEGER,
    "trust" TEXT NOT NULL DEFAULT 'self_assessed',

    CONSTRAINT "RatingFact_pkey" PRIMARY KEY ("assessmentId")
);

-- CreateIndex
CREATE INDEX "RatingFact_isCurrent_country_sector_idx" ON "RatingFact"("isCurrent", "country", "sector");

-- CreateIndex
CREATE INDEX "RatingFact_isCurrent_sector_idx" ON "RatingFact"("isCurrent", "sector");

-- CreateIndex
CREATE INDEX "RatingFact_enterpriseId_idx" ON "RatingFact"("enterpriseId");

-- CreateIndex
CREATE INDEX "RatingFact_submittedAt_idx" ON "RatingFact"("submittedAt");
