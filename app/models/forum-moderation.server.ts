// Forum moderation: flags, the moderators' queue, hiding posts, locking, pinning and moving
// threads, suspensions, and the moderation log. Every change is written together with its
// ModerationAction row in one transaction, so the log can never miss or invent an action.
import { Prisma, type ForumFlagReason, type ModerationActionKind } from "~/generated/prisma/client";
import { PUBLIC_CATEGORY } from "~/models/forum-access.server";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { isPollOpen } from "~/utils/forum-poll";
import { withTextsIn } from "~/utils/localized-text";

// ---------------------------------------------------------------------------------------------
// Suspensions: the posting code (forum.server.ts) asks this before it writes anything

/**
 * The rule for the suspension in force for a person at `now`, as a query of one row at most (id, endsAt,
 * reason): not lifted, begun and not yet over; of several, the one ending last. Every query that asks
 * (posting, voting, flagging, a thread page's reader) uses this one.
 */
export function suspensionInForceSql(userId: string, now: Date) {
  return Prisma.sql`
    SELECT id, "endsAt", reason FROM "UserSuspension"
    WHERE "userId" = ${userId} AND "liftedAt" IS NULL AND "startsAt" <= ${now} AND "endsAt" > ${now}
    ORDER BY "endsAt" DESC LIMIT 1`;
}

/** The suspension in force for a person at `now`, if any; lifted and finished ones do not count. */
export async function activeSuspension(userId: string, now = new Date(), tx: Tx = prisma) {
  const [suspension] = await tx.$queryRaw<{ id: string; endsAt: Date; reason: string }[]>(suspensionInForceSql(userId, now));
  return suspension ?? null;
}

// ---------------------------------------------------------------------------------------------
// Flags

export type FlagResult = { ok: true } | { ok: false; reason: "not_found" | "already_flagged" | "own_post" | "suspended"; until?: Date };

