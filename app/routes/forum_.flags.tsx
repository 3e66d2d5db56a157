import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FlagPostForm, SuspensionNotice } from "~/components/forum-moderation";
import { activeSuspension, flagPost, getFlaggablePost, getOwnFlag } from "~/models/forum-moderation.server";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { FlagSchema } from "~/utils/forum-moderation-validation";
import { getFixedT } from "~/utils/i18next.server";
import { notFound } from "~/utils/permissions.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { IdSchema } from "~/utils/validation";
import { requireReadablePost } from "~/models/forum-access.server";

/** A page of its own for flagging one post: where the thread page's flag form lands when it needs to say something. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const postId = url.searchParams.get("post");
  if (!postId || !IdSchema.safeParse(postId).success) notFound();
  await requireReadablePost(postId, user);
  const post = await getFlaggablePost(postId);
  if (!post || post.deletedAt) notFound();
  const [t, ownFlag, suspension] = await Promise.all([
    getFixedT(request),
    getOwnFlag({ userId: user.id, postId }),
    activeSuspension(user.id),
  ]);
  return {
    title: t("forumModeration.flag.title"),
    post: { ...post, body: post.hiddenAt ? null : post.body },
    ownFlag,
    own: post.author.id === user.id,
    suspension: suspension ? { endsAt: suspension.endsAt, reason: suspension.reason } : null,
    back: safeRedirect(url.searchParams.get("back"), `/forum/threads/${post.thread.id}?post=${post.id}`),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: FlagSchema });
  if (submission.status !== "success") {
    const postId = submission.payload.postId;
    if (typeof postId !== "string" || !IdSchema.safeParse(postId).success) throw new Response("Unknown post", { status: 400 });
    return data({ result: submission.reply(), postId, until: null as string | null }, { status: 400 });
  }
  const { postId, reason, note, redirectTo } = submission.value;
  await requireReadablePost(postId, user);
  const outcome = await flagPost({ userId: user.id, postId, reason, note });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") notFound();
    const key = outcome.reason === "already_flagged" ? "alreadyFlagged" : outcome.reason === "own_post" ? "ownPost" : "suspended";
    return data(
      { result: submission.reply({ formErrors: [`forumModeration.refusal.${key}`] }), postId, until: outcome.until?.toISOString() ?? null },
      { status: outcome.reason === "suspended" ? 403 : 409 },
    );
  }
  const back = safeRedirect(redirectTo, `/forum/flags?post=${postId}`);
  return redirectWithNotice(back, "forumModeration.notice.flagged");
}

export default function FlagPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, post, ownFlag, own, suspension, back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = actionData?.result.error?.[""]?.[0];
  return (
    <section>
      <h1>{title}</h1>
      <p>
        <Link to={back}>{post.thread.title}</Link>
      </p>
      <p className="field-hint">
        {t("forumModeration.flag.postBy", {
          number: post.number,
          name: post.author.displayName,
          date: formatDate(post.createdAt, language),
        })}
      </p>
      {post.body === null ? (
        <p>{t("forumModeration.hiddenPost")}</p>
      ) : (
        <blockquote className="plain-text post-body" lang={post.language} dir="auto">
          {post.body}
        </blockquote>
      )}
      <SuspensionNotice suspension={suspension} />
      {formError ? (
        <p role="alert" className="form-errors">
          {t(formError, { date: actionData?.until ? formatDate(actionData.until, language) : "" })}
        </p>
      ) : null}
      {ownFlag ? (
        <p role="status" className="notice">
          {t("forumModeration.flag.flaggedOn", {
            date: formatDate(ownFlag.createdAt, language),
            reason: t(`forumModeration.flagReason.${ownFlag.reason}`),
          })}
        </p>
      ) : own ? (
        <p>{t("forumModeration.refusal.ownPost")}</p>
      ) : suspension ? null : (
        <FlagPostForm postId={post.id} redirectTo={back} result={actionData?.result} />
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
