import { Link } from "@remix-run/react";
import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/forms";
import { FlagPostLink } from "~/components/forum-moderation";
import { KeptPart } from "~/components/kept-html";
import { PlainLink } from "~/components/plain-links";
import { formatDate, formatNumber } from "~/utils/format";
import { isConsultationOpen } from "~/utils/forum-consultation";
import { MAX_LINKS_PER_POST } from "~/utils/forum-limits";
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from "~/utils/i18n";

export interface PersonView {
  id: string;
  displayName: string;
  handle: string | null;
  badges: string[];
}

/** A name as the forum shows it: display name, @handle for mentions, and role badges. */
export function PersonName({ person }: { person: PersonView | undefined }) {
  const { t } = useTranslation();
  if (!person) return <span className="person">{t("forum.unknownPerson")}</span>;
  return (
    <span className="person">
      <strong>{person.displayName}</strong>
      {person.handle ? <span className="handle"> @{person.handle}</span> : null}
      {person.badges.map((badge) => (
        <span key={badge} className={`badge badge-role badge-${badge}`}>
          {t(`forum.badge.${badge}`)}
        </span>
      ))}
    </span>
  );
}

export interface ThreadListItemView {
  id: string;
  title: string;
  tags: string[];
  kind: string;
  pinned: boolean;
  locked: boolean;
  postCount: number;
  lastPostAt: string | Date;
  authorId: string;
  /** The language of the opening post and title. */
  language: string;
  /** Named in the reader's language (withCategoryNamedIn). */
  category: { slug: string; name: string };
  consultation: { closesAt: string | Date; closedAt: string | Date | null; summaryPublishedAt?: string | Date | null } | null;
}

export function ThreadStatus({ thread }: { thread: Pick<ThreadListItemView, "pinned" | "locked" | "consultation"> }) {
  return <ThreadBadges pinned={thread.pinned} locked={thread.locked} consultationOpen={consultationOpenNow(thread)} />;
}

/** Whether a thread's consultation is open as of now; null when the thread is not a consultation. */
function consultationOpenNow({ consultation }: Pick<ThreadListItemView, "consultation">) {
  return consultation ? isConsultationOpen(consultation) : null;
}

/** Pinned, locked, and a consultation's state (null: not a consultation) as of now. */
function ThreadBadges({ pinned, locked, consultationOpen }: { pinned: boolean; locked: boolean; consultationOpen: boolean | null }) {
  const { t } = useTranslation();
  return (
    <>
      {pinned ? <span className="badge badge-pinned">{t("forum.pinned")}</span> : null}
      {locked ? <span className="badge badge-locked">{t("forum.locked")}</span> : null}
      {consultationOpen !== null ? (
        <span className={`badge ${consultationOpen ? "badge-open" : "badge-closed"}`}>
          {consultationOpen ? t("forum.consultation.open") : t("forum.consultation.closed")}
        </span>
      ) : null}
    </>
  );
}

export function ThreadList({
  threads,
  people,
  showCategory = false,
}: {
  threads: ThreadListItemView[];
  people: Record<string, PersonView>;
  showCategory?: boolean;
}) {
  return (
    <ul className="thread-list">
      {threads.map((thread) => (
        <KeptPart
          key={thread.id}
          name="thread-row"
          as="li"
          className="thread-item"
          component={ThreadRow}
          props={{
            thread: {
              id: thread.id,
              title: thread.title,
              language: thread.language,
              tags: thread.tags,
              pinned: thread.pinned,
              locked: thread.locked,
              postCount: thread.postCount,
              lastPostAt: thread.lastPostAt,
            },
            // Whether a consultation is open depends on the hour: decided here, so that a kept row never outlives it.
            consultationOpen: consultationOpenNow(thread),
            category: showCategory ? thread.category : null,
            authorName: people[thread.authorId]?.displayName ?? null,
          }}
        />
      ))}
    </ul>
  );
}

/** What a row of a list of threads shows, all of it plain data: a kept part is rendered from it alone (decision 039). */
interface ThreadRowProps {
  thread: Pick<ThreadListItemView, "id" | "title" | "language" | "tags" | "pinned" | "locked" | "postCount" | "lastPostAt">;
  consultationOpen: boolean | null;
  /** The thread's category, where the list names it. */
  category: { slug: string; name: string } | null;
  authorName: string | null;
}

