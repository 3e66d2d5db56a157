-- AlterTable
ALTER TABLE "Enterprise" ADD COLUMN     "socialRegisterNumber" TEXT,
ADD COLUMN     "socialRegisteredOn" DATE;
