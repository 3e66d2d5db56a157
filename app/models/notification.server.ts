// Notifications: who hears of a new post, and what a person reads on /notifications (the header
// of every page shows the unread count, so this module stays small).
import type { NotificationKind } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/utils/db.server";
import { extractMentions } from "~/utils/forum-mentions";

const NOTIFICATION_RANK: Record<NotificationKind, number> = {
  mention: 5,
  reply: 4,
  thread_activity: 3,
  category_activity: 2,
  moderation: 1,
  consultation_summary: 1,
};

/** One notification per person for a new post: the most specific reason wins. */
export async function notifyForPost(
  tx: Tx,
  { post, thread, authorId, isNewThread }: { post: { id: string; body: string; replyToPostId: string | null }; thread: { id: string; authorId: string; categoryId: string }; authorId: string; isNewThread: boolean },
) {
  const recipients = new Map<string, NotificationKind>();
  const offer = (userId: string, kind: NotificationKind) => {
    if (userId === authorId) return;
    const current = recipients.get(userId);
    if (!current || NOTIFICATION_RANK[kind] > NOTIFICATION_RANK[current]) recipients.set(userId, kind);
  };
  if (isNewThread) {
    const watchers = await tx.forumCategorySubscription.findMany({ where: { categoryId: thread.categoryId }, select: { userId: true } });
    for (const w of watchers) offer(w.userId, "category_activity");
  } else {
    const subscribers = await tx.forumThreadSubscription.findMany({ where: { threadId: thread.id, active: true }, select: { userId: true } });
    for (const s of subscribers) offer(s.userId, s.userId === thread.authorId ? "reply" : "thread_activity");
    if (post.replyToPostId) {
      const repliedTo = await tx.forumPost.findUnique({ where: { id: post.replyToPostId }, select: { authorId: true } });
      if (repliedTo) offer(repliedTo.authorId, "reply");
    }
  }
  const handles = extractMentions(post.body);
  if (handles.length) {
    const mentioned = await tx.user.findMany({ where: { handle: { in: handles } }, select: { id: true } });
    for (const m of mentioned) offer(m.id, "mention");
  }
  if (recipients.size === 0) return;
  await tx.notification.createMany({
    data: [...recipients].map(([userId, kind]) => ({ userId, kind, actorId: authorId, threadId: thread.id, postId: post.id })),
  });
}

export function countUnreadNotifications(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export function listNotifications({ userId, take = 50 }: { userId: string; take?: number }) {
  return prisma.notification.findMany({
    where: { userId },
    select: {
      id: true,
      kind: true,
      message: true,
      readAt: true,
      createdAt: true,
      actor: { select: { displayName: true } },
      thread: { select: { id: true, title: true } },
      post: { select: { id: true, number: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** Marks notifications read: all of a person's, or one (only their own). */
export async function markNotificationsRead({ userId, id, now = new Date() }: { userId: string; id?: string; now?: Date }) {
  const result = await prisma.notification.updateMany({ where: { userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: now } });
  return result.count;
}
