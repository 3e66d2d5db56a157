// Mentorship: people offer to mentor (approved by admins), enterprises ask for a mentor from their
// improvement plan, Ortaq suggests mentors and says why (docs/decisions on matching), the mentor accepts
// or declines, and both sides log sessions against the plan's items and end with a review each. Only the
// mentor and the enterprise's members ever read a mentorship; the mentor sees the enterprise's scores
// before and after only while the enterprise consents.
import type { MentorshipStatus, NotificationKind, Prisma } from "~/generated/prisma/client";
import { emailMentorshipStep, type MentorshipStep } from "~/models/email-notifications.server";
import type { ScoreResult } from "../../scoring";
import { prisma, type Tx } from "~/utils/db.server";

export const OPEN_STATUSES: MentorshipStatus[] = ["requested", "active"];
/** How many dimensions of the plan a request aims at: the weakest ones. */
export const WEAKEST_DIMENSIONS = 3;
export const MAX_SUGGESTIONS = 5;
/** Each step's transaction also renders the e-mails it queues (in the recipients' languages): it gets more than the default 5 s. */
const STEP_TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

// ---------------------------------------------------------------------------------------------
// Offers to mentor

export interface MentorOfferInput {
  bio: string;
  dimensions: string[];
  sectors: string[];
  countries: string[];
  languages: string[];
  capacity: number;
  availability: string;
}

/** Saves a person's offer; a new offer, or one that was turned down, waits for an admin again. */
export async function saveMentorOffer({ userId, input }: { userId: string; input: MentorOfferInput }) {
  const existing = await prisma.mentorProfile.findUnique({ where: { userId }, select: { status: true } });
  const status = existing?.status === "approved" ? "approved" : "pending";
  return prisma.mentorProfile.upsert({
    where: { userId },
    create: { userId, ...input },
    update: { ...input, status, ...(status === "pending" ? { reviewedAt: null, reviewedById: null } : {}) },
    select: { status: true },
  });
}

const PROFILE_SELECT = {
  userId: true,
  bio: true,
  dimensions: true,
  sectors: true,
  countries: true,
  languages: true,
  capacity: true,
  availability: true,
  status: true,
  createdAt: true,
  user: { select: { displayName: true } },
} as const;

export function getMentorProfile(userId: string) {
  return prisma.mentorProfile.findUnique({ where: { userId }, select: PROFILE_SELECT });
}

export function listPendingMentors() {
  return prisma.mentorProfile.findMany({ where: { status: "pending" }, select: PROFILE_SELECT, orderBy: { createdAt: "asc" } });
}

/** Approved mentors with how many mentees they have now. */
export async function listApprovedMentors() {
  const mentors = await prisma.mentorProfile.findMany({
    where: { status: "approved" },
    select: PROFILE_SELECT,
    orderBy: { createdAt: "asc" },
  });
  const load = await activeCounts(mentors.map((m) => m.userId));
  return mentors.map((m) => ({ ...m, active: load.get(m.userId) ?? 0 }));
}

export async function reviewMentor({
  userId,
  reviewerId,
  approve,
  now = new Date(),
}: {
  userId: string;
  reviewerId: string;
  approve: boolean;
  now?: Date;
}) {
  const { count } = await prisma.mentorProfile.updateMany({
    where: { userId, status: "pending" },
    data: { status: approve ? "approved" : "rejected", reviewedById: reviewerId, reviewedAt: now },
  });
  return count === 1;
}

async function activeCounts(mentorIds: string[], db: Tx | typeof prisma = prisma) {
  const rows = await db.mentorship.groupBy({
    by: ["mentorId"],
    where: { mentorId: { in: mentorIds }, status: "active" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.mentorId, r._count._all]));
}

// ---------------------------------------------------------------------------------------------
// Matching

export type ReasonKind = "dimensions" | "country" | "sector" | "languages";
export interface MatchReason {
  kind: ReasonKind;
  values: string[];
}

