import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FOR_VERIFIER, listNotifications, markNotificationsRead } from "~/models/notification.server";
import { getOwnHandle } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { IdSchema } from "~/utils/validation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getFixedT(request);
  const [notifications, handle] = await Promise.all([listNotifications({ reader: user }), getOwnHandle(user.id)]);
  return { title: t("notifications.title"), notifications, handle };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "readAll") {
    await markNotificationsRead({ userId: user.id });
    return redirect("/notifications");
  }
  if (intent === "open") {
    const id = String(form.get("id") ?? "");
    if (!IdSchema.safeParse(id).success) throw new Response("Unknown notification", { status: 400 });
    const notification = (await listNotifications({ reader: user, take: 500 })).find((n) => n.id === id);
    if (!notification) throw new Response("Not Found", { status: 404 });
    await markNotificationsRead({ userId: user.id, id });
    if (notification.post) return redirect(`/forum/posts/${notification.post.id}`);
    if (notification.thread) return redirect(`/forum/threads/${notification.thread.id}`);
    if (notification.mentorship) return redirect(`/mentorships/${notification.mentorship.id}`);
    if (notification.cohortMember) return redirect(`/enterprises/${notification.cohortMember.enterprise.slug}/cohorts`);
    const assessment = notification.assessment;
    if (assessment) {
      if (FOR_VERIFIER.has(notification.kind) && assessment.verification) return redirect(`/verification/${assessment.verification.id}`);
      return redirect(`/enterprises/${assessment.enterprise.slug}/assessments/${assessment.id}/verification`);
    }
    return redirect("/notifications");
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { title, notifications, handle } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <section className="notifications">
      <h1>{title}</h1>
      {handle ? (
        <p>
          {t("notifications.yourHandle")} <strong>@{handle}</strong>
        </p>
      ) : null}
      <p>{t("notifications.unread", { count: unread })}</p>
      {unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="readAll" />
          <button type="submit" className="button-secondary">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p>{t("notifications.none")}</p> : null}
      <ul className="notification-list">
        {notifications.map((n) => (
          <li key={n.id} className={n.readAt ? "notification" : "notification notification-unread"}>
            <Form method="post" className="notification-form">
              <input type="hidden" name="intent" value="open" />
              <input type="hidden" name="id" value={n.id} />
              {n.readAt ? null : <span className="badge">{t("notifications.new")}</span>}{" "}
              <button type="submit" className="link-button">
                {t(`notifications.kind.${n.kind}`, {
                  name: n.actor?.displayName ?? t("forum.unknownPerson"),
                  title:
                    n.thread?.title ??
                    n.assessment?.enterprise.name ??
                    n.mentorship?.enterprise.name ??
                    n.cohortMember?.enterprise.name ??
                    "",
                  cohort: n.cohortMember?.cohort.name ?? "",
                })}
              </button>
              {n.message ? <span className="notification-message"> {n.message}</span> : null}
              <span className="field-hint"> · {formatDate(n.createdAt, i18n.language)}</span>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
