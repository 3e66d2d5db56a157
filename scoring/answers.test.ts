import { describe, expect, test } from "vitest";
import { bestAnswers } from "./arbitraries.test-helper";
import {
  AnswerError,
  answerConflicts,
  applicableQuestions,
  currentMethodology as m,
  isApplicable,
  methodologies,
  scoreAssessment,
  validateAnswer,
  type AnswerErrorCode,
  type Answers,
} from "./index";

const question = (id: string) => m.questions.find((q) => q.id === id)!;

function errorOf(answers: Answers): unknown {
  try {
    scoreAssessment(m, answers);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("answers that cannot be scored", () => {
  test.each<[string, Answers, string, AnswerErrorCode]>([
    ["an answer to a question the methodology does not have", { si_nothing: "yes" }, "si_nothing", "unknown_question"],
    ["an option the question does not offer", { gt_registered: "maybe" }, "gt_registered", "unknown_option"],
    ["an option a multiple choice does not offer", { ep_partners: ["business", "aliens"] }, "ep_partners", "unknown_option"],
    ["a percentage above 100", { es_trading_income_share: 140 }, "es_trading_income_share", "out_of_range"],
    ["a negative percentage", { es_grant_share: -0.5 }, "es_grant_share", "out_of_range"],
    ["a negative count", { es_employees: -1 }, "es_employees", "out_of_range"],
    ["a count above its maximum", { es_years_operating: 201 }, "es_years_operating", "out_of_range"],
    ["text for a number", { es_employees: "ten" }, "es_employees", "wrong_type"],
    ["a number that is not a number", { es_trading_income_share: Number.NaN }, "es_trading_income_share", "wrong_type"],
    ["an infinite number", { si_beneficiaries: Number.POSITIVE_INFINITY }, "si_beneficiaries", "wrong_type"],
    ["a single option for a multiple choice", { ep_partners: "business" }, "ep_partners", "wrong_type"],
    ["a list for a single choice", { gt_registered: ["yes"] }, "gt_registered", "wrong_type"],
    ["the same option twice", { ep_partners: ["business", "business"] }, "ep_partners", "wrong_type"],
    ["null", { gt_registered: null as unknown as string }, "gt_registered", "wrong_type"],
    ["'not applicable' where the question does not allow it", { gt_registered: "n/a" }, "gt_registered", "not_applicable_not_allowed"],
  ])("rejects %s with a typed error naming the question", (_name, answers, questionId, code) => {
    const error = errorOf(answers);
    expect(error).toBeInstanceOf(AnswerError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "AnswerError", questionId, code });
    expect((error as Error).message).toContain(questionId);
    if (code !== "unknown_question") expect(validateAnswer(question(questionId), answers[questionId])).toEqual({ questionId, code });
  });

  test("rejects an unknown question before any other problem", () => {
    expect(errorOf({ gt_registered: "maybe", zz_unknown: 1 })).toMatchObject({ code: "unknown_question", questionId: "zz_unknown" });
  });

  test("rejects an invalid answer even to a question that does not apply", () => {
    expect(errorOf({ es_employees: 0, es_written_contracts: "perhaps" })).toMatchObject({
      code: "unknown_option",
      questionId: "es_written_contracts",
    });
  });

  test("are the same whether the scoring or validateAnswer finds them, and a valid answer gives null", () => {
    expect(validateAnswer(question("gt_registered"), "yes")).toBeNull();
    expect(validateAnswer(question("es_profit_reinvested"), "n/a")).toBeNull();
    expect(validateAnswer(question("ep_partners"), [])).toBeNull();
    expect(validateAnswer(question("es_trading_income_share"), 0)).toBeNull();
    expect(validateAnswer(question("es_trading_income_share"), 100)).toBeNull();
    expect(validateAnswer(question("es_trading_income_share"), 33.3)).toBeNull();
    expect(validateAnswer(question("gt_registered"), undefined)).toEqual({ questionId: "gt_registered", code: "wrong_type" });
  });

  test("leave the answers and the error free of each other: a failed scoring can be retried", () => {
    expect(errorOf({ gt_registered: "maybe" })).toBeInstanceOf(AnswerError);
    expect(scoreAssessment(m, bestAnswers(m)).overall).toBe(100);
  });
});

describe("applicable questions", () => {
  test("leave out the questions about staff until there is at least one employee", () => {
    const staff = m.questions.filter((q) => q.appliesWhen?.question === "es_employees").map((q) => q.id);
    const ids = (answers: Answers) => applicableQuestions(m, answers).map((q) => q.id);
    expect(ids({}).filter((id) => staff.includes(id))).toEqual([]);
    expect(ids({ es_employees: 0 }).filter((id) => staff.includes(id))).toEqual([]);
    expect(ids({ es_employees: 1 }).filter((id) => staff.includes(id))).toEqual(staff);
    expect(ids({ si_beneficiaries: 10 }).length + staff.length).toBe(m.questions.length);
  });

  test("come in the methodology's order", () => {
    const ids = applicableQuestions(m, { es_employees: 4, si_beneficiaries: 10 }).map((q) => q.id);
    expect(ids).toEqual(m.questions.map((q) => q.id));
  });

  test("can be asked about one question at a time", () => {
    expect(isApplicable(m, "es_written_contracts", { es_employees: 2 })).toBe(true);
    expect(isApplicable(m, "es_written_contracts", { es_employees: 0 })).toBe(false);
    expect(isApplicable(m, "es_written_contracts", {})).toBe(false);
    expect(isApplicable(m, "gt_registered", {})).toBe(true);
    expect(isApplicable(m, "zz_unknown", {})).toBe(false);
  });
});

describe("the eligibility gate", () => {
  const best = bestAnswers(m);

  test("passes a social enterprise, and still computes the score of one that fails", () => {
    expect(scoreAssessment(m, best).eligible).toBe(true);
    const r = scoreAssessment(m, { ...best, si_primary_mission: "profit", es_trading_income_share: 10, es_profit_reinvested: 20 });
    expect(r.eligible).toBe(false);
    expect(r.overall).toBeGreaterThan(60);
  });

  test("gives a reason in English and Russian for each failed criterion", () => {
    const r = scoreAssessment(m, { ...best, si_primary_mission: "profit", es_trading_income_share: 10, es_profit_reinvested: 20 });
    expect(r.eligibilityReasons.map((x) => x.criterion)).toEqual(["primary_mission", "trading_income", "profit_reinvested"]);
    for (const reason of r.eligibilityReasons) expect(reason.message.en && reason.message.ru).toBeTruthy();
    expect(r.eligibilityReasons[1]!.message.ru).toMatch(/25%/);
    expect(r.eligibilityReasons[2]!.message.en).toMatch(/half/);
  });

  test("fails each criterion on its own", () => {
    const reasons = (answers: Answers) => scoreAssessment(m, answers).eligibilityReasons.map((x) => x.criterion);
    expect(reasons({ ...best, si_primary_mission: "commercial" })).toEqual(["primary_mission"]);
    expect(reasons({ ...best, es_trading_income_share: 24.9 })).toEqual(["trading_income"]);
    expect(reasons({ ...best, es_profit_reinvested: 49 })).toEqual(["profit_reinvested"]);
  });

  test("is met exactly at its thresholds, and by 'not applicable' when there was no profit", () => {
    for (const mission of ["social", "environmental", "both"])
      expect(scoreAssessment(m, { ...best, si_primary_mission: mission }).eligible).toBe(true);
    expect(scoreAssessment(m, { ...best, es_trading_income_share: 25, es_profit_reinvested: 50 }).eligible).toBe(true);
    expect(scoreAssessment(m, { ...best, es_profit_reinvested: "n/a" }).eligible).toBe(true);
  });

  test("fails an unanswered criterion, saying it is not answered yet", () => {
    const r = scoreAssessment(m, {});
    // With no legal form known, every criterion of the version holds.
    expect(r.eligibilityReasons.map((x) => x.criterion)).toEqual(m.eligibility.criteria.map((c) => c.id));
    expect(r.eligibilityReasons[0]!.message).toEqual({
      en: "Not answered yet: Primary social or environmental mission.",
      ru: "Нет ответа: Основная социальная или экологическая миссия.",
    });
    const { es_trading_income_share: _left, ...rest } = best as Record<string, never>;
    expect(scoreAssessment(m, rest).eligibilityReasons.map((x) => x.criterion)).toEqual(["trading_income"]);
  });
});

describe("the beneficiaries counted by gender, disability and vulnerable group", () => {
  const breakdown = ["si_beneficiaries_women", "si_beneficiaries_disability", "si_beneficiaries_vulnerable"];
  const ids = (answers: Answers) =>
    applicableQuestions(m, answers)
      .map((q) => q.id)
      .filter((id) => breakdown.includes(id));

  test("are asked only when at least one person benefited", () => {
    expect(ids({})).toEqual([]);
    expect(ids({ si_beneficiaries: 0 })).toEqual([]);
    expect(ids({ si_beneficiaries: 1 })).toEqual(breakdown);
  });

  test("are left out of what was possible when nobody benefited, and count for completeness when asked", () => {
    const none = scoreAssessment(m, { si_beneficiaries: 0 });
    const some = scoreAssessment(m, { si_beneficiaries: 5, si_beneficiaries_women: 3 });
    expect(none.contributions.map((c) => c.questionId)).not.toContain("si_beneficiaries_women");
    expect(some.contributions.find((c) => c.questionId === "si_beneficiaries_women")).toEqual({
      questionId: "si_beneficiaries_women",
      dimension: "social_impact",
      earned: 0,
      possible: 0,
    });
    expect(some.dimensions.find((d) => d.id === "social_impact")!.possible).toBe(
      none.dimensions.find((d) => d.id === "social_impact")!.possible,
    );
    expect(some.improvements.map((i) => i.questionId)).not.toContain("si_beneficiaries_women");
  });
});

describe("answers that contradict each other", () => {
  const v2 = methodologies["2"]!;

  test("a part that is more than its total is a conflict, named on the part", () => {
    expect(
      answerConflicts(v2, {
        si_beneficiaries: 100,
        si_beneficiaries_women: 120,
        si_beneficiaries_disability: 100,
        si_beneficiaries_vulnerable: 101,
      }),
    ).toEqual([
      { questionId: "si_beneficiaries_women", code: "exceeds_total", total: "si_beneficiaries" },
      { questionId: "si_beneficiaries_vulnerable", code: "exceeds_total", total: "si_beneficiaries" },
    ]);
  });

  test("a part equal to its total, a missing part or total, or a part that does not apply is not", () => {
    expect(answerConflicts(v2, { si_beneficiaries: 100, si_beneficiaries_women: 100 })).toEqual([]);
    expect(answerConflicts(v2, { si_beneficiaries_women: 100 })).toEqual([]);
    expect(answerConflicts(v2, { si_beneficiaries: 0, si_beneficiaries_women: 5 })).toEqual([]);
  });

  test("a conflict does not change the score: the parts earn no points", () => {
    const base = { si_beneficiaries: 100 };
    expect(scoreAssessment(v2, { ...base, si_beneficiaries_women: 500 }).overall).toBe(scoreAssessment(v2, base).overall);
  });
});
