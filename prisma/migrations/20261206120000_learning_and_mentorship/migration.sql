-- The learning library (resources in one or more languages, attachments, what readers marked) and mentorship
-- (mentor offers approved by admins, mentorships with goals from the improvement plan, sessions and reviews).

-- CreateEnum
CREATE TYPE "LearningFormat" AS ENUM ('guide', 'template', 'case_study', 'course');

-- CreateEnum
CREATE TYPE "LearningLevel" AS ENUM ('beginner', 'intermediate', 'advanced');

-- CreateEnum
CREATE TYPE "MentorStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "MentorshipStatus" AS ENUM ('requested', 'active', 'declined', 'ended');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'mentorship_requested';
ALTER TYPE "NotificationKind" ADD VALUE 'mentorship_accepted';
ALTER TYPE "NotificationKind" ADD VALUE 'mentorship_declined';
ALTER TYPE "NotificationKind" ADD VALUE 'mentorship_session';
ALTER TYPE "NotificationKind" ADD VALUE 'mentorship_ended';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "mentorshipId" TEXT;

-- AlterTable
ALTER TABLE "EmailPreference" ADD COLUMN "mentorship" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "LearningResource" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "format" "LearningFormat" NOT NULL,
    "level" "LearningLevel" NOT NULL,
    "country" TEXT,
    "dimensions" TEXT[],
    "questionIds" TEXT[],
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningResourceVersion" (
    "id" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningResourceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningAttachment" (
    "id" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "storageName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningProgress" (
    "userId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "useful" BOOLEAN NOT NULL DEFAULT false,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningProgress_pkey" PRIMARY KEY ("userId","resourceId")
);

-- CreateTable
CREATE TABLE "MentorProfile" (
    "userId" TEXT NOT NULL,
    "bio" TEXT NOT NULL,
    "dimensions" TEXT[],
    "sectors" TEXT[],
    "countries" TEXT[],
    "languages" TEXT[],
    "capacity" INTEGER NOT NULL,
    "availability" TEXT NOT NULL,
    "status" "MentorStatus" NOT NULL DEFAULT 'pending',
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Mentorship" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "requestedById" TEXT,
    "assessmentId" TEXT,
    "status" "MentorshipStatus" NOT NULL DEFAULT 'requested',
    "message" TEXT NOT NULL DEFAULT '',
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "shareProgress" BOOLEAN NOT NULL DEFAULT false,
    "respondedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "mentorReview" TEXT,
    "menteeReview" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mentorship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipGoal" (
    "id" TEXT NOT NULL,
    "mentorshipId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,

    CONSTRAINT "MentorshipGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorshipSession" (
    "id" TEXT NOT NULL,
    "mentorshipId" TEXT NOT NULL,
    "goalId" TEXT,
    "authorId" TEXT,
    "heldOn" TIMESTAMP(3) NOT NULL,
    "notes" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorshipSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LearningResource_slug_key" ON "LearningResource"("slug");

-- CreateIndex
CREATE INDEX "LearningResource_country_idx" ON "LearningResource"("country");

-- CreateIndex
CREATE INDEX "LearningResource_createdAt_idx" ON "LearningResource"("createdAt");

-- CreateIndex
CREATE INDEX "LearningResourceVersion_language_idx" ON "LearningResourceVersion"("language");

-- CreateIndex
CREATE UNIQUE INDEX "LearningResourceVersion_resourceId_language_key" ON "LearningResourceVersion"("resourceId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "LearningAttachment_storageName_key" ON "LearningAttachment"("storageName");

-- CreateIndex
CREATE INDEX "LearningAttachment_resourceId_idx" ON "LearningAttachment"("resourceId");

-- CreateIndex
CREATE INDEX "LearningProgress_resourceId_idx" ON "LearningProgress"("resourceId");

-- CreateIndex
CREATE INDEX "MentorProfile_status_idx" ON "MentorProfile"("status");

-- CreateIndex
CREATE INDEX "Mentorship_mentorId_status_idx" ON "Mentorship"("mentorId", "status");

-- CreateIndex
CREATE INDEX "Mentorship_enterpriseId_status_idx" ON "Mentorship"("enterpriseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MentorshipGoal_mentorshipId_questionId_key" ON "MentorshipGoal"("mentorshipId", "questionId");

-- CreateIndex
CREATE INDEX "MentorshipSession_mentorshipId_heldOn_idx" ON "MentorshipSession"("mentorshipId", "heldOn");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningResource" ADD CONSTRAINT "LearningResource_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningResourceVersion" ADD CONSTRAINT "LearningResourceVersion_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "LearningResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningAttachment" ADD CONSTRAINT "LearningAttachment_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "LearningResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningAttachment" ADD CONSTRAINT "LearningAttachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningProgress" ADD CONSTRAINT "LearningProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningProgress" ADD CONSTRAINT "LearningProgress_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "LearningResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipGoal" ADD CONSTRAINT "MentorshipGoal_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipSession" ADD CONSTRAINT "MentorshipSession_mentorshipId_fkey" FOREIGN KEY ("mentorshipId") REFERENCES "Mentorship"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipSession" ADD CONSTRAINT "MentorshipSession_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "MentorshipGoal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorshipSession" ADD CONSTRAINT "MentorshipSession_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
