import type { Prisma, Role } from "~/generated/prisma/client";
import { PUBLIC_CATEGORY, readableCategoryWhere, type ReadableCohorts } from "~/models/forum-access.server";
import { activeSuspension } from "~/models/forum-moderation.server";
import { insertPoll } from "~/models/forum-poll.server";
import { notifyForPost } from "~/models/notification.server";
import { assignHandle } from "~/models/user.server";
import { isUniqueViolation, lookup, prisma, type Tx } from "~/utils/db.server";
import { kept } from "~/utils/kept-data.server";
import { isConsultationOpen } from "~/utils/forum-consultation";
import type { PollInput } from "~/utils/forum-poll-validation";
import { MAX_LINKS_PER_POST, MAX_POSTS_PER_WINDOW, NEW_ACCOUNT_MS, POST_WINDOW_MS, THREADS_PER_PAGE } from "~/utils/forum-limits";
import { guessLanguage } from "~/utils/guess-language";
import { FALLBACK_LANGUAGE, isLanguage, type Language } from "~/utils/i18n";
import { getEnv } from "~/utils/env.server";
import { countLinks, mentionedHandles, renderMarkdown } from "~/utils/markdown.server";
import { verificationValidSince } from "~/utils/trust";

// ---------------------------------------------------------------------------------------------
// Categories

const CATEGORY_SELECT = {
  id: true,
  slug: true,
  kind: true,
  country: true,
  name: true,
  description: true,
  position: true,
  cohortId: true,
} satisfies Prisma.ForumCategorySelect;

export type ForumCategoryRow = Prisma.ForumCategoryGetPayload<{ select: typeof CATEGORY_SELECT }>;

/** The categories `readable` lets one read (the public ones by default), with their counts and latest thread. */
export function listCategories(readable: ReadableCohorts = []) {
  return kept("forum.categories", readable, () => readCategories(readable));
}