export interface MatchTarget {
  /** The plan's weakest dimensions, weakest first. */
  dimensions: string[];
  country: string;
  sector: string;
  languages: string[];
}

/**
 * How well a mentor fits an enterprise's plan, and why: each shared weak dimension counts 3, the
 * enterprise's country 2, its sector 2, a shared language 1. A mentor who shares no weak dimension or
 * no language is no match: they could not help with the plan, or not be understood.
 */
export function matchMentor(
  mentor: Pick<MentorOfferInput, "dimensions" | "countries" | "sectors" | "languages">,
  target: MatchTarget,
): { score: number; reasons: MatchReason[] } | null {
  const dimensions = target.dimensions.filter((d) => mentor.dimensions.includes(d));
  const languages = target.languages.filter((l) => mentor.languages.includes(l));
  if (dimensions.length === 0 || languages.length === 0) return null;
  const country = mentor.countries.includes(target.country);
  const sector = mentor.sectors.includes(target.sector);
  const reasons: MatchReason[] = [{ kind: "dimensions", values: dimensions }];
  if (country) reasons.push({ kind: "country", values: [target.country] });
  if (sector) reasons.push({ kind: "sector", values: [target.sector] });
  reasons.push({ kind: "languages", values: languages });
  return { score: dimensions.length * 3 + (country ? 2 : 0) + (sector ? 2 : 0) + languages.length, reasons };
}

/** The dimensions of a result with something to gain in the plan, weakest first. */
export function weakestDimensions(result: ScoreResult, limit = WEAKEST_DIMENSIONS) {
  const withPlan = new Set(result.improvements.map((i) => i.dimension));
  return result.dimensions
    .filter((d) => d.possible > 0 && withPlan.has(d.id))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((d) => d.id);
}

/** The languages an enterprise works in: those of its members' accounts. */
async function enterpriseLanguages(enterpriseId: string) {
  const members = await prisma.enterpriseMember.findMany({ where: { enterpriseId }, select: { user: { select: { locale: true } } } });
  return [...new Set(members.map((m) => m.user.locale))];
}

/** Approved mentors with room for another mentee who fit the plan, best first, each with its reasons. */
/** What a mentor is matched against: the plan's weakest dimensions, the enterprise's country, sector and languages. */
async function matchTarget(enterprise: { id: string; country: string; sector: string }, result: ScoreResult): Promise<MatchTarget> {
  return {
    dimensions: weakestDimensions(result),
    country: enterprise.country,
    sector: enterprise.sector,
    languages: await enterpriseLanguages(enterprise.id),
  };
}

export async function suggestMentors({
  enterprise,
  result,
}: {
  enterprise: { id: string; country: string; sector: string };
  result: ScoreResult;
}) {
  const target = await matchTarget(enterprise, result);
  const [mentors, members, open] = await Promise.all([
    listApprovedMentors(),
    prisma.enterpriseMember.findMany({ where: { enterpriseId: enterprise.id }, select: { userId: true } }),
    prisma.mentorship.findMany({ where: { enterpriseId: enterprise.id, status: { in: OPEN_STATUSES } }, select: { mentorId: true } }),
  ]);
  const excluded = new Set([...members.map((m) => m.userId), ...open.map((m) => m.mentorId)]);
  const suggestions = mentors
    .filter((m) => !excluded.has(m.userId) && m.active < m.capacity)
    .flatMap((m) => {
      const match = matchMentor(m, target);
      return match ? [{ mentor: m, ...match }] : [];
    })
    .sort((a, b) => b.score - a.score || a.mentor.user.displayName.localeCompare(b.mentor.user.displayName))
    .slice(0, MAX_SUGGESTIONS);
  return { target, suggestions };
}

// ---------------------------------------------------------------------------------------------
// Mentorships

export type MentorshipRefusal =
  "not_a_mentor" | "at_capacity" | "already_open" | "own_enterprise" | "no_goals" | "not_open" | "not_allowed";
type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; refusal: MentorshipRefusal };

