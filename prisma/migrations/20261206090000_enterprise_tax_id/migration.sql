-- AlterTable
ALTER TABLE "Enterprise" ADD COLUMN     "taxId" TEXT;

-- CreateIndex
CREATE INDEX "Enterprise_country_taxId_idx" ON "Enterprise"("country", "taxId");
