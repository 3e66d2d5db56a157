import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PointsReason, Question } from "../../scoring";
import type { ResultRow } from "~/models/assessment.server";
import { answerText } from "~/utils/answer-text";
import { formatNumber } from "~/utils/format";
import type { Translate } from "~/utils/i18n";
import { questionText } from "~/utils/methodology-text";

/** Why an answer earned its points, in the reader's language: the answer and the rule of the methodology that applied. */
export function reasonText(t: Translate, question: Pick<Question, "id" | "options" | "unit">, row: ResultRow, language: string) {
  const reason: PointsReason = row.reason;
  const answer = answerText(question, row.answer, language, t);
  const points = { count: reason.points, points: formatNumber(reason.points, language) };
  switch (reason.rule) {
    case "option":
      return t("results.why.option", { ...points, answer });
    case "options":
      return t("results.why.options", { ...points, cap: formatNumber(reason.cap, language) });
    case "band": {
      const min = formatNumber(reason.min, language);
      const range =
        reason.max === undefined
          ? t("methodology.atLeast", { min })
          : t("methodology.between", { min, max: formatNumber(reason.max, language) });
      return t("results.why.band", { ...points, answer, range });
    }
    case "no_band":
      return t("results.why.no_band", { answer });
    case "not_scored":
      return t("results.why.not_scored");
    case "not_applicable":
      return t("results.why.not_applicable");
    case "not_for_legal_form":
      return t("results.why.not_for_legal_form");
    default:
      return t("results.unanswered");
  }
}

/**
 * The results question by question: each answer, why it earned what it did, its points, and a link
 * to the question's rule on the methodology page. Only the questions that apply have a row, and those
 * not asked of the enterprise's legal form, saying so.
 * `extra` adds to a row's explanation (e.g. where to learn more about the question).
 */
export function ResultRows({
  rows,
  questions,
  methodologyVersion,
  extra,
}: {
  rows: ResultRow[];
  questions: Pick<Question, "id" | "options" | "unit">[];
  methodologyVersion: string;
  extra?: (row: ResultRow) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const byId = new Map(questions.map((q) => [q.id, q]));
  return (
    <table className="result-rows">
      <caption>{t("results.byQuestionCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("results.question")}</th>
          <th scope="col">{t("results.answer")}</th>
          <th scope="col">{t("results.why.heading")}</th>
          <th scope="col" className="number">
            {t("results.earned")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const question = byId.get(row.questionId)!;
          return (
            <tr key={row.questionId} id={`result-${row.questionId}`}>
              <th scope="row">{questionText(t, row.questionId, row.wording)}</th>
              <td>
                {row.reason.rule === "not_for_legal_form" ? t("results.notAsked") : answerText(question, row.answer, language, t)}
                {row.changedByVerifier ? <span className="field-hint"> ({t("results.changedByVerifier")})</span> : null}
              </td>
              <td>
                {reasonText(t, question, row, language)}{" "}
                <Link to={`/methodology/${methodologyVersion}#q-${row.questionId}`}>{t("results.why.rule")}</Link>
                {extra ? extra(row) : null}
              </td>
              <td className="number">
                {row.possible === null
                  ? t("results.notCounted")
                  : `${formatNumber(row.reason.points, language)} / ${formatNumber(row.possible, language)}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
