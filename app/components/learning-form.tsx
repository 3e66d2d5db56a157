import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, FormErrors, SelectField, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { directionOf, LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { LEARNING_DIMENSIONS, LEARNING_FORMATS, LEARNING_LEVELS, LEARNING_QUESTIONS, LearningResourceSchema } from "~/utils/learning";
import { dimensionName, questionText } from "~/utils/methodology-text";
import { COUNTRY_CODES, countryName } from "~/utils/reference-data";

export interface LearningFormValues {
  language: string;
  title?: string;
  summary?: string;
  body?: string;
  format?: string;
  level?: string;
  country?: string | null;
  dimensions?: string[];
  questionIds?: string[];
}

/** A resource's facts and one language version: the form that creates a resource and the one that edits it. */
export function LearningResourceForm({
  lastResult,
  defaultValue,
  submitLabel,
  languageFixed,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: LearningFormValues;
  submitLabel: string;
  /** Editing one language version: the language is the page's, not a choice. */
  languageFixed?: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(LearningResourceSchema),
    // Conform types the list fields as single values; the form takes the lists as they are.
    defaultValue: { ...defaultValue, country: defaultValue.country ?? "" } as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LearningResourceSchema }),
  });
  const language = String(fields.language.value ?? defaultValue.language);
  return (
    <Form method="post" {...getFormProps(form)} className="form form-wide">
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      {languageFixed ? (
        <input type="hidden" name={fields.language.name} value={defaultValue.language} />
      ) : (
        <SelectField
          field={fields.language}
          label={t("learning.form.language")}
          placeholder={t("learning.form.chooseLanguage")}
          options={SUPPORTED_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        />
      )}
      <TextField field={fields.title} label={t("learning.form.title")} lang={language} dir={directionOf(language)} />
      <TextAreaField field={fields.summary} label={t("learning.form.summary")} rows={3} lang={language} dir={directionOf(language)} />
      <TextAreaField
        field={fields.body}
        label={t("learning.form.body")}
        hint={t("learning.form.bodyHint")}
        rows={16}
        lang={language}
        dir={directionOf(language)}
      />
      <SelectField
        field={fields.format}
        label={t("learning.form.format")}
        placeholder={t("learning.form.choose")}
        options={LEARNING_FORMATS.map((f) => ({ value: f, label: t(`learning.format.${f}`) }))}
      />
      <SelectField
        field={fields.level}
        label={t("learning.form.level")}
        placeholder={t("learning.form.choose")}
        options={LEARNING_LEVELS.map((l) => ({ value: l, label: t(`learning.level.${l}`) }))}
      />
      <SelectField
        field={fields.country}
        label={t("learning.form.country")}
        placeholder={t("learning.allCountries")}
        options={COUNTRY_CODES.map((c) => ({ value: c, label: countryName(t, c) }))}
      />
      <CheckboxGroup
        field={fields.dimensions}
        legend={t("learning.form.dimensions")}
        options={LEARNING_DIMENSIONS.map((d) => ({ value: d, label: dimensionName(t, d) }))}
      />
      <CheckboxGroup
        field={fields.questionIds}
        legend={t("learning.form.questions")}
        options={LEARNING_QUESTIONS.map((q) => ({ value: q.id, label: `${dimensionName(t, q.dimension)}: ${questionText(t, q.id)}` }))}
      />
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
