import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField, TextField } from "~/components/forms";
import { PersonName, RefusalMessage, TagList, ThreadStatus, type PersonView } from "~/components/forum";
import { ConsultationManageForms, FlagPostLink, SuspensionNotice, ThreadModerationControls } from "~/components/forum-moderation";
import { mayManageConsultation } from "~/models/forum-consultation.server";
import { listCategoryChoices, listOwnFlaggedPostIds } from "~/models/forum-moderation.server";
import {
  activeSuspension,
  createReply,
  deletePost,
  editPost,
  getPeople,
  getPost,
  getSubscriptionState,
  getThread,
  listThreadPosts,
  setThreadSubscription,
  threadClosedReason,
  toggleHelpful,
  type PostingRefusal,
} from "~/models/forum.server";
import { getOptionalUser, requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { isConsultationOpen } from "~/utils/forum-consultation";
import { MAX_POST_LENGTH, pageOfPost, POSTS_PER_PAGE } from "~/utils/forum-limits";
import { ThreadActionSchema } from "~/utils/forum-validation";
import { localized } from "~/utils/i18n";
import { renderMarkdown } from "~/utils/markdown.server";
import { isForumModerator, notFound } from "~/utils/permissions.server";
import { type CountryCode, countryName } from "~/utils/reference-data";
import { IdSchema } from "~/utils/validation";

const postUrl = (threadId: string, number: number) => `/forum/threads/${threadId}?page=${pageOfPost(number)}#post-${number}`;

/** The reply form's starting text when quoting a post: its text as a Markdown quote, with attribution. */
function quoteOf(post: { id: string; body: string; author: { displayName: string; handle: string | null } }) {
  const who = post.author.handle ? `@${post.author.handle}` : post.author.displayName.replace(/[[\]*_`\\<>]/g, "");
  const lines = post.body.trim().split("\n").map((line) => `> ${line}`.trimEnd());
  return `> ${who} [wrote](/forum/posts/${post.id}):\n>\n${lines.join("\n")}\n\n`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!IdSchema.safeParse(params.id).success) notFound();
  const thread = await getThread(params.id!);
  if (!thread) notFound();
  const url = new URL(request.url);
  const postParam = url.searchParams.get("post");
  if (postParam) {
    const post = IdSchema.safeParse(postParam).success ? await getPost(postParam) : null;
    if (!post || post.threadId !== thread.id) notFound();
    throw redirect(postUrl(thread.id, post.number));
  }
  const pageCount = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  const pageParam = url.searchParams.get("page") ?? "1";
  if (!/^[1-9]\d{0,6}$/.test(pageParam)) throw new Response("Bad page", { status: 400 });
  const page = Number(pageParam);
  if (page > pageCount) notFound();

  const user = await getOptionalUser(request);
  const moderator = isForumModerator(user);
  const posts = await listThreadPosts({ threadId: thread.id, page, viewerId: user?.id });

  let quote = "";
  let replyTo: string | null = null;
  const quoteParam = url.searchParams.get("quote");
  if (quoteParam && IdSchema.safeParse(quoteParam).success) {
    const quoted = await getPost(quoteParam);
    if (quoted && quoted.threadId === thread.id && !quoted.deletedAt && !quoted.hiddenAt) {
      quote = quoteOf(quoted);
      replyTo = quoted.id;
    }
  }
  const editParam = url.searchParams.get("edit");
  const editing = user && editParam ? posts.find((p) => p.id === editParam && p.authorId === user.id && !p.deletedAt && !p.hiddenAt) : undefined;

  const [people, subscription, suspension, flagged, categories] = await Promise.all([
    getPeople([thread.authorId, ...posts.map((p) => p.authorId)]),
    user ? getSubscriptionState({ userId: user.id, threadId: thread.id }) : null,
    user ? activeSuspension(user.id) : null,
    user ? listOwnFlaggedPostIds({ userId: user.id, postIds: posts.map((p) => p.id) }) : ([] as string[]),
    moderator ? listCategoryChoices() : ([] as Awaited<ReturnType<typeof listCategoryChoices>>),
  ]);
  const closed = threadClosedReason(thread);
  return {
    thread: {
      id: thread.id,
      title: thread.title,
      tags: thread.tags,
      kind: thread.kind,
      pinned: thread.pinned,
      locked: thread.locked,
      postCount: thread.postCount,
      authorId: thread.authorId,
      category: thread.category,
      enterprise: thread.enterprise?.status === "published" ? { slug: thread.enterprise.slug, name: thread.enterprise.name } : null,
      consultation: thread.consultation
        ? {
            country: thread.consultation.country,
            question: thread.consultation.question,
            closesAt: thread.consultation.closesAt,
            closedAt: thread.consultation.closedAt,
            summaryHtml: thread.consultation.summary && thread.consultation.summaryPublishedAt ? renderMarkdown(thread.consultation.summary) : null,
            summaryPublishedAt: thread.consultation.summaryPublishedAt,
            summary: thread.consultation.summary,
          }
        : null,
    },
    categoryId: thread.category.id,
    mayManageConsultation: thread.consultation ? mayManageConsultation(user, { country: thread.consultation.country, thread: { authorId: thread.authorId } }) : false,
    flagged,
    categories,
    posts: posts.map((post) => {
      const visible = !post.deletedAt && (!post.hiddenAt || moderator);
      return {
        id: post.id,
        number: post.number,
        authorId: post.authorId,
        createdAt: post.createdAt,
        editedAt: post.editedAt,
        edits: post._count.revisions,
        deleted: Boolean(post.deletedAt),
        hidden: Boolean(post.hiddenAt),
        hiddenAt: post.hiddenAt,
        hiddenReason: moderator ? post.hiddenReason : null,
        html: visible ? renderMarkdown(post.body) : null,
        helpfulCount: post.helpfulCount,
        helpfulByViewer: post.helpfulByViewer,
        own: post.authorId === user?.id,
      };
    }),
    editing: editing ? { id: editing.id, number: editing.number, body: editing.body, title: editing.number === 1 ? thread.title : null } : null,
    people: Object.fromEntries(people) as Record<string, PersonView>,
    page,
    pageCount,
    viewer: user ? { id: user.id, moderator, subscribed: subscription?.thread ?? false } : null,
    closed,
    suspendedUntil: suspension?.endsAt ?? null,
    suspension: suspension ? { endsAt: suspension.endsAt, reason: suspension.reason } : null,
    quote,
    replyTo,
  };
}

function refusalStatus(refusal: PostingRefusal | { reason: string }) {
  if (refusal.reason === "rate_limited") return 429;
  if (refusal.reason === "too_many_links") return 400;
  if (refusal.reason === "not_found") return 404;
  return 403;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!IdSchema.safeParse(params.id).success) notFound();
  const threadId = params.id!;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ThreadActionSchema });
  if (submission.status !== "success") {
    // Errors go back to the form they came from (the reply form or an edit form).
    const intent = formData.get("intent") === "edit" ? ("edit" as const) : ("reply" as const);
    return data({ result: submission.reply(), refusal: null, intent }, { status: 400 });
  }
  const value = submission.value;
  const belongs = async (postId: string) => {
    const post = await getPost(postId);
    if (!post || post.threadId !== threadId) notFound();
    return post;
  };
  switch (value.intent) {
    case "reply": {
      const created = await createReply({ userId: user.id, threadId, body: value.body, replyToPostId: value.replyTo ?? null });
      if (created.error) {
        if (created.error.reason === "not_found") notFound();
        return data({ result: submission.reply(), refusal: created.error as PostingRefusal, intent: "reply" }, { status: refusalStatus(created.error) });
      }
      return redirect(postUrl(threadId, created.post!.number));
    }
    case "edit": {
      await belongs(value.postId);
      const edited = await editPost({ userId: user.id, postId: value.postId, body: value.body, title: value.title });
      if (edited.error) {
        if (edited.error.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
        return data({ result: submission.reply(), refusal: edited.error as PostingRefusal, intent: "edit" }, { status: refusalStatus(edited.error) });
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
      const thread = await getThread(threadId);
      if (!thread) notFound();
      await setThreadSubscription({ userId: user.id, threadId, active: value.intent === "subscribe" });
      return redirect(`/forum/threads/${threadId}?${value.intent}d=1`);
    }
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function EditForm({ editing, threadId, page }: { editing: NonNullable<LoaderData["editing"]>; threadId: string; page: number }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `edit-${editing.id}`,
    lastResult: actionData?.intent === "edit" ? actionData.result : undefined,
    defaultValue: { body: editing.body, title: editing.title ?? undefined, postId: editing.id },
    constraint: getZodConstraint(ThreadActionSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {actionData?.intent === "edit" ? <RefusalMessage refusal={actionData.refusal} /> : null}
      <input type="hidden" name="intent" value="edit" />
      <input type="hidden" name="postId" value={editing.id} />
      {editing.title !== null ? <TextField field={fields.title} label={t("forum.threadTitle")} /> : null}
      <TextAreaField field={fields.body} label={t("forum.editBody")} rows={10} />
      <div className="actions">
        <button type="submit">{t("forum.saveEdit")}</button>
        <Link to={`/forum/threads/${threadId}?page=${page}#post-${editing.number}`}>{t("forum.cancel")}</Link>
      </div>
    </Form>
  );
}

function ReplyForm({ quote, replyTo }: { quote: string; replyTo: string | null }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reply-form",
    lastResult: actionData?.intent === "reply" ? actionData.result : undefined,
    defaultValue: { body: quote, replyTo: replyTo ?? undefined },
    constraint: getZodConstraint(ThreadActionSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {actionData?.intent === "reply" ? <RefusalMessage refusal={actionData.refusal} /> : null}
      <input type="hidden" name="intent" value="reply" />
      {replyTo ? <input type="hidden" name="replyTo" value={replyTo} /> : null}
      <TextAreaField field={fields.body} label={t("forum.yourReply")} hint={t("forum.markdownHint", { max: MAX_POST_LENGTH })} rows={8} />
      <div className="actions">
        <button type="submit">{t("forum.postReply")}</button>
      </div>
    </Form>
  );
}

export default function ThreadPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { thread, posts, editing, people, page, pageCount, viewer, closed, suspendedUntil, suspension, quote, replyTo, categoryId, mayManageConsultation, flagged, categories } =
    useLoaderData<typeof loader>();
  const here = `/forum/threads/${thread.id}?page=${page}`;
  const categoryName = localized({ en: thread.category.nameEn, ru: thread.category.nameRu }, language);
  const consultation = thread.consultation;
  const pageLink = (n: number) => `/forum/threads/${thread.id}?page=${n}`;
  return (
    <section className="forum thread">
      <nav aria-label={t("forum.breadcrumbs")} className="breadcrumbs">
        <Link to="/forum">{t("forum.title")}</Link> › <Link to={`/forum/${thread.category.slug}`}>{categoryName}</Link>
      </nav>
      <h1>
        {thread.title} <ThreadStatus thread={thread} />
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
          <p className="consultation-question">{consultation.question}</p>
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
            </section>
          ) : null}
          {mayManageConsultation ? (
            <ConsultationManageForms threadId={thread.id} consultation={{ ...consultation, summary: consultation.summary ?? null }} redirectTo={here} />
          ) : null}
        </section>
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
        {posts.map((post) => (
          <li key={post.id}>
            <article id={`post-${post.number}`} className={`post${post.hidden ? " post-hidden" : ""}`} aria-labelledby={`post-${post.number}-by`}>
              <header className="post-header">
                <span id={`post-${post.number}-by`}>
                  <PersonName person={people[post.authorId]} />
                </span>
                <a href={`/forum/posts/${post.id}`} className="post-link">
                  #{post.number} · <time dateTime={new Date(post.createdAt).toISOString()}>{formatDate(post.createdAt, language)}</time>
                </a>
                {post.editedAt && !post.deleted ? (
                  <span className="post-edited">
                    {t("forum.edited")}
                    {viewer?.moderator && post.edits > 0 ? (
                      <>
                        {" · "}
                        <Link to={`/forum/posts/${post.id}/history`}>{t("forum.history", { count: post.edits })}</Link>
                      </>
                    ) : null}
                  </span>
                ) : null}
              </header>
              {post.deleted ? (
                <p className="post-placeholder">{t("forum.deletedPlaceholder")}</p>
              ) : post.hidden && !post.html ? (
                <p className="post-placeholder">{t("forum.hiddenPlaceholder")}</p>
              ) : editing?.id === post.id ? (
                <EditForm editing={editing} threadId={thread.id} page={page} />
              ) : (
                <>
                  {post.hidden ? (
                    <p className="post-placeholder">
                      {t("forum.hiddenForModerators")}
                      {post.hiddenReason ? ` ${t("forum.hiddenReason", { reason: post.hiddenReason })}` : null}
                    </p>
                  ) : null}
                  <div className="post-body" dangerouslySetInnerHTML={{ __html: post.html ?? "" }} />
                </>
              )}
              {!post.deleted && !post.hidden ? (
                <footer className="post-actions actions">
                  {viewer && !post.own ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="helpful" />
                      <input type="hidden" name="postId" value={post.id} />
                      <button type="submit" className="button-secondary" aria-pressed={post.helpfulByViewer}>
                        {t("forum.helpful")} <span className="count">{post.helpfulCount}</span>
                      </button>
                    </Form>
                  ) : (
                    <span className="helpful-count">{t("forum.helpfulCount", { count: post.helpfulCount })}</span>
                  )}
                  {viewer && !closed ? (
                    <Link to={`/forum/threads/${thread.id}?page=${page}&quote=${post.id}#reply`} aria-label={t("forum.quoteLabel", { number: post.number })}>
                      {t("forum.quote")}
                    </Link>
                  ) : null}
                  {post.own && !closed && editing?.id !== post.id ? (
                    <Link to={`/forum/threads/${thread.id}?page=${page}&edit=${post.id}#post-${post.number}`} aria-label={t("forum.editLabel", { number: post.number })}>
                      {t("forum.edit")}
                    </Link>
                  ) : null}
                  {post.own ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="postId" value={post.id} />
                      <button type="submit" className="link-button" aria-label={t("forum.deleteLabel", { number: post.number })}>
                        {t("forum.delete")}
                      </button>
                    </Form>
                  ) : null}
                </footer>
              ) : null}
              {viewer && !post.own && !post.deleted && !post.hidden && !suspendedUntil ? (
                <p className="post-flag">
                  {flagged.includes(post.id) ? (
                    <Link to={`/forum/flags?post=${post.id}`}>{t("forumModeration.flag.youFlagged", { number: post.number })}</Link>
                  ) : (
                    <FlagPostLink postId={post.id} number={post.number} back={`${here}#post-${post.number}`} />
                  )}
                </p>
              ) : null}
              {viewer?.moderator && !post.deleted ? (
                <p className="post-moderation">
                  <Link to={`/forum/moderation/posts/${post.id}`}>{t("forumModeration.post.moderateLink", { number: post.number })}</Link>
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
      {pageCount > 1 ? (
        <nav aria-label={t("forum.pagination")} className="pagination">
          {page > 1 ? <Link to={pageLink(1)}>{t("forum.firstPage")}</Link> : null}
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("forum.previousPage")}</Link> : null}
          <span>{t("forum.pageOf", { page, count: pageCount })}</span>
          {page < pageCount ? <Link to={pageLink(page + 1)}>{t("forum.nextPage")}</Link> : null}
          {page < pageCount ? <Link to={pageLink(pageCount)}>{t("forum.lastPage")}</Link> : null}
        </nav>
      ) : null}
      {viewer?.moderator ? (
        <section aria-labelledby="thread-moderation-heading" className="thread-moderation">
          <h2 id="thread-moderation-heading">{t("forumModeration.thread.legend")}</h2>
          <ThreadModerationControls thread={{ id: thread.id, locked: thread.locked, pinned: thread.pinned, categoryId }} categories={categories} redirectTo={here} />
        </section>
      ) : null}
      <section id="reply" aria-labelledby="reply-heading" className="reply">
        <h2 id="reply-heading">{t("forum.reply")}</h2>
        {!viewer ? (
          <p>
            <Link to={`/login?${new URLSearchParams({ redirectTo: `/forum/threads/${thread.id}?page=${pageCount}` })}`}>{t("forum.signInToReply")}</Link>
          </p>
        ) : closed ? (
          <RefusalMessage refusal={{ reason: closed }} />
        ) : suspendedUntil ? (
          <RefusalMessage refusal={{ reason: "suspended", until: suspendedUntil }} />
        ) : (
          <ReplyForm key={replyTo ?? "new"} quote={quote} replyTo={replyTo} />
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.thread.title ?? ""} · Ortaq` }];
