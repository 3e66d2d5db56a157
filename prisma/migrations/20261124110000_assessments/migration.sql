-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('draft', 'submitted');

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "methodologyVersion" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'draft',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "lastClientId" TEXT,
    "result" JSONB,
    "overall" DOUBLE PRECISION,
    "tier" TEXT,
    "eligible" BOOLEAN,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assessment_enterpriseId_status_submittedAt_idx" ON "Assessment"("enterpriseId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Assessment_published_overall_idx" ON "Assessment"("published", "overall");

-- One draft per enterprise at a time.
CREATE UNIQUE INDEX "Assessment_one_draft_per_enterprise" ON "Assessment"("enterpriseId") WHERE "status" = 'draft';

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
