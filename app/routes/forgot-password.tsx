import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/forms";
import { requestPasswordReset } from "~/models/account-email.server";
import { ForgotPasswordSchema } from "~/utils/account-validation";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: t("forgotPassword.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await requestPasswordReset({ email: submission.value.email });
  // The same answer whether or not an account has this address.
  return redirectWithNotice("/forgot-password", "forgotPassword.sent");
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(ForgotPasswordSchema),
    shouldValidate: "onBlur",
    // Errors go as soon as what is typed is right, not on leaving the field: the button does not move under the click.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  return (
    <section>
      <h1>{t("forgotPassword.title")}</h1>
      <p>{t("forgotPassword.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
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
