import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationHeader, ConsultationManageForms, FlagPostLink, SuspensionNotice } from "~/components/forum-moderation";
import { FormErrors } from "~/components/forms";
import {
  closeConsultation,
  getConsultation,
  listConsultationPosts,
  mayManageConsultation,
  publishSummary,
} from "~/models/forum-consultation.server";
import { activeSuspension, listOwnFlaggedPostIds } from "~/models/forum-moderation.server";
import { getOptionalUser, requireUser, safeRedirect } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { isConsultationOpen } from "~/utils/forum-consultation";
import { ConsultationActionSchema } from "~/utils/forum-moderation-validation";
import { forbidden, notFound, userCan } from "~/utils/permissions.server";
import { withNotice } from "~/utils/redirect-notice";
import { IdSchema } from "~/utils/validation";

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!IdSchema.safeParse(params.id).success) notFound();
  const [user, consultation] = await Promise.all([getOptionalUser(request), getConsultation(params.id!)]);
  if (!consultation) notFound();
  const [posts, suspension] = await Promise.all([listConsultationPosts(consultation.threadId), user ? activeSuspension(user.id) : null]);
  const flagged = user ? await listOwnFlaggedPostIds({ userId: user.id, postIds: posts.map((p) => p.id) }) : [];
  const url = new URL(request.url);
  return {
    consultation,
    open: isConsultationOpen(consultation),
    now: Date.now(),
    posts: posts.map((p) => ({ ...p, body: p.hiddenAt || p.deletedAt ? null : p.body })),
    viewerId: user?.id ?? null,
    flagged,
    mayManage: mayManageConsultation(user, consultation),
    mayModerate: userCan(user, "moderate:forum"),
    suspension: suspension ? { endsAt: suspension.endsAt, reason: suspension.reason } : null,
    notice: url.searchParams.get("opened") ? "opened" : url.searchParams.get("done") ?? (url.searchParams.get("flagged") ? "flagged" : null),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!IdSchema.safeParse(params.id).success) notFound();
  const consultation = await getConsultation(params.id!);
  if (!consultation) notFound();
  if (!mayManageConsultation(user, consultation)) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: ConsultationActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const outcome =
    value.intent === "close"
      ? await closeConsultation({ threadId: consultation.threadId })
      : await publishSummary({ threadId: consultation.threadId, userId: user.id, summary: value.summary });
  if (!outcome.ok) {
    const reason = outcome.refusal.reason;
    if (reason === "not_found") notFound();
    const key = reason === "suspended" ? "suspendedShort" : reason === "still_open" ? "stillOpen" : "alreadyClosed";
    return data(submission.reply({ formErrors: [`forumModeration.refusal.${key}`] }), { status: reason === "suspended" ? 403 : 409 });
  }
  const back = safeRedirect(value.redirectTo, `/forum/consultations/${consultation.threadId}`);
  return redirect(withNotice(back, "done", value.intent));
}

const NOTICES = new Set(["opened", "close", "summary", "flagged"]);

export default function ConsultationPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { consultation, open, now, posts, viewerId, flagged, mayManage, mayModerate, suspension, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const here = `/forum/consultations/${consultation.threadId}`;
  const [opening, ...replies] = posts;
  return (
    <article className="consultation">
      <p>
        <Link to="/forum/consultations">{t("forumModeration.consultations.title")}</Link>
      </p>
      <h1>{consultation.thread.title}</h1>
      {notice && NOTICES.has(notice) ? (
        <p role="status" className="notice">
          {t(`forumModeration.notice.${notice}`)}
        </p>
      ) : null}
      <SuspensionNotice suspension={suspension} />
      <ConsultationHeader consultation={consultation} now={now} />
      <h2>{t("forumModeration.consultation.question")}</h2>
      <p className="field-hint">{t("forumModeration.consultation.askedBy", { name: consultation.thread.author.displayName, date: formatDate(consultation.createdAt, language) })}</p>
      <div className="plain-text post-body">{opening?.body ?? consultation.question}</div>
      <p>
        <Link to={`/forum/threads/${consultation.threadId}`}>{open ? t("forumModeration.consultation.replyInThread") : t("forumModeration.consultation.readThread")}</Link>
      </p>
      {mayManage ? (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t("forumModeration.consultation.manage")}</h2>
          <FormErrors id="consultation-errors" errors={result?.error?.[""] ?? undefined} />
          <ConsultationManageForms
            threadId={consultation.threadId}
            consultation={consultation}
            redirectTo={here}
            errors={result?.error}
            values={result?.initialValue as Record<string, unknown> | undefined}
          />
        </section>
      ) : null}
      <h2>{t("forumModeration.consultation.replies", { count: replies.length })}</h2>
      <ol className="post-list">
        {replies.map((post) => (
          <li key={post.id} id={`post-${post.number}`} className="post">
            <p className="post-meta">
              <strong>{post.author.displayName}</strong> · {formatDate(post.createdAt, language)}
            </p>
            {post.body === null ? (
              <p className="post-hidden">{post.hiddenAt ? t("forumModeration.hiddenPost") : t("forumModeration.deletedPost")}</p>
            ) : (
              <div className="plain-text post-body">{post.body}</div>
            )}
            {mayModerate ? (
              <p>
                <Link to={`/forum/moderation/posts/${post.id}`}>{t("forumModeration.post.moderateLink", { number: post.number })}</Link>
              </p>
            ) : null}
            {flagged.includes(post.id) ? (
              <p>
                <Link to={`/forum/flags?post=${post.id}`}>{t("forumModeration.flag.youFlagged", { number: post.number })}</Link>
              </p>
            ) : viewerId && post.body !== null && post.authorId !== viewerId && !suspension ? (
              <p>
                <FlagPostLink postId={post.id} number={post.number} back={`${here}#post-${post.number}`} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.consultation.thread.title ?? ""} · Ortaq` }];
