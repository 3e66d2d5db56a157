// What a page of a thread shows: its posts as the reader may see them (the thread page and the
// consultation page show the same posts, through the same query and the same rule), and the thread
// page around them: the thread, its consultation, and what the reader may do there.
import type { Prisma } from "~/generated/prisma/client";
import { mayReadCategory } from "~/models/forum-access.server";
import { mayManageConsultation } from "~/models/forum-consultation.server";
import { listCategoryChoices, suspensionInForceSql } from "~/models/forum-moderation.server";
import { getPollView, mayAddPoll } from "~/models/forum-poll.server";
import {
  getPeople,
  getPost,
  renderForumTexts,
  getThread,
  languageChoiceOf,
  threadClosedReason,
  type ForumPerson,
} from "~/models/forum.server";
import type { SessionUser } from "~/utils/auth.server";
import { lookup, prisma } from "~/utils/db.server";
import { kept } from "~/utils/kept-data.server";
import { pageOfPost, POSTS_PER_PAGE } from "~/utils/forum-limits";
import { isForumModerator } from "~/utils/permissions.server";
import { markdownSummary } from "~/utils/markdown.server";

/** Who reads the page: nobody signed in (null), or a person, who may be a moderator. */
export type ForumReader = Pick<SessionUser, "id" | "roles"> | null;

/**
 * Whether the reader may read a post's text: nobody that of a deleted post; only moderators that
 * of a hidden one (shown to them marked as hidden, so they can judge and restore it).
 */
export function mayReadPost(post: { deletedAt: Date | null; hiddenAt: Date | null }, reader: ForumReader) {
  return !post.deletedAt && (!post.hiddenAt || isForumModerator(reader));
}

const PAGE_POST_SELECT = {
  id: true,
  number: true,
  body: true,
  language: true,
  authorId: true,
  helpfulCount: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  createdAt: true,
  _count: { select: { revisions: true } },
} satisfies Prisma.ForumPostSelect;

/** A post as one reader sees it: the text (as HTML) only when they may read it, the hiding reason only for moderators. */
export interface ThreadPostView {
  id: string;
  number: number;
  authorId: string;
  /** The language the post is written in (a code of SUPPORTED_LANGUAGES). */
  language: string;
  createdAt: Date;
  editedAt: Date | null;
  edits: number;
  deleted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  html: string | null;
  helpfulCount: number;
  helpfulByViewer: boolean;
  flaggedByViewer: boolean;
  own: boolean;
}

/** What a page of a thread shows of the person reading it. */
export interface ReaderOfThread {
  /** Their suspension in force (the one that ends last), if any: they read, but may not post, flag or vote. */
  suspension: { endsAt: Date; reason: string } | null;
  /** Whether they follow the thread. */
  subscribed: boolean;
  /** Which of the page's posts they found helpful, and which they flagged. */
  helpful: string[];
  flagged: string[];
}

const NOBODY: ReaderOfThread = { suspension: null, subscribed: false, helpful: [], flagged: [] };

/**
 * Everything about the reader a page of a thread shows, in one query (it is asked on every page a
 * signed-in person reads). The suspension in force is found by the rule of `activeSuspension`.
 */
async function readReaderOfThread({
  userId,
  threadId,
  postIds,
  now = new Date(),
}: {
  userId: string;
  threadId: string;
  postIds: string[];
  now?: Date;
}): Promise<ReaderOfThread> {
  const [row] = await lookup<{ endsAt: Date | null; reason: string | null; subscribed: boolean; helpful: string[]; flagged: string[] }>`
    SELECT s."endsAt", s.reason,
      COALESCE((SELECT active FROM "ForumThreadSubscription" WHERE "userId" = ${userId} AND "threadId" = ${threadId}), false) AS subscribed,
      ARRAY(SELECT "postId" FROM "ForumReaction" WHERE "userId" = ${userId} AND kind = 'helpful' AND "postId" = ANY(${postIds})) AS helpful,
      ARRAY(SELECT "postId" FROM "ForumFlag" WHERE "reporterId" = ${userId} AND "postId" = ANY(${postIds})) AS flagged
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (${suspensionInForceSql(userId, now)}) AS s ON true`;
  return {
    suspension: row!.endsAt ? { endsAt: row!.endsAt, reason: row!.reason! } : null,
    subscribed: row!.subscribed,
    helpful: row!.helpful,
    flagged: row!.flagged,
  };
}

