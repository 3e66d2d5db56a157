import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "~/utils/format";
import { isConsultationOpen } from "~/utils/forum-consultation";
import { localized } from "~/utils/i18n";

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
  category: { slug: string; nameEn: string; nameRu: string };
  consultation: { closesAt: string | Date; closedAt: string | Date | null; summaryPublishedAt?: string | Date | null } | null;
}

export function ThreadStatus({ thread }: { thread: Pick<ThreadListItemView, "pinned" | "locked" | "consultation"> }) {
  const { t } = useTranslation();
  return (
    <>
      {thread.pinned ? <span className="badge badge-pinned">{t("forum.pinned")}</span> : null}
      {thread.locked ? <span className="badge badge-locked">{t("forum.locked")}</span> : null}
      {thread.consultation ? (
        <span className={`badge ${isConsultationOpen(thread.consultation) ? "badge-open" : "badge-closed"}`}>
          {isConsultationOpen(thread.consultation) ? t("forum.consultation.open") : t("forum.consultation.closed")}
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
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <ul className="thread-list">
      {threads.map((thread) => (
        <li key={thread.id} className="thread-item">
          <h3 className="thread-title">
            <Link to={`/forum/threads/${thread.id}`}>{thread.title}</Link> <ThreadStatus thread={thread} />
          </h3>
          <p className="thread-meta">
            {showCategory ? (
              <>
                <Link to={`/forum/${thread.category.slug}`}>{localized({ en: thread.category.nameEn, ru: thread.category.nameRu }, language)}</Link>
                {" · "}
              </>
            ) : null}
            {people[thread.authorId]?.displayName ?? t("forum.unknownPerson")}
            {" · "}
            {t("forum.replies", { count: thread.postCount - 1, formatted: formatNumber(thread.postCount - 1, language) })}
            {" · "}
            {t("forum.lastActivity", { date: formatDate(thread.lastPostAt, language) })}
          </p>
          <TagList tags={thread.tags} />
        </li>
      ))}
    </ul>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t("forum.tags")}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link to={`/forum/search?${new URLSearchParams({ tag })}`} className="tag">
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A refusal to post (suspension, lock, closed consultation, rate limit, links) as a sentence. */
export function RefusalMessage({ refusal }: { refusal: { reason: string; until?: string | Date; retryAfterSeconds?: number; max?: number } | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!refusal) return null;
  const text =
    refusal.reason === "suspended"
      ? t("forum.refusal.suspended", { date: formatDate(refusal.until ?? new Date(), i18n.language) })
      : refusal.reason === "rate_limited"
        ? t("forum.refusal.rateLimited", { count: Math.ceil((refusal.retryAfterSeconds ?? 60) / 60) })
        : refusal.reason === "too_many_links"
          ? t("forum.refusal.tooManyLinks", { count: refusal.max ?? 0 })
          : t(`forum.refusal.${refusal.reason === "locked" ? "locked" : refusal.reason === "consultation_closed" ? "consultationClosed" : "other"}`);
  return (
    <div role="alert" className="form-errors">
      <p>{text}</p>
    </div>
  );
}

/** The forum threads linked to an enterprise, on its public page. */
export function EnterpriseThreads({ threads, people, canStart }: { threads: ThreadListItemView[]; people: Record<string, PersonView>; canStart: boolean }) {
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
          <p className="field-hint">{t("forum.replacedOn", { date: formatDate(revision.createdAt, i18n.language), name: revision.editor.displayName })}</p>
          {revision.title ? <p>{t("forum.previousTitle", { title: revision.title })}</p> : null}
          <pre className="revision">{revision.body}</pre>
        </li>
      ))}
    </ol>
  );
}
