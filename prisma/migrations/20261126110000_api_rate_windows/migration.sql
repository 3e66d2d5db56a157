-- The open data API's requests per client address in the current minute, shared by every app
-- server. Unlogged: counters need no crash safety, and skip the write-ahead log.
CREATE UNLOGGED TABLE "ApiRateWindow" (
    "address" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ApiRateWindow_pkey" PRIMARY KEY ("address")
);

-- CreateIndex
CREATE INDEX "ApiRateWindow_windowStart_idx" ON "ApiRateWindow"("windowStart");
