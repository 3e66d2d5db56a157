import type { AnswerValue, Question } from "../../scoring";
import { formatNumber } from "~/utils/format";
import { localized } from "~/utils/i18n";

/** An answer as a person reads it, in their language. */
export function answerText(question: Pick<Question, "options" | "unit">, value: AnswerValue | undefined, language: string, t: (key: string) => string) {
  if (value === undefined) return t("results.unanswered");
  if (value === "n/a") return t("assessment.notApplicable");
  if (question.options) {
    const ids = Array.isArray(value) ? value : [String(value)];
    if (ids.length === 0) return t("assessment.noneOfThese");
    return ids.map((id) => localized(question.options!.find((o) => o.id === id)?.label ?? { en: id, ru: id }, language)).join(", ");
  }
  return `${formatNumber(Number(value), language)}${question.unit ? ` ${localized(question.unit, language)}` : ""}`;
}
