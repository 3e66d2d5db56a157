// Shared by server and browser: the trust label of a rating is computed from its verification
// date whenever it is read, so a verification expires without anything being rewritten.

export const TRUST_LABELS = ["self_assessed", "verified", "expired"] as const;
export type TrustLabel = (typeof TRUST_LABELS)[number];

/** A verification older than this many months no longer makes a rating "verified". */
export const VERIFICATION_VALID_MONTHS = 24;

export function verificationExpiresAt(verifiedAt: Date | string) {
  const date = new Date(verifiedAt);
  date.setUTCMonth(date.getUTCMonth() + VERIFICATION_VALID_MONTHS);
  return date;
}

export function trustLabel(verifiedAt: Date | string | null | undefined, now: Date = new Date()): TrustLabel {
  if (!verifiedAt) return "self_assessed";
  // The same comparison the database makes (see trustSql), so both always agree.
  return new Date(verifiedAt) <= verificationValidSince(now) ? "expired" : "verified";
}

/** The oldest verification date that still makes a rating "verified" now. */
export function verificationValidSince(now: Date = new Date()) {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - VERIFICATION_VALID_MONTHS);
  return date;
}