export async function flagPost({
  userId,
  postId,
  reason,
  note,
  now = new Date(),
}: {
  userId: string;
  postId: string;
  reason: ForumFlagReason;
  note: string;
  now?: Date;
}): Promise<FlagResult> {
  const post = await prisma.forumPost.findUnique({ where: { id: postId }, select: { authorId: true, deletedAt: true } });
  if (!post || post.deletedAt) return { ok: false, reason: "not_found" };
  if (post.authorId === userId) return { ok: false, reason: "own_post" };
  const suspension = await activeSuspension(userId, now);
  if (suspension) return { ok: false, reason: "suspended", until: suspension.endsAt };
  try {
    await prisma.forumFlag.create({ data: { postId, reporterId: userId, reason, note, createdAt: now }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already_flagged" };
    throw error;
  }
  return { ok: true };
}

/** What a page about one post (flagging it, moderating it) shows of it: its text and state, its author and its thread. */
const POST_CONTEXT_SELECT = {
  id: true,
  number: true,
  body: true,
  language: true,
  createdAt: true,
  deletedAt: true,
  hiddenAt: true,
  author: { select: { id: true, displayName: true } },
  thread: { select: { id: true, title: true } },
} satisfies Prisma.ForumPostSelect;

export function getFlaggablePost(postId: string) {
  return prisma.forumPost.findUnique({ where: { id: postId }, select: POST_CONTEXT_SELECT });
}

export function getOwnFlag({ userId, postId }: { userId: string; postId: string }) {
  return prisma.forumFlag.findUnique({
    where: { postId_reporterId: { postId, reporterId: userId } },
    select: { reason: true, createdAt: true, status: true },
  });
}

const QUEUE_LIMIT = 200;

/** Posts with open flags, the one flagged longest ago first, each with every open flag's reason. */
export async function listFlagQueue() {
  const flags = await prisma.forumFlag.findMany({
    where: { status: "open" },
    select: {
      id: true,
      reason: true,
      note: true,
      createdAt: true,
      reporter: { select: { id: true, displayName: true } },
      post: {
        select: {
          id: true,
          number: true,
          body: true,
          language: true,
          hiddenAt: true,
          deletedAt: true,
          createdAt: true,
          author: { select: { id: true, displayName: true } },
          thread: { select: { id: true, title: true, locked: true, pinned: true, category: { select: { name: true } } } },
        },
      },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: QUEUE_LIMIT,
  });
  const byPost = new Map<string, { post: (typeof flags)[number]["post"]; flags: Omit<(typeof flags)[number], "post">[] }>();
  for (const { post, ...flag } of flags) {
    const entry = byPost.get(post.id) ?? { post, flags: [] };
    entry.flags.push(flag);
    byPost.set(post.id, entry);
  }
  return [...byPost.values()];
}

export function countOpenFlags() {
  return prisma.forumFlag.count({ where: { status: "open" } });
}

/** How many posts the moderation queue holds: those with at least one open flag. */
export function countFlaggedPosts() {
  return prisma.forumPost.count({ where: { flags: { some: { status: "open" } } } });
}

// ---------------------------------------------------------------------------------------------
// Actions. Each returns { ok: true } or a refusal the route turns into a message.

export type ModerationRefusal = "not_found" | "no_change" | "self" | "already_suspended" | "same_category" | "private_category";
export type ModerationResult = { ok: true } | { ok: false; reason: ModerationRefusal; until?: Date };

function log(
  tx: Tx,
  entry: {
    moderatorId: string;
    action: ModerationActionKind;
    reason: string;
    now: Date;
    threadId?: string | null;
    postId?: string | null;
    targetUserId?: string | null;
    details?: Prisma.InputJsonObject;
  },
) {
  return tx.moderationAction.create({
    data: {
      moderatorId: entry.moderatorId,
      action: entry.action,
      reason: entry.reason,
      threadId: entry.threadId ?? null,
      postId: entry.postId ?? null,
      targetUserId: entry.targetUserId ?? null,
      details: entry.details ?? {},
      createdAt: entry.now,
    },
    select: { id: true },
  });
}

/** Hides a post (its author is told why) and resolves the open flags on it. */
export async function hidePost({
  moderatorId,
  postId,
  reason,
  now = new Date(),
}: {
  moderatorId: string;
  postId: string;
  reason: string;
  now?: Date;
}): Promise<ModerationResult> {
  return prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findUnique({ where: { id: postId }, select: { id: true, threadId: true, authorId: true } });
    if (!post) return { ok: false, reason: "not_found" } as const;
    const changed = await tx.forumPost.updateMany({
      where: { id: postId, hiddenAt: null },
      data: { hiddenAt: now, hiddenById: moderatorId, hiddenReason: reason },
    });
    if (changed.count === 0) return { ok: false, reason: "no_change" } as const;
    await tx.forumFlag.updateMany({
      where: { postId, status: "open" },
      data: { status: "resolved", resolvedById: moderatorId, resolvedAt: now },
    });
    await log(tx, { moderatorId, action: "hide_post", reason, now, threadId: post.threadId, postId, targetUserId: post.authorId });
    if (post.authorId !== moderatorId) {
      await tx.notification.create({
        data: {
          userId: post.authorId,
          kind: "moderation",
          actorId: moderatorId,
          threadId: post.threadId,
          postId,
          message: reason,
          createdAt: now,
        },
        select: { id: true },
      });
    }
    return { ok: true } as const;
  });
}

export async function restorePost({
  moderatorId,
  postId,
  reason,
  now = new Date(),
}: {
  moderatorId: string;
  postId: string;
  reason: string;
  now?: Date;
}): Promise<ModerationResult> {
  return prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findUnique({ where: { id: postId }, select: { id: true, threadId: true, authorId: true } });
    if (!post) return { ok: false, reason: "not_found" } as const;
    const changed = await tx.forumPost.updateMany({
      where: { id: postId, hiddenAt: { not: null } },
      data: { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    if (changed.count === 0) return { ok: false, reason: "no_change" } as const;
    await log(tx, { moderatorId, action: "restore_post", reason, now, threadId: post.threadId, postId, targetUserId: post.authorId });
    return { ok: true } as const;
  });
}

export async function dismissFlags({
  moderatorId,
  postId,
  reason,
  now = new Date(),
}: {
  moderatorId: string;
  postId: string;
  reason: string;
  now?: Date;
}): Promise<ModerationResult> {
  return prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findUnique({ where: { id: postId }, select: { threadId: true, authorId: true } });
    if (!post) return { ok: false, reason: "not_found" } as const;
    const changed = await tx.forumFlag.updateMany({
      where: { postId, status: "open" },
      data: { status: "dismissed", resolvedById: moderatorId, resolvedAt: now },
    });
    if (changed.count === 0) return { ok: false, reason: "no_change" } as const;
    await log(tx, {
      moderatorId,
      action: "dismiss_flag",
      reason,
      now,
      threadId: post.threadId,
      postId,
      targetUserId: post.authorId,
      details: { flags: changed.count },
    });
    return { ok: true } as const;
  });
}

