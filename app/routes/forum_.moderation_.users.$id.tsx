import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UserModerationControls } from "~/components/forum-moderation";
import { FormErrors } from "~/components/forms";
import { getUserForModeration, liftSuspension, suspendUser } from "~/models/forum-moderation.server";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { UserModerationSchema } from "~/utils/forum-moderation-validation";
import { getFixedT } from "~/utils/i18next.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { withNotice } from "~/utils/redirect-notice";
import { IdSchema } from "~/utils/validation";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "moderate:forum");
  if (!IdSchema.safeParse(params.id).success) notFound();
  const target = await getUserForModeration(params.id!);
  if (!target) notFound();
  const t = await getFixedT(request);
  return { title: t("forumModeration.user.title", { name: target.displayName }), target, self: target.id === user.id, done: new URL(request.url).searchParams.get("done") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "moderate:forum");
  if (!IdSchema.safeParse(params.id).success) notFound();
  const userId = params.id!;
  const submission = parseWithZod(await request.formData(), { schema: UserModerationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const outcome =
    value.intent === "suspend"
      ? await suspendUser({ moderatorId: user.id, userId, days: value.days, reason: value.reason })
      : await liftSuspension({ moderatorId: user.id, userId, reason: value.reason });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") notFound();
    const key = outcome.reason === "self" ? "self" : outcome.reason === "already_suspended" ? "alreadySuspended" : "liftNoChange";
    return data(submission.reply({ formErrors: [`forumModeration.refusal.${key}`] }), { status: 409 });
  }
  const back = safeRedirect(value.redirectTo, `/forum/moderation/users/${userId}`);
  return redirect(withNotice(back, "done", value.intent));
}

export default function ModerateUserPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, target, self, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="moderation">
      <p>
        <Link to="/forum/moderation">{t("forumModeration.queue.title")}</Link> · <Link to="/forum/moderation/log">{t("forumModeration.log.title")}</Link>
      </p>
      <h1>{title}</h1>
      {done ? (
        <p role="status" className="notice">
          {t(`forumModeration.done.${done === "suspend" || done === "lift" ? done : "other"}`)}
        </p>
      ) : null}
      <p>
        {t("forumModeration.user.memberSince", { date: formatDate(target.createdAt, language) })} ·{" "}
        {t("forumModeration.user.posts", { count: target._count.forumPosts })}
      </p>
      {target.activeSuspension ? (
        <p className="notice notice-warning">
          {t("forumModeration.user.suspendedUntil", { date: formatDate(target.activeSuspension.endsAt, language), reason: target.activeSuspension.reason })}
        </p>
      ) : (
        <p>{t("forumModeration.user.notSuspended")}</p>
      )}
      <FormErrors id="moderate-user-errors" errors={result?.error?.[""] ?? undefined} />
      {self ? null : (
        <UserModerationControls
          user={target}
          redirectTo={`/forum/moderation/users/${target.id}`}
          errors={result?.error}
          values={result?.initialValue as Record<string, unknown> | undefined}
        />
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
              {s.liftedAt ? <> {t("forumModeration.user.liftedOn", { date: formatDate(s.liftedAt, language), name: s.liftedBy?.displayName ?? "" })}</> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