async function notify(
  tx: Tx,
  { mentorshipId, step, actorId, recipientIds }: { mentorshipId: string; step: MentorshipStep; actorId: string; recipientIds: string[] },
) {
  const others = [...new Set(recipientIds)].filter((id) => id !== actorId);
  if (others.length === 0) return;
  const kind: NotificationKind = `mentorship_${step}`;
  await tx.notification.createMany({ data: others.map((userId) => ({ userId, kind, actorId, mentorshipId })) });
  await emailMentorshipStep(tx, { step, recipientIds: others, actorId, mentorshipId });
}

async function memberIds(tx: Tx, enterpriseId: string) {
  return (await tx.enterpriseMember.findMany({ where: { enterpriseId }, select: { userId: true } })).map((m) => m.userId);
}

/**
 * An enterprise asks a mentor, with goals taken from its plan. Refused when the person is not an approved
 * mentor, is at capacity, already has an open mentorship with the enterprise, or is one of its members.
 * The check and the insert hold a lock on the mentor's profile, so two requests cannot both take the last place.
 */
/**
 * An enterprise asks a mentor for help with items of its plan. The request keeps why Ortaq would
 * suggest this mentor (worked out here for the mentor chosen, whether or not among those suggested).
 */
export async function requestMentorship({
  enterprise,
  mentorId,
  requestedById,
  assessmentId,
  result,
  goals,
  message,
}: {
  enterprise: { id: string; country: string; sector: string };
  mentorId: string;
  requestedById: string;
  assessmentId: string;
  result: ScoreResult;
  goals: string[];
  message: string;
}): Promise<Outcome<{ id: string }>> {
  const enterpriseId = enterprise.id;
  const planItems = new Map(result.improvements.map((i) => [i.questionId, i.dimension]));
  const chosen = [...new Set(goals)].filter((q) => planItems.has(q));
  if (chosen.length === 0) return { ok: false, refusal: "no_goals" };
  const target = await matchTarget(enterprise, result);
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ capacity: number }[]>`
      SELECT "capacity" FROM "MentorProfile" WHERE "userId" = ${mentorId} AND "status" = 'approved' FOR UPDATE`;
    if (locked.length === 0) return { ok: false as const, refusal: "not_a_mentor" as const };
    const profile = await tx.mentorProfile.findUniqueOrThrow({
      where: { userId: mentorId },
      select: { dimensions: true, countries: true, sectors: true, languages: true },
    });
    const reasons: MatchReason[] = matchMentor(profile, target)?.reasons ?? [];
    if ((await tx.enterpriseMember.count({ where: { enterpriseId, userId: mentorId } })) > 0)
      return { ok: false as const, refusal: "own_enterprise" as const };
    const active = await tx.mentorship.count({ where: { mentorId, status: "active" } });
    if (active >= locked[0]!.capacity) return { ok: false as const, refusal: "at_capacity" as const };
    if ((await tx.mentorship.count({ where: { mentorId, enterpriseId, status: { in: OPEN_STATUSES } } })) > 0) {
      return { ok: false as const, refusal: "already_open" as const };
    }
    const created = await tx.mentorship.create({
      data: {
        enterpriseId,
        mentorId,
        requestedById,
        assessmentId,
        message,
        reasons: reasons as unknown as Prisma.InputJsonValue,
        goals: { create: chosen.map((questionId) => ({ questionId, dimension: planItems.get(questionId)! })) },
      },
      select: { id: true },
    });
    await notify(tx, { mentorshipId: created.id, step: "requested", actorId: requestedById, recipientIds: [mentorId] });
    return { ok: true as const, value: created };
  }, STEP_TRANSACTION);
}

