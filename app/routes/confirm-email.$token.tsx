import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmEmailNotice } from "~/components/confirm-email";
import { confirmEmail, readConfirmationLink } from "~/models/account-email.server";
import { getOptionalUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";

const NO_STORE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

// Opening the link shows a button rather than confirming at once: mail scanners open links too.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const link = await readConfirmationLink({ token: params.token ?? "" });
  return data({ title: t("confirmEmail.title"), link }, { status: link ? 200 : 410, headers: NO_STORE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await confirmEmail({ token: params.token ?? "" });
  if (!outcome.ok) {
    return data(
      { error: outcome.reason === "taken" ? "confirmEmail.taken" : "confirmEmail.expired" },
      { status: outcome.reason === "taken" ? 409 : 410, headers: NO_STORE },
    );
  }
  const user = await getOptionalUser(request);
  const to = user?.id === outcome.userId ? (outcome.change ? "/settings/email" : "/dashboard") : "/login";
  return redirectWithNotice(to, outcome.change ? "confirmEmail.changed" : "confirmEmail.confirmed");
}

export default function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { title, link } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{title}</h1>
      {actionData?.error ? (
        <p role="alert" className="form-errors">
          {t(actionData.error)}
        </p>
      ) : null}
      {link ? (
        <Form method="post" className="form">
          <p>{t(link.change ? "confirmEmail.introChange" : "confirmEmail.intro", { email: link.email })}</p>
          <div className="actions">
            <button type="submit">{t("confirmEmail.submit")}</button>
          </div>
        </Form>
      ) : (
        <>
          {actionData?.error ? null : <p role="alert">{t("confirmEmail.expired")}</p>}
          <ConfirmEmailNotice reason="general" />
          <p>
            <Link to="/settings/email">{t("emailSettings.title")}</Link>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
