import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField, useCheckedForm } from "~/components/forms";
import { SettingsNav } from "~/components/settings-nav";
import { changePassword } from "~/models/user.server";
import { ChangePasswordSchema } from "~/utils/account-validation";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { passwordProblem } from "~/utils/password-strength.server";
import { forgetOtherDevices } from "~/utils/rate-limit.server";
import { revokeOtherSessions } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const t = await getFixedT(request);
  return { title: t("password.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema });
  const hideFields = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  const weakness = passwordProblem(submission.value.newPassword, user);
  if (weakness) return data(submission.reply({ fieldErrors: { newPassword: [weakness] }, hideFields }), { status: 400 });
  const changed = await changePassword({ userId: user.id, ...submission.value });
  if (!changed) {
    return data(submission.reply({ fieldErrors: { currentPassword: ["errors.wrongPassword"] }, hideFields }), { status: 400 });
  }
  await Promise.all([revokeOtherSessions(request, user.id), forgetOtherDevices(request, user.id)]);
  return redirectWithNotice("/settings/password", "password.changed");
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  return (
    <section>
      <SettingsNav />
      <h1>{t("password.title")}</h1>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.currentPassword} label={t("password.current")} type="password" autoComplete="current-password" />
        <TextField
          field={fields.newPassword}
          label={t("password.new")}
          hint={t("signup.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <TextField field={fields.confirmPassword} label={t("password.confirm")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit">{t("password.submit")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
