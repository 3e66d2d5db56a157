import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { KeptPart } from "~/components/kept-html";
import { ConfirmEmailNotice, useEmailConfirmed } from "~/components/confirm-email";
import { FormErrors, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { PlainForm, PlainLink, type SitePath } from "~/components/plain-links";
import {
  ForumPost,
  type PersonView,
  PostLanguage,
  PostLanguageField,
  PostPagination,
  RefusalMessage,
  TagList,
  ThreadStatus,
} from "~/components/forum";
import { ConsultationManageForms, SuspensionNotice, ThreadModerationControls } from "~/components/forum-moderation";
import { CitedPollResults, ForumPoll } from "~/components/forum-poll";
import { findThreadPost, getThreadView, type ThreadPostView } from "~/models/forum-thread.server";
import { createReply, deletePost, editPost, setThreadSubscription, toggleHelpful, type PostingRefusal } from "~/models/forum.server";
import { getOptionalUser, requireUser } from "~/utils/auth.server";
import { getLanguage } from "~/utils/i18next.server";
import { formatDate } from "~/utils/format";
import { isConsultationOpen } from "~/utils/forum-consultation";
import { MAX_POST_LENGTH, pageOfPost } from "~/utils/forum-limits";
import { PostPageSchema, ThreadActionSchema } from "~/utils/forum-validation";
import type { Language } from "~/utils/i18n";
import { threadWithCategoryNamedIn } from "~/utils/localized-text";
import { notFound, requireIdParam } from "~/utils/permissions.server";
import { countryName } from "~/utils/reference-data";
import { IdSchema } from "~/utils/validation";
import { pageMeta } from "~/utils/page-meta";
import { requireReadableThread } from "~/models/forum-access.server";

/** A page of a thread's posts. */
const threadPage = (threadId: string, page: number): SitePath => `/forum/threads/${threadId}?page=${page}`;
const postUrl = (threadId: string, number: number) => `${threadPage(threadId, pageOfPost(number))}#post-${number}`;

/** The page's address: which page, a post to go to, a post to quote or one's own post to edit (an unusable quote or edit is ignored). */
const ThreadQuerySchema = z.object({
  page: PostPageSchema,
  post: z.string().optional(),
  quote: IdSchema.optional().catch(undefined),
  edit: IdSchema.optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const threadId = requireIdParam(params);
  const query = ThreadQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad page", { status: 400 });
  const { page, post, quote, edit } = query.data;
  const reader = await getOptionalUser(request);
  if (post) {
    await requireReadableThread(threadId, reader);
    const number = IdSchema.safeParse(post).success ? await findThreadPost({ threadId, postId: post }) : null;
    if (number === null) notFound();
    throw redirect(postUrl(threadId, number));
  }
  // Also null for a reader who may not read the thread: "not found", like a thread that does not exist.
  const language = await getLanguage(request);
  const view = await getThreadView({ threadId, page, reader, quoteId: quote, editId: edit, language });
  if (!view) notFound();
  return { ...view, thread: threadWithCategoryNamedIn(view.thread, language) };
}

function refusalStatus(refusal: PostingRefusal | { reason: string }) {
  if (refusal.reason === "rate_limited") return 429;
  if (refusal.reason === "too_many_links") return 400;
  if (refusal.reason === "not_found") return 404;
  return 403;
}

/** The status of a refusal, with Retry-After when it is the posting limit. */
function refusalInit(refusal: PostingRefusal | { reason: string }): ResponseInit {
  const retryAfter = "retryAfterSeconds" in refusal ? refusal.retryAfterSeconds : null;
  return { status: refusalStatus(refusal), ...(retryAfter ? { headers: { "Retry-After": String(retryAfter) } } : {}) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const threadId = requireIdParam(params);
  await requireReadableThread(threadId, user);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ThreadActionSchema });
  if (submission.status !== "success") {
    // Errors go back to the form they came from (the reply form or an edit form).
    const intent = formData.get("intent") === "edit" ? ("edit" as const) : ("reply" as const);
    return data({ result: submission.reply(), refusal: null, intent }, { status: 400 });
  }
  const value = submission.value;
  const belongs = async (postId: string) => {
    if ((await findThreadPost({ threadId, postId })) === null) notFound();
  };
  switch (value.intent) {
    case "reply": {
      const created = await createReply({
        userId: user.id,
        threadId,
        body: value.body,
        replyToPostId: value.replyTo ?? null,
        language: value.language ?? null,
      });
      if (created.error) {
        if (created.error.reason === "not_found") notFound();
        return data({ result: submission.reply(), refusal: created.error as PostingRefusal, intent: "reply" }, refusalInit(created.error));
      }
      return redirect(postUrl(threadId, created.post!.number));
    }
    case "edit": {
      await belongs(value.postId);
      const edited = await editPost({
        userId: user.id,
        postId: value.postId,
        body: value.body,
        title: value.title,
        language: value.language ?? null,
      });
      if (edited.error) {
        if (edited.error.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
        return data({ result: submission.reply(), refusal: edited.error as PostingRefusal, intent: "edit" }, refusalInit(edited.error));
      }
      return redirect(postUrl(threadId, edited.post!.number));
    }
    case "delete": {
      await belongs(value.postId);
      const deleted = await deletePost({ userId: user.id, postId: value.postId });
      if (deleted.error) throw new Response("Forbidden", { status: 403 });
      return redirect(postUrl(threadId, deleted.post!.number));
    }
    case "helpful": {
      await belongs(value.postId);
      const toggled = await toggleHelpful({ userId: user.id, postId: value.postId });
      if (toggled.error) throw new Response("Forbidden", { status: 403 });
      return redirect(postUrl(threadId, toggled.post!.number));
    }
    case "subscribe":
    case "unsubscribe": {
      await setThreadSubscription({ userId: user.id, threadId, active: value.intent === "subscribe" });
      return redirect(`/forum/threads/${threadId}`);
    }
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function EditForm({ editing, threadId, page }: { editing: NonNullable<LoaderData["editing"]>; threadId: string; page: number }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    id: `edit-${editing.id}`,
    lastResult: actionData?.intent === "edit" ? actionData.result : undefined,
    defaultValue: { body: editing.body, title: editing.title ?? undefined, postId: editing.id, language: editing.language ?? undefined },
    constraint: getZodConstraint(ThreadActionSchema),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {actionData?.intent === "edit" ? <RefusalMessage refusal={actionData.refusal} /> : null}
      <input type="hidden" name="intent" value="edit" />
      <input type="hidden" name="postId" value={editing.id} />
      {editing.title !== null ? <TextField field={fields.title} label={t("forum.threadTitle")} dir="auto" /> : null}
      <TextAreaField field={fields.body} label={t("forum.editBody")} rows={10} dir="auto" />
      <PostLanguageField field={fields.language} />
      <div className="actions">
        <button type="submit">{t("forum.saveEdit")}</button>
        <Link to={`${threadPage(threadId, page)}#post-${editing.number}`}>{t("forum.cancel")}</Link>
      </div>
    </Form>
  );
}

/** What a post of a thread page shows, all of it plain data: a kept part is rendered from it alone (decision 039). */
interface ThreadPostProps {
  post: ThreadPostView;
  person: PersonView | undefined;
  reader: { moderator: boolean; mayFlag: boolean } | null;
  threadId: string;
  page: number;
  /** Whether the thread takes no replies (locked, or a closed consultation). */
  closed: boolean;
}

function ThreadPost(item: ThreadPostProps) {
  const here = threadPage(item.threadId, item.page);
  return <ForumPost post={item.post} person={item.person} reader={item.reader} back={here} actions={<PostActions {...item} />} />;
}

/** A post's helpful mark or count, and the reader's quote, edit and delete. */
function PostActions({ post, reader, threadId, page, closed, editingThis = false }: ThreadPostProps & { editingThis?: boolean }) {
  const { t } = useTranslation();
  const here = threadPage(threadId, page);
  return (
    <>
      {reader && !post.own ? (
        <PlainForm method="post" action={here}>
          <input type="hidden" name="intent" value="helpful" />
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" className="button-secondary" aria-pressed={post.helpfulByViewer}>
            {t("forum.helpful")} <span className="count">{post.helpfulCount}</span>
          </button>
        </PlainForm>
      ) : (
        <span className="helpful-count">{t("forum.helpfulCount", { count: post.helpfulCount })}</span>
      )}
      {reader && !closed ? (
        <PlainLink to={`${here}&quote=${post.id}#reply`} aria-label={t("forum.quoteLabel", { number: post.number })}>
          {t("forum.quote")}
        </PlainLink>
      ) : null}
      {post.own && !closed && !editingThis ? (
        <PlainLink to={`${here}&edit=${post.id}#post-${post.number}`} aria-label={t("forum.editLabel", { number: post.number })}>
          {t("forum.edit")}
        </PlainLink>
      ) : null}
      {post.own ? (
        <PlainForm method="post" action={here}>
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" className="link-button" aria-label={t("forum.deleteLabel", { number: post.number })}>
            {t("forum.delete")}
          </button>
        </PlainForm>
      ) : null}
    </>
  );
}

function ReplyForm({ quote, replyTo }: { quote: string; replyTo: string | null }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    id: "reply-form",
    lastResult: actionData?.intent === "reply" ? actionData.result : undefined,
    defaultValue: { body: quote, replyTo: replyTo ?? undefined, language: undefined as Language | undefined },
    constraint: getZodConstraint(ThreadActionSchema),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {actionData?.intent === "reply" ? <RefusalMessage refusal={actionData.refusal} /> : null}
      <input type="hidden" name="intent" value="reply" />
      {replyTo ? <input type="hidden" name="replyTo" value={replyTo} /> : null}
      <TextAreaField
        field={fields.body}
        label={t("forum.yourReply")}
        hint={t("forum.markdownHint", { max: MAX_POST_LENGTH })}
        rows={8}
        dir="auto"
      />
      <PostLanguageField field={fields.language} />
      <div className="actions">
        <button type="submit">{t("forum.postReply")}</button>
      </div>
    </Form>
  );
}

export default function ThreadPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const {
    thread,
    posts,
    editing,
    people,
    page,
    pageCount,
    viewer,
    closed,
    suspendedUntil,
    suspension,
    quote,
    replyTo,
    categoryId,
    mayManageConsultation,
    categories,
    poll,
    mayAddPoll,
  } = useLoaderData<typeof loader>();
  const emailConfirmed = useEmailConfirmed();
  const here = threadPage(thread.id, page);
  const categoryName = thread.category.name;
  const consultation = thread.consultation;
  const pageLink = (n: number) => threadPage(thread.id, n);
  return (
    <section className="forum thread">
      <nav aria-label={t("forum.breadcrumbs")} className="breadcrumbs">
        <Link to="/forum">{t("forum.title")}</Link> › <Link to={`/forum/${thread.category.slug}`}>{categoryName}</Link>
      </nav>
      <h1>
        <span lang={thread.language} dir="auto">
          {thread.title}
        </span>{" "}
        <ThreadStatus thread={thread} />
        <PostLanguage language={thread.language} />
      </h1>
      <TagList tags={thread.tags} />
      {thread.enterprise ? (
        <p>
          {t("forum.aboutEnterprise")} <Link to={`/enterprises/${thread.enterprise.slug}`}>{thread.enterprise.name}</Link>
        </p>
      ) : null}
      {consultation ? (
        <section className="consultation notice" aria-labelledby="consultation-heading">
          <h2 id="consultation-heading">{t("forum.consultation.heading")}</h2>
          <div
            className="post-body consultation-question"
            lang={thread.language}
            dir="auto"
            dangerouslySetInnerHTML={{ __html: consultation.questionHtml }}
          />
          <p>
            {countryName(t, consultation.country)}
            {" · "}
            {isConsultationOpen(consultation)
              ? t("forum.consultation.openUntil", { date: formatDate(consultation.closesAt, language) })
              : t("forum.consultation.closedOn", { date: formatDate(consultation.closedAt ?? consultation.closesAt, language) })}
          </p>
          {consultation.summaryHtml ? (
            <section aria-labelledby="consultation-summary">
              <h3 id="consultation-summary">{t("forum.consultation.summary")}</h3>
              <div className="post-body" dangerouslySetInnerHTML={{ __html: consultation.summaryHtml }} />
              {consultation.summaryCitesPoll ? <CitedPollResults poll={poll} /> : null}
            </section>
          ) : null}
          {mayManageConsultation ? (
            <ConsultationManageForms
              threadId={thread.id}
              consultation={{ ...consultation, summary: consultation.summary ?? null }}
              redirectTo={here}
              hasPoll={Boolean(poll)}
            />
          ) : null}
        </section>
      ) : null}
      {poll ? <ForumPoll poll={poll} redirectTo={here} /> : null}
      {mayAddPoll ? (
        <p>
          <Link to={`/forum/threads/${thread.id}/poll/edit`}>{t("forumPoll.add")}</Link>
        </p>
      ) : null}
      {thread.locked ? <p className="notice notice-warning">{t("forum.lockedNotice")}</p> : null}
      <SuspensionNotice suspension={suspension} />
      {viewer ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value={viewer.subscribed ? "unsubscribe" : "subscribe"} />
          <button type="submit" className="button-secondary">
            {viewer.subscribed ? t("forum.unwatchThread") : t("forum.watchThread")}
          </button>
        </Form>
      ) : null}
      <h2 className="visually-hidden">{t("forum.postsHeading")}</h2>
      <ol className="post-list">
        {posts.map((post) => {
          const item: ThreadPostProps = {
            post,
            person: people[post.authorId],
            reader: viewer ? { moderator: viewer.moderator, mayFlag: !suspendedUntil } : null,
            threadId: thread.id,
            page,
            closed: Boolean(closed),
          };
          // The post being edited holds its form; every other post is the same for whoever reads it with the same rights.
          return editing?.id === post.id ? (
            <li key={post.id}>
              <ForumPost
                post={post}
                person={item.person}
                reader={item.reader}
                back={here}
                editing={<EditForm editing={editing} threadId={thread.id} page={page} />}
                actions={<PostActions {...item} editingThis />}
              />
            </li>
          ) : (
            <KeptPart key={post.id} name="thread-post" as="li" component={ThreadPost} props={item} />
          );
        })}
      </ol>
      <PostPagination page={page} pageCount={pageCount} pageLink={pageLink} />
      {viewer?.moderator ? (
        <section aria-labelledby="thread-moderation-heading" className="thread-moderation">
          <h2 id="thread-moderation-heading">{t("forumModeration.thread.legend")}</h2>
          <ThreadModerationControls
            thread={{ id: thread.id, locked: thread.locked, pinned: thread.pinned, categoryId }}
            categories={categories}
            redirectTo={here}
          />
        </section>
      ) : null}
      <section id="reply" aria-labelledby="reply-heading" className="reply">
        <h2 id="reply-heading">{t("forum.reply")}</h2>
        {!viewer ? (
          <p>
            <Link to={`/login?${new URLSearchParams({ redirectTo: threadPage(thread.id, pageCount) })}`}>{t("forum.signInToReply")}</Link>
          </p>
        ) : closed ? (
          <RefusalMessage refusal={{ reason: closed }} />
        ) : suspendedUntil ? (
          <RefusalMessage refusal={{ reason: "suspended", until: suspendedUntil }} />
        ) : !emailConfirmed ? (
          <ConfirmEmailNotice reason="post" />
        ) : (
          <ReplyForm key={replyTo ?? "new"} quote={quote} replyTo={replyTo} />
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.thread.title, data?.description);
