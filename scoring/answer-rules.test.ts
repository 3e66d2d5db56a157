import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { answersFor } from "./arbitraries.test-helper";
import {
  SHARES_OF_A_WHOLE,
  answerConflicts,
  currentMethodology as m,
  explainPoints,
  fingerprintMethodology,
  methodologies,
  scoreAssessment,
  sharesOfAWhole,
  validateAnswer,
} from "./index";

const question = (id: string) => m.questions.find((q) => q.id === id)!;

describe("shares of one whole", () => {
  test("income from sales and from grants that add up to more than 100 % is a conflict, named on both shares", () => {
    expect(answerConflicts(m, { es_trading_income_share: 80, es_grant_share: 50 })).toEqual([
      { questionId: "es_trading_income_share", code: "shares_exceed_whole", whole: "income", parts: SHARES_OF_A_WHOLE[0]!.parts },
      { questionId: "es_grant_share", code: "shares_exceed_whole", whole: "income", parts: SHARES_OF_A_WHOLE[0]!.parts },
    ]);
  });

  test("exactly 100 %, less, decimals that come to 100, or a single share are not", () => {
    expect(answerConflicts(m, { es_trading_income_share: 60, es_grant_share: 40 })).toEqual([]);
    expect(answerConflicts(m, { es_trading_income_share: 30, es_grant_share: 20 })).toEqual([]);
    expect(answerConflicts(m, { es_trading_income_share: 66.67, es_grant_share: 33.33 })).toEqual([]);
    expect(answerConflicts(m, { es_trading_income_share: 100 })).toEqual([]);
  });

  test("every published version asks both shares of income, so the rule applies to each", () => {
    for (const methodology of Object.values(methodologies)) expect(sharesOfAWhole(methodology).map((w) => w.id)).toEqual(["income"]);
  });

  test("the rule refuses answers without touching a published methodology: each answer alone stays valid and scores as before", () => {
    const before = Object.fromEntries(Object.values(methodologies).map((x) => [x.version, fingerprintMethodology(x)]));
    answerConflicts(m, { es_trading_income_share: 80, es_grant_share: 50 });
    expect(Object.fromEntries(Object.values(methodologies).map((x) => [x.version, fingerprintMethodology(x)]))).toEqual(before);
    expect(validateAnswer(question("es_trading_income_share"), 80)).toBeNull();
    expect(validateAnswer(question("es_grant_share"), 50)).toBeNull();
    expect(() => scoreAssessment(m, { es_trading_income_share: 80, es_grant_share: 50 })).not.toThrow();
  });
});

describe("why an answer earned its points", () => {
  test("a single choice names the option and its points", () => {
    expect(explainPoints(question("si_outcome_measurement"), "outcomes")).toEqual({ rule: "option", option: "outcomes", points: 4 });
  });

  test("a number names the band it falls in, the first listed on a shared boundary", () => {
    expect(explainPoints(question("es_trading_income_share"), 75)).toEqual({ rule: "band", min: 75, max: 100, points: 8 });
    expect(explainPoints(question("si_beneficiaries"), 5000)).toEqual({ rule: "band", min: 1000, points: 8 });
  });

  test("a multiple choice adds its options' points up to the question's cap", () => {
    const q = question("ep_partners");
    const all = q.options!.map((o) => o.id);
    expect(explainPoints(q, all)).toEqual({ rule: "options", options: all, sum: all.length, cap: q.maxPoints, points: q.maxPoints });
    expect(explainPoints(q, [])).toEqual({ rule: "options", options: [], sum: 0, cap: q.maxPoints, points: 0 });
  });

  test("not applicable, unanswered and questions worth no points earn nothing, each for its own reason", () => {
    expect(explainPoints(question("es_profit_reinvested"), "n/a").rule).toBe("not_applicable");
    expect(explainPoints(question("es_profit_reinvested"), undefined).rule).toBe("unanswered");
    expect(explainPoints(question("si_beneficiaries_women"), 12).rule).toBe("not_scored");
  });

  test("gives the points scoring gives, for every answer to every question that counts", () => {
    fc.assert(
      fc.property(answersFor(m), (answers) => {
        const result = scoreAssessment(m, answers);
        for (const c of result.contributions) {
          const reason = explainPoints(question(c.questionId), answers[c.questionId]);
          expect(reason.points).toBe(c.earned);
        }
      }),
      { numRuns: 200 },
    );
  });
});
