-- Each enterprise's latest rating in a quarter and in a year, marked once when its facts are
-- rebuilt, so period views and the quarterly trend need no per-request de-duplication.
ALTER TABLE "RatingFact" ADD COLUMN "latestInQuarter" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "latestInYear" BOOLEAN NOT NULL DEFAULT false;

-- How many of the beneficiaries are women and girls, people with disabilities, and from the
-- vulnerable groups reached (asked from methodology v2 on; empty for earlier ratings).
ALTER TABLE "RatingFact" ADD COLUMN "beneficiariesWomen" INTEGER,
  ADD COLUMN "beneficiariesDisability" INTEGER,
  ADD COLUMN "beneficiariesVulnerable" INTEGER;

UPDATE "RatingFact" f SET "latestInQuarter" = x.q = 1, "latestInYear" = x.y = 1
FROM (
  SELECT "assessmentId",
    row_number() OVER (PARTITION BY "enterpriseId", date_trunc('quarter', "submittedAt") ORDER BY "submittedAt" DESC, "assessmentId" DESC) AS q,
    row_number() OVER (PARTITION BY "enterpriseId", date_trunc('year', "submittedAt") ORDER BY "submittedAt" DESC, "assessmentId" DESC) AS y
  FROM "RatingFact"
) x
WHERE f."assessmentId" = x."assessmentId";

-- CreateIndex
CREATE INDEX "RatingFact_verifiedAt_idx" ON "RatingFact"("verifiedAt");

-- CreateTable
CREATE TABLE "SectorSummary" (
    "key" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "version" BIGINT NOT NULL,
    "validUntil" TIMESTAMP(3),
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectorSummary_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SectorSummary_viewedAt_idx" ON "SectorSummary"("viewedAt");

-- CreateTable
CREATE TABLE "SectorDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SectorDataVersion_pkey" PRIMARY KEY ("id")
);

INSERT INTO "SectorDataVersion" ("id", "version") VALUES (1, 0);

-- CreateIndex: the list of completed reviews, newest first.
CREATE INDEX "Verification_status_completedAt_idx" ON "Verification"("status", "completedAt");