async function readCategories(readable: ReadableCohorts) {
  const [categories, stats, latest] = await Promise.all([
    prisma.forumCategory.findMany({
      where: readableCategoryWhere(readable),
      select: CATEGORY_SELECT,
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    prisma.$queryRaw<{ categoryId: string; threads: number; posts: number }[]>`
      SELECT "categoryId", count(*)::int AS threads, coalesce(sum("postCount"), 0)::int AS posts
      FROM "ForumThread" GROUP BY "categoryId"`,
    prisma.$queryRaw<{ categoryId: string; id: string; title: string; lastPostAt: Date }[]>`
      SELECT DISTINCT ON ("categoryId") "categoryId", id, title, "lastPostAt"
      FROM "ForumThread" ORDER BY "categoryId", "lastPostAt" DESC, id DESC`,
  ]);
  const statsOf = new Map(stats.map((s) => [s.categoryId, s]));
  const latestOf = new Map(latest.map((l) => [l.categoryId, l]));
  return categories.map((category) => ({
    ...category,
    threadCount: statsOf.get(category.id)?.threads ?? 0,
    postCount: statsOf.get(category.id)?.posts ?? 0,
    latest: latestOf.get(category.id) ?? null,
  }));
}

/** A category by its address, the same for every reader until it changes (a reader who just changed it reads it afresh). */
export function getCategoryBySlug(slug: string) {
  return kept("forum.category", slug, () => prisma.forumCategory.findUnique({ where: { slug }, select: CATEGORY_SELECT }));
}

/** The categories `readable` lets one read (and so write in), for choosing one. */
export function listCategoryOptions(readable: ReadableCohorts = []) {
  return kept("forum.categoryOptions", readable, () =>
    prisma.forumCategory.findMany({
      where: readableCategoryWhere(readable),
      select: { id: true, slug: true, name: true, kind: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// People: handles and role badges

// A member of a published enterprise whose current rating a verifier checked in the last 24
// months is a "verified enterprise" member; other members of published enterprises are shown as
// enterprise members.
export type Badge = "verified_enterprise" | "enterprise_member" | "funder" | "ministry" | "moderator";

export interface ForumPerson {
  id: string;
  displayName: string;
  handle: string | null;
  badges: Badge[];
}

const BADGE_ROLES: Partial<Record<Role, Badge>> = { funder: "funder", ministry: "ministry", moderator: "moderator" };

/** Names, handles and role badges of the people behind a page of posts or threads. */
export function getPeople(userIds: string[]): Promise<Map<string, ForumPerson>> {
  const ids = [...new Set(userIds)].sort();
  return kept("forum.people", ids, () => readPeople(ids));
}

async function readPeople(ids: string[]): Promise<Map<string, ForumPerson>> {
  if (ids.length === 0) return new Map();
  const users = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      displayName: true,
      handle: true,
      roles: { select: { role: true } },
      memberships: { where: { enterprise: { status: "published" } }, select: { enterpriseId: true } },
    },
  });
  const enterpriseIds = [...new Set(users.flatMap((u) => u.memberships.map((m) => m.enterpriseId)))];
  const verified = new Set(
    enterpriseIds.length === 0
      ? []
      : (
          await prisma.ratingFact.findMany({
            where: { enterpriseId: { in: enterpriseIds }, isCurrent: true, verifiedAt: { gt: verificationValidSince() } },
            select: { enterpriseId: true },
          })
        ).map((f) => f.enterpriseId),
  );
  return new Map(
    users.map((u) => {
      const badges: Badge[] = u.memberships.some((m) => verified.has(m.enterpriseId))
        ? ["verified_enterprise"]
        : u.memberships.length
          ? ["enterprise_member"]
          : [];
      for (const { role } of u.roles) {
        const badge = BADGE_ROLES[role];
        if (badge && !badges.includes(badge)) badges.push(badge);
      }
      return [u.id, { id: u.id, displayName: u.displayName, handle: u.handle, badges }];
    }),
  );
}

/** Which of these handles belong to someone. */
export async function existingHandles(handles: string[]): Promise<Set<string>> {
  if (handles.length === 0) return new Set();
  const users = await prisma.user.findMany({ where: { handle: { in: handles } }, select: { handle: true } });
  return new Set(users.map((u) => u.handle!));
}

/**
 * Forum texts (posts, a consultation's question and summary) as safe HTML, in order, with one
 * look-up of the handles they mention: only those of people who exist are shown as mentions.
 */
export async function renderForumTexts(markdowns: string[]): Promise<string[]> {
  const handles = await existingHandles(mentionedHandles(markdowns));
  return markdowns.map((markdown) => renderMarkdown(markdown, { handles }));
}

/**
 * `renderForumTexts`' HTML for texts shown on every request for a page (a consultation's question and
 * summary), kept for the same texts until the data changes (decision 028): who may be mentioned changes
 * with the data too.
 */
export function keptForumTexts(markdowns: string[]): Promise<string[]> {
  return kept("forum.texts", markdowns, () => renderForumTexts(markdowns));
}

// ---------------------------------------------------------------------------------------------
// Threads

export const THREAD_LIST_SELECT = {
  id: true,
  title: true,
  tags: true,
  kind: true,
  pinned: true,
  locked: true,
  postCount: true,
  lastPostAt: true,
  createdAt: true,
  authorId: true,
  language: true,
  category: { select: { slug: true, name: true } },
  consultation: { select: { closesAt: true, closedAt: true, summaryPublishedAt: true } },
} satisfies Prisma.ForumThreadSelect;

export type ThreadListItem = Prisma.ForumThreadGetPayload<{ select: typeof THREAD_LIST_SELECT }>;

/** A cursor for the next page of a category: the sort key of the last thread shown. */
export function encodeThreadCursor(thread: { pinned: boolean; lastPostAt: Date; id: string }) {
  return `${thread.pinned ? 1 : 0}.${thread.lastPostAt.getTime()}.${thread.id}`;
}

export function decodeThreadCursor(cursor: string | null | undefined) {
  const match = cursor ? /^([01])\.(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(cursor) : null;
  if (!match) return null;
  return { pinned: match[1] === "1", lastPostAt: new Date(Number(match[2])), id: match[3]! };
}

/** Threads of a category (only those in `language`, if given), pinned first, then by latest activity; keyset-paginated. */
export function listCategoryThreads(page: CategoryPage) {
  return kept("forum.categoryThreads", page, () => readCategoryThreads(page));
}

interface CategoryPage {
  categoryId: string;
  language?: Language;
  after?: ReturnType<typeof decodeThreadCursor>;
}

async function readCategoryThreads({ categoryId, language, after }: CategoryPage) {
  const where: Prisma.ForumThreadWhereInput = { categoryId, ...(language ? { language } : {}) };
  if (after) {
    where.OR = [
      ...(after.pinned ? [{ pinned: false }] : []),
      { pinned: after.pinned, lastPostAt: { lt: after.lastPostAt } },
      { pinned: after.pinned, lastPostAt: after.lastPostAt, id: { lt: after.id } },
    ];
  }
  const rows = await prisma.forumThread.findMany({
    where,
    select: THREAD_LIST_SELECT,
    orderBy: [{ pinned: "desc" }, { lastPostAt: "desc" }, { id: "desc" }],
    take: THREADS_PER_PAGE + 1,
  });
  const threads = rows.slice(0, THREADS_PER_PAGE);
  const next = rows.length > THREADS_PER_PAGE ? encodeThreadCursor(threads.at(-1)!) : null;
  return { threads, next };
}

export function listEnterpriseThreads(enterpriseId: string, take = 10) {
  return prisma.forumThread.findMany({
    where: { enterpriseId, category: PUBLIC_CATEGORY },
    select: THREAD_LIST_SELECT,
    orderBy: [{ lastPostAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** The newest threads of the public categories, overall or of one category, for the Atom feeds. */
export function listLatestThreads({ categoryId, take = 30 }: { categoryId?: string; take?: number }) {
  return prisma.forumThread.findMany({
    where: { ...(categoryId ? { categoryId } : {}), category: PUBLIC_CATEGORY },
    select: {
      id: true,
      title: true,
      language: true,
      tags: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { displayName: true } },
      category: { select: { slug: true, name: true } },
      posts: { where: { number: 1 }, select: { body: true, language: true, deletedAt: true, hiddenAt: true, editedAt: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

export function getThread(id: string) {
  return prisma.forumThread.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      tags: true,
      kind: true,
      pinned: true,
      locked: true,
      postCount: true,
      createdAt: true,
      lastPostAt: true,
      authorId: true,
      language: true,
      category: { select: CATEGORY_SELECT },
      enterprise: { select: { slug: true, name: true, status: true } },
      // Whether it has a poll (most threads have none, and need not look for one).
      poll: { select: { threadId: true } },
      consultation: {
        select: {
          country: true,
          question: true,
          closesAt: true,
          closedAt: true,
          summary: true,
          summaryPublishedAt: true,
          summaryAuthorId: true,
          summaryCitesPoll: true,
        },
      },
    },
  });
}

export type ForumThreadDetail = NonNullable<Awaited<ReturnType<typeof getThread>>>;

// ---------------------------------------------------------------------------------------------
// Posts

const POST_SELECT = {
  id: true,
  number: true,
  body: true,
  language: true,
  authorId: true,
  replyToPostId: true,
  helpfulCount: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  createdAt: true,
  _count: { select: { revisions: true } },
} satisfies Prisma.ForumPostSelect;

export type ForumPostRow = Prisma.ForumPostGetPayload<{ select: typeof POST_SELECT }>;

export function getPost(id: string) {
  return prisma.forumPost.findUnique({
    where: { id },
    select: {
      ...POST_SELECT,
      threadId: true,
      thread: { select: { id: true, title: true, locked: true, kind: true, categoryId: true } },
      author: { select: { displayName: true, handle: true, locale: true } },
    },
  });
}

export function listPostRevisions(postId: string) {
  return prisma.forumPostRevision.findMany({
    where: { postId },
    select: { id: true, body: true, title: true, createdAt: true, editor: { select: { displayName: true } } },
    orderBy: { createdAt: "desc" },
  });
}

// ---------------------------------------------------------------------------------------------
// Writing: the checks every post goes through

export type PostingRefusal =
  | { reason: "suspended"; until: Date }
  | { reason: "unconfirmed" }
  | { reason: "locked" }
  | { reason: "consultation_closed" }
  | { reason: "rate_limited"; retryAfterSeconds: number }
  /** `liftsAt`: for a new account, when it stops being new and the higher limit applies. */
  | { reason: "too_many_links"; max: number; liftsAt: Date | null };

// Suspensions are the moderation model's: one definition of who may post.
export { activeSuspension };

/**
 * Whether a person may write this text now, wherever it goes: not while suspended, not with more
 * links than their account's age allows and, for a new post (not an edit), not faster than its limit.
 */
async function checkAuthor(
  tx: Tx,
  { userId, body, now, writing }: { userId: string; body: string; now: Date; writing: "post" | "edit" },
): Promise<PostingRefusal | null> {
  const suspension = await activeSuspension(userId, now, tx);
  if (suspension) return { reason: "suspended", until: suspension.endsAt };
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { createdAt: true, emailConfirmedAt: true } });
  // A new account posts once its address is confirmed (app/models/account-email.server.ts).
  if (writing === "post" && !user.emailConfirmedAt) return { reason: "unconfirmed" };
  const tier = now.getTime() - user.createdAt.getTime() < NEW_ACCOUNT_MS ? "new" : "established";
  const links = countLinks(body, { ownOrigin: getEnv().PUBLIC_URL });
  if (links > MAX_LINKS_PER_POST[tier])
    return {
      reason: "too_many_links",
      max: MAX_LINKS_PER_POST[tier],
      liftsAt: tier === "new" ? new Date(user.createdAt.getTime() + NEW_ACCOUNT_MS) : null,
    };
  if (writing === "edit") return null;
  const recent = await tx.forumPost.findMany({
    where: { authorId: userId, createdAt: { gt: new Date(now.getTime() - POST_WINDOW_MS) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: MAX_POSTS_PER_WINDOW[tier],
  });
  if (recent.length >= MAX_POSTS_PER_WINDOW[tier]) {
    const oldest = recent.at(-1)!.createdAt.getTime();
    return { reason: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil((oldest + POST_WINDOW_MS - now.getTime()) / 1000)) };
  }
  return null;
}

/** What the language of a post is guessed from: the thread's title too, for an opening post. */
const textOfPost = (body: string, title: string | null) => (title === null ? body : `${title}\n\n${body}`);

/**
 * The language a post is in: the one its author chose, or the one its text reads as, with the
 * author's interface language when the text does not tell (see guessLanguage).
 */
export function postLanguage({
  body,
  title = null,
  chosen,
  authorLanguage,
}: {
  body: string;
  title?: string | null;
  chosen?: Language | null;
  authorLanguage: string;
}): Language {
  return chosen ?? guessLanguage(textOfPost(body, title), isLanguage(authorLanguage) ? authorLanguage : FALLBACK_LANGUAGE);
}

/**
 * Where the edit form's language choice starts: "detect automatically" (null) when the post is in
 * the language its text reads as, else the language its author chose, so an edit keeps that choice.
 */
export function languageChoiceOf(post: { body: string; language: string }, title: string | null, authorLanguage: string): Language | null {
  const guessed = postLanguage({ body: post.body, title, authorLanguage });
  return post.language === guessed || !isLanguage(post.language) ? null : post.language;
}

// The person's interface language (stored in the column `locale`).
async function languageOfAuthor(tx: Tx, userId: string) {
  return (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } })).locale;
}

/** Why a thread accepts no replies now, if it does not. */
export function threadClosedReason(
  thread: { locked: boolean; consultation: { closesAt: Date; closedAt: Date | null } | null },
  now = new Date(),
): "locked" | "consultation_closed" | null {
  if (thread.locked) return "locked";
  if (thread.consultation && !isConsultationOpen(thread.consultation, now)) return "consultation_closed";
  return null;
}

async function subscribe(tx: Tx, userId: string, threadId: string) {
  // An explicit unsubscribe (active: false) is respected: posting again does not undo it.
  await tx.forumThreadSubscription.upsert({
    where: { userId_threadId: { userId, threadId } },
    create: { userId, threadId },
    update: {},
    select: { userId: true },
  });
}

const SERIALIZABLE_RETRIES = 3;

async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(fn, { timeout: 15_000 });
    } catch (error) {
      // Two replies racing for the same post number: the loser retries with the next one.
      const retryable = isUniqueViolation(error);
      if (!retryable || attempt >= SERIALIZABLE_RETRIES) throw error;
    }
  }
}

export interface NewThreadInput {
  categoryId: string;
  title: string;
  body: string;
  tags: string[];
  enterpriseId: string | null;
  /** The language the author chose; null or absent to guess it from the title and text. */
  language?: Language | null;
  /** A poll to open with the thread. */
  poll?: PollInput | null;
}

export async function createThread({ userId, input, now = new Date() }: { userId: string; input: NewThreadInput; now?: Date }) {
  return inTransaction(async (tx) => {
    const refusal = await checkAuthor(tx, { userId, body: input.body, now, writing: "post" });
    if (refusal) return { error: refusal } as const;
    await assignHandle(tx, userId);
    const language = postLanguage({
      body: input.body,
      title: input.title,
      chosen: input.language,
      authorLanguage: await languageOfAuthor(tx, userId),
    });
    const thread = await tx.forumThread.create({
      data: {
        categoryId: input.categoryId,
        authorId: userId,
        enterpriseId: input.enterpriseId,
        title: input.title,
        language,
        tags: input.tags,
        postCount: 1,
        lastPostAt: now,
        createdAt: now,
      },
      select: { id: true, authorId: true, categoryId: true },
    });
    const post = await tx.forumPost.create({
      data: { threadId: thread.id, authorId: userId, number: 1, body: input.body, language, createdAt: now },
      select: { id: true, body: true, replyToPostId: true },
    });
    await tx.forumThread.update({ where: { id: thread.id }, data: { lastPostId: post.id }, select: { id: true } });
    if (input.poll) await insertPoll(tx, { threadId: thread.id, input: input.poll, now });
    await subscribe(tx, userId, thread.id);
    await notifyForPost(tx, { post, thread, authorId: userId, isNewThread: true });
    return { thread: { id: thread.id }, post: { id: post.id, number: 1 } } as const;
  });
}

export async function createReply({
  userId,
  threadId,
  body,
  replyToPostId,
  language: chosen,
  now = new Date(),
}: {
  userId: string;
  threadId: string;
  body: string;
  replyToPostId: string | null;
  /** The language the author chose; null or absent to guess it from the text. */
  language?: Language | null;
  now?: Date;
}) {
  return inTransaction(async (tx) => {
    // Lock the thread row: numbering, locking and closing are decided against its current state.
    const [thread] = await tx.$queryRaw<{ id: string; authorId: string; categoryId: string; locked: boolean; postCount: number }[]>`
      SELECT id, "authorId", "categoryId", locked, "postCount" FROM "ForumThread" WHERE id = ${threadId} FOR UPDATE`;
    if (!thread) return { error: { reason: "not_found" } } as const;
    const consultation = await tx.forumConsultation.findUnique({ where: { threadId }, select: { closesAt: true, closedAt: true } });
    const closed = threadClosedReason({ locked: thread.locked, consultation }, now);
    if (closed) return { error: { reason: closed } } as const;
    const refusal = await checkAuthor(tx, { userId, body, now, writing: "post" });
    if (refusal) return { error: refusal } as const;
    let replyTo: string | null = null;
    if (replyToPostId) {
      const target = await tx.forumPost.findFirst({ where: { id: replyToPostId, threadId }, select: { id: true } });
      replyTo = target?.id ?? null;
    }
    await assignHandle(tx, userId);
    const number = thread.postCount + 1;
    const language = postLanguage({ body, chosen, authorLanguage: await languageOfAuthor(tx, userId) });
    const post = await tx.forumPost.create({
      data: { threadId, authorId: userId, number, body, language, replyToPostId: replyTo, createdAt: now },
      select: { id: true, body: true, replyToPostId: true },
    });
    await tx.forumThread.update({
      where: { id: threadId },
      data: { postCount: number, lastPostAt: now, lastPostId: post.id },
      select: { id: true },
    });
    await subscribe(tx, userId, threadId);
    await notifyForPost(tx, { post, thread, authorId: userId, isNewThread: false });
    return { post: { id: post.id, number } } as const;
  });
}

/**
 * Edits one's own post, keeping the previous text as a revision. The opening post's edit may
 * also change the thread title (and its language is the thread's). Editing is refused where
 * posting is (suspension, locked, closed).
 */
export async function editPost({
  userId,
  postId,
  body,
  title,
  language: chosen,
  now = new Date(),
}: {
  userId: string;
  postId: string;
  body: string;
  title?: string;
  /** The language the author chose; null or absent to guess it again from the new text. */
  language?: Language | null;
  now?: Date;
}) {
  return prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findUnique({
      where: { id: postId },
      select: {
        id: true,
        authorId: true,
        number: true,
        body: true,
        language: true,
        deletedAt: true,
        hiddenAt: true,
        author: { select: { locale: true } },
        thread: { select: { id: true, title: true, locked: true, consultation: { select: { closesAt: true, closedAt: true } } } },
      },
    });
    if (!post) return { error: { reason: "not_found" } } as const;
    if (post.authorId !== userId || post.deletedAt || post.hiddenAt) return { error: { reason: "forbidden" } } as const;
    const closed = threadClosedReason(post.thread, now);
    if (closed) return { error: { reason: closed } } as const;
    const refusal = await checkAuthor(tx, { userId, body, now, writing: "edit" });
    if (refusal) return { error: refusal } as const;
    const opening = post.number === 1;
    const newTitle = opening && title !== undefined && title !== post.thread.title ? title : undefined;
    const language = postLanguage({
      body,
      title: opening ? (newTitle ?? post.thread.title) : null,
      chosen,
      authorLanguage: post.author.locale,
    });
    if (body === post.body && newTitle === undefined) {
      // Only the language changes (the author corrected it): no new version of the text.
      if (language !== post.language) await setPostLanguage(tx, { postId, threadId: post.thread.id, opening, language });
      return { post: { id: post.id, number: post.number, threadId: post.thread.id } } as const;
    }
    await tx.forumPostRevision.create({
      data: { postId, editorId: userId, body: post.body, title: newTitle !== undefined ? post.thread.title : null, createdAt: now },
      select: { id: true },
    });
    await tx.forumPost.update({ where: { id: postId }, data: { body, editedAt: now }, select: { id: true } });
    if (newTitle !== undefined)
      await tx.forumThread.update({ where: { id: post.thread.id }, data: { title: newTitle }, select: { id: true } });
    if (language !== post.language) await setPostLanguage(tx, { postId, threadId: post.thread.id, opening, language });
    return { post: { id: post.id, number: post.number, threadId: post.thread.id } } as const;
  });
}

/** A post's language, and its thread's when it is the opening post. */
async function setPostLanguage(
  tx: Tx,
  { postId, threadId, opening, language }: { postId: string; threadId: string; opening: boolean; language: Language },
) {
  await tx.forumPost.update({ where: { id: postId }, data: { language }, select: { id: true } });
  if (opening) await tx.forumThread.update({ where: { id: threadId }, data: { language }, select: { id: true } });
}

/** Soft-deletes one's own post: a placeholder stays so the thread reads on and links keep working. */
export async function deletePost({ userId, postId, now = new Date() }: { userId: string; postId: string; now?: Date }) {
  const post = await prisma.forumPost.findUnique({
    where: { id: postId },
    select: { authorId: true, deletedAt: true, number: true, threadId: true },
  });
  if (!post) return { error: { reason: "not_found" } } as const;
  if (post.authorId !== userId) return { error: { reason: "forbidden" } } as const;
  if (!post.deletedAt) {
    await prisma.forumPost.update({ where: { id: postId }, data: { deletedAt: now }, select: { id: true } });
  }
  return { post: { id: postId, number: post.number, threadId: post.threadId } } as const;
}

/** Marks or unmarks a post as helpful for one person; returns the new state. */
export async function toggleHelpful({ userId, postId }: { userId: string; postId: string }) {
  return prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findUnique({
      where: { id: postId },
      select: { id: true, authorId: true, deletedAt: true, hiddenAt: true, number: true, threadId: true },
    });
    if (!post) return { error: { reason: "not_found" } } as const;
    if (post.authorId === userId || post.deletedAt || post.hiddenAt) return { error: { reason: "forbidden" } } as const;
    const removed = await tx.forumReaction.deleteMany({ where: { postId, userId, kind: "helpful" } });
    let helpful: boolean;
    if (removed.count > 0) {
      helpful = false;
    } else {
      const created = await tx.forumReaction.createMany({ data: [{ postId, userId, kind: "helpful" }], skipDuplicates: true });
      helpful = created.count > 0;
    }
    const count = await tx.forumReaction.count({ where: { postId, kind: "helpful" } });
    await tx.forumPost.update({ where: { id: postId }, data: { helpfulCount: count }, select: { id: true } });
    return { helpful, count, post: { number: post.number, threadId: post.threadId } } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Subscriptions

/** Whether the person follows a category (whether they follow a thread is read with the thread's page: readReaderOfThread). */
export async function followsCategory({ userId, categoryId }: { userId: string; categoryId: string }) {
  const rows = await lookup<unknown>`
    SELECT 1 FROM "ForumCategorySubscription" WHERE "userId" = ${userId} AND "categoryId" = ${categoryId}`;
  return rows.length > 0;
}

export async function setThreadSubscription({ userId, threadId, active }: { userId: string; threadId: string; active: boolean }) {
  await prisma.forumThreadSubscription.upsert({
    where: { userId_threadId: { userId, threadId } },
    create: { userId, threadId, active },
    update: { active },
    select: { userId: true },
  });
}

export async function setCategorySubscription({ userId, categoryId, active }: { userId: string; categoryId: string; active: boolean }) {
  if (active) {
    await prisma.forumCategorySubscription.upsert({
      where: { userId_categoryId: { userId, categoryId } },
      create: { userId, categoryId },
      update: {},
      select: { userId: true },
    });
  } else {
    await prisma.forumCategorySubscription.deleteMany({ where: { userId, categoryId } });
  }
}

// ---------------------------------------------------------------------------------------------
// Enterprises a person may link a thread to

export function listMemberEnterprises(userId: string) {
  return prisma.enterprise.findMany({
    where: { members: { some: { userId } } },
    select: { id: true, name: true, slug: true },
    orderBy: { name: "asc" },
  });
}
