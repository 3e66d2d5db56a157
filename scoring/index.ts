// The public contract of the rating. Everything else in scoring/ is internal.
import { v1 } from "./methodologies/v1";
import { v2 } from "./methodologies/v2";
import { v3 } from "./methodologies/v3";
import type { DimensionId, LocalizedText, Methodology } from "./types";

export type * from "./types";
export {
  AnswerError,
  answerConflicts,
  applicableQuestions,
  explainPoints,
  isApplicable,
  NOT_APPLICABLE,
  percentileRank,
  scoreAssessment,
  validateAnswer,
} from "./engine";
export type { AnswerConflict, AnswerProblem } from "./engine";
export { fingerprintMethodology, validateMethodology } from "./validate";
export { SHARES_OF_A_WHOLE, sharesOfAWhole } from "./answer-rules";
export {
  asksLegalFormGroup,
  LEGAL_FORM_GROUP_IDS,
  LEGAL_FORM_GROUPS,
  legalFormGroupOf,
  questionsNotForLegalForm,
  usesLegalForms,
  wordingGroup,
} from "./legal-forms";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Every published methodology, by version. Their rules never change (a test holds the
 * fingerprint of each one's rules); they are frozen here so nothing alters them at run time.
 */
export const methodologies: Readonly<Record<string, Methodology>> = deepFreeze({
  [v1.version]: v1,
  [v2.version]: v2,
  [v3.version]: v3,
});

/**
 * The published methodology of a version, or undefined: only the table's own versions, so a URL's
 * `__proto__`, `constructor` or `toString` is no version rather than something from Object's prototype.
 */
export function findMethodology(version: string): Methodology | undefined {
  return Object.hasOwn(methodologies, version) ? methodologies[version] : undefined;
}

/** The methodology new assessments are taken with. */
export const currentMethodology: Methodology = v3;

/** A dimension's name in the methodology, or undefined for a dimension it does not have. */
export function dimensionLabel(methodology: Methodology, id: DimensionId): LocalizedText | undefined {
  return methodology.dimensions.find((d) => d.id === id)?.label;
}

/** A tier's name in the methodology, or undefined for a tier it does not have. */
export function tierLabel(methodology: Methodology, id: string): LocalizedText | undefined {
  return methodology.tiers.find((t) => t.id === id)?.label;
}
