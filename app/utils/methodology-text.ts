// The methodology's words in the reader's language: dimensions, questions, options, tiers and
// eligibility criteria, read from the translation files (namespace "methodology") by their ids.
// The scoring module keeps the rules; the English and Russian texts there are the reference
// wording that app/locales/{en,ru}/methodology.json must match (a test checks it).
import type { Translate } from "~/utils/i18n";

const text = (t: Translate, key: string, fallback: string) => t(`methodology:${key}`, { defaultValue: fallback });

export const dimensionName = (t: Translate, id: string) => text(t, `dimension.${id}.label`, id);
export const dimensionDescription = (t: Translate, id: string) => text(t, `dimension.${id}.description`, "");
/**
 * A question's text, in the words for a group of legal forms when one is given (only for a
 * question that has them: see wordingGroup in scoring/), otherwise its general words.
 */
export const questionText = (t: Translate, id: string, group?: string | null) =>
  group ? text(t, `question.${id}.for.${group}.text`, text(t, `question.${id}.text`, id)) : text(t, `question.${id}.text`, id);
export const questionHelp = (t: Translate, id: string, group?: string | null) =>
  group ? text(t, `question.${id}.for.${group}.help`, text(t, `question.${id}.help`, "")) : text(t, `question.${id}.help`, "");
export const questionUnit = (t: Translate, id: string) => text(t, `question.${id}.unit`, "");
export const optionLabel = (t: Translate, questionId: string, optionId: string) =>
  text(t, `question.${questionId}.option.${optionId}`, optionId);
export const tierName = (t: Translate, id: string) => text(t, `tier.${id}`, id);
export const eligibilityLabel = (t: Translate, id: string) => text(t, `eligibility.${id}.label`, id);
export const eligibilityFailure = (t: Translate, id: string) => text(t, `eligibility.${id}.failure`, id);
