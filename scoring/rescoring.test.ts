import { describe, expect, test } from "vitest";
import {
  LEGAL_FORM_GROUP_IDS,
  methodologies,
  scoreAssessment,
  usesLegalForms,
  type AnswerValue,
  type Answers,
  type Methodology,
  type ScoreResult,
} from "./index";
import { seededRandom } from "../app/utils/seeded-random";

// Every stored assessment keeps its methodology version and must re-score to the same result
// forever: these are the results of a fixed set of assessments, as first published.
const PUBLISHED_RESULTS: Record<string, string> = {
  "1": "14b08891",
  "2": "a4559403",
  "3": "56e54d2f",
};

/** The legal-form group the i-th fixed assessment is scored with: each group in turn, and none, where the version asks by group. */
const groupFor = (methodology: Methodology, i: number) =>
  usesLegalForms(methodology) ? { legalFormGroup: [null, ...LEGAL_FORM_GROUP_IDS][i % (LEGAL_FORM_GROUP_IDS.length + 1)] } : {};

function fixedAssessments(methodology: Methodology, count: number): Answers[] {
  const random = seededRandom(1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => {
    const answers: Record<string, AnswerValue> = {};
    for (const q of methodology.questions) {
      const roll = random();
      if (roll < 0.1) continue;
      if (roll < 0.2 && q.allowNotApplicable) answers[q.id] = "n/a";
      else if (q.type === "single") answers[q.id] = pick(q.options!).id;
      else if (q.type === "multi") answers[q.id] = q.options!.filter(() => random() < 0.5).map((o) => o.id);
      else {
        const edges = q.bands!.flatMap((b) => (b.max === undefined ? [b.min, b.min * 3 + 1] : [b.min, b.max, (b.min + b.max) / 2]));
        answers[q.id] = Math.min(q.max ?? Number.MAX_SAFE_INTEGER, pick(edges));
      }
    }
    return answers;
  });
}

/** FNV-1a (32-bit) over JSON with sorted keys. */
function hashOf(value: unknown): string {
  const canonical = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canonical).join(",")}]`
      : v && typeof v === "object"
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
            .join(",")}}`
        : JSON.stringify(v);
  const text = canonical(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

describe("re-scoring", () => {
  test.each(Object.values(methodologies).map((x) => [x.version, x] as const))(
    "gives the same results for a fixed set of assessments as when methodology %s was published",
    (version, methodology) => {
      const results: ScoreResult[] = fixedAssessments(methodology, 500).map((answers, i) =>
        scoreAssessment(methodology, answers, groupFor(methodology, i)),
      );
      expect(new Set(results.map((r) => r.tier)).size).toBeGreaterThan(1);
      // An eligibility reason's message is a text, which may be reworded within a version: its criterion is the result.
      const scored = results.map((r) => ({ ...r, eligibilityReasons: r.eligibilityReasons.map((reason) => reason.criterion) }));
      expect(hashOf(scored)).toBe(PUBLISHED_RESULTS[version]);
    },
  );

  test("gives the same result for a stored assessment read back as JSON", () => {
    const methodology = methodologies["1"]!;
    for (const answers of fixedAssessments(methodology, 50)) {
      const stored = JSON.parse(JSON.stringify(scoreAssessment(methodology, answers)));
      expect(scoreAssessment(methodology, JSON.parse(JSON.stringify(answers)))).toEqual(stored);
    }
  });
});