function ThreadRow({ thread, consultationOpen, category, authorName }: ThreadRowProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <>
      <h3 className="thread-title">
        <PlainLink to={`/forum/threads/${thread.id}`} lang={thread.language} dir="auto">
          {thread.title}
        </PlainLink>{" "}
        <ThreadBadges pinned={thread.pinned} locked={thread.locked} consultationOpen={consultationOpen} />
        <PostLanguage language={thread.language} />
      </h3>
      <p className="thread-meta">
        {category ? (
          <>
            <PlainLink to={`/forum/${category.slug}`}>{category.name}</PlainLink>
            {" · "}
          </>
        ) : null}
        <bdi>{authorName ?? t("forum.unknownPerson")}</bdi>
        {" · "}
        {t("forum.replies", { count: thread.postCount - 1, formatted: formatNumber(thread.postCount - 1, language) })}
        {" · "}
        {t("forum.lastActivity", { date: formatDate(thread.lastPostAt, language) })}
      </p>
      <TagList tags={thread.tags} />
    </>
  );
}

/** The language a post (or thread) is written in, named in the reader's language; nothing when it is the reader's own. */
export function PostLanguage({ language }: { language: string }) {
  const { t, i18n } = useTranslation();
  if (language === i18n.language) return null;
  return (
    <span className="badge badge-language">
      {t("forum.language.of", { language: t(`forum.languageNames.${language}`, { defaultValue: language }) })}
    </span>
  );
}

/** The language of a post being written: "detect automatically" (the empty choice) or one the author picks. */
export function PostLanguageField({ field }: { field: ComponentProps<typeof SelectField>["field"] }) {
  const { t } = useTranslation();
  const options = SUPPORTED_LANGUAGES.map((language) => {
    const name = t(`forum.languageNames.${language}`);
    return { value: language, label: name === LANGUAGE_NAMES[language] ? name : `${name} (${LANGUAGE_NAMES[language]})` };
  });
  return (
    <SelectField
      field={field}
      label={t("forum.language.label")}
      hint={t("forum.language.hint")}
      placeholder={t("forum.language.detect")}
      options={options}
    />
  );
}

