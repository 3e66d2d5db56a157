// What the public sees of a rating: the verifier's figures once the assessment's verification is
// completed, the self-assessed ones otherwise. Written once for the queries that read ratings
// through Prisma and once for the SQL that stores them as facts (sector summaries, directory).
import { Prisma, type VerificationStatus } from "~/generated/prisma/client";
import type { ScoreResult } from "../../scoring";
import { prisma } from "~/utils/db.server";
import { trustLabel, type TrustLabel } from "~/utils/trust";

/** Who stands behind a rating's figures: its trust label, and when and by which organisation it was verified. */
export interface RatingTrust {
  label: TrustLabel;
  verifiedAt: Date | null;
  organisation: string | null;
}

/** The verification fields the rule reads; add the figures a query needs (`result`, `overall`, `tier`...). */
export const VERIFICATION_FACTS_SELECT = { status: true, completedAt: true, organisation: true } as const;

type VerificationFacts = { status: VerificationStatus; completedAt: Date | null; organisation: string | null };

/**
 * The figures shown for a rating: each one the verifier's when the verification is completed,
 * the self-assessed one otherwise, with the rating's trust.
 */
export function verifiedOrSelfAssessed<Figures extends object>(
  selfAssessed: Figures,
  verification: (VerificationFacts & { [K in keyof Figures]: Figures[K] | null }) | null | undefined,
): Figures & { trust: RatingTrust } {
  const verified = verification?.status === "completed" ? verification : null;
  const figures = { ...selfAssessed };
  if (verified) {
    for (const key of Object.keys(selfAssessed) as (keyof Figures)[])
      figures[key] = (verified[key] as Figures[keyof Figures] | null) ?? selfAssessed[key];
  }
  const verifiedAt = verified?.completedAt ?? null;
  return { ...figures, trust: { label: trustLabel(verifiedAt), verifiedAt, organisation: verified?.organisation ?? null } };
}

/** The same rule in SQL, for an assessment `a` joined with `COMPLETED_VERIFICATION_JOIN`. */
export const COMPLETED_VERIFICATION_JOIN = Prisma.sql`LEFT JOIN "Verification" v ON v."assessmentId" = a.id AND v.status = 'completed'`;

/** A column of the rating as shown: the completed verification's value, else the assessment's. */
export const verifiedOrSelfAssessedSql = (column: "result" | "overall" | "tier" | "eligible") =>
  Prisma.raw(`COALESCE(v."${column}", a."${column}")`);

/** An enterprise's current rating, as its members (and the cohorts it consented to) read it, published or not. */
export interface LatestRating {
  /** The assessment it comes from: its results page is the rating in full. */
  assessmentId: string;
  overall: number;
  tier: string;
  dimensions: Record<string, number>;
  submittedAt: Date | null;
  trust: RatingTrust;
  /** That assessment's improvement plan: items marked done, out of all of them. */
  plan: { done: number; total: number };
}

/**
 * Each enterprise's current rating: its latest submitted assessment, with the verifier's figures once
 * verified, and how far its improvement plan has come. An enterprise with no submitted assessment has none.
 */
export async function latestRatingsOf(enterpriseIds: string[]): Promise<Map<string, LatestRating>> {
  const assessments = await prisma.assessment.findMany({
    where: { enterpriseId: { in: enterpriseIds }, status: "submitted" },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    distinct: ["enterpriseId"],
    select: {
      id: true,
      enterpriseId: true,
      result: true,
      submittedAt: true,
      verification: { select: { ...VERIFICATION_FACTS_SELECT, result: true } },
      planItemsDone: { select: { questionId: true } },
    },
  });
  const ratings = new Map<string, LatestRating>();
  for (const a of assessments) {
    if (!a.result) continue;
    const shown = verifiedOrSelfAssessed({ result: a.result as unknown }, a.verification);
    const result = shown.result as ScoreResult;
    const items = new Set(result.improvements.map((i) => i.questionId));
    ratings.set(a.enterpriseId, {
      assessmentId: a.id,
      overall: result.overall,
      tier: result.tier,
      dimensions: Object.fromEntries(result.dimensions.map((d) => [d.id, d.score])),
      submittedAt: a.submittedAt,
      trust: shown.trust,
      plan: { done: a.planItemsDone.filter((d) => items.has(d.questionId)).length, total: items.size },
    });
  }
  return ratings;
}
