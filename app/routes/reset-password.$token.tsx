import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField, useCheckedForm } from "~/components/forms";
import { passwordResetAccount, resetPassword } from "~/models/account-email.server";
import { ResetPasswordSchema } from "~/utils/account-validation";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { passwordProblem } from "~/utils/password-strength.server";
import { forgetOtherDevices } from "~/utils/rate-limit.server";
import { createSession } from "~/utils/session.server";

// The link's token is its own authority: no session is needed, and none is trusted over it.
const NO_STORE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const usable = Boolean(await passwordResetAccount({ token: params.token ?? "" }));
  return data({ title: t("resetPassword.title"), usable }, { status: usable ? 200 : 410, headers: NO_STORE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  const hideFields = ["newPassword", "confirmPassword"];
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400, headers: NO_STORE });
  const token = params.token ?? "";
  const expired = () => data(submission.reply({ formErrors: ["resetPassword.expired"], hideFields }), { status: 410, headers: NO_STORE });
  const account = await passwordResetAccount({ token });
  if (!account) return expired();
  // The same rules as at sign-up and on the password page.
  const weakness = passwordProblem(submission.value.newPassword, account);
  if (weakness) return data(submission.reply({ fieldErrors: { newPassword: [weakness] }, hideFields }), { status: 400, headers: NO_STORE });
  const reset = await resetPassword({ token, newPassword: submission.value.newPassword });
  if (!reset) return expired();
  // Every session ended with the reset; this browser starts a new one, and only it stays a known device.
  await forgetOtherDevices(request, reset.userId);
  const headers = new Headers({ "Set-Cookie": await createSession(reset.userId) });
  return redirectWithNotice("/dashboard", "resetPassword.done", { headers });
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { usable } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(ResetPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });
  return (
    <section>
      <h1>{t("resetPassword.title")}</h1>
      {usable ? (
        <>
          <p>{t("resetPassword.intro")}</p>
          <Form method="post" {...getFormProps(form)} className="form">
            <FormErrors id={form.errorId} errors={form.errors} />
            <TextField
              field={fields.newPassword}
              label={t("password.new")}
              hint={t("signup.passwordHint")}
              type="password"
              autoComplete="new-password"
            />
            <TextField field={fields.confirmPassword} label={t("password.confirm")} type="password" autoComplete="new-password" />
            <div className="actions">
              <button type="submit">{t("resetPassword.submit")}</button>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p role="alert">{t("resetPassword.expired")}</p>
          <p>
            <Link to="/forgot-password">{t("resetPassword.askAgain")}</Link>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
