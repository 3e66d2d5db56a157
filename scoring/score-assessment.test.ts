import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { answersFor, bestAnswers, valueFor } from "./arbitraries.test-helper";
import {
  applicableQuestions,
  currentMethodology as m,
  methodologies,
  scoreAssessment,
  validateMethodology,
  type AnswerValue,
  type Answers,
  type Question,
} from "./index";
import { toyMethodology as toy } from "./toy-methodology.test-helper";

const RUNS = { numRuns: 300 };
// Scores are rounded to two decimals: a figure recomputed from rounded parts may differ by a hundredth.
const close = (a: number, b: number, tolerance = 0.011) => Math.abs(a - b) <= tolerance;
const with_ = (answers: Answers, id: string, value: AnswerValue | undefined): Answers => {
  const copy: Record<string, AnswerValue> = { ...answers };
  if (value === undefined) delete copy[id];
  else copy[id] = value;
  return copy;
};
const dimensionOf = (r: ReturnType<typeof scoreAssessment>, q: Question) => r.dimensions.find((d) => d.id === q.dimension)!;
// Questions that no other question's condition refers to: changing their answer opens or closes nothing.
const opensNothing = (q: Question, methodology = m) => !methodology.questions.some((other) => other.appliesWhen?.question === q.id);

const EVERY_METHODOLOGY = [...Object.values(methodologies), toy].map((x) => [x.version, x] as const);

