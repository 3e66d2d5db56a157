import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, FormErrors, SelectField, TextField, useCheckedForm } from "~/components/forms";
import { contributeFields, contributeSchema, MAXIMUM_AMOUNTS, MINIMUM_AMOUNTS } from "~/utils/contribution-validation";
import { formatMoney } from "~/utils/money";

export function ContributeSection({
  slug,
  configured,
  signedIn,
  currencies,
  attempt,
  lastResult,
}: {
  slug: string;
  configured: boolean;
  signedIn: boolean;
  currencies: string[];
  attempt: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t, i18n } = useTranslation();
  // The server checks the same schema again with the currencies it offers.
  const schema = contributeSchema(currencies);
  const [form, fields] = useCheckedForm({
    id: "contribute",
    lastResult,
    constraint: getZodConstraint(contributeFields(currencies)),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: { currency: currencies[0] },
  });
  // The limits of the chosen currency, for the messages that name them.
  const currency =
    typeof fields.currency.value === "string" && Object.hasOwn(MINIMUM_AMOUNTS, fields.currency.value)
      ? fields.currency.value
      : currencies[0];
  const limits =
    currency && Object.hasOwn(MINIMUM_AMOUNTS, currency)
      ? {
          min: formatMoney(MINIMUM_AMOUNTS[currency]!, currency, i18n.language),
          max: formatMoney(MAXIMUM_AMOUNTS[currency]!, currency, i18n.language),
        }
      : undefined;
  return (
    <section aria-labelledby="contribute-heading">
      <h2 id="contribute-heading">{t("contribute.title")}</h2>
      {!configured ? (
        <p className="notice notice-warning">{t("contribute.notConfigured")}</p>
      ) : !signedIn ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`/enterprises/${slug}`)}`}>{t("contribute.logInToContribute")}</Link>
        </p>
      ) : (
        <Form method="post" action={`/enterprises/${slug}`} {...getFormProps(form)} className="form">
          <input type="hidden" name="intent" value="contribute" />
          <p>{t("contribute.intro")}</p>
          <FormErrors id={form.errorId} errors={form.errors} values={limits} />
          <input type="hidden" name="attempt" value={attempt} />
          <TextField field={fields.amount} label={t("contribute.amount")} inputMode="text" errorValues={limits} />
          <SelectField
            field={fields.currency}
            label={t("contribute.currency")}
            placeholder={t("fields.choose")}
            options={currencies.map((c) => ({ value: c, label: c }))}
          />
          <CheckboxField field={fields.anonymous} label={t("contribute.anonymous")} />
          <div className="actions">
            <button type="submit">{t("contribute.submit")}</button>
          </div>
        </Form>
      )}
    </section>
  );
}
