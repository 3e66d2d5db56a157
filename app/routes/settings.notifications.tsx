import { getCollectionProps, getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmEmailNotice } from "~/components/confirm-email";
import { CheckboxField, CheckboxGroup, ErrorList, FormErrors, useCheckedForm } from "~/components/forms";
import { SettingsNav } from "~/components/settings-nav";
import { getEmailPreferences, saveEmailPreferences } from "~/models/email-notifications.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { FORUM_EMAIL_FREQUENCIES, NotificationSettingsSchema } from "~/utils/notification-settings-validation";
import { COUNTRY_CODES, countryName } from "~/utils/reference-data";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getFixedT(request);
  return { title: t("notificationSettings.title"), preferences: await getEmailPreferences(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: NotificationSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveEmailPreferences({ userId: user.id, ...submission.value });
  return redirectWithNotice("/settings/notifications", "notificationSettings.saved");
}

export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { title, preferences } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(NotificationSettingsSchema),
    defaultValue: {
      forum: preferences.forum,
      verification: preferences.verification ? "on" : undefined,
      consultations: preferences.consultations ? "on" : undefined,
      contributions: preferences.contributions ? "on" : undefined,
      mentorship: preferences.mentorship ? "on" : undefined,
      countries: preferences.countries,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NotificationSettingsSchema }),
  });
  return (
    <section>
      <SettingsNav />
      <h1>{title}</h1>
      <p>{t("notificationSettings.intro")}</p>
      <ConfirmEmailNotice reason="general" />
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset className="field" aria-describedby={fields.forum.errors?.length ? fields.forum.errorId : undefined}>
          <legend>{t("notificationSettings.forum")}</legend>
          {getCollectionProps(fields.forum, { type: "radio", options: [...FORUM_EMAIL_FREQUENCIES] }).map((props) => (
            <div key={props.key} className="field-checkbox">
              <input {...props} key={props.key} />
              <label htmlFor={props.id}>{t(`notificationSettings.frequency.${props.value}`)}</label>
            </div>
          ))}
          <ErrorList id={fields.forum.errorId} errors={fields.forum.errors} />
        </fieldset>
        <fieldset className="field">
          <legend>{t("notificationSettings.other")}</legend>
          <CheckboxField field={fields.verification} label={t("notificationSettings.verification")} />
          <CheckboxField field={fields.contributions} label={t("notificationSettings.contributions")} />
          <CheckboxField field={fields.consultations} label={t("notificationSettings.consultations")} />
          <CheckboxField field={fields.mentorship} label={t("notificationSettings.mentorship")} />
        </fieldset>
        <CheckboxGroup
          field={fields.countries}
          legend={t("notificationSettings.countries")}
          options={COUNTRY_CODES.map((code) => ({ value: code, label: countryName(t, code) }))}
        />
        <p className="field-hint">{t("notificationSettings.security")}</p>
        <div className="actions">
          <button type="submit">{t("notificationSettings.submit")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
