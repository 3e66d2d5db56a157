// Ministries' public consultations: a thread (kind `consultation`) in the ministry's country
// category, open for replies until its closing date or until the ministry (or an admin) closes
// it early, then summarised by the ministry (or an admin) at the top of the thread.
import type { Prisma } from "~/generated/prisma/client";
import { activeSuspension } from "~/models/forum-moderation.server";
import { emailConsultationOpened, emailConsultationSummary } from "~/models/email-notifications.server";
import { closePollWithConsultation, insertPoll } from "~/models/forum-poll.server";
import { postLanguage } from "~/models/forum.server";
import type { SessionUser } from "~/utils/auth.server";
import { prisma, type Tx } from "~/utils/db.server";
import { isConsultationOpen } from "~/utils/forum-consultation";
import type { PollInput } from "~/utils/forum-poll-validation";
import { userCan } from "~/utils/permissions.server";

/** The countries a person may open consultations for: those of their ministry roles. */
export function ministryCountries(user: Pick<SessionUser, "roles"> | null): string[] {
  return (user?.roles ?? []).filter((r) => r.role === "ministry" && r.country).map((r) => r.country!);
}

const CONSULTATION_SELECT = {
  threadId: true,
  country: true,
  question: true,
  closesAt: true,
  closedAt: true,
  summary: true,
  summaryPublishedAt: true,
  summaryCitesPoll: true,
  createdAt: true,
  summaryAuthor: { select: { displayName: true } },
  thread: {
    select: {
      id: true,
      title: true,
      language: true,
      postCount: true,
      authorId: true,
      locked: true,
      author: { select: { displayName: true } },
      category: { select: { slug: true, name: true } },
    },
  },
} satisfies Prisma.ForumConsultationSelect;

export type ConsultationRow = Prisma.ForumConsultationGetPayload<{ select: typeof CONSULTATION_SELECT }>;

/** Open consultations first (closing soonest first), then closed ones (latest closing first). */
export async function listConsultations({ country, now = new Date() }: { country?: string; now?: Date } = {}) {
  const where = country ? { country } : {};
  const [open, closed] = await Promise.all([
    prisma.forumConsultation.findMany({
      where: { ...where, closedAt: null, closesAt: { gt: now } },
      select: CONSULTATION_SELECT,
      orderBy: [{ closesAt: "asc" }, { threadId: "asc" }],
      take: 100,
    }),
    prisma.forumConsultation.findMany({
      where: { ...where, OR: [{ closedAt: { not: null } }, { closesAt: { lte: now } }] },
      select: CONSULTATION_SELECT,
      orderBy: [{ closesAt: "desc" }, { threadId: "asc" }],
      take: 100,
    }),
  ]);
  return { open, closed };
}

export function getConsultation(threadId: string) {
  return prisma.forumConsultation.findUnique({ where: { threadId }, select: CONSULTATION_SELECT });
}

/** May this person close or summarise the consultation: its author, a ministry of its country, or an admin. */
export function mayManageConsultation(
  user: Pick<SessionUser, "id" | "roles"> | null,
  consultation: { country: string; thread: { authorId: string } },
) {
  if (!user) return false;
  if (userCan(user, "manage:consultation:any")) return true;
  return consultation.thread.authorId === user.id || ministryCountries(user).includes(consultation.country);
}

export type ConsultationRefusal =
  | { reason: "suspended"; until: Date }
  | { reason: "unconfirmed" }
  | { reason: "no_category" }
  | { reason: "not_found" }
  | { reason: "already_closed" }
  | { reason: "still_open" };

async function countryCategory(tx: Tx, country: string) {
  return tx.forumCategory.findFirst({ where: { kind: "country", country }, select: { id: true }, orderBy: { position: "asc" } });
}

