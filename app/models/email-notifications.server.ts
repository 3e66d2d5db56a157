// Who hears what by e-mail, as each person chose on /settings/notifications. Every function that queues
// messages runs inside the transaction of the change it reports. Only confirmed addresses get these
// messages; account security messages (app/models/account-email.server.ts) are always sent.
import type { ForumEmailFrequency, NotificationKind, Prisma } from "~/generated/prisma/client";
import { enqueueEmails, RECIPIENT_SELECT, type EmailInput, type EmailKind, type Recipient } from "~/models/mail.server";
import { prisma, type Tx } from "~/utils/db.server";
import type { UnsubscribeTopic } from "~/utils/email-links.server";
import { excerpt } from "~/utils/excerpt";
import { formatDate, formatNumber } from "~/utils/format";
import { tierName } from "~/utils/methodology-text";
import { formatMoney } from "~/utils/money";
import { countryName } from "~/utils/reference-data";

// ---------------------------------------------------------------------------------------------
// Preferences

export interface EmailPreferences {
  forum: ForumEmailFrequency;
  verification: boolean;
  consultations: boolean;
  contributions: boolean;
  mentorship: boolean;
  /** The countries whose consultations the person hears of. */
  countries: string[];
  /** false: those are worked out from their enterprises and roles. */
  countriesChosen: boolean;
}

const DEFAULTS = { forum: "immediately", verification: true, consultations: true, contributions: true, mentorship: true } as const;

/** The countries of a person's enterprises and of their roles (a ministry's country). */
async function ownCountries(userId: string): Promise<string[]> {
  const [enterprises, roles] = await Promise.all([
    prisma.enterprise.findMany({ where: { members: { some: { userId } } }, select: { country: true }, distinct: ["country"] }),
    prisma.userRole.findMany({ where: { userId, country: { not: null } }, select: { country: true } }),
  ]);
  return [...new Set([...enterprises.map((e) => e.country), ...roles.map((r) => r.country!)])].sort();
}

export async function getEmailPreferences(userId: string): Promise<EmailPreferences> {
  const row = await prisma.emailPreference.findUnique({
    where: { userId },
    select: {
      forum: true,
      verification: true,
      consultations: true,
      contributions: true,
      mentorship: true,
      countriesChosen: true,
      consultationCountries: true,
    },
  });
  const chosen = row?.countriesChosen ?? false;
  return {
    forum: row?.forum ?? DEFAULTS.forum,
    verification: row?.verification ?? DEFAULTS.verification,
    consultations: row?.consultations ?? DEFAULTS.consultations,
    contributions: row?.contributions ?? DEFAULTS.contributions,
    mentorship: row?.mentorship ?? DEFAULTS.mentorship,
    countries: chosen ? row!.consultationCountries : await ownCountries(userId),
    countriesChosen: chosen,
  };
}

/** Saves the settings page. Choosing the daily digest starts its first day now. */
export async function saveEmailPreferences({
  userId,
  forum,
  verification,
  consultations,
  contributions,
  mentorship,
  countries,
  now = new Date(),
}: Omit<EmailPreferences, "countriesChosen"> & { userId: string; now?: Date }) {
  await prisma.$transaction(async (tx) => {
    const current = await tx.emailPreference.findUnique({ where: { userId }, select: { forum: true } });
    const startsDigest = forum === "daily" && current?.forum !== "daily";
    const data = {
      forum,
      verification,
      consultations,
      contributions,
      mentorship,
      countriesChosen: true,
      consultationCountries: [...new Set(countries)].sort(),
      ...(startsDigest ? { digestSentAt: now } : {}),
    };
    await tx.emailPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data, select: { userId: true } });
  });
}

/** A one-click unsubscribe: that kind of e-mail stops; everything else stays as it was. */
export async function unsubscribe({ userId, topic }: { userId: string; topic: UnsubscribeTopic }) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return false;
  const data = topic === "forum" ? { forum: "never" as const } : { [topic]: false };
  await prisma.emailPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data, select: { userId: true } });
  return true;
}

/** Of these people, those with a confirmed address who want e-mail about `topic` (forum: as it happens). */
async function recipientsFor(tx: Tx, userIds: string[], topic: UnsubscribeTopic): Promise<Recipient[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const optedOut: Prisma.EmailPreferenceWhereInput = topic === "forum" ? { forum: { not: "immediately" } } : { [topic]: false };
  return tx.user.findMany({
    where: { id: { in: ids }, emailConfirmedAt: { not: null }, NOT: { emailPreference: optedOut } },
    select: RECIPIENT_SELECT,
  });
}

