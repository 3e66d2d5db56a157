import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { answersFor, bestAnswers, valueFor } from "./arbitraries.test-helper";
import {
  AnswerError,
  applicableQuestions,
  currentMethodology as m,
  fingerprintMethodology,
  methodologies,
  percentileRank,
  scoreAssessment,
  validateMethodology,
  type Answers,
  type Methodology,
} from "./index";

const RUNS = { numRuns: 300 };
const close = (a: number, b: number, tolerance = 0.011) => Math.abs(a - b) <= tolerance;

// A published methodology never changes: a change to one of these fails here, and belongs in a new version.
const PUBLISHED_FINGERPRINTS: Record<string, string> = {
  "1": "65f78e6af04dd4c0",
};

describe("published methodologies", () => {
  test.each(Object.values(methodologies).map((x) => [x.version, x] as const))("version %s passes validation", (_v, methodology) => {
    expect(validateMethodology(methodology)).toEqual({ ok: true, errors: [] });
  });

  test("are frozen: each matches the fingerprint it was published with", () => {
    for (const [version, methodology] of Object.entries(methodologies)) {
      expect(fingerprintMethodology(methodology), `methodology ${version} changed after publication`).toBe(PUBLISHED_FINGERPRINTS[version]);
    }
  });

  test("v1 has six weighted dimensions, 40 to 80 questions, every text in English and Russian", () => {
    expect(m.dimensions).toHaveLength(6);
    expect(m.questions.length).toBeGreaterThanOrEqual(40);
    expect(m.questions.length).toBeLessThanOrEqual(80);
    for (const q of m.questions) {
      expect(q.text.en.length > 0 && q.text.ru.length > 0, q.id).toBe(true);
      for (const option of q.options ?? []) expect(option.label.en && option.label.ru, `${q.id}.${option.id}`).toBeTruthy();
    }
    expect(new Set(m.questions.map((q) => q.type))).toEqual(new Set(["single", "multi", "number", "percent"]));
    expect(m.questions.some((q) => q.appliesWhen)).toBe(true);
    expect(m.questions.some((q) => q.allowNotApplicable)).toBe(true);
  });
});

describe("validateMethodology", () => {
  const broken = (change: (copy: Methodology) => void) => {
    const copy = structuredClone(m) as Methodology;
    change(copy);
    return validateMethodology(copy).errors.join("\n");
  };
  test("catches duplicate ids, unknown dimensions, bad weights, points over the maximum and conditions on later questions", () => {
    expect(broken((c) => (c.questions[1]!.id = c.questions[0]!.id))).toMatch(/used twice/);
    expect(broken((c) => ((c.questions[0] as { dimension: string }).dimension = "nowhere"))).toMatch(/does not exist/);
    expect(broken((c) => (c.dimensions[0]!.weight = 0.5))).toMatch(/weights sum/);
    expect(broken((c) => (c.questions[0]!.options![0]!.points = 99))).toMatch(/outside/);
    expect(broken((c) => (c.questions[0]!.appliesWhen = { question: c.questions.at(-1)!.id, min: 1 }))).toMatch(/earlier question/);
    expect(broken((c) => (c.tiers[0]!.minScore = 10))).toMatch(/first tier/);
  });
});

