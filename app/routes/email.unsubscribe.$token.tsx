import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { unsubscribe } from "~/models/email-notifications.server";
import { readUnsubscribeToken } from "~/utils/email-links.server";
import { getFixedT } from "~/utils/i18next.server";
import { notFound } from "~/utils/permissions.server";

// Opening the link asks first (mail scanners open links); a POST, from this page's button or from a
// mail program's one-click unsubscribe (RFC 8058, "List-Unsubscribe=One-Click"), unsubscribes at once.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await readUnsubscribeToken(params.token ?? "");
  if (!link) notFound();
  const t = await getFixedT(request);
  return data({ title: t("unsubscribe.title"), topic: link.topic }, { headers: { "Referrer-Policy": "no-referrer" } });
}

export async function action({ params }: ActionFunctionArgs) {
  const link = await readUnsubscribeToken(params.token ?? "");
  if (!link || !(await unsubscribe(link))) notFound();
  return { done: true, topic: link.topic };
}

export default function UnsubscribePage() {
  const { t } = useTranslation();
  const { title, topic } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done;
  const what = t(`email.topics.${topic}`);
  return (
    <section>
      <h1>{title}</h1>
      {done ? (
        <p role="status">{t("unsubscribe.done", { topic: what })}</p>
      ) : (
        <Form method="post" className="form">
          <p>{t("unsubscribe.intro", { topic: what })}</p>
          <div className="actions">
            <button type="submit">{t("unsubscribe.submit")}</button>
          </div>
        </Form>
      )}
      <p>
        <Link to="/settings/notifications">{t("unsubscribe.settings")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
