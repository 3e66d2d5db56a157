import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ForumPost, PostPagination } from "~/components/forum";
import { ConsultationHeader, ConsultationManageForms, SuspensionNotice } from "~/components/forum-moderation";
import { CitedPollResults, ForumPoll } from "~/components/forum-poll";
import { closeConsultation, getConsultation, mayManageConsultation, publishSummary } from "~/models/forum-consultation.server";
import { getPollView } from "~/models/forum-poll.server";
import { getThreadPosts } from "~/models/forum-thread.server";
import { keptForumTexts } from "~/models/forum.server";
import { getOptionalUser, requireUser, safeRedirect } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { isConsultationOpen } from "~/utils/forum-consultation";
import { pageOfPost } from "~/utils/forum-limits";
import { ConsultationActionSchema } from "~/utils/forum-moderation-validation";
import { PostPageSchema } from "~/utils/forum-validation";
import { forbidden, isForumModerator, notFound, requireIdParam } from "~/utils/permissions.server";
import { redirectWithNotice } from "~/utils/notice.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireIdParam(params);
  const url = new URL(request.url);
  const page = PostPageSchema.safeParse(url.searchParams.get("page") ?? undefined);
  if (!page.success) throw new Response("Bad page", { status: 400 });
  const [reader, consultation] = await Promise.all([getOptionalUser(request), getConsultation(id)]);
  if (!consultation) notFound();
  const pageCount = pageOfPost(consultation.thread.postCount);
  if (page.data > pageCount) notFound();
  // The replies are the thread's posts, read as on the thread page; the opening post is the question, shown above them.
  const [{ posts, people, reader: readerOfThread }, poll, [questionHtml, summaryHtml]] = await Promise.all([
    getThreadPosts({ threadId: consultation.threadId, page: page.data, reader }),
    getPollView({ threadId: consultation.threadId, reader }),
    // The question and the summary are Markdown, rendered as the forum renders posts.
    keptForumTexts([consultation.question, consultation.summary ?? ""]),
  ]);
  return {
    consultation: { ...consultation, questionHtml: questionHtml!, summaryHtml: consultation.summary ? summaryHtml! : null },
    open: isConsultationOpen(consultation),
    now: Date.now(),
    replies: posts.filter((post) => post.number > 1),
    people,
    page: page.data,
    pageCount,
    reader: reader ? { moderator: isForumModerator(reader), mayFlag: !readerOfThread.suspension } : null,
    mayManage: mayManageConsultation(reader, consultation),
    suspension: readerOfThread.suspension ? { endsAt: readerOfThread.suspension.endsAt, reason: readerOfThread.suspension.reason } : null,
    poll,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const consultation = await getConsultation(requireIdParam(params));
  if (!consultation) notFound();
  if (!mayManageConsultation(user, consultation)) forbidden();
  const submission = parseWithZod(await request.formData(), { schema: ConsultationActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const outcome =
    value.intent === "close"
      ? await closeConsultation({ threadId: consultation.threadId })
      : await publishSummary({ threadId: consultation.threadId, userId: user.id, summary: value.summary, citePoll: value.citePoll });
  if (!outcome.ok) {
    const reason = outcome.refusal.reason;
    if (reason === "not_found") notFound();
    const key = reason === "suspended" ? "suspendedShort" : reason === "still_open" ? "stillOpen" : "alreadyClosed";
    return data(submission.reply({ formErrors: [`forumModeration.refusal.${key}`] }), { status: reason === "suspended" ? 403 : 409 });
  }
  const back = safeRedirect(value.redirectTo, `/forum/consultations/${consultation.threadId}`);
  return redirectWithNotice(back, `forumModeration.notice.${value.intent}`);
}

export default function ConsultationPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { consultation, open, now, replies, people, page, pageCount, reader, mayManage, suspension, poll } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const here = `/forum/consultations/${consultation.threadId}`;
  return (
    <article className="consultation">
      <p>
        <Link to="/forum/consultations">{t("forumModeration.consultations.title")}</Link>
      </p>
      <h1 lang={consultation.thread.language} dir="auto">
        {consultation.thread.title}
      </h1>
      <SuspensionNotice suspension={suspension} />
      <ConsultationHeader consultation={consultation} now={now} citedPoll={<CitedPollResults poll={poll} />} />
      <h2>{t("forumModeration.consultation.question")}</h2>
      <p className="field-hint">
        {t("forumModeration.consultation.askedBy", {
          name: consultation.thread.author.displayName,
          date: formatDate(consultation.createdAt, language),
        })}
      </p>
      <div
        className="post-body consultation-question"
        lang={consultation.thread.language}
        dir="auto"
        dangerouslySetInnerHTML={{ __html: consultation.questionHtml }}
      />
      {poll ? <ForumPoll poll={poll} redirectTo={here} /> : null}
      {!poll && mayManage && open ? (
        <p>
          <Link to={`/forum/threads/${consultation.threadId}/poll/edit`}>{t("forumPoll.add")}</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/forum/threads/${consultation.threadId}`}>
          {open ? t("forumModeration.consultation.replyInThread") : t("forumModeration.consultation.readThread")}
        </Link>
      </p>
      {mayManage ? (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t("forumModeration.consultation.manage")}</h2>
          <ConsultationManageForms
            threadId={consultation.threadId}
            consultation={consultation}
            redirectTo={here}
            result={result}
            hasPoll={Boolean(poll)}
          />
        </section>
      ) : null}
      <h2>{t("forumModeration.consultation.replies", { count: consultation.thread.postCount - 1 })}</h2>
      <ol className="post-list">
        {replies.map((post) => (
          <li key={post.id}>
            <ForumPost post={post} person={people[post.authorId]} reader={reader} back={page > 1 ? `${here}?page=${page}` : here} />
          </li>
        ))}
      </ol>
      <PostPagination page={page} pageCount={pageCount} pageLink={(n) => `${here}?page=${n}`} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.consultation.thread.title ?? ""} · Ortaq` }];