/** The choice of a forum filter form: posts in one language, or in all ("" is all). */
export function LanguageFilterSelect({ id, value }: { id: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("forum.language.filter")}</label>
      <select id={id} name="language" defaultValue={value}>
        <option value="">{t("forum.language.any")}</option>
        {SUPPORTED_LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`forum.languageNames.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t("forum.tags")}>
      {tags.map((tag) => (
        <li key={tag}>
          <PlainLink to={`/forum/search?${new URLSearchParams({ tag })}`} className="tag">
            #<bdi>{tag}</bdi>
          </PlainLink>
        </li>
      ))}
    </ul>
  );
}

/** A refusal to post (suspension, lock, closed consultation, rate limit, links) as a sentence. */
export function RefusalMessage({
  refusal,
}: {
  refusal:
    { reason: string; until?: string | Date; retryAfterSeconds?: number; max?: number; liftsAt?: string | Date | null } | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  if (!refusal) return null;
  const text =
    refusal.reason === "suspended"
      ? t("forum.refusal.suspended", { date: formatDate(refusal.until ?? new Date(), i18n.language) })
      : refusal.reason === "rate_limited"
        ? t("forum.refusal.rateLimited", { count: Math.ceil((refusal.retryAfterSeconds ?? 60) / 60) })
        : refusal.reason === "too_many_links"
          ? // A new account is told that its limit is a new account's, and when it lifts; links to the site's own pages never count.
            `${
              refusal.liftsAt
                ? t("forum.refusal.tooManyLinksNew", {
                    count: refusal.max ?? 0,
                    established: MAX_LINKS_PER_POST.established,
                    date: formatDate(refusal.liftsAt, i18n.language),
                  })
                : t("forum.refusal.tooManyLinks", { count: refusal.max ?? 0 })
            } ${t("forum.refusal.ownLinksFree")}`
          : refusal.reason === "unconfirmed"
            ? t("confirmEmail.requiredToPost")
            : t(
                `forum.refusal.${refusal.reason === "locked" ? "locked" : refusal.reason === "consultation_closed" ? "consultationClosed" : "other"}`,
              );
  return (
    <div role="alert" className="form-errors">
      <p>{text}</p>
    </div>
  );
}

/** The forum threads linked to an enterprise, on its public page. */
export function EnterpriseThreads({
  threads,
  people,
  canStart,
}: {
  threads: ThreadListItemView[];
  people: Record<string, PersonView>;
  canStart: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="enterprise-forum">
      <h2 id="enterprise-forum">{t("forum.enterpriseThreads")}</h2>
      {threads.length ? <ThreadList threads={threads} people={people} showCategory /> : <p>{t("forum.noEnterpriseThreads")}</p>}
      {canStart ? (
        <p>
          <Link to="/forum/new">{t("forum.newThread")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export interface PostRevisionView {
  id: string;
  body: string;
  title: string | null;
  createdAt: string | Date;
  editor: { displayName: string };
}

/** A post's earlier versions, newest first, as plain text (never rendered as Markdown). */
export function PostRevisionList({ revisions }: { revisions: PostRevisionView[] }) {
  const { t, i18n } = useTranslation();
  if (revisions.length === 0) return <p>{t("forum.noEarlierVersions")}</p>;
  return (
    <ol className="revision-list">
      {revisions.map((revision) => (
        <li key={revision.id}>
          <p className="field-hint">
            {t("forum.replacedOn", { date: formatDate(revision.createdAt, i18n.language), name: revision.editor.displayName })}
          </p>
          {revision.title ? <p>{t("forum.previousTitle", { title: revision.title })}</p> : null}
          <pre className="revision">{revision.body}</pre>
        </li>
      ))}
    </ol>
  );
}

export interface ForumPostView {
  id: string;
  number: number;
  authorId: string;
  /** The language the post is written in: its text is marked with it, and named when it is not the reader's. */
  language: string;
  createdAt: string | Date;
  editedAt: string | Date | null;
  edits: number;
  deleted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  /** The text as HTML, or null when the reader may not read it (the server decides: see mayReadPost). */
  html: string | null;
  own: boolean;
  flaggedByViewer: boolean;
}

/**
 * One post of a thread, wherever a thread's posts are shown: its author, number and date, its text or
 * a placeholder, the reader's link to flag it and a moderator's link to moderate it. `editing`
 * replaces the text (the thread page's edit form); `actions` are shown under a readable post.
 */
export function ForumPost({
  post,
  person,
  reader,
  back,
  editing,
  actions,
}: {
  post: ForumPostView;
  person: PersonView | undefined;
  /** Null for a visitor who is not signed in; `mayFlag` is false while the reader is suspended. */
  reader: { moderator: boolean; mayFlag: boolean } | null;
  /** Where the flag page sends the reader back to. */
  back: string;
  editing?: ReactNode;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const open = !post.deleted && !post.hidden;
  return (
    <article id={`post-${post.number}`} className={`post${post.hidden ? " post-hidden" : ""}`} aria-labelledby={`post-${post.number}-by`}>
      <header className="post-header">
        <span id={`post-${post.number}-by`}>
          <PersonName person={person} />
        </span>
        <a href={`/forum/posts/${post.id}`} className="post-link">
          #{post.number} · <time dateTime={new Date(post.createdAt).toISOString()}>{formatDate(post.createdAt, language)}</time>
        </a>
        {post.html !== null ? <PostLanguage language={post.language} /> : null}
        {post.editedAt && !post.deleted ? (
          <span className="post-edited">
            {t("forum.edited")}
            {reader?.moderator && post.edits > 0 ? (
              <>
                {" · "}
                <PlainLink to={`/forum/posts/${post.id}/history`}>{t("forum.history", { count: post.edits })}</PlainLink>
              </>
            ) : null}
          </span>
        ) : null}
      </header>
      {post.deleted ? (
        <p className="post-placeholder">{t("forum.deletedPlaceholder")}</p>
      ) : post.html === null ? (
        <p className="post-placeholder">{t("forum.hiddenPlaceholder")}</p>
      ) : editing ? (
        editing
      ) : (
        <>
          {post.hidden ? (
            <p className="post-placeholder">
              {t("forum.hiddenForModerators")}
              {post.hiddenReason ? ` ${t("forum.hiddenReason", { reason: post.hiddenReason })}` : null}
            </p>
          ) : null}
          <div className="post-body" lang={post.language} dir="auto" dangerouslySetInnerHTML={{ __html: post.html }} />
        </>
      )}
      {open && actions ? <footer className="post-actions actions">{actions}</footer> : null}
      {reader?.mayFlag && !post.own && open ? (
        <p className="post-flag">
          {post.flaggedByViewer ? (
            <PlainLink to={`/forum/flags?post=${post.id}`}>{t("forumModeration.flag.youFlagged", { number: post.number })}</PlainLink>
          ) : (
            <FlagPostLink postId={post.id} number={post.number} back={`${back}#post-${post.number}`} />
          )}
        </p>
      ) : null}
      {reader?.moderator && !post.deleted ? (
        <p className="post-moderation">
          <PlainLink to={`/forum/moderation/posts/${post.id}`}>{t("forumModeration.post.moderateLink", { number: post.number })}</PlainLink>
        </p>
      ) : null}
    </article>
  );
}

/** Links to the first, previous, next and last pages of a thread's posts. */
export function PostPagination({ page, pageCount, pageLink }: { page: number; pageCount: number; pageLink: (page: number) => string }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("forum.pagination")} className="pagination">
      {page > 1 ? <Link to={pageLink(1)}>{t("forum.firstPage")}</Link> : null}
      {page > 1 ? <Link to={pageLink(page - 1)}>{t("forum.previousPage")}</Link> : null}
      <span>{t("forum.pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={pageLink(page + 1)}>{t("forum.nextPage")}</Link> : null}
      {page < pageCount ? <Link to={pageLink(pageCount)}>{t("forum.lastPage")}</Link> : null}
    </nav>
  );
}
