-- CreateEnum
CREATE TYPE "RegisterImportStatus" AS ENUM ('pending', 'completed');

-- AlterTable
ALTER TABLE "RatingFact" ADD COLUMN     "registeredSince" DATE;

-- CreateTable
CREATE TABLE "RegisterImport" (
    "id" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "status" "RegisterImportStatus" NOT NULL DEFAULT 'pending',
    "fileName" TEXT NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "table" JSONB,
    "columns" JSONB,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "matched" INTEGER NOT NULL DEFAULT 0,
    "unmatched" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "problems" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "RegisterImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisterEntry" (
    "importId" TEXT NOT NULL,
    "taxId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "includedOn" DATE NOT NULL,
    "category" TEXT,
    "enterpriseId" TEXT,

    CONSTRAINT "RegisterEntry_pkey" PRIMARY KEY ("importId","taxId")
);

-- CreateTable
CREATE TABLE "RegisterListing" (
    "country" TEXT NOT NULL,
    "taxId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "includedOn" DATE NOT NULL,
    "category" TEXT,
    "firstImportId" TEXT NOT NULL,
    "lastImportId" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3),
    "removedByImportId" TEXT,

    CONSTRAINT "RegisterListing_pkey" PRIMARY KEY ("country","taxId")
);

-- CreateIndex
CREATE INDEX "RegisterImport_country_status_completedAt_idx" ON "RegisterImport"("country", "status", "completedAt");

-- CreateIndex
CREATE INDEX "RegisterEntry_enterpriseId_idx" ON "RegisterEntry"("enterpriseId");

-- AddForeignKey
ALTER TABLE "RegisterImport" ADD CONSTRAINT "RegisterImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterEntry" ADD CONSTRAINT "RegisterEntry_importId_fkey" FOREIGN KEY ("importId") REFERENCES "RegisterImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterEntry" ADD CONSTRAINT "RegisterEntry_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;
