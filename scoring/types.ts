// The shapes of the rating. Everything here is plain data: no I/O, no dependencies.

export type LocalizedText = { en: string; ru: string };

export type DimensionId =
  "social_impact" | "economic_sustainability" | "governance_transparency" | "inclusion" | "ecosystem_partnership" | "environment_climate";

export interface Dimension {
  id: DimensionId;
  weight: number;
  label: LocalizedText;
  description?: LocalizedText;
}

export interface Option {
  id: string;
  label: LocalizedText;
  points: number;
}

export interface Band {
  min: number;
  max?: number;
  points: number;
}

export interface Condition {
  question: string;
  oneOf?: string[];
  min?: number;
}

export type QuestionType = "single" | "multi" | "number" | "percent";

/**
 * The kinds of organisation a question may be limited to, by legal form: companies (LLPs, LLCs,
 * JSCs), non-profits (public associations, foundations, other non-commercial organisations),
 * cooperatives, and individuals (sole proprietors and dehkan farms, run by one person or one
 * family). Which legal form is in which group is `LEGAL_FORM_GROUPS` (scoring/legal-forms.ts).
 */
export type LegalFormGroup = "company" | "nonprofit" | "cooperative" | "individual";

/** A question's words for one group of legal forms, where its general wording would mislead them. */
export interface GroupWording {
  text?: LocalizedText;
  help?: LocalizedText;
}

/** What scoring is told besides the answers: the group of the enterprise's legal form, when known. */
export interface ScoringContext {
  legalFormGroup?: LegalFormGroup | null;
}

export interface Question {
  id: string;
  dimension: DimensionId;
  type: QuestionType;
  text: LocalizedText;
  help?: LocalizedText;
  maxPoints: number;
  options?: Option[];
  bands?: Band[];
  min?: number;
  max?: number;
  unit?: LocalizedText;
  allowNotApplicable?: boolean;
  appliesWhen?: Condition;
  /**
   * The id of an earlier number question this one is a part of (beneficiaries who are women, of
   * all beneficiaries): its answer cannot be more than that total.
   */
  partOf?: string;
  /**
   * The groups of legal forms the question is asked of; every group when absent. For an
   * enterprise of another group it is not asked, not required, and left out of its dimension's
   * maximum, as a follow-up that does not apply.
   */
  legalForms?: readonly LegalFormGroup[];
  /** Its words for some groups of legal forms; the general text and help for the others. */
  wordingFor?: Partial<Record<LegalFormGroup, GroupWording>>;
}

export interface Tier {
  id: string;
  minScore: number;
  label: LocalizedText;
}

export interface EligibilityCriterion {
  id: string;
  label: LocalizedText;
  question: string;
  oneOf?: string[];
  min?: number;
  /** When the question is answered "not applicable" (e.g. no profit to reinvest), the criterion is met. */
  passIfNotApplicable?: boolean;
  /** The groups of legal forms it holds for; every group when absent. For the others it is met: it does not apply. */
  legalForms?: readonly LegalFormGroup[];
  failure: LocalizedText;
}

export interface Eligibility {
  criteria: EligibilityCriterion[];
}

export interface Methodology {
  version: string;
  publishedAt: string;
  dimensions: Dimension[];
  questions: Question[];
  tiers: Tier[];
  eligibility: Eligibility;
}

export type AnswerValue = string | string[] | number | "n/a";
export type Answers = Readonly<Record<string, AnswerValue>>;

export interface EligibilityReason {
  criterion: string;
  message: LocalizedText;
}

export interface DimensionResult {
  id: DimensionId;
  score: number;
  earned: number;
  possible: number;
  weight: number;
}

export interface Contribution {
  questionId: string;
  dimension: DimensionId;
  earned: number;
  possible: number;
}

export interface Improvement {
  questionId: string;
  dimension: DimensionId;
  potentialGain: number;
  pointsAvailable: number;
  bestAnswer: AnswerValue;
}

export interface ScoreResult {
  methodologyVersion: string;
  overall: number;
  tier: string;
  eligible: boolean;
  eligibilityReasons: EligibilityReason[];
  completeness: number;
  dimensions: DimensionResult[];
  contributions: Contribution[];
  improvements: Improvement[];
}

export type AnswerErrorCode =
  | "unknown_question"
  | "unknown_option"
  | "out_of_range"
  | "wrong_type"
  | "not_applicable_not_allowed"
  | "exceeds_total"
  | "shares_exceed_whole";

/**
 * Questions that each ask for a percentage of the same whole (of all income: from sales, from
 * grants): together their answers cannot be more than 100 %.
 */
export interface SharesOfAWhole {
  id: string;
  parts: readonly string[];
}

/**
 * Why an answer earned its points, by the rule of the methodology that applied: the option
 * chosen, the options chosen and the question's cap, or the band a number falls in. A question
 * worth no points, an answer "not applicable" and a missing answer earn nothing and count for
 * nothing.
 */
export type PointsReason =
  | { rule: "unanswered"; points: 0 }
  | { rule: "not_applicable"; points: 0 }
  | { rule: "not_scored"; points: 0 }
  | { rule: "not_for_legal_form"; points: 0 }
  | { rule: "option"; option: string; points: number }
  | { rule: "options"; options: readonly string[]; sum: number; cap: number; points: number }
  | { rule: "band"; min: number; max?: number; points: number }
  | { rule: "no_band"; points: 0 };