describe("scoreAssessment", () => {
  test("is pure and deterministic: the same input gives a deep-equal result and the input is not changed", () => {
    fc.assert(
      fc.property(answersFor(m), (answers) => {
        const before = structuredClone(answers);
        const first = scoreAssessment(m, answers);
        expect(scoreAssessment(m, answers)).toEqual(first);
        expect(answers).toEqual(before);
      }),
      RUNS,
    );
  });

  test("keeps every score within 0 to 100", () => {
    fc.assert(
      fc.property(answersFor(m), (answers) => {
        const r = scoreAssessment(m, answers);
        expect(r.overall).toBeGreaterThanOrEqual(0);
        expect(r.overall).toBeLessThanOrEqual(100);
        for (const d of r.dimensions) expect(d.score >= 0 && d.score <= 100).toBe(true);
        expect(r.completeness >= 0 && r.completeness <= 1).toBe(true);
      }),
      RUNS,
    );
  });

  test("gives 100 and the top tier for the best answer everywhere", () => {
    const r = scoreAssessment(m, bestAnswers(m));
    expect(r.overall).toBe(100);
    expect(r.tier).toBe("leading");
    expect(r.eligible).toBe(true);
    expect(r.improvements).toEqual([]);
    expect(r.completeness).toBe(1);
  });

  test("gives 0 earned when nothing is answered", () => {
    const r = scoreAssessment(m, {});
    expect(r.overall).toBe(0);
    expect(r.dimensions.every((d) => d.earned === 0)).toBe(true);
    expect(r.tier).toBe("emerging");
    expect(r.completeness).toBe(0);
  });

  test("explains itself: contributions add up to each dimension's earned, and dimensions give the overall", () => {
    fc.assert(
      fc.property(answersFor(m), (answers) => {
        const r = scoreAssessment(m, answers);
        for (const d of r.dimensions) {
          const mine = r.contributions.filter((c) => c.dimension === d.id);
          expect(mine.reduce((s, c) => s + c.earned, 0)).toBeCloseTo(d.earned, 9);
          expect(mine.reduce((s, c) => s + c.possible, 0)).toBeCloseTo(d.possible, 9);
        }
        const counted = r.dimensions.filter((d) => d.possible > 0);
        const weight = counted.reduce((s, d) => s + d.weight, 0);
        const expected = weight ? counted.reduce((s, d) => s + d.weight * d.score, 0) / weight : 0;
        expect(close(r.overall, expected)).toBe(true);
      }),
      RUNS,
    );
  });

  test("is monotone: an answer worth more points never lowers the overall score", () => {
    const singles = m.questions.filter((q) => q.type === "single" && !m.questions.some((o) => o.appliesWhen?.question === q.id));
    fc.assert(
      fc.property(answersFor(m), fc.constantFrom(...singles), fc.nat(), fc.nat(), (answers, q, i, j) => {
        const options = q.options!;
        const [low, high] = [options[i % options.length]!, options[j % options.length]!].sort((a, b) => a.points - b.points);
        const a = scoreAssessment(m, { ...answers, [q.id]: low!.id }).overall;
        const b = scoreAssessment(m, { ...answers, [q.id]: high!.id }).overall;
        expect(b).toBeGreaterThanOrEqual(a);
      }),
      RUNS,
    );
  });

  test("leaves 'not applicable' and questions that do not apply out of what is possible, never counting them as zero", () => {
    const full = bestAnswers(m);
    const withNa = { ...full, es_profit_reinvested: "n/a" as const };
    const r = scoreAssessment(m, withNa);
    expect(r.overall).toBe(100);
    expect(r.contributions.some((c) => c.questionId === "es_profit_reinvested")).toBe(false);

    const noStaff = scoreAssessment(m, { ...full, es_employees: 0 });
    expect(noStaff.overall).toBe(100);
    expect(noStaff.contributions.some((c) => c.questionId === "es_written_contracts")).toBe(false);
    const staffQuestions = m.questions.filter((q) => q.appliesWhen?.question === "es_employees").map((q) => q.id);
    expect(applicableQuestions(m, { es_employees: 0 }).some((q) => staffQuestions.includes(q.id))).toBe(false);
    expect(applicableQuestions(m, { es_employees: 3 }).filter((q) => staffQuestions.includes(q.id))).toHaveLength(staffQuestions.length);
  });

  test("answers to questions that do not apply are ignored", () => {
    const base = { es_employees: 0 } satisfies Answers;
    expect(scoreAssessment(m, { ...base, es_written_contracts: "yes" })).toEqual(scoreAssessment(m, base));
  });

  test("applying the best answer to the first improvement raises the overall score by its potential gain", () => {
    fc.assert(
      fc.property(answersFor(m), (answers) => {
        const r = scoreAssessment(m, answers);
        fc.pre(r.improvements.length > 0);
        for (let i = 1; i < r.improvements.length; i++) {
          expect(r.improvements[i - 1]!.potentialGain).toBeGreaterThanOrEqual(r.improvements[i]!.potentialGain);
        }
        const first = r.improvements[0]!;
        const after = scoreAssessment(m, { ...answers, [first.questionId]: first.bestAnswer });
        expect(close(after.overall - r.overall, first.potentialGain, 0.02)).toBe(true);
      }),
      RUNS,
    );
  });

  test("rejects an unknown question, an unknown option, a number out of range, a wrong type and a forbidden 'n/a', naming the question", () => {
    const cases: [Answers, string, string][] = [
      [{ nope: "yes" }, "nope", "unknown_question"],
      [{ gt_registered: "maybe" }, "gt_registered", "unknown_option"],
      [{ es_trading_income_share: 140 }, "es_trading_income_share", "out_of_range"],
      [{ es_employees: -1 }, "es_employees", "out_of_range"],
      [{ es_employees: "ten" }, "es_employees", "wrong_type"],
      [{ ep_partners: "business" }, "ep_partners", "wrong_type"],
      [{ ep_partners: ["business", "aliens"] }, "ep_partners", "unknown_option"],
      [{ es_trading_income_share: Number.NaN }, "es_trading_income_share", "wrong_type"],
      [{ gt_registered: "n/a" }, "gt_registered", "not_applicable_not_allowed"],
    ];
    for (const [answers, questionId, code] of cases) {
      let error: unknown;
      try {
        scoreAssessment(m, answers);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AnswerError);
      expect(error).toMatchObject({ questionId, code });
    }
  });

  test("checks the eligibility gate and gives a reason for each failed criterion", () => {
    const best = bestAnswers(m);
    const r = scoreAssessment(m, { ...best, si_primary_mission: "profit", es_trading_income_share: 10, es_profit_reinvested: 20 });
    expect(r.eligible).toBe(false);
    expect(r.eligibilityReasons.map((x) => x.criterion)).toEqual(["primary_mission", "trading_income", "profit_reinvested"]);
    expect(r.eligibilityReasons[1]!.message.ru).toMatch(/25%/);
    expect(scoreAssessment(m, { ...best, es_profit_reinvested: "n/a" }).eligible).toBe(true);
    expect(r.overall).toBeGreaterThan(0);
  });

  test("bands cover every allowed number without gaps, and a value earns the first band that contains it", () => {
    for (const q of m.questions.filter((x) => x.bands)) {
      const bands = [...q.bands!].sort((a, b) => a.min - b.min);
      const low = q.min ?? 0;
      const high = q.type === "percent" ? 100 : Number.POSITIVE_INFINITY;
      expect(bands[0]!.min, q.id).toBe(low);
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.min, q.id).toBeLessThanOrEqual(bands[i - 1]!.max ?? Number.POSITIVE_INFINITY);
      expect(Math.max(...bands.map((b) => b.max ?? Number.POSITIVE_INFINITY)), q.id).toBeGreaterThanOrEqual(high);
    }
    const women = m.questions.find((q) => q.id === "in_staff_women")!;
    const earned = (v: number) => scoreAssessment(m, { es_employees: 5, in_staff_women: v }).contributions.find((c) => c.questionId === women.id)!.earned;
    expect([earned(0), earned(19.995), earned(20), earned(40), earned(100)]).toEqual([0, 0, 2, 4, 4]);
  });

  test("scores any valid answer to any single question without error", () => {
    fc.assert(
      fc.property(fc.constantFrom(...m.questions).chain((q) => valueFor(q).map((v) => [q, v] as const)), ([q, v]) => {
        expect(() => scoreAssessment(m, { es_employees: 3, [q.id]: v })).not.toThrow();
      }),
      RUNS,
    );
  });
});

describe("percentileRank", () => {
  test("counts peers below and half of the ties, in 0 to 100", () => {
    expect(percentileRank(50, [10, 20, 50, 80])).toBe(62.5);
    expect(percentileRank(100, [1, 2, 3])).toBe(100);
    expect(percentileRank(0, [1, 2, 3])).toBe(0);
    expect(percentileRank(5, [])).toBeNull();
    fc.assert(fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1 }), (v, peers) => {
      const p = percentileRank(v, peers)!;
      expect(p >= 0 && p <= 100).toBe(true);
    }));
  });
});
