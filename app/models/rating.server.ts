// What the public sees of a rating: the verifier's figures once the assessment's verification is
// completed, the self-assessed ones otherwise. Written once for the queries that read ratings
// through Prisma and once for the SQL that stores them as facts (sector summaries, directory).
import { Prisma, type VerificationStatus } from "~/generated/prisma/client";
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
