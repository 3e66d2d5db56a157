import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostModerationControls } from "~/components/forum-moderation";
import { PostRevisionList } from "~/components/forum";
import { listPostRevisions } from "~/models/forum.server";
import { dismissFlags, getPostForModeration, hidePost, restorePost } from "~/models/forum-moderation.server";
import { formatDate } from "~/utils/format";
import { handleModerationAction, requireModerationSubject } from "~/utils/forum-moderation-action.server";
import { PostModerationSchema } from "~/utils/forum-moderation-validation";
import { getFixedT } from "~/utils/i18next.server";
import { notFound } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id } = await requireModerationSubject(request, params);
  const [post, revisions] = await Promise.all([getPostForModeration(id), listPostRevisions(id)]);
  if (!post) notFound();
  const t = await getFixedT(request);
  return { title: t("forumModeration.post.title", { number: post.number, thread: post.thread.title }), post, revisions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleModerationAction({
    request,
    params,
    schema: PostModerationSchema,
    subjectPage: (id) => `/forum/moderation/posts/${id}`,
    act: ({ moderatorId, id, value }) => {
      const act = value.intent === "hide" ? hidePost : value.intent === "restore" ? restorePost : dismissFlags;
      return act({ moderatorId, postId: id, reason: value.reason });
    },
  });
}

export default function ModeratePostPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, post, revisions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const here = `/forum/moderation/posts/${post.id}`;
  return (
    <section className="moderation">
      <p>
        <Link to="/forum/moderation">{t("forumModeration.queue.title")}</Link> ·{" "}
        <Link to="/forum/moderation/log">{t("forumModeration.log.title")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {t("forumModeration.post.byOn", { name: post.author.displayName, date: formatDate(post.createdAt, language) })} ·{" "}
        <Link to={`/forum/threads/${post.thread.id}`}>{t("forumModeration.post.openThread")}</Link> ·{" "}
        <Link to={`/forum/moderation/threads/${post.thread.id}`}>{t("forumModeration.post.moderateThread")}</Link> ·{" "}
        <Link to={`/forum/moderation/users/${post.author.id}`}>
          {t("forumModeration.post.moderateAuthor", { name: post.author.displayName })}
        </Link>
      </p>
      {post.hiddenAt ? (
        <p className="notice notice-warning">
          {t("forumModeration.post.hiddenBy", {
            name: post.hiddenBy?.displayName ?? "",
            date: formatDate(post.hiddenAt, language),
            reason: post.hiddenReason ?? "",
          })}
        </p>
      ) : null}
      {post.deletedAt ? (
        <p className="notice">{t("forumModeration.post.deletedByAuthor", { date: formatDate(post.deletedAt, language) })}</p>
      ) : null}
      <h2>{t("forumModeration.post.current")}</h2>
      <div className="plain-text post-body" lang={post.language} dir="auto">
        {post.body}
      </div>
      <PostModerationControls post={post} redirectTo={here} withDismiss={post.flags.some((f) => f.status === "open")} result={result} />
      <h2>{t("forumModeration.post.flags")}</h2>
      {post.flags.length === 0 ? (
        <p>{t("forumModeration.post.noFlags")}</p>
      ) : (
        <ul>
          {post.flags.map((flag) => (
            <li key={flag.id}>
              {t(`forumModeration.flagReason.${flag.reason}`)} · {flag.reporter.displayName} · {formatDate(flag.createdAt, language)} ·{" "}
              {t(`forumModeration.flagStatus.${flag.status}`)}
              {flag.note ? <> — {flag.note}</> : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("forumModeration.post.history")}</h2>
      <PostRevisionList revisions={revisions} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