/** The mentor accepts (if they still have room) or declines a request. */
export async function respondToMentorship({
  id,
  mentorId,
  accept,
  now = new Date(),
}: {
  id: string;
  mentorId: string;
  accept: boolean;
  now?: Date;
}): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { capacity: number }[]
    >`SELECT "capacity" FROM "MentorProfile" WHERE "userId" = ${mentorId} FOR UPDATE`;
    const mentorship = await tx.mentorship.findFirst({ where: { id, mentorId }, select: { status: true, enterpriseId: true } });
    if (!mentorship) return { ok: false as const, refusal: "not_allowed" as const };
    if (mentorship.status !== "requested") return { ok: false as const, refusal: "not_open" as const };
    if (accept && (await tx.mentorship.count({ where: { mentorId, status: "active" } })) >= (locked[0]?.capacity ?? 0)) {
      return { ok: false as const, refusal: "at_capacity" as const };
    }
    await tx.mentorship.update({ where: { id }, data: { status: accept ? "active" : "declined", respondedAt: now }, select: { id: true } });
    await notify(tx, {
      mentorshipId: id,
      step: accept ? "accepted" : "declined",
      actorId: mentorId,
      recipientIds: await memberIds(tx, mentorship.enterpriseId),
    });
    return { ok: true as const, value: undefined };
  }, STEP_TRANSACTION);
}

/** Which side of a mentorship a person is on, or null for anyone else. */
export async function sideOf({ id, userId }: { id: string; userId: string }): Promise<"mentor" | "mentee" | null> {
  const row = await prisma.mentorship.findUnique({
    where: { id },
    select: { mentorId: true, enterprise: { select: { members: { where: { userId }, select: { userId: true } } } } },
  });
  if (!row) return null;
  if (row.mentorId === userId) return "mentor";
  return row.enterprise.members.length > 0 ? "mentee" : null;
}

/** A session held, logged by either side against one of the goals (or none), while the mentorship is active. */
export async function logSession({
  id,
  userId,
  goalId,
  heldOn,
  notes,
}: {
  id: string;
  userId: string;
  goalId: string | null;
  heldOn: Date;
  notes: string;
}): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const mentorship = await tx.mentorship.findUnique({
      where: { id },
      select: { status: true, mentorId: true, enterpriseId: true, goals: { select: { id: true } } },
    });
    if (!mentorship) return { ok: false as const, refusal: "not_allowed" as const };
    if (mentorship.status !== "active") return { ok: false as const, refusal: "not_open" as const };
    if (goalId && !mentorship.goals.some((g) => g.id === goalId)) return { ok: false as const, refusal: "no_goals" as const };
    await tx.mentorshipSession.create({ data: { mentorshipId: id, goalId, authorId: userId, heldOn, notes }, select: { id: true } });
    await notify(tx, {
      mentorshipId: id,
      step: "session",
      actorId: userId,
      recipientIds: [mentorship.mentorId, ...(await memberIds(tx, mentorship.enterpriseId))],
    });
    return { ok: true as const, value: undefined };
  }, STEP_TRANSACTION);
}

/** Either side ends an active mentorship with its review, or adds its review to an ended one. */
export async function endMentorship({
  id,
  userId,
  side,
  review,
  now = new Date(),
}: {
  id: string;
  userId: string;
  side: "mentor" | "mentee";
  review: string;
  now?: Date;
}): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const mentorship = await tx.mentorship.findUnique({
      where: { id },
      select: { status: true, mentorId: true, enterpriseId: true, mentorReview: true, menteeReview: true },
    });
    if (!mentorship) return { ok: false as const, refusal: "not_allowed" as const };
    const field = side === "mentor" ? "mentorReview" : "menteeReview";
    if (mentorship.status === "ended") {
      if (mentorship[field]) return { ok: false as const, refusal: "not_open" as const };
      await tx.mentorship.update({ where: { id }, data: { [field]: review }, select: { id: true } });
      return { ok: true as const, value: undefined };
    }
    if (mentorship.status !== "active") return { ok: false as const, refusal: "not_open" as const };
    await tx.mentorship.update({ where: { id }, data: { status: "ended", endedAt: now, [field]: review }, select: { id: true } });
    await notify(tx, {
      mentorshipId: id,
      step: "ended",
      actorId: userId,
      recipientIds: [mentorship.mentorId, ...(await memberIds(tx, mentorship.enterpriseId))],
    });
    return { ok: true as const, value: undefined };
  }, STEP_TRANSACTION);
}

