import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostRevisionList } from "~/components/forum";
import { getPost, listPostRevisions } from "~/models/forum.server";
import { requireUser } from "~/utils/auth.server";
import { pageOfPost } from "~/utils/forum-limits";
import { getFixedT } from "~/utils/i18next.server";
import { forbidden, isForumModerator, notFound, requireIdParam } from "~/utils/permissions.server";

/** Earlier versions of a post, for moderators; shown as plain text, never rendered. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!isForumModerator(user)) forbidden();
  const post = await getPost(requireIdParam(params));
  if (!post) notFound();
  const t = await getFixedT(request);
  return {
    title: t("forum.historyTitle", { number: post.number, title: post.thread.title }),
    post: { body: post.body, language: post.language, number: post.number, editedAt: post.editedAt, author: post.author.displayName },
    back: `/forum/threads/${post.threadId}?page=${pageOfPost(post.number)}#post-${post.number}`,
    revisions: await listPostRevisions(post.id),
  };
}

export default function PostHistoryPage() {
  const { t } = useTranslation();
  const { title, post, back, revisions } = useLoaderData<typeof loader>();
  return (
    <section className="forum">
      <p>
        <Link to={back}>{t("forum.backToPost")}</Link>
      </p>
      <h1>{title}</h1>
      <h2>{t("forum.currentVersion")}</h2>
      <pre className="revision" lang={post.language} dir="auto">
        {post.body}
      </pre>
      <h2>{t("forum.earlierVersions")}</h2>
      <PostRevisionList revisions={revisions} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