/**
 * One page of a thread, as `reader` may see it, with the people who wrote it (posts numbered from
 * (page-1)*size+1, found through the (threadId, number) index) and what the page shows of its reader.
 */
export async function getThreadPosts({ threadId, page, reader }: { threadId: string; page: number; reader: ForumReader }) {
  const first = (page - 1) * POSTS_PER_PAGE + 1;
  // Every post of the page, whoever reads it, with the text of each that is not deleted as HTML (what each
  // reader may see of them is worked out below: a hidden post's text only by moderators).
  const { posts, htmlOf } = await kept("forum.threadPage", { threadId, page }, async () => {
    const posts = await prisma.forumPost.findMany({
      where: { threadId, number: { gte: first, lt: first + POSTS_PER_PAGE } },
      select: PAGE_POST_SELECT,
      orderBy: { number: "asc" },
    });
    const written = posts.filter((post) => !post.deletedAt);
    const htmls = await renderForumTexts(written.map((post) => post.body));
    return { posts, htmlOf: new Map(written.map((post, i) => [post.id, htmls[i]!])) };
  });
  const postIds = posts.map((p) => p.id);
  const [readerOfThread, people] = await Promise.all([
    reader ? readReaderOfThread({ userId: reader.id, threadId, postIds }) : NOBODY,
    getPeople(posts.map((p) => p.authorId)),
  ]);
  const moderator = isForumModerator(reader);
  const views: ThreadPostView[] = posts.map((post) => ({
    id: post.id,
    number: post.number,
    authorId: post.authorId,
    language: post.language,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    edits: post._count.revisions,
    deleted: Boolean(post.deletedAt),
    hidden: Boolean(post.hiddenAt),
    hiddenReason: moderator && !post.deletedAt ? post.hiddenReason : null,
    html: mayReadPost(post, reader) ? (htmlOf.get(post.id) ?? null) : null,
    helpfulCount: post.helpfulCount,
    helpfulByViewer: readerOfThread.helpful.includes(post.id),
    flaggedByViewer: readerOfThread.flagged.includes(post.id),
    own: post.authorId === reader?.id,
  }));
  return {
    posts: views,
    people: Object.fromEntries(people) as Record<string, ForumPerson>,
    reader: readerOfThread,
  };
}

/** The number of a post of this thread (for links to it), or null when the thread has no such post. */
export async function findThreadPost({ threadId, postId }: { threadId: string; postId: string }) {
  const post = await prisma.forumPost.findFirst({ where: { id: postId, threadId }, select: { number: true } });
  return post?.number ?? null;
}