/** The enterprise lets its mentor see its dimension scores before and after, or withdraws that. */
export async function setProgressConsent({ id, value }: { id: string; value: boolean }) {
  await prisma.mentorship.update({ where: { id }, data: { shareProgress: value }, select: { id: true } });
}

/** Dimension scores at the start (the plan's assessment) and on the latest assessment submitted since. */
async function progressOf(mentorship: {
  enterpriseId: string;
  createdAt: Date;
  assessment: { result: unknown; submittedAt: Date | null } | null;
}) {
  const before = mentorship.assessment?.result as ScoreResult | null | undefined;
  if (!before) return null;
  const latest = await prisma.assessment.findFirst({
    where: {
      enterpriseId: mentorship.enterpriseId,
      status: "submitted",
      submittedAt: { gt: mentorship.assessment!.submittedAt ?? mentorship.createdAt },
    },
    orderBy: { submittedAt: "desc" },
    select: { result: true, submittedAt: true },
  });
  const after = latest?.result as ScoreResult | null | undefined;
  return {
    beforeDate: mentorship.assessment!.submittedAt,
    afterDate: latest?.submittedAt ?? null,
    dimensions: before.dimensions.map((d) => ({
      id: d.id,
      before: d.possible > 0 ? d.score : null,
      after: after
        ? after.dimensions.find((x) => x.id === d.id)?.possible
          ? after.dimensions.find((x) => x.id === d.id)!.score
          : null
        : null,
    })),
  };
}

/** A mentorship as one of its two sides reads it; null for anyone else (admins included). */
export async function getMentorship({ id, userId }: { id: string; userId: string }) {
  const side = await sideOf({ id, userId });
  if (!side) return null;
  const m = await prisma.mentorship.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      status: true,
      message: true,
      reasons: true,
      shareProgress: true,
      createdAt: true,
      respondedAt: true,
      endedAt: true,
      mentorReview: true,
      menteeReview: true,
      enterpriseId: true,
      enterprise: { select: { slug: true, name: true, country: true, sector: true } },
      mentor: { select: { id: true, displayName: true } },
      requestedBy: { select: { displayName: true } },
      assessment: { select: { id: true, result: true, submittedAt: true } },
      goals: { select: { id: true, questionId: true, dimension: true }, orderBy: { questionId: "asc" } },
      sessions: {
        select: { id: true, heldOn: true, notes: true, goalId: true, createdAt: true, author: { select: { displayName: true } } },
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      },
    },
  });
  const progress = side === "mentee" || m.shareProgress ? await progressOf(m) : null;
  const { assessment, ...rest } = m;
  return { ...rest, side, assessmentId: assessment?.id ?? null, reasons: m.reasons as unknown as MatchReason[], progress };
}

export function listMentorshipsOfMentor(mentorId: string) {
  return prisma.mentorship.findMany({
    where: { mentorId },
    select: { id: true, status: true, createdAt: true, enterprise: { select: { name: true } }, _count: { select: { sessions: true } } },
    orderBy: [{ createdAt: "desc" }],
  });
}

export function listMentorshipsOfEnterprise(enterpriseId: string) {
  return prisma.mentorship.findMany({
    where: { enterpriseId },
    select: { id: true, status: true, createdAt: true, mentor: { select: { displayName: true } }, _count: { select: { sessions: true } } },
    orderBy: [{ createdAt: "desc" }],
  });
}

/** The latest submitted assessment with a result: the plan a request starts from. */
export async function latestPlan(enterpriseId: string) {
  const row = await prisma.assessment.findFirst({
    where: { enterpriseId, status: "submitted" },
    orderBy: { submittedAt: "desc" },
    select: { id: true, result: true, submittedAt: true },
  });
  return row?.result ? { id: row.id, submittedAt: row.submittedAt, result: row.result as unknown as ScoreResult } : null;
}
