import type {
  AnswerErrorCode,
  AnswerValue,
  Answers,
  Contribution,
  DimensionId,
  DimensionResult,
  EligibilityReason,
  Improvement,
  Methodology,
  Question,
  ScoreResult,
} from "./types";

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

const round2 = (value: number) => Math.round(value * 100) / 100;

interface Prepared {
  byId: Map<string, Question>;
  order: Map<string, number>;
  conditionIndex: number[];
  tiersDescending: Methodology["tiers"];
  dimensionIndex: Map<DimensionId, number>;
  /** Per question, by position: its dimension's position, its option points, its best answer. */
  questionDimension: number[];
  questionOptions: Map<string, number>[];
  questionBest: { points: number; answer: AnswerValue }[];
}

const prepared = new WeakMap<Methodology, Prepared>();

function bestAnswerOf(question: Question): { points: number; answer: AnswerValue } {
  if (question.type === "single") {
    const best = [...(question.options ?? [])].sort((a, b) => b.points - a.points)[0];
    return { points: Math.min(question.maxPoints, best?.points ?? 0), answer: best?.id ?? "" };
  }
  if (question.type === "multi") {
    const chosen: string[] = [];
    let sum = 0;
    for (const option of [...(question.options ?? [])].sort((a, b) => b.points - a.points)) {
      if (option.points <= 0 || sum >= question.maxPoints) break;
      chosen.push(option.id);
      sum += option.points;
    }
    return { points: Math.min(question.maxPoints, sum), answer: chosen };
  }
  const best = [...(question.bands ?? [])].sort((a, b) => b.points - a.points || a.min - b.min)[0];
  return { points: Math.min(question.maxPoints, best?.points ?? 0), answer: best?.min ?? question.min ?? 0 };
}

function prepare(methodology: Methodology): Prepared {
  let ready = prepared.get(methodology);
  if (!ready) {
    ready = {
      byId: new Map(methodology.questions.map((q) => [q.id, q])),
      order: new Map(methodology.questions.map((q, i) => [q.id, i])),
      conditionIndex: methodology.questions.map((q) => (q.appliesWhen ? methodology.questions.findIndex((x) => x.id === q.appliesWhen!.question) : -1)),
      tiersDescending: [...methodology.tiers].sort((a, b) => b.minScore - a.minScore),
      dimensionIndex: new Map(methodology.dimensions.map((d, i) => [d.id, i])),
      questionDimension: methodology.questions.map((q) => methodology.dimensions.findIndex((d) => d.id === q.dimension)),
      questionOptions: methodology.questions.map((q) => new Map((q.options ?? []).map((o) => [o.id, o.points]))),
      questionBest: methodology.questions.map(bestAnswerOf),
    };
    prepared.set(methodology, ready);
  }
  return ready;
}

const failure = (question: Question, code: AnswerErrorCode) => ({ questionId: question.id, code });

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Null when the value is a valid answer to the question, otherwise what is wrong with it. */
export function validateAnswer(
  question: Question,
  value: unknown,
  options: ReadonlyMap<string, number> = new Map((question.options ?? []).map((o) => [o.id, o.points])),
): { questionId: string; code: AnswerErrorCode } | null {
  if (value === NOT_APPLICABLE) return question.allowNotApplicable ? null : failure(question, "not_applicable_not_allowed");
  switch (question.type) {
    case "single":
      if (typeof value !== "string") return failure(question, "wrong_type");
      return options.has(value) ? null : failure(question, "unknown_option");
    case "multi": {
      if (!Array.isArray(value)) return failure(question, "wrong_type");
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] !== "string" || value.indexOf(value[i]) !== i) return failure(question, "wrong_type");
      }
      for (const v of value) if (!options.has(v)) return failure(question, "unknown_option");
      return null;
    }
    case "number":
    case "percent": {
      if (!isFiniteNumber(value)) return failure(question, "wrong_type");
      const min = question.min ?? 0;
      const max = question.type === "percent" ? Math.min(question.max ?? 100, 100) : (question.max ?? Number.MAX_SAFE_INTEGER);
      return value < min || value > max ? failure(question, "out_of_range") : null;
    }
  }
}

function pointsFor(question: Question, value: AnswerValue, options: Map<string, number>): number {
  switch (question.type) {
    case "single":
      return Math.min(question.maxPoints, options.get(value as string) ?? 0);
    case "multi": {
      let sum = 0;
      for (const id of value as string[]) sum += options.get(id) ?? 0;
      return Math.max(0, Math.min(question.maxPoints, sum));
    }
    default: {
      const n = value as number;
      // The first band in the methodology's order that contains the value.
      for (const band of question.bands ?? []) {
        if (n >= band.min && (band.max === undefined || n <= band.max)) return Math.min(question.maxPoints, band.points);
      }
      return 0;
    }
  }
}

function conditionHolds(condition: { oneOf?: string[]; min?: number }, value: AnswerValue | undefined): boolean {
  if (value === undefined || value === NOT_APPLICABLE) return false;
  if (condition.oneOf) {
    let found = false;
    if (Array.isArray(value)) {
      for (const v of value) if (condition.oneOf.includes(v)) found = true;
    } else found = condition.oneOf.includes(String(value));
    if (!found) return false;
  }
  if (condition.min !== undefined && !(typeof value === "number" && value >= condition.min)) return false;
  return true;
}

