import type { Condition, LocalizedText, Methodology, Question } from "../types";
import { v1 } from "./v1";

// Methodology v2 of the Central Asian social enterprise rating, published 2026-11-26.
// It is v1 with the beneficiaries counted by gender, disability and vulnerable group, right after
// their total, as the region's laws on social entrepreneurship define social enterprises by whom
// they serve. Everything else is v1's, shared rather than copied: the published rules of v1 cannot
// change, so neither can these. The same rules as v1's apply to its texts.
// Why the new questions earn no points is in scoring/METHODOLOGY.md.

const t = (en: string, ru: string): LocalizedText => ({ en, ru });

const HAS_BENEFICIARIES: Condition = { question: "si_beneficiaries", min: 1 };

/** A number of the beneficiaries: part of their total, recorded but not scored. */
const beneficiariesWho = (id: string, text: LocalizedText, help: LocalizedText): Question => ({
  id,
  dimension: "social_impact",
  type: "number",
  text,
  help,
  min: 0,
  max: 10_000_000,
  maxPoints: 0,
  bands: [{ min: 0, points: 0 }],
  unit: t("people", "человек"),
  appliesWhen: HAS_BENEFICIARIES,
  partOf: "si_beneficiaries",
});

const beneficiaryBreakdown: Question[] = [
  beneficiariesWho(
    "si_beneficiaries_women",
    t("How many of them are women and girls?", "Сколько из них — женщины и девочки?"),
    t(
      "Of the people you counted in the previous question, how many are women and girls. Your best estimate is enough if you do not keep exact records. It cannot be more than the total. It earns no points: the region's laws on social entrepreneurship define social enterprises by whom they serve, and the counts are reported in sector summaries.",
      "Сколько из учтённых в предыдущем вопросе людей — женщины и девочки. Если точного учёта нет, достаточно вашей лучшей оценки. Число не может быть больше общего. Баллов этот вопрос не даёт: законы стран региона о социальном предпринимательстве определяют социальные предприятия по тому, кому они служат, и эти данные входят в отраслевые сводки.",
    ),
  ),
  beneficiariesWho(
    "si_beneficiaries_disability",
    t("How many of them are people with disabilities?", "Сколько из них — люди с инвалидностью?"),
    t(
      "Of the people you counted, how many have a disability, whether or not it is officially registered. Count only what people have told you or what your work is about; do not ask anyone to prove a disability. Your best estimate is enough. It cannot be more than the total, and it earns no points.",
      "Сколько из учтённых людей имеют инвалидность, официально оформленную или нет. Учитывайте только то, что люди сообщили сами или что следует из характера вашей работы; не требуйте подтверждения инвалидности. Достаточно вашей лучшей оценки. Число не может быть больше общего, баллов вопрос не даёт.",
    ),
  ),
  beneficiariesWho(
    "si_beneficiaries_vulnerable",
    t(
      "How many of them belong to the vulnerable groups your work reaches on purpose?",
      "Сколько из них относятся к уязвимым группам, на которые целенаправленно рассчитана ваша работа?",
    ),
    t(
      'The groups are those of the inclusion question "Which groups does your work reach on purpose?": women and girls, young people, older people, people with disabilities, rural and remote communities, migrants, returnees and displaced people, low-income families, ethnic and linguistic minorities. Count each person once, even if they belong to several groups. Your best estimate is enough. It cannot be more than the total, and it earns no points.',
      "Группы — те же, что в вопросе раздела «Инклюзивность» «Какие группы вы целенаправленно охватываете?»: женщины и девочки, молодёжь, пожилые люди, люди с инвалидностью, сельские и отдалённые сообщества, мигранты, вернувшиеся и перемещённые лица, малообеспеченные семьи, этнические и языковые меньшинства. Считайте каждого человека один раз, даже если он относится к нескольким группам. Достаточно вашей лучшей оценки. Число не может быть больше общего, баллов вопрос не даёт.",
    ),
  ),
];

const afterTotal = v1.questions.findIndex((q) => q.id === "si_beneficiaries") + 1;

export const v2: Methodology = {
  ...v1,
  version: "2",
  publishedAt: "2026-11-26",
  questions: [...v1.questions.slice(0, afterTotal), ...beneficiaryBreakdown, ...v1.questions.slice(afterTotal)],
};
