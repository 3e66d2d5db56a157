import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField, useCheckedForm } from "~/components/forms";
import { SettingsNav } from "~/components/settings-nav";
import { linksRetryAfter, pendingEmailChange, requestEmailChange, resendConfirmation } from "~/models/account-email.server";
import { ChangeEmailSchema } from "~/utils/account-validation";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getFixedT(request);
  const state = await pendingEmailChange({ userId: user.id });
  return { title: t("emailSettings.title"), ...state };
}

const RESEND_NOTICE = {
  sent: "confirmEmail.resent",
  already_confirmed: "confirmEmail.alreadyConfirmed",
  too_many: "confirmEmail.tooMany",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "resend") {
    const outcome = await resendConfirmation({ userId: user.id });
    return redirectWithNotice(safeRedirect(formData.get("redirectTo"), "/settings/email"), RESEND_NOTICE[outcome]);
  }
  const submission = parseWithZod(formData, { schema: ChangeEmailSchema });
  const hideFields = ["password"];
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  const outcome = await requestEmailChange({ userId: user.id, newEmail: submission.value.email, password: submission.value.password });
  switch (outcome) {
    case "sent":
      return redirectWithNotice("/settings/email", "emailSettings.sent");
    case "wrong_password":
      return data(submission.reply({ fieldErrors: { password: ["errors.wrongPassword"] }, hideFields }), { status: 400 });
    case "same":
      return data(submission.reply({ fieldErrors: { email: ["emailSettings.same"] }, hideFields }), { status: 400 });
    case "taken":
      return data(submission.reply({ fieldErrors: { email: ["errors.emailTaken"] }, hideFields }), { status: 400 });
    case "too_many": {
      const retryAfter = Math.max(1, await linksRetryAfter({ userId: user.id, purpose: "email_confirmation" }));
      return data(submission.reply({ formErrors: ["emailSettings.tooMany"], hideFields }), {
        status: 429,
        headers: { "Retry-After": String(retryAfter) },
      });
    }
  }
}

export default function EmailSettingsPage() {
  const { t, i18n } = useTranslation();
  const { title, email, confirmed, pending } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(ChangeEmailSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangeEmailSchema }),
  });
  return (
    <section>
      <SettingsNav />
      <h1>{title}</h1>
      <p>
        {t("emailSettings.current")} <strong>{email}</strong>{" "}
        <span className={confirmed ? "badge" : "badge badge-draft"}>
          {t(confirmed ? "emailSettings.confirmed" : "emailSettings.unconfirmed")}
        </span>
      </p>
      {confirmed ? null : (
        <div className="notice notice-warning">
          <p>{t("confirmEmail.pending")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <button type="submit" className="button-secondary">
              {t("confirmEmail.resend")}
            </button>
          </Form>
        </div>
      )}
      {pending ? (
        <p className="notice">
          {t("emailSettings.pending", { email: pending.email, date: formatDateTime(pending.createdAt, i18n.language) })}
        </p>
      ) : null}
      <h2>{t("emailSettings.changeTitle")}</h2>
      <p>{t("emailSettings.changeIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <input type="hidden" name="intent" value="change" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t("emailSettings.newEmail")} type="email" autoComplete="email" />
        <TextField field={fields.password} label={t("password.current")} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit">{t("emailSettings.submit")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