describe.each(EVERY_METHODOLOGY)("scoreAssessment with methodology %s", (_version, methodology) => {
  test("is pure and deterministic: the same input gives a deep-equal result, and neither input is changed", () => {
    const unchanged = structuredClone(methodology);
    fc.assert(
      fc.property(answersFor(methodology), (answers) => {
        const before = structuredClone(answers);
        const first = scoreAssessment(methodology, answers);
        expect(scoreAssessment(methodology, structuredClone(answers))).toEqual(first);
        expect(scoreAssessment(methodology, answers)).toEqual(first);
        expect(answers).toEqual(before);
      }),
      RUNS,
    );
    expect(methodology).toEqual(unchanged);
  });

  test("keeps every score within 0 to 100 and completeness within 0 to 1", () => {
    fc.assert(
      fc.property(answersFor(methodology), (answers) => {
        const r = scoreAssessment(methodology, answers);
        expect(r.overall).toBeGreaterThanOrEqual(0);
        expect(r.overall).toBeLessThanOrEqual(100);
        for (const d of r.dimensions) {
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(100);
          expect(d.earned).toBeLessThanOrEqual(d.possible);
        }
        for (const c of r.contributions) expect(c.earned >= 0 && c.earned <= c.possible, c.questionId).toBe(true);
        expect(r.completeness).toBeGreaterThanOrEqual(0);
        expect(r.completeness).toBeLessThanOrEqual(1);
        expect(methodology.tiers.map((t) => t.id)).toContain(r.tier);
      }),
      RUNS,
    );
  });

  test("gives 100, the top tier, full completeness and no improvements for the best answer everywhere", () => {
    const r = scoreAssessment(methodology, bestAnswers(methodology));
    expect(r.overall).toBe(100);
    expect(r.tier).toBe(methodology.tiers.at(-1)!.id);
    expect(r.eligible).toBe(true);
    expect(r.eligibilityReasons).toEqual([]);
    expect(r.completeness).toBe(1);
    expect(r.improvements).toEqual([]);
    for (const d of r.dimensions) expect(d.score, d.id).toBe(100);
  });

  test("gives 0 earned, the first tier and no completeness when nothing is answered", () => {
    const r = scoreAssessment(methodology, {});
    expect(r.overall).toBe(0);
    expect(r.tier).toBe(methodology.tiers[0]!.id);
    expect(r.completeness).toBe(0);
    for (const d of r.dimensions) expect(d.earned, d.id).toBe(0);
    expect(r.contributions.every((c) => c.earned === 0)).toBe(true);
    expect(r.eligible).toBe(false);
  });

  test("explains itself: a dimension's contributions add up exactly to its earned and possible, and dimensions and weights give the overall", () => {
    fc.assert(
      fc.property(answersFor(methodology), (answers) => {
        const r = scoreAssessment(methodology, answers);
        for (const d of r.dimensions) {
          const mine = r.contributions.filter((c) => c.dimension === d.id);
          expect(mine.reduce((s, c) => s + c.earned, 0)).toBe(d.earned);
          expect(mine.reduce((s, c) => s + c.possible, 0)).toBe(d.possible);
          expect(close(d.score, d.possible > 0 ? (100 * d.earned) / d.possible : 0)).toBe(true);
        }
        const counted = r.dimensions.filter((d) => d.possible > 0);
        const weight = counted.reduce((s, d) => s + d.weight, 0);
        const expected = weight ? counted.reduce((s, d) => s + d.weight * d.score, 0) / weight : 0;
        expect(close(r.overall, expected)).toBe(true);
      }),
      RUNS,
    );
  });

  test("counts completeness over the questions that apply, 'not applicable' counting as answered", () => {
    fc.assert(
      fc.property(answersFor(methodology), (answers) => {
        const applicable = applicableQuestions(methodology, answers);
        const answered = applicable.filter((q) => answers[q.id] !== undefined).length;
        expect(
          close(scoreAssessment(methodology, answers).completeness, applicable.length ? answered / applicable.length : 0, 0.00501),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  test("lists improvements with a gain, largest first; the best answer to one that opens no other question raises the overall by its gain", () => {
    fc.assert(
      fc.property(answersFor(methodology), (answers) => {
        const r = scoreAssessment(methodology, answers);
        for (let i = 0; i < r.improvements.length; i++) {
          const item = r.improvements[i]!;
          expect(item.potentialGain).toBeGreaterThan(0);
          if (i > 0) expect(r.improvements[i - 1]!.potentialGain).toBeGreaterThanOrEqual(item.potentialGain);
          const question = methodology.questions.find((q) => q.id === item.questionId)!;
          const after = scoreAssessment(methodology, { ...answers, [item.questionId]: item.bestAnswer });
          expect(after.contributions.find((c) => c.questionId === item.questionId)!.earned).toBe(question.maxPoints);
          if (opensNothing(question, methodology))
            expect(close(after.overall - r.overall, item.potentialGain, 0.016), item.questionId).toBe(true);
        }
        // A question at its maximum offers nothing to gain.
        const listed = new Set(r.improvements.map((x) => x.questionId));
        for (const c of r.contributions) if (c.earned === c.possible) expect(listed.has(c.questionId)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe("scoreAssessment with the current methodology", () => {
  test("is monotone: choosing an option worth more points never lowers the overall score", () => {
    const singles = m.questions.filter((q) => q.type === "single" && opensNothing(q));
    fc.assert(
      fc.property(answersFor(m), fc.constantFrom(...singles), fc.nat(), fc.nat(), (answers, q, i, j) => {
        const options = q.options!;
        const [low, high] = [options[i % options.length]!, options[j % options.length]!].sort((a, b) => a.points - b.points);
        const before = scoreAssessment(m, with_(answers, q.id, low!.id)).overall;
        const after = scoreAssessment(m, with_(answers, q.id, high!.id)).overall;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });

  test("is monotone: ticking one more option of a multiple choice never lowers the overall score", () => {
    const multis = m.questions.filter((q) => q.type === "multi" && opensNothing(q));
    fc.assert(
      fc.property(answersFor(m), fc.constantFrom(...multis), fc.nat(), (answers, q, i) => {
        const current = Array.isArray(answers[q.id]) ? (answers[q.id] as string[]) : [];
        const missing = q.options!.map((o) => o.id).filter((id) => !current.includes(id));
        fc.pre(missing.length > 0);
        const before = scoreAssessment(m, with_(answers, q.id, current)).overall;
        const after = scoreAssessment(m, with_(answers, q.id, [...current, missing[i % missing.length]!])).overall;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });

  test("leaves a 'not applicable' answer out of what is possible, never counting it as zero", () => {
    const allowing = m.questions.filter((q) => q.allowNotApplicable);
    expect(allowing.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(answersFor(m), fc.constantFrom(...allowing), (answers, q) => {
        const unanswered = scoreAssessment(m, with_(answers, q.id, undefined));
        const notApplicable = scoreAssessment(m, with_(answers, q.id, "n/a"));
        fc.pre(unanswered.contributions.some((c) => c.questionId === q.id));
        expect(notApplicable.contributions.some((c) => c.questionId === q.id)).toBe(false);
        expect(dimensionOf(notApplicable, q).possible).toBe(dimensionOf(unanswered, q).possible - q.maxPoints);
        expect(dimensionOf(notApplicable, q).earned).toBe(dimensionOf(unanswered, q).earned);
        // Counted as zero, it could only pull the score down.
        expect(notApplicable.overall).toBeGreaterThanOrEqual(unanswered.overall);
      }),
      RUNS,
    );
  });

  test("leaves the questions about staff out of what is possible when there are no employees, whatever they were answered", () => {
    const staff = m.questions.filter((q) => q.appliesWhen?.question === "es_employees");
    expect(staff.length).toBeGreaterThanOrEqual(4);
    fc.assert(
      fc.property(answersFor(m), (answers) => {
        const noStaff = with_(answers, "es_employees", 0);
        const withoutStaffAnswers = { ...noStaff } as Record<string, AnswerValue>;
        for (const q of staff) delete withoutStaffAnswers[q.id];
        const r = scoreAssessment(m, noStaff);
        expect(r).toEqual(scoreAssessment(m, withoutStaffAnswers));
        expect(r.contributions.some((c) => staff.some((q) => q.id === c.questionId))).toBe(false);
      }),
      RUNS,
    );
    const best = bestAnswers(m);
    expect(scoreAssessment(m, { ...best, es_employees: 0 }).overall).toBe(100);
    const some = scoreAssessment(m, { ...best, es_employees: 3 });
    for (const q of staff) expect(some.contributions.find((c) => c.questionId === q.id)?.earned, q.id).toBe(q.maxPoints);
  });

  test("applying the best answer to the first improvement raises the overall score by its potential gain", () => {
    fc.assert(
      fc.property(answersFor(m), (answers) => {
        const r = scoreAssessment(m, answers);
        fc.pre(r.improvements.length > 0);
        const first = r.improvements[0]!;
        const after = scoreAssessment(m, { ...answers, [first.questionId]: first.bestAnswer });
        expect(close(after.overall - r.overall, first.potentialGain, 0.016)).toBe(true);
      }),
      RUNS,
    );
  });

  test("ignores valid answers to questions that do not apply", () => {
    const base = { es_employees: 0, si_primary_mission: "social" } satisfies Answers;
    expect(scoreAssessment(m, { ...base, es_written_contracts: "yes", in_staff_women: 55 })).toEqual(scoreAssessment(m, base));
  });

  test("reads a band's shared edge as the first band listed that contains it", () => {
    const earned = (v: number) =>
      scoreAssessment(m, { es_employees: 5, in_staff_women: v }).contributions.find((c) => c.questionId === "in_staff_women")!.earned;
    expect([earned(0), earned(19.995), earned(20), earned(39.9), earned(40), earned(100)]).toEqual([0, 0, 2, 2, 4, 4]);
  });

  test("bands cover every allowed number without gaps", () => {
    for (const q of m.questions.filter((x) => x.bands)) {
      const bands = [...q.bands!].sort((a, b) => a.min - b.min);
      expect(bands[0]!.min, q.id).toBe(q.min ?? 0);
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.min, q.id).toBeLessThanOrEqual(bands[i - 1]!.max ?? Number.POSITIVE_INFINITY);
      const top = q.type === "percent" ? 100 : (q.max ?? Number.POSITIVE_INFINITY);
      expect(Math.max(...bands.map((b) => b.max ?? Number.POSITIVE_INFINITY)), q.id).toBeGreaterThanOrEqual(top);
    }
  });

  test("scores any valid answer to any single question without error", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...m.questions).chain((q) => valueFor(q).map((v) => [q, v] as const)),
        ([q, v]) => {
          expect(() => scoreAssessment(m, { es_employees: 3, [q.id]: v })).not.toThrow();
        },
      ),
      RUNS,
    );
  });

  test("returns the methodology's version, every dimension in order with its weight, and a contribution for each question that counts", () => {
    const r = scoreAssessment(m, bestAnswers(m));
    expect(r.methodologyVersion).toBe(m.version);
    expect(r.dimensions.map((d) => [d.id, d.weight])).toEqual(m.dimensions.map((d) => [d.id, d.weight]));
    expect(r.contributions.map((c) => c.questionId)).toEqual(m.questions.map((q) => q.id));
  });
});

describe("scoreAssessment where conditions chain and a dimension can be left out", () => {
  test("uses a test methodology that is itself valid", () => {
    expect(validateMethodology(toy)).toEqual({ ok: true, errors: [] });
  });

  test("leaves out a dimension where nothing applies and renormalises the other weights", () => {
    const r = scoreAssessment(toy, { si_kind: "x", si_detail: ["p"], si_depth: 5, in_share: 60, ec_policy: "n/a" });
    expect(r.dimensions.find((d) => d.id === "environment_climate")).toMatchObject({ earned: 0, possible: 0, score: 0 });
    // Social impact 5 of 9, inclusion 3 of 3, over weights 0.5 and 0.3 only.
    expect(r.overall).toBe(Math.round(((0.5 * (500 / 9) + 0.3 * 100) / 0.8) * 100) / 100);
    const depth = r.improvements.find((x) => x.questionId === "si_depth")!;
    expect(depth.potentialGain).toBe(Math.round((((0.5 / 0.8) * 300) / 9) * 100) / 100);
    const after = scoreAssessment(toy, { si_kind: "x", si_detail: ["p"], si_depth: depth.bestAnswer, in_share: 60, ec_policy: "n/a" });
    expect(close(after.overall - r.overall, depth.potentialGain)).toBe(true);
  });

  test("leaves out a question whose condition refers to a question that does not apply, whatever that one was answered", () => {
    const answers = { si_kind: "y", si_detail: ["p"], si_depth: 50 } satisfies Answers;
    const r = scoreAssessment(toy, answers);
    expect(r.contributions.map((c) => c.questionId)).toEqual(["si_kind", "in_share", "ec_policy", "ec_extra"]);
    expect(applicableQuestions(toy, answers).map((q) => q.id)).toEqual(["si_kind", "in_share", "ec_policy", "ec_extra"]);
  });

  test("applies a condition on a multiple choice when any chosen option is one it names", () => {
    const ids = (detail: string[]) => applicableQuestions(toy, { si_kind: "x", si_detail: detail }).map((q) => q.id);
    expect(ids(["q"])).not.toContain("si_depth");
    expect(ids(["q", "p"])).toContain("si_depth");
    expect(ids([])).not.toContain("si_depth");
  });

  test("suggests the number that earns the most, even where a band's own start falls in the band before it", () => {
    const r = scoreAssessment(toy, { in_share: 50 });
    expect(r.contributions.find((c) => c.questionId === "in_share")!.earned).toBe(0);
    const share = r.improvements.find((x) => x.questionId === "in_share")!;
    expect(scoreAssessment(toy, { in_share: share.bestAnswer }).contributions.find((c) => c.questionId === "in_share")!.earned).toBe(3);
  });
});
