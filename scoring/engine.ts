import type {
  AnswerErrorCode,
  AnswerValue,
  Answers,
  Condition,
  Contribution,
  DimensionId,
  DimensionResult,
  EligibilityCriterion,
  EligibilityReason,
  Improvement,
  LocalizedText,
  Methodology,
  PointsReason,
  Question,
  ScoreResult,
  ScoringContext,
} from "./types";
import { sharesOfAWhole } from "./answer-rules";
import { asksLegalFormGroup } from "./legal-forms";

/** An answer that cannot be scored: it names the question and says what is wrong. */
export class AnswerError extends Error {
  readonly questionId: string;
  readonly code: AnswerErrorCode;
  constructor(questionId: string, code: AnswerErrorCode, message?: string) {
    super(message ?? `${questionId}: ${code.replaceAll("_", " ")}`);
    this.name = "AnswerError";
    this.questionId = questionId;
    this.code = code;
  }
}

export const NOT_APPLICABLE = "n/a";

export type AnswerProblem = { questionId: string; code: AnswerErrorCode };

/**
 * Answers that cannot all be true: a part answered with more than its total (the part's question,
 * and the total's), or shares of one whole that add up to more than 100 % (each share's question,
 * the whole, and every part of it).
 */
export type AnswerConflict =
  | { questionId: string; code: "exceeds_total"; total: string }
  | { questionId: string; code: "shares_exceed_whole"; whole: string; parts: readonly string[] };

const round2 = (value: number) => Math.round(value * 100) / 100;

const SINGLE = 0;
const MULTI = 1;
const NUMERIC = 2;

/** What scoring needs to know about one question, worked out once per question. */
interface QuestionPlan {
  readonly id: string;
  readonly dimension: DimensionId;
  readonly kind: typeof SINGLE | typeof MULTI | typeof NUMERIC;
  readonly maxPoints: number;
  readonly allowNotApplicable: boolean;
  readonly low: number;
  readonly high: number;
  readonly optionPoints: ReadonlyMap<string, number>;
  /** Bands in the methodology's order; an open band ends at +Infinity. */
  readonly bandMin: readonly number[];
  readonly bandMax: readonly number[];
  readonly bandPoints: readonly number[];
  readonly bestPoints: number;
  readonly bestAnswer: AnswerValue;
}

/** What scoring needs to know about a methodology, worked out once per methodology. */
interface MethodologyPlan {
  readonly byId: ReadonlyMap<string, number>;
  readonly plans: readonly QuestionPlan[];
  readonly dimensionOf: Int32Array;
  /** The position of the question a condition refers to; -1 when there is no condition, -2 when it can never hold. */
  readonly conditionRef: Int32Array;
  readonly conditions: readonly (Condition | undefined)[];
  readonly tiersDescending: Methodology["tiers"];
  readonly unansweredMessages: readonly LocalizedText[];
  // Scratch space reused by every call: scoring never re-enters itself.
  readonly applies: Uint8Array;
  readonly values: (AnswerValue | undefined)[];
  readonly earnedBy: Float64Array;
  readonly possibleBy: Float64Array;
  readonly contributionAt: Int32Array;
}

// Plans are worked out on first use and kept while the methodology lives. A methodology is not
// changed once it is used (the published ones are frozen); a changed copy is a new object.
const questionPlans = new WeakMap<Question, QuestionPlan>();
const methodologyPlans = new WeakMap<Methodology, MethodologyPlan>();

function pointsForNumber(plan: Pick<QuestionPlan, "bandMin" | "bandMax" | "bandPoints" | "maxPoints">, n: number): number {
  // The first band in the methodology's order that contains the value.
  const { bandMin, bandMax, bandPoints } = plan;
  for (let b = 0; b < bandMin.length; b++) {
    if (n >= bandMin[b]! && n <= bandMax[b]!) return Math.min(plan.maxPoints, bandPoints[b]!);
  }
  return 0;
}

