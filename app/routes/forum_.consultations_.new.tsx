import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SuspensionNotice } from "~/components/forum-moderation";
import { ErrorList, FormErrors, SelectField, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { PollFields } from "~/components/forum-poll";
import { createConsultation, ministryCountries } from "~/models/forum-consultation.server";
import { activeSuspension } from "~/models/forum-moderation.server";
import { requireUser } from "~/utils/auth.server";
import { closingDateToInstant } from "~/utils/forum-moderation-validation";
import { newConsultationWithPollSchema, pollInputOf } from "~/utils/forum-poll-validation";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requirePermission } from "~/utils/permissions.server";
import { countryName } from "~/utils/reference-data";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "open:consultation");
  const [t, suspension] = await Promise.all([getFixedT(request), activeSuspension(user.id)]);
  return { title: t("forumModeration.consultations.new"), countries: ministryCountries(user), suspension };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "open:consultation");
  const countries = ministryCountries(user);
  const submission = parseWithZod(await request.formData(), { schema: newConsultationWithPollSchema() });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const country = submission.value.country ?? countries[0];
  if (!country || !countries.includes(country)) {
    return data(submission.reply({ fieldErrors: { country: ["forumModeration.errors.notYourCountry"] } }), { status: 403 });
  }
  const outcome = await createConsultation({
    userId: user.id,
    country,
    title: submission.value.title,
    question: submission.value.question,
    closesAt: closingDateToInstant(submission.value.closesOn),
    poll: pollInputOf(submission.value),
  });
  if (!outcome.ok) {
    if (outcome.refusal.reason === "unconfirmed")
      return data(submission.reply({ formErrors: ["confirmEmail.requiredToPost"] }), { status: 403 });
    const key = outcome.refusal.reason === "suspended" ? "suspendedShort" : "noCategory";
    return data(submission.reply({ formErrors: [`forumModeration.refusal.${key}`] }), {
      status: outcome.refusal.reason === "suspended" ? 403 : 409,
    });
  }
  return redirectWithNotice(`/forum/consultations/${outcome.threadId}`, "forumModeration.notice.opened");
}

export default function NewConsultationPage() {
  const { t } = useTranslation();
  const { title, countries, suspension } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const schema = newConsultationWithPollSchema();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: { country: countries[0], pollResults: "always" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newConsultationWithPollSchema() }),
  });
  return (
    <section>
      <h1>{title}</h1>
      <p>{t("forumModeration.consultations.newIntro")}</p>
      <SuspensionNotice suspension={suspension} />
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          field={fields.country}
          label={t("forumModeration.consultations.country")}
          placeholder={t("forumModeration.consultations.chooseCountry")}
          options={countries.map((code) => ({ value: code, label: countryName(t, code) }))}
        />
        <TextField field={fields.title} label={t("forumModeration.consultations.titleLabel")} />
        <TextAreaField
          field={fields.question}
          label={t("forumModeration.consultations.question")}
          hint={t("forumModeration.consultations.questionHint")}
          rows={8}
        />
        <DateField
          field={fields.closesOn}
          label={t("forumModeration.consultations.closesOn")}
          hint={t("forumModeration.consultations.closesOnHint")}
        />
        <PollFields
          fields={fields}
          legend={t("forumPoll.fields.optionalLegend")}
          hint={t("forumPoll.fields.optionalConsultationHint")}
          closingHint={t("forumPoll.fields.closesWithConsultationHint")}
        />
        <div className="actions">
          <button type="submit">{t("forumModeration.consultations.open")}</button>
        </div>
      </Form>
    </section>
  );
}

function DateField({
  field,
  label,
  hint,
}: {
  field: {
    id: string;
    name: string;
    errorId: string;
    descriptionId: string;
    errors?: string[];
    initialValue?: unknown;
    key?: string;
    formId: string;
  };
  label: string;
  hint: string;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <p id={field.descriptionId} className="field-hint">
        {hint}
      </p>
      <input
        id={field.id}
        name={field.name}
        form={field.formId}
        key={field.key}
        type="date"
        required
        defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={[field.descriptionId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ")}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
