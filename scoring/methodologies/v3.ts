import type { EligibilityCriterion, GroupWording, LegalFormGroup, LocalizedText, Methodology, Question } from "../types";
import { v2 } from "./v2";

// Methodology v3 of the Central Asian social enterprise rating, published 2026-12-02.
// It is v2 with each question asked only of the kinds of organisation it makes sense for, by the
// group of their legal form (scoring/legal-forms.ts): a sole proprietor has no statutes, board or
// leadership team; a non-profit has no profit to pay out and counts its grants once, through its
// share of income from sales; a cooperative pays its surplus to members by their use of it, which
// is asked as such instead of as profit paid out. A question not asked of a group is left out of
// its dimension's maximum, never counted against it. Everything else is v2's, shared rather than
// copied. The same rules as v1's apply to its texts. Why each limit is there is in
// scoring/METHODOLOGY.md and docs/decisions/023-legal-form-questions.md.

const t = (en: string, ru: string): LocalizedText => ({ en, ru });

const ALL_BUT_INDIVIDUALS: readonly LegalFormGroup[] = ["company", "nonprofit", "cooperative"];
const ALL_BUT_NONPROFITS: readonly LegalFormGroup[] = ["company", "cooperative", "individual"];

type Limit = { legalForms?: readonly LegalFormGroup[]; wordingFor?: Partial<Record<LegalFormGroup, GroupWording>> };

const limits: Record<string, Limit> = {
  // A sole proprietor registers as a person, with no charter or statutes to write a mission into.
  si_mission_in_statutes: { legalForms: ALL_BUT_INDIVIDUALS },
  // A non-profit cannot pay out a surplus at all, and a cooperative's surplus is asked as member benefit.
  es_profit_reinvested: {
    legalForms: ["company", "individual"],
    wordingFor: {
      individual: {
        text: t(
          "What share of your profit, beyond a fair income for yourself, is reinvested in the mission?",
          "Какая доля прибыли сверх справедливого дохода для вас самих реинвестируется в миссию?",
        ),
        help: t(
          "A sole proprietor's profit is also their income. First set aside what you pay yourself for your work, as you would pay an employee; then count the share of the rest, from the last financial year, that you kept in the enterprise or spent on its mission. Not applicable if there was no profit beyond your own income.",
          "Прибыль индивидуального предпринимателя — это и его доход. Сначала отложите то, что вы платите себе за свой труд, как платили бы сотруднику; затем посчитайте, какую долю остатка за последний финансовый год вы оставили в предприятии или направили на его миссию. Не применимо, если прибыли сверх вашего собственного дохода не было.",
        ),
      },
    },
  },
  // A non-profit's grants are counted once, through its share of income from sales.
  es_grant_share: { legalForms: ALL_BUT_NONPROFITS },
  gt_governing_body: { legalForms: ALL_BUT_INDIVIDUALS },
  gt_conflict_of_interest: { legalForms: ALL_BUT_INDIVIDUALS },
  gt_asset_lock: {
    legalForms: ALL_BUT_INDIVIDUALS,
    wordingFor: {
      nonprofit: {
        text: t(
          "Do your statutes send what remains to the mission or a similar non-profit if the organisation is dissolved?",
          "Направляет ли ваш устав оставшееся имущество на миссию или схожей некоммерческой организации при ликвидации?",
        ),
        help: t(
          "Yes if your statutes say that, when the organisation is dissolved, what is left after paying debts goes to its statutory aims or to a non-profit organisation with a similar purpose, and name how that is decided.",
          "«Да», если в уставе сказано, что при ликвидации организации имущество, оставшееся после расчётов с кредиторами, направляется на уставные цели или некоммерческой организации со схожими целями, и указано, как это решается.",
        ),
      },
      cooperative: {
        text: t(
          "Do your statutes keep the cooperative's common reserves for the mission if it closes or changes its form?",
          "Сохраняет ли ваш устав общие резервы кооператива для миссии при его закрытии или преобразовании?",
        ),
        help: t(
          "Members get their own shares back when the cooperative closes. Yes if your statutes say that what is left beyond those shares (the common, indivisible reserves) goes to the mission, to another cooperative or to a body with a similar purpose, not divided among members.",
          "При закрытии кооператива члены получают обратно свои паи. «Да», если в уставе сказано, что оставшееся сверх паёв (общие, неделимые резервы) идёт на миссию, другому кооперативу или организации со схожими целями, а не делится между членами.",
        ),
      },
    },
  },
  // A non-profit pays out nothing; a sole proprietor's profit is their own income.
  gt_profit_distribution_cap: {
    legalForms: ["company", "cooperative"],
    wordingFor: {
      cooperative: {
        text: t(
          "Do your statutes limit the return paid on members' share capital?",
          "Ограничивает ли ваш устав выплаты на паевые взносы членов?",
        ),
        help: t(
          "Paying the surplus back to members by how much they used the cooperative is how a cooperative works, and is not asked here. Yes if your statutes cap what is paid on the capital members put in (for example interest on shares at no more than the bank rate), or pay nothing on it.",
          "Возврат прибыли членам пропорционально тому, насколько они пользовались кооперативом, — основа работы кооператива, и здесь о нём не спрашивается. «Да», если устав ограничивает выплаты на внесённый членами капитал (например, проценты на паи не выше банковской ставки) или не предусматривает их вовсе.",
        ),
      },
    },
  },
  gt_anti_corruption: { legalForms: ALL_BUT_INDIVIDUALS },
  // One person is not a leadership team.
  in_women_leadership: { legalForms: ALL_BUT_INDIVIDUALS },
};