function planQuestion(question: Question): QuestionPlan {
  let plan = questionPlans.get(question);
  if (plan) return plan;
  const kind = question.type === "single" ? SINGLE : question.type === "multi" ? MULTI : NUMERIC;
  const low = question.min ?? 0;
  const high = question.type === "percent" ? Math.min(question.max ?? 100, 100) : (question.max ?? Number.MAX_SAFE_INTEGER);
  const bands = question.bands ?? [];
  const numeric = {
    maxPoints: question.maxPoints,
    bandMin: bands.map((b) => b.min),
    bandMax: bands.map((b) => b.max ?? Number.POSITIVE_INFINITY),
    bandPoints: bands.map((b) => b.points),
  };
  let bestPoints = 0;
  let bestAnswer: AnswerValue;
  if (kind === SINGLE) {
    // The first option, in the methodology's order, worth the most.
    const best = [...(question.options ?? [])].sort((a, b) => b.points - a.points)[0];
    bestPoints = Math.min(question.maxPoints, best?.points ?? 0);
    bestAnswer = best?.id ?? "";
  } else if (kind === MULTI) {
    // The most valuable options, just enough of them to reach the cap.
    const chosen: string[] = [];
    let sum = 0;
    for (const option of [...(question.options ?? [])].sort((a, b) => b.points - a.points)) {
      if (option.points <= 0 || sum >= question.maxPoints) break;
      chosen.push(option.id);
      sum += option.points;
    }
    bestPoints = Math.min(question.maxPoints, sum);
    bestAnswer = Object.freeze(chosen) as string[];
  } else {
    // The smallest band edge that earns the most (a band's own start may fall in an earlier band).
    const candidates = [low, ...bands.flatMap((b) => (b.max === undefined ? [b.min] : [b.min, b.max]))].filter(
      (v) => v >= low && v <= high,
    );
    bestAnswer = low;
    bestPoints = -1;
    for (const value of candidates.sort((a, b) => a - b)) {
      const points = pointsForNumber(numeric, value);
      if (points > bestPoints) {
        bestPoints = points;
        bestAnswer = value;
      }
    }
    bestPoints = Math.max(0, bestPoints);
  }
  plan = {
    id: question.id,
    dimension: question.dimension,
    kind,
    allowNotApplicable: question.allowNotApplicable === true,
    low,
    high,
    optionPoints: new Map((question.options ?? []).map((o) => [o.id, o.points])),
    ...numeric,
    bestPoints,
    bestAnswer,
  };
  questionPlans.set(question, plan);
  return plan;
}

function planMethodology(methodology: Methodology): MethodologyPlan {
  let plan = methodologyPlans.get(methodology);
  if (plan) return plan;
  const { questions, dimensions } = methodology;
  const byId = new Map<string, number>();
  questions.forEach((q, i) => {
    if (!byId.has(q.id)) byId.set(q.id, i);
  });
  const conditionRef = new Int32Array(questions.length);
  questions.forEach((q, i) => {
    if (!q.appliesWhen) conditionRef[i] = -1;
    else {
      const ref = byId.get(q.appliesWhen.question);
      conditionRef[i] = ref !== undefined && ref < i ? ref : -2;
    }
  });
  plan = {
    byId,
    plans: questions.map(planQuestion),
    dimensionOf: Int32Array.from(questions, (q) => dimensions.findIndex((d) => d.id === q.dimension)),
    conditionRef,
    conditions: questions.map((q) => q.appliesWhen),
    tiersDescending: [...methodology.tiers].sort((a, b) => b.minScore - a.minScore),
    unansweredMessages: methodology.eligibility.criteria.map((c) =>
      Object.freeze({ en: `Not answered yet: ${c.label.en}.`, ru: `Нет ответа: ${c.label.ru}.` }),
    ),
    applies: new Uint8Array(questions.length),
    values: new Array<AnswerValue | undefined>(questions.length).fill(undefined),
    earnedBy: new Float64Array(dimensions.length),
    possibleBy: new Float64Array(dimensions.length),
    contributionAt: new Int32Array(questions.length),
  };
  methodologyPlans.set(methodology, plan);
  return plan;
}

function problemWith(plan: QuestionPlan, value: unknown): AnswerErrorCode | null {
  if (value === NOT_APPLICABLE) return plan.allowNotApplicable ? null : "not_applicable_not_allowed";
  if (plan.kind === SINGLE) {
    if (typeof value !== "string") return "wrong_type";
    return plan.optionPoints.has(value) ? null : "unknown_option";
  }
  if (plan.kind === MULTI) {
    if (!Array.isArray(value)) return "wrong_type";
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== "string" || value.indexOf(value[i]) !== i) return "wrong_type";
    }
    for (let i = 0; i < value.length; i++) if (!plan.optionPoints.has(value[i])) return "unknown_option";
    return null;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return "wrong_type";
  return value < plan.low || value > plan.high ? "out_of_range" : null;
}

