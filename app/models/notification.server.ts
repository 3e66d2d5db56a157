// Notifications: who hears of a new post or a verification step, and what a person reads on
// /notifications (the header of every page shows the unread count, so this module stays small). Those
// who want it hear by e-mail too (app/models/email-notifications.server.ts), in the same transaction.
import type { NotificationKind, Prisma } from "~/generated/prisma/client";
import { cohortReaderWhere, filterCategoryReaders, type ForumAccessReader } from "~/models/forum-access.server";
import { emailForumActivity, emailVerificationStep, type VerificationStep } from "~/models/email-notifications.server";
import { prisma, type Tx } from "~/utils/db.server";
import { extractMentions } from "~/utils/forum-mentions";
import { isForumModerator } from "~/utils/permissions.server";

const NOTIFICATION_RANK: Record<NotificationKind, number> = {
  mention: 5,
  reply: 4,
  thread_activity: 3,
  category_activity: 2,
  moderation: 1,
  consultation_summary: 1,
  verification_taken: 1,
  verification_message: 1,
  verification_released: 1,
  verification_completed: 1,
  verification_evidence: 1,
  verification_member_message: 1,
  mentorship_requested: 1,
  mentorship_accepted: 1,
  mentorship_declined: 1,
  mentorship_session: 1,
  mentorship_ended: 1,
  cohort_invited: 1,
};

/** One notification per person for a new post: the most specific reason wins. */
export async function notifyForPost(
  tx: Tx,
  {
    post,
    thread,
    authorId,
    isNewThread,
  }: {
    post: { id: string; body: string; replyToPostId: string | null };
    thread: { id: string; authorId: string; categoryId: string };
    authorId: string;
    isNewThread: boolean;
  },
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
    const subscribers = await tx.forumThreadSubscription.findMany({
      where: { threadId: thread.id, active: true },
      select: { userId: true },
    });
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
  // In a cohort's private category only those who may read it hear of it (a mention of anyone else, or
  // a watcher whose enterprise has left the cohort, is dropped).
  const { cohortId } = await tx.forumCategory.findUniqueOrThrow({ where: { id: thread.categoryId }, select: { cohortId: true } });
  const readers = await filterCategoryReaders(tx, cohortId, [...recipients.keys()]);
  for (const userId of recipients.keys()) if (!readers.has(userId)) recipients.delete(userId);
  if (recipients.size === 0) return;
  await tx.notification.createMany({
    data: [...recipients].map(([userId, kind]) => ({ userId, kind, actorId: authorId, threadId: thread.id, postId: post.id })),
  });
  await emailForumActivity(tx, { recipients, actorId: authorId, threadId: thread.id, post });
}

const VERIFICATION_NOTIFICATION: Record<VerificationStep, NotificationKind> = {
  taken: "verification_taken",
  message: "verification_message",
  released: "verification_released",
  completed: "verification_completed",
  evidence: "verification_evidence",
  member_message: "verification_member_message",
};

/** Steps the enterprise's members hear of; the others (evidence, their own messages) go to the verifier. */
const TO_MEMBERS = new Set<VerificationStep>(["taken", "message", "released", "completed"]);

/** Kinds that lead the verifier to their review rather than the enterprise to its verification page. */
export const FOR_VERIFIER = new Set<NotificationKind>(["verification_evidence", "verification_member_message"]);

/**
 * A verification step, told in the site and by e-mail, inside the step's transaction: the enterprise's
 * members hear when a verifier takes their review, writes, hands it back or completes it; the verifier
 * holding a review hears when it gets evidence or a message from the enterprise. Nobody hears of their own step.
 */
export async function notifyVerificationStep(
  tx: Tx,
  {
    assessmentId,
    step,
    actorId,
    quote = null,
    evidence = null,
  }: { assessmentId: string; step: VerificationStep; actorId: string; quote?: string | null; evidence?: string | null },
) {
  const assessment = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      enterprise: { select: { slug: true, members: { select: { userId: true } } } },
      verification: { select: { id: true, status: true, verifierId: true } },
    },
  });
  const verification = assessment.verification;
  const toMembers = TO_MEMBERS.has(step);
  const recipientIds = toMembers
    ? assessment.enterprise.members.map((m) => m.userId)
    : verification?.status === "in_review" && verification.verifierId
      ? [verification.verifierId]
      : [];
  const others = [...new Set(recipientIds)].filter((id) => id !== actorId);
  if (others.length === 0 || !verification) return;
  await tx.notification.createMany({
    data: others.map((userId) => ({ userId, kind: VERIFICATION_NOTIFICATION[step], actorId, assessmentId })),
  });
  const path = toMembers
    ? `/enterprises/${assessment.enterprise.slug}/assessments/${assessmentId}/verification`
    : `/verification/${verification.id}`;
  await emailVerificationStep(tx, { step, recipientIds: others, actorId, assessmentId, path, quote, evidence });
}

/**
 * A person's notifications that they may still follow: one about a thread in a cohort's private
 * category is left out once they no longer read it (their enterprise left the cohort), title and all.
 */
function stillReadable(reader: NonNullable<ForumAccessReader>): Prisma.NotificationWhereInput {
  if (isForumModerator(reader)) return { userId: reader.id };
  return {
    userId: reader.id,
    OR: [{ threadId: null }, { thread: { category: { OR: [{ cohortId: null }, { cohort: cohortReaderWhere(reader.id) }] } } }],
  };
}

export function countUnreadNotifications(reader: NonNullable<ForumAccessReader>) {
  return prisma.notification.count({ where: { ...stillReadable(reader), readAt: null } });
}

export function listNotifications({ reader, take = 50 }: { reader: NonNullable<ForumAccessReader>; take?: number }) {
  return prisma.notification.findMany({
    where: stillReadable(reader),
    select: {
      id: true,
      kind: true,
      message: true,
      readAt: true,
      createdAt: true,
      actor: { select: { displayName: true } },
      thread: { select: { id: true, title: true } },
      post: { select: { id: true, number: true } },
      assessment: { select: { id: true, enterprise: { select: { name: true, slug: true } }, verification: { select: { id: true } } } },
      mentorship: { select: { id: true, enterprise: { select: { name: true } } } },
      cohortMember: { select: { enterprise: { select: { name: true, slug: true } }, cohort: { select: { name: true } } } },
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
