import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField, useCheckedForm } from "~/components/forms";
import { createUser } from "~/models/user.server";
import { SignupSchema } from "~/utils/account-validation";
import { requireAnonymous } from "~/utils/auth.server";
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { passwordProblem } from "~/utils/password-strength.server";
import { getFixedT, i18next } from "~/utils/i18next.server";
import { languageCookie } from "~/utils/language-cookie.server";
import { SIGNUP_ROLES } from "~/utils/roles";
import { createSession } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await getFixedT(request);
  return { title: t("signup.title"), language: await i18next.getLocale(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: SignupSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const weakness = passwordProblem(submission.value.password, submission.value);
  if (weakness) return data(submission.reply({ fieldErrors: { password: [weakness] }, hideFields: ["password"] }), { status: 400 });
  const created = await createUser(submission.value);
  if ("error" in created) {
    return data(submission.reply({ fieldErrors: { email: ["errors.emailTaken"] }, hideFields: ["password"] }), { status: 400 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(created.id));
  headers.append("Set-Cookie", await languageCookie.serialize(submission.value.language));
  return redirect("/dashboard", { headers });
}

export default function SignupPage() {
  const { t } = useTranslation();
  const { language } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(SignupSchema),
    defaultValue: { language, role: "entrepreneur" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  });
  return (
    <section>
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <TextField
          field={fields.password}
          label={t("fields.password")}
          hint={t("signup.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <TextField field={fields.displayName} label={t("fields.displayName")} autoComplete="name" />
        <SelectField
          field={fields.language}
          label={t("fields.language")}
          placeholder={t("fields.choose")}
          options={SUPPORTED_LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
        />
        <SelectField
          field={fields.role}
          label={t("signup.comeAs")}
          placeholder={t("fields.choose")}
          options={SIGNUP_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <div className="actions">
          <button type="submit">{t("signup.submit")}</button>
          <Link to="/login">{t("signup.haveAccount")}</Link>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
