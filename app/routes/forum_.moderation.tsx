import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostModerationControls } from "~/components/forum-moderation";
import { listFlagQueue } from "~/models/forum-moderation.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { withTextsIn } from "~/utils/localized-text";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "moderate:forum");
  const [t, language, queue] = await Promise.all([getFixedT(request), getLanguage(request), listFlagQueue()]);
  // Each post's category named in the reader's language alone.
  const named = queue.map(({ post, flags }) => ({
    post: { ...post, thread: { ...post.thread, category: withTextsIn(post.thread.category, ["name"], language) } },
    flags,
  }));
  return { title: t("forumModeration.queue.title"), queue: named };
}

export default function ModerationQueuePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, queue } = useLoaderData<typeof loader>();
  return (
    <section className="moderation">
      <h1>{title}</h1>
      <p>
        <Link to="/forum/moderation/log">{t("forumModeration.log.title")}</Link>
      </p>
      <p>{t("forumModeration.queue.count", { count: queue.length })}</p>
      {queue.length === 0 ? <p>{t("forumModeration.queue.empty")}</p> : null}
      <ol className="moderation-queue">
        {queue.map(({ post, flags }) => (
          <li key={post.id} className="card">
            <h2>
              <Link to={`/forum/threads/${post.thread.id}`}>{post.thread.title}</Link>
            </h2>
            <p className="field-hint">
              {post.thread.category.name} ·{" "}
              {t("forumModeration.queue.postBy", {
                number: post.number,
                name: post.author.displayName,
                date: formatDate(post.createdAt, language),
              })}
              {post.hiddenAt ? <> · {t("forumModeration.queue.alreadyHidden")}</> : null}
              {post.deletedAt ? <> · {t("forumModeration.queue.deleted")}</> : null}
            </p>
            <blockquote className="plain-text post-body" lang={post.language} dir="auto">
              {post.body.length > 600 ? `${post.body.slice(0, 600)}…` : post.body}
            </blockquote>
            <h3>{t("forumModeration.queue.flags", { count: flags.length })}</h3>
            <ul>
              {flags.map((flag) => (
                <li key={flag.id}>
                  <strong>{t(`forumModeration.flagReason.${flag.reason}`)}</strong> · {flag.reporter.displayName} ·{" "}
                  {formatDate(flag.createdAt, language)}
                  {flag.note ? <> — {flag.note}</> : null}
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/forum/moderation/posts/${post.id}`}>{t("forumModeration.queue.details")}</Link> ·{" "}
              <Link to={`/forum/moderation/threads/${post.thread.id}`}>{t("forumModeration.post.moderateThread")}</Link> ·{" "}
              <Link to={`/forum/moderation/users/${post.author.id}`}>
                {t("forumModeration.post.moderateAuthor", { name: post.author.displayName })}
              </Link>
            </p>
            <PostModerationControls post={post} redirectTo="/forum/moderation" withDismiss />
          </li>
        ))}
      </ol>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
