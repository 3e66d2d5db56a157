import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UserModerationControls } from "~/components/forum-moderation";
import { FormErrors } from "~/components/forms";
import { getUserForModeration, liftSuspension, suspendUser } from "~/models/forum-moderation.server";
import { formatDate } from "~/utils/format";
import { handleModerationAction, requireModerationSubject } from "~/utils/forum-moderation-action.server";
import { UserModerationSchema } from "~/utils/forum-moderation-validation";
import { getFixedT } from "~/utils/i18next.server";
import { notFound } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, id } = await requireModerationSubject(request, params);
  const target = await getUserForModeration(id);
  if (!target) notFound();
  const t = await getFixedT(request);
  return { title: t("forumModeration.user.title", { name: target.displayName }), target, self: target.id === user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleModerationAction({
    request,
    params,
    schema: UserModerationSchema,
    subjectPage: (id) => `/forum/moderation/users/${id}`,
    act: ({ moderatorId, id, value }) =>
      value.intent === "suspend"
        ? suspendUser({ moderatorId, userId: id, days: value.days, reason: value.reason })
        : liftSuspension({ moderatorId, userId: id, reason: value.reason }),
    refusal: (reason) => {
      if (reason === "self") return { formError: "forumModeration.refusal.self" };
      if (reason === "already_suspended") return { formError: "forumModeration.refusal.alreadySuspended" };
      return undefined;
    },
  });
}

export default function ModerateUserPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, target, self } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="moderation">
      <p>
        <Link to="/forum/moderation">{t("forumModeration.queue.title")}</Link> ·{" "}
        <Link to="/forum/moderation/log">{t("forumModeration.log.title")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {t("forumModeration.user.memberSince", { date: formatDate(target.createdAt, language) })} ·{" "}
        {t("forumModeration.user.posts", { count: target._count.forumPosts })}
      </p>
      {target.activeSuspension ? (
        <p className="notice notice-warning">
          {t("forumModeration.user.suspendedUntil", {
            date: formatDate(target.activeSuspension.endsAt, language),
            reason: target.activeSuspension.reason,
          })}
        </p>
      ) : (
        <p>{t("forumModeration.user.notSuspended")}</p>
      )}
      {self ? (
        // No form for oneself; a refusal that still reached the action is shown on its own.
        <FormErrors id="moderate-user-errors" errors={result?.error?.[""] ?? undefined} />
      ) : (
        <UserModerationControls user={target} redirectTo={`/forum/moderation/users/${target.id}`} result={result} />
      )}
      <h2>{t("forumModeration.user.history")}</h2>
      {target.suspensions.length === 0 ? (
        <p>{t("forumModeration.user.noHistory")}</p>
      ) : (
        <ul>
          {target.suspensions.map((s) => (
            <li key={s.id}>
              {t("forumModeration.user.historyItem", {
                from: formatDate(s.startsAt, language),
                to: formatDate(s.endsAt, language),
                name: s.moderator.displayName,
                reason: s.reason,
              })}
              {s.liftedAt ? (
                <> {t("forumModeration.user.liftedOn", { date: formatDate(s.liftedAt, language), name: s.liftedBy?.displayName ?? "" })}</>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