/** The reply form's starting text when quoting a post: its text as a Markdown quote, with attribution. */
function quoteOf(post: { id: string; body: string; author: { displayName: string; handle: string | null } }) {
  const who = post.author.handle ? `@${post.author.handle}` : post.author.displayName.replace(/[[\]*_`\\<>]/g, "");
  const lines = post.body
    .trim()
    .split("\n")
    .map((line) => `> ${line}`.trimEnd());
  return `> ${who} [wrote](/forum/posts/${post.id}):\n>\n${lines.join("\n")}\n\n`;
}

/**
 * What every page of a thread shows of its texts, the same for every reader until the thread changes (kept
 * as such): its consultation's question and published summary as HTML, and what the thread is about for
 * search engines and shared links, the consultation's question, else the opening post's text when it is
 * shown to everyone (neither deleted nor hidden).
 */
async function readThreadTexts(thread: {
  id: string;
  consultation: { question: string; summary: string | null; summaryPublishedAt: Date | null } | null;
}) {
  const consultation = thread.consultation;
  if (consultation) {
    const [questionHtml, summaryHtml] = await renderForumTexts([
      consultation.question,
      consultation.summaryPublishedAt ? (consultation.summary ?? "") : "",
    ]);
    return { questionHtml: questionHtml!, summaryHtml: summaryHtml!, description: markdownSummary(consultation.question) };
  }
  const opening = await prisma.forumPost.findFirst({
    where: { threadId: thread.id, number: 1, deletedAt: null, hiddenAt: null },
    select: { body: true },
  });
  return { questionHtml: null, summaryHtml: null, description: markdownSummary(opening?.body ?? "") };
}

/**
 * Everything a page of a thread shows to `reader`: the thread (with its consultation), the page's
 * posts, whether the reader may reply (and why not), a quoted post to start a reply with, and one's
 * own post being edited. Null when the thread, or that page of it, does not exist, or when `reader`
 * may not read it (a cohort's private category): the thread is read once, its category with it.
 */
export async function getThreadView({
  threadId,
  page,
  reader,
  quoteId,
  editId,
  language,
}: {
  threadId: string;
  page: number;
  reader: ForumReader;
  quoteId?: string;
  editId?: string;
  /** The reader's language, for the categories a moderator may move the thread to. */
  language: string;
}) {
  // The same for every reader until it changes (a reader who just changed it reads it afresh).
  const thread = await kept("forum.thread", threadId, () => getThread(threadId));
  if (!thread || !(await mayReadCategory(thread.category.cohortId, reader))) return null;
  const pageCount = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  if (page > pageCount) return null;
  const moderator = isForumModerator(reader);
  const [{ posts, people, reader: readerOfThread }, quoted, edited, categories, poll, texts] = await Promise.all([
    getThreadPosts({ threadId, page, reader }),
    quoteId ? getPost(quoteId) : null,
    reader && editId ? getPost(editId) : null,
    moderator ? listCategoryChoices(language) : ([] as Awaited<ReturnType<typeof listCategoryChoices>>),
    thread.poll ? getPollView({ threadId, reader }) : null,
    kept("forum.threadTexts", threadId, () => readThreadTexts(thread)),
  ]);
  // Only a visible post of this thread is quoted; only one's own visible post on this page is edited.
  const quote = quoted && quoted.threadId === threadId && !quoted.deletedAt && !quoted.hiddenAt ? quoted : null;
  const editing =
    edited &&
    edited.threadId === threadId &&
    edited.authorId === reader?.id &&
    !edited.deletedAt &&
    !edited.hiddenAt &&
    pageOfPost(edited.number) === page
      ? edited
      : null;
  const consultation = thread.consultation;
  const { questionHtml, summaryHtml } = texts;
  return {
    thread: {
      id: thread.id,
      title: thread.title,
      language: thread.language,
      tags: thread.tags,
      kind: thread.kind,
      pinned: thread.pinned,
      locked: thread.locked,
      postCount: thread.postCount,
      authorId: thread.authorId,
      category: thread.category,
      enterprise: thread.enterprise?.status === "published" ? { slug: thread.enterprise.slug, name: thread.enterprise.name } : null,
      consultation: consultation
        ? {
            country: consultation.country,
            question: consultation.question,
            closesAt: consultation.closesAt,
            closedAt: consultation.closedAt,
            questionHtml: questionHtml!,
            summaryHtml: consultation.summary && consultation.summaryPublishedAt ? summaryHtml! : null,
            summaryPublishedAt: consultation.summaryPublishedAt,
            summary: consultation.summary,
            summaryCitesPoll: consultation.summaryCitesPoll,
          }
        : null,
    },
    /** What the thread is about, for search engines and shared links: the consultation's question, else the opening post. */
    description: texts.description,
    poll,
    mayAddPoll: !poll && mayAddPoll(reader, { authorId: thread.authorId, locked: thread.locked, consultation }),
    categoryId: thread.category.id,
    mayManageConsultation: consultation
      ? mayManageConsultation(reader, { country: consultation.country, thread: { authorId: thread.authorId } })
      : false,
    categories,
    posts,
    people,
    editing: editing
      ? {
          id: editing.id,
          number: editing.number,
          body: editing.body,
          title: editing.number === 1 ? thread.title : null,
          language: languageChoiceOf(editing, editing.number === 1 ? thread.title : null, editing.author.locale),
        }
      : null,
    page,
    pageCount,
    viewer: reader ? { id: reader.id, moderator, subscribed: readerOfThread.subscribed } : null,
    closed: threadClosedReason(thread),
    suspendedUntil: readerOfThread.suspension?.endsAt ?? null,
    suspension: readerOfThread.suspension ? { endsAt: readerOfThread.suspension.endsAt, reason: readerOfThread.suspension.reason } : null,
    quote: quote ? quoteOf(quote) : "",
    replyTo: quote?.id ?? null,
  };
}