export async function createConsultation({
  userId,
  country,
  title,
  question,
  closesAt,
  poll = null,
  now = new Date(),
}: {
  userId: string;
  country: string;
  title: string;
  question: string;
  closesAt: Date;
  /** A poll to open with it, closing with it at the latest. */
  poll?: PollInput | null;
  now?: Date;
}): Promise<{ ok: true; threadId: string } | { ok: false; refusal: ConsultationRefusal }> {
  return prisma.$transaction(async (tx) => {
    const suspension = await activeSuspension(userId, now, tx);
    if (suspension) return { ok: false, refusal: { reason: "suspended", until: suspension.endsAt } } as const;
    const category = await countryCategory(tx, country);
    if (!category) return { ok: false, refusal: { reason: "no_category" } } as const;
    const author = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, emailConfirmedAt: true } });
    if (!author.emailConfirmedAt) return { ok: false, refusal: { reason: "unconfirmed" } } as const;
    const language = postLanguage({ body: question, title, authorLanguage: author.locale });
    const thread = await tx.forumThread.create({
      data: {
        categoryId: category.id,
        authorId: userId,
        kind: "consultation",
        title,
        language,
        postCount: 1,
        lastPostAt: now,
        createdAt: now,
        consultation: { create: { country, question, closesAt, createdAt: now } },
      },
      select: { id: true },
    });
    const post = await tx.forumPost.create({
      data: { threadId: thread.id, authorId: userId, number: 1, body: question, language, createdAt: now },
      select: { id: true },
    });
    await tx.forumThread.update({ where: { id: thread.id }, data: { lastPostId: post.id }, select: { id: true } });
    if (poll)
      await insertPoll(tx, {
        threadId: thread.id,
        input: { ...poll, closesAt: poll.closesAt && poll.closesAt < closesAt ? poll.closesAt : null },
        now,
      });
    await tx.forumThreadSubscription.upsert({
      where: { userId_threadId: { userId, threadId: thread.id } },
      create: { userId, threadId: thread.id },
      update: {},
      select: { userId: true },
    });
    // People who follow the country's category hear of the new consultation.
    const watchers = await tx.forumCategorySubscription.findMany({
      where: { categoryId: category.id, userId: { not: userId } },
      select: { userId: true },
    });
    if (watchers.length) {
      await tx.notification.createMany({
        data: watchers.map((w) => ({
          userId: w.userId,
          kind: "category_activity" as const,
          actorId: userId,
          threadId: thread.id,
          postId: post.id,
          createdAt: now,
        })),
      });
    }
    // People of the country hear of it by e-mail.
    await emailConsultationOpened(tx, { threadId: thread.id, country, authorId: userId, title, question, closesAt });
    return { ok: true, threadId: thread.id } as const;
  });
}

/** Closes a consultation before its date: it accepts no replies from then on, and its poll no votes. */
export async function closeConsultation({
  threadId,
  now = new Date(),
}: {
  threadId: string;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; refusal: ConsultationRefusal }> {
  return prisma.$transaction(async (tx) => {
    const changed = await tx.forumConsultation.updateMany({
      where: { threadId, closedAt: null, closesAt: { gt: now } },
      data: { closedAt: now },
    });
    if (changed.count === 1) {
      await closePollWithConsultation(tx, { threadId, now });
      return { ok: true } as const;
    }
    const exists = await tx.forumConsultation.count({ where: { threadId } });
    return { ok: false, refusal: { reason: exists ? "already_closed" : "not_found" } } as const;
  });
}

/**
 * Publishes (or corrects) the summary of a closed consultation and tells the thread's
 * subscribers, once per publication. `citePoll`: the consultation's poll results are shown with it.
 */
export async function publishSummary({
  threadId,
  userId,
  summary,
  citePoll = false,
  now = new Date(),
}: {
  threadId: string;
  userId: string;
  summary: string;
  citePoll?: boolean;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; refusal: ConsultationRefusal }> {
  return prisma.$transaction(async (tx) => {
    const suspension = await activeSuspension(userId, now, tx);
    if (suspension) return { ok: false, refusal: { reason: "suspended", until: suspension.endsAt } } as const;
    const [consultation] = await tx.$queryRaw<{ closesAt: Date; closedAt: Date | null }[]>`
      SELECT "closesAt", "closedAt" FROM "ForumConsultation" WHERE "threadId" = ${threadId} FOR UPDATE`;
    if (!consultation) return { ok: false, refusal: { reason: "not_found" } } as const;
    if (isConsultationOpen(consultation, now)) return { ok: false, refusal: { reason: "still_open" } } as const;
    await tx.forumConsultation.update({
      where: { threadId },
      data: {
        summary,
        summaryPublishedAt: now,
        summaryAuthorId: userId,
        summaryCitesPoll: citePoll && (await tx.forumPoll.count({ where: { threadId } })) > 0,
      },
      select: { threadId: true },
    });
    const subscribers = await tx.forumThreadSubscription.findMany({
      where: { threadId, active: true, userId: { not: userId } },
      select: { userId: true },
    });
    if (subscribers.length) {
      await tx.notification.createMany({
        data: subscribers.map((s) => ({
          userId: s.userId,
          kind: "consultation_summary" as const,
          actorId: userId,
          threadId,
          createdAt: now,
        })),
      });
    }
    await emailConsultationSummary(tx, { threadId, authorId: userId, summary });
    return { ok: true } as const;
  });
}
