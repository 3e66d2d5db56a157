-- Full-text search of enterprise profiles in English and Russian (an expression index Prisma cannot declare).
CREATE INDEX "Enterprise_search_idx" ON "Enterprise" USING GIN (
  (to_tsvector('english', name || ' ' || description || ' ' || mission) || to_tsvector('russian', name || ' ' || description || ' ' || mission))
);

-- Keyset pagination of the directory by score, name and date.
CREATE INDEX "RatingFact_current_overall_idx" ON "RatingFact" ("overall" DESC, "enterpriseId") WHERE "isCurrent";
CREATE INDEX "RatingFact_current_submitted_idx" ON "RatingFact" ("submittedAt" DESC, "enterpriseId") WHERE "isCurrent";
