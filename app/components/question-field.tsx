import { useTranslation } from "react-i18next";
import type { AnswerValue, Question } from "../../scoring";
import { answerErrorMessage } from "~/utils/answer-errors";
import { questionText, questionHelp, questionUnit, optionLabel } from "~/utils/methodology-text";

export interface QuestionState {
  value: AnswerValue | string | string[] | undefined;
  notApplicable: boolean;
  note: string;
  links: string;
}

/** The value of "None of these" in a multiple choice's form (the same as the server reads). */
export const NONE_OF_THESE = "__none";

/** One question of the questionnaire, as plain form controls that work without JavaScript. */
export function QuestionField({
  question,
  state,
  error,
  withEvidence = true,
  wording,
}: {
  question: Question;
  /** The group of legal forms whose own words the question is shown in, if any. */
  wording?: string | null;
  state: QuestionState;
  error?: string;
  withEvidence?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = `q-${question.id}`;
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [question.help ? helpId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const value = state.notApplicable ? undefined : state.value;
  const text = questionText(t, question.id, wording);

  let control: React.ReactNode;
  if (question.type === "single" || question.type === "multi") {
    const chosen = new Set(Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);
    const inputType = question.type === "single" ? "radio" : "checkbox";
    // "None of these" and the options exclude each other: ticking one unticks the other kind at
    // once in the browser (the server refuses both together, for forms sent without JavaScript).
    const exclusive =
      question.type === "multi"
        ? (event: React.ChangeEvent<HTMLInputElement>) => {
            const box = event.currentTarget;
            if (!box.checked || !box.form) return;
            const none = box.value === NONE_OF_THESE;
            for (const other of box.form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="q.${question.id}"]`)) {
              if (other !== box && (none || other.value === NONE_OF_THESE)) other.checked = false;
            }
          }
        : undefined;
    control = (
      <div className="choices">
        {question.options!.map((option) => (
          <div key={option.id} className="field-checkbox">
            <input
              type={inputType}
              id={`${id}-${option.id}`}
              name={`q.${question.id}`}
              value={option.id}
              defaultChecked={chosen.has(option.id)}
              aria-describedby={describedBy}
              onChange={exclusive}
            />
            <label htmlFor={`${id}-${option.id}`}>{optionLabel(t, question.id, option.id)}</label>
          </div>
        ))}
        {question.type === "multi" ? (
          <div className="field-checkbox">
            <input
              type="checkbox"
              id={`${id}-none`}
              name={`q.${question.id}`}
              value={NONE_OF_THESE}
              defaultChecked={Array.isArray(value) ? value.length === 0 || value.includes(NONE_OF_THESE) : false}
              aria-describedby={describedBy}
              onChange={exclusive}
            />
            <label htmlFor={`${id}-none`}>{t("assessment.noneOfThese")}</label>
          </div>
        ) : null}
        {question.allowNotApplicable ? (
          <div className="field-checkbox">
            <input type="checkbox" id={`${id}-na`} name={`na.${question.id}`} defaultChecked={state.notApplicable} />
            <label htmlFor={`${id}-na`}>{t("assessment.notApplicable")}</label>
          </div>
        ) : null}
      </div>
    );
  } else {
    control = (
      <div className="number-answer">
        <label htmlFor={`${id}-value`} className="visually-hidden">
          {text}
        </label>
        <input
          type="text"
          inputMode="decimal"
          id={`${id}-value`}
          name={`q.${question.id}`}
          defaultValue={value === undefined ? "" : String(value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="input-number"
        />
        <span>{question.unit ? questionUnit(t, question.id) : null}</span>
        {question.allowNotApplicable ? (
          <div className="field-checkbox">
            <input type="checkbox" id={`${id}-na`} name={`na.${question.id}`} defaultChecked={state.notApplicable} />
            <label htmlFor={`${id}-na`}>{t("assessment.notApplicable")}</label>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <fieldset className="question" id={id} aria-invalid={error ? true : undefined}>
      <legend>{text}</legend>
      <input type="hidden" name="shown" value={question.id} />
      {question.help ? (
        <p id={helpId} className="field-hint">
          {questionHelp(t, question.id, wording)}
        </p>
      ) : null}
      {question.type === "number" || question.type === "percent" ? (
        <p className="field-hint">
          {question.type === "percent" ? t("assessment.percentRange") : t("assessment.numberRange", { min: question.min ?? 0 })}
        </p>
      ) : null}
      {control}
      {error ? (
        <p id={errorId} className="field-errors" role="alert">
          {answerErrorMessage(t, question, error, i18n.language)}
        </p>
      ) : null}
      {withEvidence ? (
        <details className="evidence" open={Boolean(state.note || state.links)}>
          <summary>{t("assessment.evidence")}</summary>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t("assessment.note")}</label>
            <textarea id={`${id}-note`} name={`note.${question.id}`} rows={2} maxLength={1000} defaultValue={state.note} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-links`}>{t("assessment.links")}</label>
            <p className="field-hint" id={`${id}-links-hint`}>
              {t("assessment.linksHint")}
            </p>
            <textarea
              id={`${id}-links`}
              name={`links.${question.id}`}
              rows={2}
              defaultValue={state.links}
              aria-describedby={`${id}-links-hint`}
            />
          </div>
        </details>
      ) : null}
    </fieldset>
  );
}
