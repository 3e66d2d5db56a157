-- Polls in forum threads and consultations: one poll per thread, its options, one ballot per account
-- (changed in place until the poll closes) and the options each ballot chose.

-- A moderator closing a poll early is written to the moderation log.
ALTER TYPE "ModerationActionKind" ADD VALUE 'close_poll';

-- A consultation's published summary may cite its poll: the poll's final results are shown with it.
ALTER TABLE "ForumConsultation" ADD COLUMN "summaryCitesPoll" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ForumPoll" (
    "threadId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "multipleChoice" BOOLEAN NOT NULL DEFAULT false,
    "resultsBeforeVote" BOOLEAN NOT NULL DEFAULT true,
    "closesAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ForumPoll_pkey" PRIMARY KEY ("threadId")
);

-- CreateTable
CREATE TABLE "ForumPollOption" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "ForumPollOption_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ForumPollOption_position_check" CHECK ("position" >= 0)
);

-- CreateTable
CREATE TABLE "ForumPollBallot" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "voterGroup" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ForumPollBallot_pkey" PRIMARY KEY ("pollId","userId"),
    -- POLL_VOTER_GROUPS in app/utils/forum-poll.ts.
    CONSTRAINT "ForumPollBallot_voterGroup_check" CHECK ("voterGroup" IN ('entrepreneur', 'funder', 'ministry', 'verifier', 'other'))
);

-- CreateTable
CREATE TABLE "ForumPollChoice" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,

    CONSTRAINT "ForumPollChoice_pkey" PRIMARY KEY ("pollId","userId","optionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ForumPollOption_pollId_position_key" ON "ForumPollOption"("pollId", "position");

-- CreateIndex
CREATE INDEX "ForumPollBallot_userId_idx" ON "ForumPollBallot"("userId");

-- CreateIndex
CREATE INDEX "ForumPollChoice_optionId_idx" ON "ForumPollChoice"("optionId");

-- AddForeignKey
ALTER TABLE "ForumPoll" ADD CONSTRAINT "ForumPoll_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ForumThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPollOption" ADD CONSTRAINT "ForumPollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "ForumPoll"("threadId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPollBallot" ADD CONSTRAINT "ForumPollBallot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "ForumPoll"("threadId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPollBallot" ADD CONSTRAINT "ForumPollBallot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPollChoice" ADD CONSTRAINT "ForumPollChoice_pollId_userId_fkey" FOREIGN KEY ("pollId", "userId") REFERENCES "ForumPollBallot"("pollId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPollChoice" ADD CONSTRAINT "ForumPollChoice_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "ForumPollOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;