/**
 * Null when the value is a valid answer to the question, otherwise what is wrong with it.
 * "n/a" is valid only where the question allows it; a multiple choice names each option once.
 */
export function validateAnswer(question: Question, value: unknown): AnswerProblem | null {
  const code = problemWith(planQuestion(question), value);
  return code === null ? null : { questionId: question.id, code };
}

let problem: AnswerErrorCode = "wrong_type";

/**
 * The points a value earns, or NaN when it is not a valid answer (what is wrong is left in
 * `problem`). Checking and scoring in one pass looks each option up once.
 */
function pointsFor(plan: QuestionPlan, value: unknown): number {
  if (plan.kind === SINGLE) {
    const points = typeof value === "string" ? plan.optionPoints.get(value) : undefined;
    if (points !== undefined) return Math.min(plan.maxPoints, points);
  } else if (plan.kind === MULTI) {
    if (Array.isArray(value)) {
      let sum = 0;
      let wrongType = false;
      let unknown = false;
      for (let i = 0; i < value.length; i++) {
        const id: unknown = value[i];
        if (typeof id !== "string" || value.indexOf(id) !== i) wrongType = true;
        else {
          const points = plan.optionPoints.get(id);
          if (points === undefined) unknown = true;
          else sum += points;
        }
      }
      if (!wrongType && !unknown) return Math.max(0, Math.min(plan.maxPoints, sum));
    }
  } else if (typeof value === "number" && value >= plan.low && value <= plan.high) {
    return pointsForNumber(plan, value);
  }
  problem = problemWith(plan, value) ?? "wrong_type";
  return Number.NaN;
}

/** Whether an answer meets a condition: one of the options (any of them, for a multiple choice), and at least the minimum. */
function conditionHolds(condition: { oneOf?: readonly string[]; min?: number }, value: AnswerValue | undefined): boolean {
  if (value === undefined || value === NOT_APPLICABLE) return false;
  if (condition.oneOf) {
    let found = false;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && !found; i++) found = condition.oneOf.includes(value[i]!);
    } else found = condition.oneOf.includes(String(value));
    if (!found) return false;
  }
  if (condition.min !== undefined && !(typeof value === "number" && value >= condition.min)) return false;
  return true;
}

function criterionMet(criterion: EligibilityCriterion, value: AnswerValue | undefined): boolean {
  return (value === NOT_APPLICABLE && criterion.passIfNotApplicable === true) || conditionHolds(criterion, value);
}

/**
 * The questions that apply given these answers, in the methodology's order: a question applies
 * when it is asked of the enterprise's group of legal forms (every question, when the group is
 * not known), and it has no condition, or the question its condition refers to applies and its
 * answer meets the condition. The questionnaire shows these, and counts progress over them.
 */
export function applicableQuestions(methodology: Methodology, answers: Answers, context: ScoringContext = {}): Question[] {
  const { conditionRef } = planMethodology(methodology);
  const questions = methodology.questions;
  const applies = new Uint8Array(questions.length);
  const result: Question[] = [];
  for (let i = 0; i < questions.length; i++) {
    const question = questions[i]!;
    const ref = conditionRef[i]!;
    if (!asksLegalFormGroup(question, context.legalFormGroup)) continue;
    if (ref === -2 || (ref >= 0 && !(applies[ref] && conditionHolds(question.appliesWhen!, answers[question.appliesWhen!.question]))))
      continue;
    applies[i] = 1;
    result.push(question);
  }
  return result;
}

/** Whether a question is asked, given the answers so far; false for a question the methodology does not have. */
export function isApplicable(methodology: Methodology, questionId: string, answers: Answers, context: ScoringContext = {}): boolean {
  const index = planMethodology(methodology).byId.get(questionId);
  if (index === undefined) return false;
  return applicableQuestions(methodology, answers, context).includes(methodology.questions[index]!);
}

/**
 * The answers that contradict each other, given these answers: a part (beneficiaries who are
 * women) that is more than its total (all beneficiaries), where the part's question applies and
 * both are numbers; shares of one whole (income from sales, from grants) that add up to more than
 * 100 %, each share named, where they apply. Checked where answers are saved; scoring does not
 * depend on it.
 */