// ---------------------------------------------------------------------------------------------
// Verification steps (the in-site notifications are app/models/notification.server.ts's)

export type VerificationStep = "taken" | "message" | "released" | "completed" | "evidence" | "member_message";

const VERIFICATION_KIND: Record<VerificationStep, EmailKind> = {
  taken: "verificationTaken",
  message: "verificationMessage",
  released: "verificationReleased",
  completed: "verificationCompleted",
  evidence: "verificationEvidence",
  member_message: "verificationMemberMessage",
};

export async function emailVerificationStep(
  tx: Tx,
  {
    step,
    recipientIds,
    actorId,
    assessmentId,
    path,
    quote = null,
    evidence = null,
  }: {
    step: VerificationStep;
    recipientIds: string[];
    actorId: string;
    assessmentId: string;
    path: string;
    quote?: string | null;
    evidence?: string | null;
  },
) {
  const recipients = await recipientsFor(tx, recipientIds, "verification");
  if (recipients.length === 0) return;
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { displayName: true, organisation: true } });
  const assessment = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      submittedAt: true,
      enterprise: { select: { name: true } },
      verification: { select: { overall: true, tier: true, organisation: true } },
    },
  });
  await enqueueEmails(
    tx,
    recipients.map((to) => ({
      to,
      kind: VERIFICATION_KIND[step],
      topic: "verification",
      path,
      quote: quote ? excerpt(quote) : null,
      values: ({ t, language }) => ({
        enterprise: assessment.enterprise.name,
        name: actor?.displayName ?? t("forum.unknownPerson"),
        organisation: assessment.verification?.organisation ?? actor?.organisation ?? "",
        date: assessment.submittedAt ? formatDate(assessment.submittedAt, language) : "",
        score:
          assessment.verification?.overall != null
            ? formatNumber(assessment.verification.overall, language, { maximumFractionDigits: 1 })
            : "",
        tier: assessment.verification?.tier ? tierName(t, assessment.verification.tier) : "",
        evidence: evidence ?? "",
      }),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Forum

const FORUM_KIND: Partial<Record<NotificationKind, EmailKind>> = {
  reply: "forumReply",
  mention: "forumMention",
  thread_activity: "forumThreadActivity",
  category_activity: "forumCategoryActivity",
};

/** The kinds of in-site notification a daily digest gathers. */
export const DIGEST_KINDS: NotificationKind[] = ["reply", "mention", "thread_activity", "category_activity"];

/** E-mails about a new post to those who want them as it happens (the others get the digest, or nothing). */
export async function emailForumActivity(
  tx: Tx,
  {
    recipients,
    actorId,
    threadId,
    post,
  }: { recipients: Map<string, NotificationKind>; actorId: string; threadId: string; post: { id: string; body: string } },
) {
  const people = await recipientsFor(
    tx,
    [...recipients.keys()].filter((id) => FORUM_KIND[recipients.get(id)!]),
    "forum",
  );
  if (people.length === 0) return;
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { displayName: true } });
  const thread = await tx.forumThread.findUniqueOrThrow({ where: { id: threadId }, select: { title: true } });
  await enqueueEmails(
    tx,
    people.map((to) => ({
      to,
      kind: FORUM_KIND[recipients.get(to.id)!]!,
      topic: "forum",
      path: `/forum/posts/${post.id}`,
      quote: excerpt(post.body),
      values: ({ t }) => ({ name: actor?.displayName ?? t("forum.unknownPerson"), title: thread.title }),
    })),
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sends the daily digest of everyone whose last one is a day old: the forum notifications of that day in
 * one message (nothing when there were none). Each person's row is locked while their digest is made
 * and skipped by other servers doing the same (SKIP LOCKED), so a digest goes out once.
 */
export async function sendDueDigests({ now = new Date(), batch = 200 }: { now?: Date; batch?: number } = {}) {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const due = await prisma.emailPreference.findMany({
    where: { forum: "daily", OR: [{ digestSentAt: null }, { digestSentAt: { lte: dayAgo } }] },
    select: { userId: true },
    orderBy: { digestSentAt: { sort: "asc", nulls: "first" } },
    take: batch,
  });
  let sent = 0;
  for (const { userId } of due) {
    const queued = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ digestSentAt: Date | null }[]>`
        SELECT "digestSentAt" FROM "EmailPreference" WHERE "userId" = ${userId} AND forum = 'daily' FOR UPDATE SKIP LOCKED`;
      if (!row || (row.digestSentAt && row.digestSentAt > dayAgo)) return false;
      const since = row.digestSentAt ?? dayAgo;
      await tx.emailPreference.update({ where: { userId }, data: { digestSentAt: now }, select: { userId: true } });
      const [to] = await recipientsForDigest(tx, userId);
      if (!to) return false;
      const notifications = await tx.notification.findMany({
        where: { userId, kind: { in: DIGEST_KINDS }, createdAt: { gt: since, lte: now } },
        select: {
          kind: true,
          actor: { select: { displayName: true } },
          thread: { select: { id: true, title: true } },
          post: { select: { id: true, body: true, deletedAt: true, hiddenAt: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 200,
      });
      const visible = notifications.filter((n) => n.thread && !n.post?.deletedAt && !n.post?.hiddenAt);
      if (visible.length === 0) return false;
      await enqueueEmails(tx, [
        {
          to,
          kind: "forumDigest",
          topic: "forum",
          path: "/notifications",
          values: { count: visible.length },
          items: ({ t }) =>
            visible.map((n) => ({
              text: t(`notifications.kind.${n.kind}`, { name: n.actor?.displayName ?? t("forum.unknownPerson"), title: n.thread!.title }),
              path: n.post ? `/forum/posts/${n.post.id}` : `/forum/threads/${n.thread!.id}`,
              quote: n.post ? excerpt(n.post.body, 300) : null,
            })),
        },
      ]);
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}

function recipientsForDigest(tx: Tx, userId: string) {
  return tx.user.findMany({ where: { id: userId, emailConfirmedAt: { not: null } }, select: RECIPIENT_SELECT });
}

// ---------------------------------------------------------------------------------------------
// Consultations

/**
 * People who hear of a country's consultations: with a confirmed address, consultations wanted, and the
 * country among their chosen ones, or (not chosen) among those of their enterprises and roles.
 */
async function consultationAudience(
  tx: Tx,
  { country, excludeUserId, threadId }: { country: string; excludeUserId: string; threadId?: string },
) {
  return tx.$queryRaw<Recipient[]>`
    SELECT u.id, u.email, u."displayName", u.locale
    FROM "User" u
    LEFT JOIN "EmailPreference" p ON p."userId" = u.id
    WHERE u."emailConfirmedAt" IS NOT NULL
      AND u.id <> ${excludeUserId}
      AND COALESCE(p.consultations, true)
      AND (
        CASE WHEN COALESCE(p."countriesChosen", false)
          THEN ${country} = ANY(p."consultationCountries")
          ELSE EXISTS (SELECT 1 FROM "EnterpriseMember" m JOIN "Enterprise" e ON e.id = m."enterpriseId" WHERE m."userId" = u.id AND e.country = ${country})
            OR EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u.id AND r.country = ${country})
        END
        OR EXISTS (SELECT 1 FROM "ForumThreadSubscription" s WHERE s."userId" = u.id AND s."threadId" = ${threadId ?? ""} AND s.active)
      )`;
}

export async function emailConsultationOpened(
  tx: Tx,
  {
    threadId,
    country,
    authorId,
    title,
    question,
    closesAt,
  }: { threadId: string; country: string; authorId: string; title: string; question: string; closesAt: Date },
) {
  const people = await consultationAudience(tx, { country, excludeUserId: authorId });
  const author = await tx.user.findUnique({ where: { id: authorId }, select: { displayName: true } });
  await enqueueEmails(
    tx,
    people.map((to) => ({
      to,
      kind: "consultationOpened",
      topic: "consultations",
      path: `/forum/consultations/${threadId}`,
      quote: excerpt(question),
      values: ({ t, language }) => ({
        title,
        country: countryName(t, country),
        name: author?.displayName ?? t("forum.unknownPerson"),
        date: formatDate(closesAt, language),
      }),
    })),
  );
}

/** The published summary goes to those who heard of the consultation and to those who watch its thread. */
export async function emailConsultationSummary(
  tx: Tx,
  { threadId, authorId, summary }: { threadId: string; authorId: string; summary: string },
) {
  const consultation = await tx.forumConsultation.findUniqueOrThrow({
    where: { threadId },
    select: { country: true, thread: { select: { title: true } } },
  });
  const people = await consultationAudience(tx, { country: consultation.country, excludeUserId: authorId, threadId });
  await enqueueEmails(
    tx,
    people.map((to) => ({
      to,
      kind: "consultationSummary",
      topic: "consultations",
      path: `/forum/consultations/${threadId}`,
      quote: excerpt(summary, 1500),
      values: ({ t }) => ({ title: consultation.thread.title, country: countryName(t, consultation.country) }),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Contributions

/** When Stripe confirms a payment: a receipt to the contributor, a notice to the enterprise's owners. */
export async function emailContributionPaid(tx: Tx, { contributionId }: { contributionId: string }) {
  const contribution = await tx.contribution.findUniqueOrThrow({
    where: { id: contributionId },
    select: {
      amount: true,
      currency: true,
      paidAt: true,
      receiptUrl: true,
      anonymous: true,
      userId: true,
      user: { select: { displayName: true } },
      enterprise: { select: { name: true, slug: true, members: { where: { role: "owner" }, select: { userId: true } } } },
    },
  });
  const paidAt = contribution.paidAt ?? new Date();
  const { enterprise } = contribution;
  const inputs: EmailInput[] = [];
  const contributor = contribution.userId ? await recipientsFor(tx, [contribution.userId], "contributions") : [];
  for (const to of contributor) {
    inputs.push({
      to,
      kind: "contributionReceipt",
      topic: "contributions",
      path: "/dashboard",
      values: ({ language }) => ({
        enterprise: enterprise.name,
        amount: formatMoney(contribution.amount, contribution.currency, language),
        date: formatDate(paidAt, language),
      }),
      more: ({ t }) => (contribution.receiptUrl ? [t("email.contributionReceipt.receipt", { url: contribution.receiptUrl })] : []),
    });
  }
  const owners = await recipientsFor(
    tx,
    enterprise.members.map((m) => m.userId).filter((id) => id !== contribution.userId),
    "contributions",
  );
  for (const to of owners) {
    inputs.push({
      to,
      kind: "contributionReceived",
      topic: "contributions",
      path: `/enterprises/${enterprise.slug}/contributions`,
      values: ({ t, language }) => ({
        enterprise: enterprise.name,
        amount: formatMoney(contribution.amount, contribution.currency, language),
        date: formatDate(paidAt, language),
        name: contribution.anonymous || !contribution.user ? t("email.contributionReceived.anonymous") : contribution.user.displayName,
      }),
    });
  }
  await enqueueEmails(tx, inputs);
}

// ---------------------------------------------------------------------------------------------
// Mentorship (the in-site notifications are app/models/mentorship.server.ts's)

export type MentorshipStep = "requested" | "accepted" | "declined" | "session" | "ended";

const MENTORSHIP_KIND: Record<MentorshipStep, EmailKind> = {
  requested: "mentorshipRequested",
  accepted: "mentorshipAccepted",
  declined: "mentorshipDeclined",
  session: "mentorshipSession",
  ended: "mentorshipEnded",
};

/** A step of a mentorship, by e-mail to the other side, inside the step's transaction. */
export async function emailMentorshipStep(
  tx: Tx,
  { step, recipientIds, actorId, mentorshipId }: { step: MentorshipStep; recipientIds: string[]; actorId: string; mentorshipId: string },
) {
  const recipients = await recipientsFor(tx, recipientIds, "mentorship");
  if (recipients.length === 0) return;
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { displayName: true } });
  const mentorship = await tx.mentorship.findUniqueOrThrow({
    where: { id: mentorshipId },
    select: { enterprise: { select: { name: true } } },
  });
  await enqueueEmails(
    tx,
    recipients.map((to) => ({
      to,
      kind: MENTORSHIP_KIND[step],
      topic: "mentorship",
      path: `/mentorships/${mentorshipId}`,
      values: ({ t }) => ({ name: actor?.displayName ?? t("forum.unknownPerson"), enterprise: mentorship.enterprise.name }),
    })),
  );
}
