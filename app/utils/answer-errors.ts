import { SHARES_OF_A_WHOLE, type Question } from "../../scoring";
import { formatNumber } from "~/utils/format";
import type { Translate } from "~/utils/i18n";
import { questionText, questionUnit } from "~/utils/methodology-text";

/**
 * What is wrong with an answer, in the reader's language, with what the question allows: the
 * range of a number and its unit, the other shares of the same whole.
 */
export function answerErrorMessage(t: Translate, question: Question, code: string, language: string): string {
  if (code === "out_of_range") {
    const min = formatNumber(question.min ?? 0, language);
    const top = question.type === "percent" ? Math.min(question.max ?? 100, 100) : question.max;
    if (top === undefined) return t("assessment.errors.out_of_range_min", { min });
    const max = formatNumber(top, language);
    return question.unit
      ? t("assessment.errors.out_of_range_unit", { min, max, unit: questionUnit(t, question.id) })
      : t("assessment.errors.out_of_range", { min, max });
  }
  if (code === "shares_exceed_whole") {
    const others = SHARES_OF_A_WHOLE.filter((whole) => whole.parts.includes(question.id))
      .flatMap((whole) => whole.parts.filter((id) => id !== question.id))
      .map((id) => questionText(t, id));
    return t("assessment.errors.shares_exceed_whole", { others: others.join(", ") });
  }
  return t(`assessment.errors.${code}`);
}
