import { describe, expect, test } from "vitest";
import {
  answerConflicts,
  applicableQuestions,
  currentMethodology as m,
  fingerprintMethodology,
  LEGAL_FORM_GROUPS,
  legalFormGroupOf,
  methodologies,
  questionsNotForLegalForm,
  scoreAssessment,
  validateMethodology,
  type Answers,
  type LegalFormGroup,
  type Methodology,
} from "./index";
import { generateAnswers } from "../prisma/demo-answers";

const v2 = methodologies["2"]!;
const v3 = methodologies["3"]!;

const NOT_FOR: Record<LegalFormGroup, string[]> = {
  company: ["es_member_benefit"],
  nonprofit: ["es_profit_reinvested", "es_member_benefit", "es_grant_share", "gt_profit_distribution_cap"],
  cooperative: ["es_profit_reinvested"],
  individual: [
    "si_mission_in_statutes",
    "es_member_benefit",
    "gt_governing_body",
    "gt_conflict_of_interest",
    "gt_asset_lock",
    "gt_profit_distribution_cap",
    "gt_anti_corruption",
    "in_women_leadership",
  ],
};

/** Every question of a methodology answered with its best answer. */
function bestAnswers(methodology: Methodology): Record<string, Answers[string]> {
  return generateAnswers(methodology, () => 0.99, { quality: 1, employees: 3 });
}

describe("legal forms", () => {
  test("every form an enterprise's profile offers belongs to a group", () => {
    expect(legalFormGroupOf("public_association")).toBe("nonprofit");
    expect(legalFormGroupOf("public_foundation")).toBe("nonprofit");
    expect(legalFormGroupOf("cooperative")).toBe("cooperative");
    expect(legalFormGroupOf("sole_proprietor")).toBe("individual");
    expect(legalFormGroupOf("llp")).toBe("company");
    expect(legalFormGroupOf("__proto__")).toBeNull();
    expect(legalFormGroupOf(null)).toBeNull();
    expect(Object.keys(LEGAL_FORM_GROUPS)).toHaveLength(9);
  });
});

