-- A cohort's own forum category, private to the cohort: its organisation, the members of the
-- enterprises that accepted its invitation, and the forum's moderators.

-- AlterEnum
ALTER TYPE "ForumCategoryKind" ADD VALUE 'cohort';

-- AlterTable
ALTER TABLE "ForumCategory" ADD COLUMN "cohortId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ForumCategory_cohortId_key" ON "ForumCategory"("cohortId");

-- AddForeignKey: a cohort with a forum is not deleted from under it (its category would otherwise be orphaned or public).
ALTER TABLE "ForumCategory" ADD CONSTRAINT "ForumCategory_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A cohort category always has its cohort, and only a cohort category has one (compared as text:
-- the new enum value cannot be used in the transaction that adds it).
ALTER TABLE "ForumCategory" ADD CONSTRAINT "ForumCategory_cohort_check" CHECK (("kind"::text = 'cohort') = ("cohortId" IS NOT NULL));
