import type { AnswerValue, Question } from "../../scoring";
import { formatNumber } from "~/utils/format";
import type { Translate } from "~/utils/i18n";
import { questionUnit, optionLabel } from "~/utils/methodology-text";

/** An answer as a person reads it, in their language. */
export function answerText(
  question: Pick<Question, "id" | "options" | "unit">,
  value: AnswerValue | undefined,
  language: string,
  t: Translate,
) {
  if (value === undefined) return t("results.unanswered");
  if (value === "n/a") return t("assessment.notApplicable");
  if (question.options) {
    const ids = Array.isArray(value) ? value : [String(value)];
    if (ids.length === 0) return t("assessment.noneOfThese");
    return ids.map((id) => optionLabel(t, question.id, id)).join(", ");
  }
  return `${formatNumber(Number(value), language)}${question.unit ? ` ${questionUnit(t, question.id)}` : ""}`;
}