export type ThreadIntent = "lock" | "unlock" | "pin" | "unpin";

const THREAD_CHANGES: Record<
  ThreadIntent,
  { action: ModerationActionKind; where: Prisma.ForumThreadWhereInput; data: (now: Date) => Prisma.ForumThreadUpdateManyMutationInput }
> = {
  lock: { action: "lock_thread", where: { locked: false }, data: (now) => ({ locked: true, lockedAt: now }) },
  unlock: { action: "unlock_thread", where: { locked: true }, data: () => ({ locked: false, lockedAt: null }) },
  pin: { action: "pin_thread", where: { pinned: false }, data: (now) => ({ pinned: true, pinnedAt: now }) },
  unpin: { action: "unpin_thread", where: { pinned: true }, data: () => ({ pinned: false, pinnedAt: null }) },
};

export async function changeThread({
  moderatorId,
  threadId,
  intent,
  reason,
  now = new Date(),
}: {
  moderatorId: string;
  threadId: string;
  intent: ThreadIntent;
  reason: string;
  now?: Date;
}): Promise<ModerationResult> {
  const change = THREAD_CHANGES[intent];
  return prisma.$transaction(async (tx) => {
    const thread = await tx.forumThread.findUnique({ where: { id: threadId }, select: { authorId: true } });
    if (!thread) return { ok: false, reason: "not_found" } as const;
    const changed = await tx.forumThread.updateMany({ where: { id: threadId, ...change.where }, data: change.data(now) });
    if (changed.count === 0) return { ok: false, reason: "no_change" } as const;
    await log(tx, { moderatorId, action: change.action, reason, now, threadId, targetUserId: thread.authorId });
    return { ok: true } as const;
  });
}

export async function moveThread({
  moderatorId,
  threadId,
  categoryId,
  reason,
  now = new Date(),
}: {
  moderatorId: string;
  threadId: string;
  categoryId: string;
  reason: string;
  now?: Date;
}): Promise<ModerationResult> {
  return prisma.$transaction(async (tx) => {
    const [thread] = await tx.$queryRaw<{ categoryId: string; authorId: string }[]>`
      SELECT "categoryId", "authorId" FROM "ForumThread" WHERE id = ${threadId} FOR UPDATE`;
    const category = await tx.forumCategory.findUnique({ where: { id: categoryId }, select: { id: true, cohortId: true } });
    if (!thread || !category) return { ok: false, reason: "not_found" } as const;
    if (thread.categoryId === categoryId) return { ok: false, reason: "same_category" } as const;
    // What a cohort's members wrote for the cohort stays there, and nothing public is made private.
    const from = await tx.forumCategory.findUniqueOrThrow({ where: { id: thread.categoryId }, select: { cohortId: true } });
    if (category.cohortId || from.cohortId) return { ok: false, reason: "private_category" } as const;
    await tx.forumThread.update({ where: { id: threadId }, data: { categoryId }, select: { id: true } });
    await log(tx, {
      moderatorId,
      action: "move_thread",
      reason,
      now,
      threadId,
      targetUserId: thread.authorId,
      details: { fromCategoryId: thread.categoryId, toCategoryId: categoryId },
    });
    return { ok: true } as const;
  });
}

/** Closes a thread's poll before its date: it takes no more votes, and everyone sees its results. */
export async function closePoll({
  moderatorId,
  threadId,
  reason,
  now = new Date(),
}: {
  moderatorId: string;
  threadId: string;
  reason: string;
  now?: Date;
}): Promise<ModerationResult> {
  return prisma.$transaction(async (tx) => {
    // FOR UPDATE waits for votes in progress (they hold the poll's row FOR SHARE).
    const [poll] = await tx.$queryRaw<{ closesAt: Date | null; closedAt: Date | null }[]>`
      SELECT "closesAt", "closedAt" FROM "ForumPoll" WHERE "threadId" = ${threadId} FOR UPDATE`;
    const thread = await tx.forumThread.findUnique({
      where: { id: threadId },
      select: { authorId: true, consultation: { select: { closesAt: true, closedAt: true } } },
    });
    if (!poll || !thread) return { ok: false, reason: "not_found" } as const;
    if (!isPollOpen(poll, thread.consultation, now)) return { ok: false, reason: "no_change" } as const;
    await tx.forumPoll.update({ where: { threadId }, data: { closedAt: now }, select: { threadId: true } });
    await log(tx, { moderatorId, action: "close_poll", reason, now, threadId, targetUserId: thread.authorId });
    return { ok: true } as const;
  });
}

