-- E-mail (docs/decisions/012-email.md): confirmed addresses, single-use tokens sent by e-mail, the queue of
-- outgoing messages, each person's e-mail preferences, and notifications about verification steps.

-- An account's address is confirmed by following a link sent to it. Accounts made before confirmation
-- existed (the demo accounts among them) count as confirmed.
ALTER TABLE "User" ADD COLUMN "emailConfirmedAt" TIMESTAMP(3);
UPDATE "User" SET "emailConfirmedAt" = "createdAt";

-- CreateEnum
CREATE TYPE "EmailTokenPurpose" AS ENUM ('password_reset', 'email_confirmation');

-- A link sent by e-mail: only the sha256 of its token is stored; used once, valid until expiresAt.
-- `email` is the address it confirms (the new one, for a change of address) or the one it was sent to.
CREATE TABLE "EmailToken" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "EmailTokenPurpose" NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "EmailToken_userId_purpose_createdAt_idx" ON "EmailToken"("userId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "EmailToken_expiresAt_idx" ON "EmailToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "EmailToken" ADD CONSTRAINT "EmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "OutgoingEmailStatus" AS ENUM ('pending', 'sent', 'failed');

-- The queue: a message is written in the same transaction as the change that causes it, rendered in the
-- recipient's language, and sent by a worker in each app server (claimed with FOR UPDATE SKIP LOCKED).
CREATE TABLE "OutgoingEmail" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "toAddress" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "status" "OutgoingEmailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutgoingEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutgoingEmail_status_nextAttemptAt_idx" ON "OutgoingEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutgoingEmail_createdAt_idx" ON "OutgoingEmail"("createdAt");

-- CreateIndex
CREATE INDEX "OutgoingEmail_userId_idx" ON "OutgoingEmail"("userId");

-- AddForeignKey
ALTER TABLE "OutgoingEmail" ADD CONSTRAINT "OutgoingEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "ForumEmailFrequency" AS ENUM ('immediately', 'daily', 'never');

-- What a person wants by e-mail; no row means the defaults. `countriesChosen` false: consultations of the
-- countries of one's enterprises and roles; true: those of `consultationCountries`.
CREATE TABLE "EmailPreference" (
    "userId" TEXT NOT NULL,
    "forum" "ForumEmailFrequency" NOT NULL DEFAULT 'immediately',
    "verification" BOOLEAN NOT NULL DEFAULT true,
    "consultations" BOOLEAN NOT NULL DEFAULT true,
    "contributions" BOOLEAN NOT NULL DEFAULT true,
    "countriesChosen" BOOLEAN NOT NULL DEFAULT false,
    "consultationCountries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "digestSentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "EmailPreference_forum_digestSentAt_idx" ON "EmailPreference"("forum", "digestSentAt");

-- AddForeignKey
ALTER TABLE "EmailPreference" ADD CONSTRAINT "EmailPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Secrets the installation makes for itself, shared by every app server: the key that signs unsubscribe links.
CREATE TABLE "InstanceSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstanceSecret_pkey" PRIMARY KEY ("name")
);

-- gen_random_uuid() draws from the server's strong random source; two of them, hashed, make a 256-bit key.
INSERT INTO "InstanceSecret" ("name", "value")
VALUES ('unsubscribe', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));

-- Verification steps are notified in the site too; such a notification points at its assessment.
ALTER TYPE "NotificationKind" ADD VALUE 'verification_taken';
ALTER TYPE "NotificationKind" ADD VALUE 'verification_message';
ALTER TYPE "NotificationKind" ADD VALUE 'verification_released';
ALTER TYPE "NotificationKind" ADD VALUE 'verification_completed';
ALTER TYPE "NotificationKind" ADD VALUE 'verification_evidence';
ALTER TYPE "NotificationKind" ADD VALUE 'verification_member_message';

ALTER TABLE "Notification" ADD COLUMN "assessmentId" TEXT;

-- CreateIndex
CREATE INDEX "Notification_assessmentId_idx" ON "Notification"("assessmentId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
