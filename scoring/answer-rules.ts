import type { Methodology, SharesOfAWhole } from "./types";

// Rules about what may be typed, beside the methodologies rather than inside them: they refuse
// answers that cannot be true, and never change what a true answer earns. Scoring does not read
// them, so they belong to no methodology's fingerprint, and they apply to every version that asks
// these questions, the published ones included.

/** Percentages of one whole asked as separate questions: together they are at most 100 %. */
export const SHARES_OF_A_WHOLE: readonly SharesOfAWhole[] = Object.freeze([
  Object.freeze({ id: "income", parts: Object.freeze(["es_trading_income_share", "es_grant_share"]) }),
]);

/** The wholes whose every part is a percentage question of the methodology. */
export function sharesOfAWhole(methodology: Methodology): SharesOfAWhole[] {
  return SHARES_OF_A_WHOLE.filter((whole) =>
    whole.parts.every((id) => methodology.questions.some((q) => q.id === id && q.type === "percent")),
  );
}
