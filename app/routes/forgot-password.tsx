import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField, useCheckedForm } from "~/components/forms";
import { requestPasswordReset } from "~/models/account-email.server";
import { ForgotPasswordSchema } from "~/utils/account-validation";
import { formatWait } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { clientAddress, isKnownDevice, passwordResetRetryAfter, recordPasswordResetRequest } from "~/utils/rate-limit.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: t("forgotPassword.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { email } = submission.value;
  // A limit per client address, counted and checked before the e-mail is looked up, so it answers alike
  // for every address; a browser where this account logged in before is never held by it.
  const address = clientAddress(request, context);
  const retryAfter = (await isKnownDevice(request, email)) ? 0 : await passwordResetRetryAfter(address);
  if (retryAfter > 0) {
    return data(
      { ...submission.reply({ formErrors: ["forgotPassword.tooMany"] }), retryAfter },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  await recordPasswordResetRequest(address);
  await requestPasswordReset({ email });
  // The same answer whether or not an account has this address.
  return redirectWithNotice("/forgot-password", "forgotPassword.sent");
}

export default function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const retryAfter = lastResult && "retryAfter" in lastResult && typeof lastResult.retryAfter === "number" ? lastResult.retryAfter : null;
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(ForgotPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  return (
    <section>
      <h1>{t("forgotPassword.title")}</h1>
      <p>{t("forgotPassword.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          values={retryAfter ? { wait: formatWait(retryAfter, i18n.language) } : undefined}
        />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <div className="actions">
          <button type="submit">{t("forgotPassword.submit")}</button>
          <Link to="/login">{t("forgotPassword.backToLogin")}</Link>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
