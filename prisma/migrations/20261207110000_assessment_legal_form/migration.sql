-- The legal form an assessment is taken with: kept current from the enterprise while it is a
-- draft, and kept as it was once submitted, so a later change of form never re-scores it.

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "legalForm" TEXT;