export function answerConflicts(methodology: Methodology, answers: Answers, context: ScoringContext = {}): AnswerConflict[] {
  const conflicts: AnswerConflict[] = [];
  const applicable = applicableQuestions(methodology, answers, context);
  for (const question of applicable) {
    if (question.partOf === undefined) continue;
    const part = answers[question.id];
    const total = answers[question.partOf];
    if (typeof part === "number" && typeof total === "number" && part > total) {
      conflicts.push({ questionId: question.id, code: "exceeds_total", total: question.partOf });
    }
  }
  const asked = new Set(applicable.map((q) => q.id));
  for (const whole of sharesOfAWhole(methodology)) {
    const given = whole.parts.filter((id) => asked.has(id) && typeof answers[id] === "number");
    const sum = given.reduce((total, id) => total + (answers[id] as number), 0);
    // A hundredth of a percent of slack, for shares typed with decimals that round to 100 in all.
    if (given.length > 1 && sum > 100.005) {
      for (const id of given) conflicts.push({ questionId: id, code: "shares_exceed_whole", whole: whole.id, parts: whole.parts });
    }
  }
  return conflicts;
}

/**
 * Why an answer to a question earns what it does: the rule of the methodology that applied, with
 * its points (the same points scoring gives). For an answer scoring would refuse, use
 * validateAnswer first.
 */
export function explainPoints(question: Question, value: AnswerValue | undefined): PointsReason {
  if (value === undefined) return { rule: "unanswered", points: 0 };
  if (value === NOT_APPLICABLE) return { rule: "not_applicable", points: 0 };
  if (question.maxPoints === 0) return { rule: "not_scored", points: 0 };
  const plan = planQuestion(question);
  if (question.type === "single") {
    const option = String(value);
    return { rule: "option", option, points: Math.min(plan.maxPoints, plan.optionPoints.get(option) ?? 0) };
  }
  if (question.type === "multi") {
    const options = Array.isArray(value) ? value.filter((id) => plan.optionPoints.has(id)) : [];
    const sum = options.reduce((total, id) => total + plan.optionPoints.get(id)!, 0);
    return { rule: "options", options, sum, cap: plan.maxPoints, points: Math.max(0, Math.min(plan.maxPoints, sum)) };
  }
  const n = Number(value);
  const band = (question.bands ?? []).find((b) => n >= b.min && n <= (b.max ?? Number.POSITIVE_INFINITY));
  if (!band) return { rule: "no_band", points: 0 };
  return {
    rule: "band",
    min: band.min,
    ...(band.max === undefined ? {} : { max: band.max }),
    points: Math.min(plan.maxPoints, band.points),
  };
}

/**
 * Turns answers into the rating. Pure: the same methodology and answers always give a
 * deep-equal result, and neither argument is changed. Throws AnswerError for any answer that
 * cannot be scored, naming the question: an answer to a question that does not apply must still
 * be a valid answer, but it earns nothing and counts for nothing. A question not asked of the
 * enterprise's group of legal forms (`context.legalFormGroup`) does not apply, and an eligibility
 * criterion limited to other groups is met; with no group given, every question is asked.
 */