/** The ids of the questions that apply given these answers, in the methodology's order. */
export function applicableQuestions(methodology: Methodology, answers: Answers): Question[] {
  const applies = new Set<string>();
  const result: Question[] = [];
  for (const question of methodology.questions) {
    const when = question.appliesWhen;
    if (when && !(applies.has(when.question) && conditionHolds(when, answers[when.question]))) continue;
    applies.add(question.id);
    result.push(question);
  }
  return result;
}

export function isApplicable(methodology: Methodology, questionId: string, answers: Answers): boolean {
  return applicableQuestions(methodology, answers).some((q) => q.id === questionId);
}

/**
 * Turns answers into the rating. Pure: the same methodology and answers always give a
 * deep-equal result, and neither argument is changed. Throws AnswerError for any answer
 * that cannot be scored, naming the question.
 */
export function scoreAssessment(methodology: Methodology, answers: Answers): ScoreResult {
  const { byId, conditionIndex, tiersDescending, questionDimension, questionOptions, questionBest } = prepare(methodology);
  // Every answer is checked in the loop below, question by question; an answer to no question is caught here.
  let known = 0;
  let given = 0;
  for (const id in answers) {
    given += 1;
    if (byId.has(id)) known += 1;
  }
  if (known !== given) {
    for (const id in answers) if (!byId.has(id)) throw new AnswerError(id, "unknown_question");
  }

  // A plain loop with no closures: this runs for every stored assessment when ratings are re-scored.
  const dimensionCount = methodology.dimensions.length;
  const earnedBy = new Array<number>(dimensionCount).fill(0);
  const possibleBy = new Array<number>(dimensionCount).fill(0);
  const contributions: Contribution[] = [];
  const contributionIndex: number[] = [];
  let applicable = 0;
  let answered = 0;
  const questions = methodology.questions;
  const applies: boolean[] = new Array(questions.length);
  for (let i = 0; i < questions.length; i++) {
    const question = questions[i]!;
    const given = answers[question.id];
    if (given !== undefined) {
      const problem = validateAnswer(question, given, questionOptions[i]);
      if (problem) throw new AnswerError(question.id, problem.code);
    }
    const ref = conditionIndex[i]!;
    const when = question.appliesWhen;
    applies[i] = !when || (ref >= 0 && applies[ref]! && conditionHolds(when, answers[when.question]));
    if (!applies[i]) continue;
    applicable += 1;
    const value = answers[question.id];
    if (value !== undefined) answered += 1;
    if (value === NOT_APPLICABLE) continue;
    const earned = value === undefined ? 0 : pointsFor(question, value, questionOptions[i]!);
    contributions.push({ questionId: question.id, dimension: question.dimension, earned, possible: question.maxPoints });
    contributionIndex.push(i);
    const d = questionDimension[i]!;
    earnedBy[d] += earned;
    possibleBy[d] += question.maxPoints;
  }

  const dimensions: DimensionResult[] = new Array(dimensionCount);
  // Dimensions with nothing that applies are left out, and the others' weights renormalised.
  let totalWeight = 0;
  let weighted = 0;
  for (let d = 0; d < dimensionCount; d++) {
    const dimension = methodology.dimensions[d]!;
    const earned = earnedBy[d]!;
    const possible = possibleBy[d]!;
    dimensions[d] = { id: dimension.id, score: possible > 0 ? round2((earned / possible) * 100) : 0, earned, possible, weight: dimension.weight };
    if (possible > 0) {
      totalWeight += dimension.weight;
      weighted += dimension.weight * (earned / possible) * 100;
    }
  }
  const overall = totalWeight > 0 ? round2(weighted / totalWeight) : 0;

  const improvements: Improvement[] = [];
  for (let i = 0; i < contributions.length; i++) {
    const c = contributions[i]!;
    const q = contributionIndex[i]!;
    const top = questionBest[q]!;
    const gainPoints = top.points - c.earned;
    const d = questionDimension[q]!;
    const possible = possibleBy[d]!;
    if (gainPoints <= 0 || possible <= 0 || totalWeight <= 0) continue;
    const potentialGain = round2(((methodology.dimensions[d]!.weight / totalWeight) * gainPoints * 100) / possible);
    improvements.push({ questionId: c.questionId, dimension: c.dimension, potentialGain, pointsAvailable: gainPoints, bestAnswer: top.answer });
  }
  improvements.sort(byGainThenId);

  let tier = methodology.tiers[0]!;
  for (const candidate of tiersDescending) {
    if (overall >= candidate.minScore) {
      tier = candidate;
      break;
    }
  }

  const eligibilityReasons: EligibilityReason[] = [];
  for (const criterion of methodology.eligibility.criteria) {
    const value = answers[criterion.question];
    const met = (value === NOT_APPLICABLE && criterion.passIfNotApplicable === true) || conditionHolds(criterion, value);
    if (!met) {
      const message =
        value === undefined
          ? { en: `Not answered yet: ${criterion.label.en}.`, ru: `Нет ответа: ${criterion.label.ru}.` }
          : criterion.failure;
      eligibilityReasons.push({ criterion: criterion.id, message });
    }
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

function byGainThenId(a: Improvement, b: Improvement) {
  return b.potentialGain - a.potentialGain || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0);
}

/** Share of peers below the value, counting ties as half, in 0–100; null when there are no peers. */
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