describe("methodology v3", () => {
  test("is the methodology new assessments are taken with, and passes validation", () => {
    expect(m).toBe(v3);
    expect(validateMethodology(v3)).toEqual({ ok: true, errors: [] });
  });

  test.each(Object.entries(NOT_FOR))("does not ask %s the questions that make no sense for them", (group, ids) => {
    expect(questionsNotForLegalForm(v3, group as LegalFormGroup).map((q) => q.id)).toEqual(
      v3.questions.filter((q) => ids.includes(q.id)).map((q) => q.id),
    );
    const asked = applicableQuestions(v3, bestAnswers(v3), { legalFormGroup: group as LegalFormGroup }).map((q) => q.id);
    for (const id of ids) expect(asked, id).not.toContain(id);
  });

  test("asks a company exactly what v2 asks, and scores it the same", () => {
    const answers = bestAnswers(v2);
    answers.gt_governing_body = "founder";
    answers.es_grant_share = 60;
    answers.es_trading_income_share = 40;
    const company = scoreAssessment(v3, answers, { legalFormGroup: "company" });
    const before = scoreAssessment(v2, answers);
    expect({ ...company, methodologyVersion: "2" }).toEqual(before);
  });

  test("scores an NGO on the questions that apply only: grants counted once, no profit questions, no penalty", () => {
    const answers = bestAnswers(v3);
    answers.es_trading_income_share = 40;
    answers.es_grant_share = 60;
    delete answers.es_profit_reinvested;
    delete answers.gt_profit_distribution_cap;
    delete answers.es_member_benefit;
    const ngo = scoreAssessment(v3, answers, { legalFormGroup: "nonprofit" });
    expect(ngo.completeness).toBe(1);
    const counted = ngo.contributions.map((c) => c.questionId);
    for (const id of NOT_FOR.nonprofit) expect(counted, id).not.toContain(id);
    const es = ngo.dimensions.find((d) => d.id === "economic_sustainability")!;
    const esQuestions = v3.questions.filter((q) => q.dimension === "economic_sustainability" && !NOT_FOR.nonprofit.includes(q.id));
    expect(es.possible).toBe(esQuestions.reduce((sum, q) => sum + q.maxPoints, 0));
    // 40 % of income from sales earns 3 of 8; the 60 % from grants is not taken off a second time.
    expect(ngo.contributions.find((c) => c.questionId === "es_trading_income_share")!.earned).toBe(3);
    expect(es.earned).toBe(es.possible - 5);
    // It meets the profit criterion by law: it may pay out no surplus.
    expect(ngo.eligible).toBe(true);
    // The same answers scored as v2 (every question asked) lose the unanswered profit questions and the grants twice.
    expect(scoreAssessment(v3, answers).dimensions.find((d) => d.id === "economic_sustainability")!.score).toBeLessThan(es.score);
  });

  test("scores a cooperative's member payouts as member benefit, not as profit taken out", () => {
    const answers = bestAnswers(v3);
    delete answers.es_profit_reinvested;
    answers.es_member_benefit = 90;
    answers.gt_profit_distribution_cap = "yes";
    const coop = scoreAssessment(v3, answers, { legalFormGroup: "cooperative" });
    expect(coop.completeness).toBe(1);
    expect(coop.contributions.find((c) => c.questionId === "es_member_benefit")).toMatchObject({ earned: 6, possible: 6 });
    expect(coop.contributions.map((c) => c.questionId)).not.toContain("es_profit_reinvested");
    expect(coop.eligible).toBe(true);
    const low = scoreAssessment(v3, { ...answers, es_member_benefit: 30 }, { legalFormGroup: "cooperative" });
    expect(low.eligibilityReasons.map((r) => r.criterion)).toEqual(["member_benefit"]);
  });

  test("scores a sole proprietor without a board, statutes, staff policies or a leadership team, at no cost", () => {
    const answers = bestAnswers(v3);
    for (const id of NOT_FOR.individual) delete answers[id];
    answers.es_employees = 0;
    const alone = scoreAssessment(v3, answers, { legalFormGroup: "individual" });
    expect(alone.completeness).toBe(1);
    const gt = alone.dimensions.find((d) => d.id === "governance_transparency")!;
    expect(gt.score).toBe(100);
    expect(gt.possible).toBe(
      v3.questions
        .filter((q) => q.dimension === "governance_transparency" && !NOT_FOR.individual.includes(q.id))
        .reduce((s, q) => s + q.maxPoints, 0),
    );
    expect(alone.eligible).toBe(true);
    // Answers stored for questions not asked (carried over from an earlier version) count for nothing.
    const withOld = scoreAssessment(
      v3,
      { ...answers, gt_governing_body: "nobody", in_women_leadership: "none" },
      { legalFormGroup: "individual" },
    );
    expect(withOld).toEqual(alone);
  });

  test("checks shares of income only among the questions asked", () => {
    const answers = { es_trading_income_share: 70, es_grant_share: 60 };
    expect(answerConflicts(v3, answers, { legalFormGroup: "company" })).toHaveLength(2);
    expect(answerConflicts(v3, answers, { legalFormGroup: "nonprofit" })).toEqual([]);
  });

  test("leaves v1 and v2 as they were published: no question limited by legal form, and a group changes nothing", () => {
    for (const old of [methodologies["1"]!, v2]) {
      expect(old.questions.some((q) => q.legalForms || q.wordingFor)).toBe(false);
      const answers = bestAnswers(old);
      for (const group of ["nonprofit", "cooperative", "individual"] as const)
        expect(scoreAssessment(old, answers, { legalFormGroup: group })).toEqual(scoreAssessment(old, answers));
    }
    expect(fingerprintMethodology(v2)).toBe("ac4a338a8d56e6a0");
  });

  test("the fingerprint covers which groups a question is asked of, not its words for them", () => {
    const copy = structuredClone(v3) as Methodology & { questions: { legalForms?: string[]; wordingFor?: object }[] };
    const original = fingerprintMethodology(v3);
    const asset = copy.questions.find((q) => (q as { id: string }).id === "gt_asset_lock")!;
    (asset.wordingFor as Record<string, { text: { en: string } }>).nonprofit!.text.en = "Reworded";
    expect(fingerprintMethodology(copy as Methodology)).toBe(original);
    asset.legalForms = ["company"];
    expect(fingerprintMethodology(copy as Methodology)).not.toBe(original);
  });
});