export function scoreAssessment(methodology: Methodology, answers: Answers, context: ScoringContext = {}): ScoreResult {
  const group = context.legalFormGroup;
  const ready = planMethodology(methodology);
  const { byId, plans, dimensionOf, conditionRef, conditions, applies, values, earnedBy, possibleBy, contributionAt } = ready;
  const dimensionDefs = methodology.dimensions;
  const dimensionCount = dimensionDefs.length;
  earnedBy.fill(0);
  possibleBy.fill(0);

  // Plain loops over precomputed plans, with no closures: this runs for every stored
  // assessment when ratings are re-scored. First, one pass over the answers puts each value at
  // its question's position; a key that names no question is refused before anything else.
  for (const id in answers) {
    const index = byId.get(id);
    if (index === undefined) {
      values.fill(undefined);
      throw new AnswerError(id, "unknown_question");
    }
    values[index] = answers[id];
  }

  const contributions: Contribution[] = [];
  let applicable = 0;
  let answered = 0;
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    const value = values[i];
    let earned = 0;
    if (value !== undefined) {
      earned = value === NOT_APPLICABLE ? (plan.allowNotApplicable ? 0 : Number.NaN) : pointsFor(plan, value);
      if (earned !== earned) {
        const code = value === NOT_APPLICABLE ? "not_applicable_not_allowed" : problem;
        values.fill(undefined);
        throw new AnswerError(plan.id, code);
      }
    }
    const ref = conditionRef[i]!;
    const holds =
      (ref === -1 || (ref >= 0 && applies[ref] === 1 && conditionHolds(conditions[i]!, values[ref]))) &&
      (group == null || asksLegalFormGroup(methodology.questions[i]!, group));
    applies[i] = holds ? 1 : 0;
    if (!holds) continue;
    applicable += 1;
    if (value !== undefined) {
      answered += 1;
      if (value === NOT_APPLICABLE) continue;
    }
    contributionAt[contributions.length] = i;
    contributions.push({ questionId: plan.id, dimension: plan.dimension, earned, possible: plan.maxPoints });
    const d = dimensionOf[i]!;
    earnedBy[d] += earned;
    possibleBy[d] += plan.maxPoints;
  }
  values.fill(undefined);

  // Dimensions with nothing that applies are left out, and the others' weights renormalised.
  const dimensions: DimensionResult[] = new Array(dimensionCount);
  let totalWeight = 0;
  let weighted = 0;
  for (let d = 0; d < dimensionCount; d++) {
    const dimension = dimensionDefs[d]!;
    const earned = earnedBy[d]!;
    const possible = possibleBy[d]!;
    dimensions[d] = {
      id: dimension.id,
      score: possible > 0 ? round2((earned / possible) * 100) : 0,
      earned,
      possible,
      weight: dimension.weight,
    };
    if (possible > 0) {
      totalWeight += dimension.weight;
      weighted += dimension.weight * (earned / possible) * 100;
    }
  }
  const overall = totalWeight > 0 ? round2(weighted / totalWeight) : 0;

  // The gain of the best answer to one question, the others held: only its dimension's
  // earned changes, so the gain follows from that dimension's possible and weight alone.
  const improvements: Improvement[] = [];
  if (totalWeight > 0) {
    for (let c = 0; c < contributions.length; c++) {
      const q = contributionAt[c]!;
      const plan = plans[q]!;
      const gainPoints = plan.bestPoints - contributions[c]!.earned;
      const d = dimensionOf[q]!;
      const possible = possibleBy[d]!;
      if (gainPoints <= 0 || possible <= 0) continue;
      const potentialGain = round2(((dimensionDefs[d]!.weight / totalWeight) * gainPoints * 100) / possible);
      const improvement: Improvement = {
        questionId: plan.id,
        dimension: plan.dimension,
        potentialGain,
        pointsAvailable: gainPoints,
        bestAnswer: plan.bestAnswer,
      };
      // Kept in order as it grows (an insertion sort): the list is short.
      let at = improvements.length;
      improvements.push(improvement);
      while (at > 0 && ranksBefore(improvement, improvements[at - 1]!)) {
        improvements[at] = improvements[at - 1]!;
        at -= 1;
      }
      improvements[at] = improvement;
    }
  }

  let tier = methodology.tiers[0]!;
  for (const candidate of ready.tiersDescending) {
    if (overall >= candidate.minScore) {
      tier = candidate;
      break;
    }
  }

  const eligibilityReasons: EligibilityReason[] = [];
  const criteria = methodology.eligibility.criteria;
  for (let c = 0; c < criteria.length; c++) {
    const criterion = criteria[c]!;
    if (group != null && !asksLegalFormGroup(criterion, group)) continue;
    const value = answers[criterion.question];
    if (criterionMet(criterion, value)) continue;
    eligibilityReasons.push({ criterion: criterion.id, message: value === undefined ? ready.unansweredMessages[c]! : criterion.failure });
  }

  return {
    methodologyVersion: methodology.version,
    overall,
    tier: tier.id,
    eligible: eligibilityReasons.length === 0,
    eligibilityReasons,
    completeness: applicable > 0 ? round2(answered / applicable) : 0,
    dimensions,
    contributions,
    improvements,
  };
}

/** Larger gains first; equal gains by question id. */
function ranksBefore(a: Improvement, b: Improvement): boolean {
  return a.potentialGain > b.potentialGain || (a.potentialGain === b.potentialGain && a.questionId < b.questionId);
}

/**
 * Where a value stands among its peers, from 0 to 100: the share of peers strictly below it,
 * plus half the share equal to it (the "mid-rank" percentile). A value equal to the best of ten
 * distinct peers stands at 95; a value equal to every peer at 50. Null when there are no peers.
 */
export function percentileRank(value: number, peers: readonly number[]): number | null {
  if (peers.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const peer of peers) {
    if (peer < value) below += 1;
    else if (peer === value) equal += 1;
  }
  return round2(((below + equal / 2) / peers.length) * 100);
}
