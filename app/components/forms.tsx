import { getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";

/**
 * Conform's `useForm`, as every form of Ortaq uses it. Fields are checked in the browser first when
 * the form is sent, then again as each changes, so a message goes as soon as the field is right; never
 * on leaving a field, where a message that appears or goes moves the button under the pointer and the
 * press that left the field is lost. And every message the browser's check finds is shown at once:
 * Conform re-renders a form only for the fields its last render read, and the fields' messages are
 * read by the field components, so reading them all here makes the form show them when it is sent
 * (without it, a press found the errors, moved focus to the first field, and showed nothing).
 */
export const useCheckedForm: typeof useForm = (options) => {
  // A form checked only by the server (no onValidate) is never checked as it changes: Conform would
  // send each check to the server as a submission.
  const checks = options.onValidate ? ({ shouldValidate: "onSubmit", shouldRevalidate: "onInput" } as const) : {};
  const [form, fields] = useForm({ ...checks, ...options });
  void form.allErrors;
  return [form, fields];
};

/** The messages of a field, translated: schemas carry translation keys, never sentences; `values` fill a message's blanks. */
export function ErrorList({ id, errors, values }: { id?: string; errors?: string[]; values?: Record<string, string | number> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => (
        <li key={error}>{t(error, { ...values, defaultValue: t("errors.invalid") })}</li>
      ))}
    </ul>
  );
}

type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p id={id} className="field-hint">
      {hint}
    </p>
  ) : null;
}

function describedBy(field: { errorId: string; descriptionId: string; errors?: string[] }, hint?: string) {
  return [hint ? field.descriptionId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
  lang,
  dir,
  errorValues,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "number" | "url" | "date";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "url";
  /** The language (and direction) of what is typed, when it is not the page's. */
  lang?: string;
  dir?: "ltr" | "rtl" | "auto";
  /** Values for the blanks of its messages (a limit). */
  errorValues?: Record<string, string | number>;
}) {
  const props = getInputProps(field as FieldMetadata<string>, { type, ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId} hint={hint} />
      <input
        {...props}
        key={props.key}
        autoComplete={autoComplete}
        inputMode={inputMode}
        lang={lang}
        dir={dir}
        aria-describedby={describedBy(field, hint)}
      />
      <ErrorList id={field.errorId} errors={field.errors} values={errorValues} />
    </div>
  );
}

export function TextAreaField({
  field,
  label,
  hint,
  rows = 4,
  lang,
  dir,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  rows?: number;
  /** The language (and direction) of what is typed, when it is not the page's. */
  lang?: string;
  dir?: "ltr" | "rtl" | "auto";
}) {
  const props = getTextareaProps(field as FieldMetadata<string>, { ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId} hint={hint} />
      <textarea {...props} key={props.key} rows={rows} lang={lang} dir={dir} aria-describedby={describedBy(field, hint)} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  options,
  placeholder,
  hint,
  inactiveGroups = [],
}: {
  field: AnyField;
  label: string;
  options: { value: string; label: string; group?: string }[];
  placeholder: string;
  hint?: string;
  /** Groups to hide and disable; the options stay in the page so a chosen value is never lost. */
  inactiveGroups?: string[];
}) {
  const props = getSelectProps(field as FieldMetadata<string>, { ariaAttributes: true });
  const groups = [...new Set(options.map((option) => option.group))];
  const renderOptions = (list: typeof options) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId} hint={hint} />
      <select {...props} key={props.key} aria-describedby={describedBy(field, hint)}>
        <option value="">{placeholder}</option>
        {groups.length > 1 || groups[0]
          ? groups.map((group) => (
              <optgroup
                key={group ?? ""}
                label={group ?? ""}
                hidden={inactiveGroups.includes(group ?? "")}
                disabled={inactiveGroups.includes(group ?? "")}
              >
                {renderOptions(options.filter((option) => option.group === group))}
              </optgroup>
            ))
          : renderOptions(options)}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A box to tick; `value` is what a ticked box sends (Conform's "on" when not given). */
export function CheckboxField({ field, label, value }: { field: AnyField; label: string; value?: string }) {
  const props = getInputProps(field as FieldMetadata<boolean>, { type: "checkbox", value, ariaAttributes: true });
  return (
    <div className="field field-checkbox">
      <input {...props} key={props.key} />
      <label htmlFor={field.id}>{label}</label>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A file to upload; the form needs `encType="multipart/form-data"`. `errorValues` fill the blanks of its messages (a size limit). */
export function FileField({
  field,
  label,
  hint,
  accept,
  errorValues,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  accept?: string;
  errorValues?: Record<string, string | number>;
}) {
  const props = getInputProps(field as FieldMetadata<File>, { type: "file", ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint id={field.descriptionId} hint={hint} />
      <input {...props} key={props.key} required accept={accept} aria-describedby={describedBy(field, hint)} />
      <ErrorList id={field.errorId} errors={field.errors} values={errorValues} />
    </div>
  );
}

export function CheckboxGroup({
  field,
  legend,
  options,
}: {
  field: AnyField;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const initial = new Set(([] as unknown[]).concat((field.initialValue as unknown) ?? []).map((value) => String(value)));
  return (
    <fieldset className="field checkbox-group" aria-describedby={field.errors?.length ? field.errorId : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {options.map((option) => {
          const id = `${field.id}-${option.value}`;
          return (
            <div key={option.value} className="field-checkbox">
              <input
                type="checkbox"
                id={id}
                name={field.name}
                value={option.value}
                defaultChecked={initial.has(option.value)}
                form={field.formId}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function FormErrors({ id, errors, values }: { id: string; errors?: string[]; values?: Record<string, string | number> }) {
  return errors?.length ? (
    <div role="alert" className="form-errors">
      <ErrorList id={id} errors={errors} values={values} />
    </div>
  ) : null;
}