export async function suspendUser({
  moderatorId,
  userId,
  days,
  reason,
  now = new Date(),
}: {
  moderatorId: string;
  userId: string;
  days: number;
  reason: string;
  now?: Date;
}): Promise<ModerationResult> {
  if (moderatorId === userId) return { ok: false, reason: "self" };
  return prisma.$transaction(async (tx) => {
    // Serialise suspensions of one person, so two moderators cannot both add one.
    const [user] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (!user) return { ok: false, reason: "not_found" } as const;
    const current = await activeSuspension(userId, now, tx);
    if (current) return { ok: false, reason: "already_suspended", until: current.endsAt } as const;
    const endsAt = new Date(now.getTime() + days * 86_400_000);
    await tx.userSuspension.create({ data: { userId, moderatorId, reason, startsAt: now, endsAt, createdAt: now }, select: { id: true } });
    await log(tx, {
      moderatorId,
      action: "suspend_user",
      reason,
      now,
      targetUserId: userId,
      details: { until: endsAt.toISOString(), days },
    });
    return { ok: true } as const;
  });
}

export async function liftSuspension({
  moderatorId,
  userId,
  reason,
  now = new Date(),
}: {
  moderatorId: string;
  userId: string;
  reason: string;
  now?: Date;
}): Promise<ModerationResult> {
  return prisma.$transaction(async (tx) => {
    const changed = await tx.userSuspension.updateMany({
      where: { userId, liftedAt: null, endsAt: { gt: now } },
      data: { liftedAt: now, liftedById: moderatorId },
    });
    if (changed.count === 0) return { ok: false, reason: "no_change" } as const;
    await log(tx, { moderatorId, action: "lift_suspension", reason, now, targetUserId: userId });
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Pages for moderators

export function getPostForModeration(postId: string) {
  return prisma.forumPost.findUnique({
    where: { id: postId },
    select: {
      ...POST_CONTEXT_SELECT,
      editedAt: true,
      hiddenReason: true,
      hiddenBy: { select: { displayName: true } },
      flags: {
        select: { id: true, reason: true, note: true, status: true, createdAt: true, reporter: { select: { displayName: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

export function getThreadForModeration(threadId: string) {
  return prisma.forumThread.findUnique({
    where: { id: threadId },
    select: {
      id: true,
      title: true,
      kind: true,
      pinned: true,
      locked: true,
      categoryId: true,
      category: { select: { name: true } },
      author: { select: { id: true, displayName: true } },
    },
  });
}

/** The categories a thread can be moved to (the public ones), named in `language` alone. */
export async function listCategoryChoices(language: string) {
  const categories = await prisma.forumCategory.findMany({
    where: PUBLIC_CATEGORY,
    select: { id: true, name: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return categories.map((category) => withTextsIn(category, ["name"], language));
}

export async function getUserForModeration(userId: string, now = new Date()) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      displayName: true,
      handle: true,
      createdAt: true,
      suspensions: {
        select: {
          id: true,
          reason: true,
          startsAt: true,
          endsAt: true,
          liftedAt: true,
          moderator: { select: { displayName: true } },
          liftedBy: { select: { displayName: true } },
        },
        orderBy: { startsAt: "desc" },
        take: 50,
      },
      _count: { select: { forumPosts: true } },
    },
  });
  if (!user) return null;
  const active = user.suspensions.find((s) => !s.liftedAt && s.startsAt <= now && s.endsAt > now) ?? null;
  return { ...user, activeSuspension: active };
}

export const LOG_PAGE_SIZE = 50;

/** The log, newest first, in pages of LOG_PAGE_SIZE; `before` is the id of the last row already shown. */
export async function listModerationLog({ before }: { before?: string | null } = {}) {
  const cursor = before ? await prisma.moderationAction.findUnique({ where: { id: before }, select: { id: true, createdAt: true } }) : null;
  const rows = await prisma.moderationAction.findMany({
    where: cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {},
    select: {
      id: true,
      action: true,
      reason: true,
      details: true,
      createdAt: true,
      moderator: { select: { displayName: true } },
      thread: { select: { id: true, title: true } },
      post: { select: { id: true, number: true } },
      targetUser: { select: { id: true, displayName: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOG_PAGE_SIZE + 1,
  });
  const more = rows.length > LOG_PAGE_SIZE;
  const page = rows.slice(0, LOG_PAGE_SIZE);
  return { actions: page, next: more ? page.at(-1)!.id : null };
}
