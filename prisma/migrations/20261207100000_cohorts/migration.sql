-- Cohorts of enabling organisations (accounts with the incubator role): enterprises invited, who consent
-- to share their results or decline, and may withdraw; improvement plan items marked as done.

-- CreateEnum
CREATE TYPE "CohortMemberStatus" AS ENUM ('invited', 'accepted', 'declined', 'withdrawn');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'incubator';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'cohort_invited';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "cohortMemberId" TEXT;

-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CohortMember" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "status" "CohortMemberStatus" NOT NULL DEFAULT 'invited',
    "invitedById" TEXT,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedById" TEXT,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "CohortMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItemDone" (
    "assessmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "markedById" TEXT,
    "doneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanItemDone_pkey" PRIMARY KEY ("assessmentId","questionId")
);

-- CreateIndex
CREATE INDEX "Cohort_ownerId_idx" ON "Cohort"("ownerId");

-- CreateIndex
CREATE INDEX "CohortMember_enterpriseId_status_idx" ON "CohortMember"("enterpriseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CohortMember_cohortId_enterpriseId_key" ON "CohortMember"("cohortId", "enterpriseId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_cohortMemberId_fkey" FOREIGN KEY ("cohortMemberId") REFERENCES "CohortMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMember" ADD CONSTRAINT "CohortMember_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMember" ADD CONSTRAINT "CohortMember_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMember" ADD CONSTRAINT "CohortMember_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMember" ADD CONSTRAINT "CohortMember_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemDone" ADD CONSTRAINT "PlanItemDone_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemDone" ADD CONSTRAINT "PlanItemDone_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