/** For cooperatives, in place of profit reinvested: surplus kept for the mission or returned to members by their use. */
const memberBenefit: Question = {
  id: "es_member_benefit",
  dimension: "economic_sustainability",
  type: "percent",
  text: t(
    "What share of the surplus stays in the cooperative, serves its mission, or returns to members by their use of it?",
    "Какая доля прибыли остаётся в кооперативе, идёт на его миссию или возвращается членам пропорционально их участию?",
  ),
  help: t(
    "Count the surplus of the last financial year kept in the cooperative's reserves, spent on its mission or on services for members, or paid back to members in proportion to what they bought, sold or worked through the cooperative. Leave out only what was paid on members' share capital or to outside investors. Not applicable if there was no surplus last year.",
    "Учитывайте прибыль за последний финансовый год, оставленную в резервах кооператива, направленную на его миссию или услуги для членов, или возвращённую членам пропорционально тому, что они купили, продали или сделали через кооператив. Не учитывайте только выплаченное на паевые взносы или сторонним инвесторам. Не применимо, если в прошлом году прибыли не было.",
  ),
  min: 0,
  max: 100,
  maxPoints: 6,
  bands: [
    { min: 75, max: 100, points: 6 },
    { min: 50, max: 75, points: 4 },
    { min: 0, max: 50, points: 0 },
  ],
  unit: t("%", "%"),
  allowNotApplicable: true,
  legalForms: ["cooperative"],
};

const questions: Question[] = v2.questions.flatMap((question) => {
  const limit = limits[question.id];
  const asked: Question = limit ? { ...question, ...limit } : question;
  return question.id === "es_profit_reinvested" ? [asked, memberBenefit] : [asked];
});

const criteria: EligibilityCriterion[] = v2.eligibility.criteria.flatMap((criterion) =>
  criterion.id !== "profit_reinvested"
    ? [criterion]
    : [
        // A non-profit meets it by law: it may pay out no surplus at all.
        { ...criterion, legalForms: ["company", "individual"] },
        {
          id: "member_benefit",
          label: t(
            "At least 50% of the surplus kept for the mission or returned to members by their use",
            "Не менее 50% прибыли остаётся на миссию или возвращается членам по их участию",
          ),
          question: "es_member_benefit",
          min: 50,
          passIfNotApplicable: true,
          legalForms: ["cooperative"],
          failure: t(
            "Less than half of the surplus is kept for the mission or returned to members by their use of the cooperative.",
            "Менее половины прибыли остаётся на миссию или возвращается членам пропорционально их участию в кооперативе.",
          ),
        },
      ],
);

export const v3: Methodology = {
  ...v2,
  version: "3",
  publishedAt: "2026-12-02",
  questions,
  eligibility: { criteria },
};
