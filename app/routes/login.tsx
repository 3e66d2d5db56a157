import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField, useCheckedForm } from "~/components/forms";
import { verifyLogin } from "~/models/user.server";
import { LoginSchema } from "~/utils/account-validation";
import { requireAnonymous, safeRedirect } from "~/utils/auth.server";
import { isLanguage } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { languageCookie } from "~/utils/language-cookie.server";
import { formatWait } from "~/utils/format";
import {
  clearLoginFailures,
  clientAddress,
  isKnownDevice,
  loginRetryAfter,
  recordLoginFailure,
  rememberDevice,
} from "~/utils/rate-limit.server";
import { createSession, deleteExpiredSessions } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await getFixedT(request);
  return { title: t("login.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const address = clientAddress(request, context);
  // From a browser where this account logged in before, the right password is never refused.
  const retryAfter = (await isKnownDevice(request, email)) ? 0 : await loginRetryAfter(email, address);
  if (retryAfter > 0) {
    return data(
      { ...submission.reply({ formErrors: ["errors.tooManyAttempts"], hideFields: ["password"] }), retryAfter },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  const user = await verifyLogin({ email, password });
  if (!user) {
    await recordLoginFailure(email, address);
    return data(submission.reply({ formErrors: ["errors.badLogin"], hideFields: ["password"] }), { status: 400 });
  }
  await Promise.all([clearLoginFailures(email, address), deleteExpiredSessions()]);
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(user.id));
  headers.append("Set-Cookie", await rememberDevice(request, user.id));
  if (isLanguage(user.language)) headers.append("Set-Cookie", await languageCookie.serialize(user.language));
  return redirect(safeRedirect(redirectTo), { headers });
}

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const lastResult = useActionData<typeof action>();
  const retryAfter = lastResult && "retryAfter" in lastResult && typeof lastResult.retryAfter === "number" ? lastResult.retryAfter : null;
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <section>
      <h1>{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          values={retryAfter ? { wait: formatWait(retryAfter, i18n.language) } : undefined}
        />
        <input type="hidden" name={fields.redirectTo.name} value={searchParams.get("redirectTo") ?? ""} />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <TextField field={fields.password} label={t("fields.password")} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit">{t("login.submit")}</button>
          <Link to="/forgot-password">{t("login.forgotPassword")}</Link>
          <Link to="/signup">{t("login.noAccount")}</Link>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
