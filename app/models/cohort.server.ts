// Cohorts of enabling organisations (docs/decisions/024-cohorts.md): an account with the incubator role
// creates a cohort and invites published enterprises into it; the enterprise's owners accept (consenting
// to share their results with the organisation) or decline, and may leave later. Before consent the
// organisation reads nothing beyond the enterprise's public profile; after it withdraws, nothing at all.
import type { CohortMemberStatus } from "~/generated/prisma/client";
import { latestRatingsOf } from "~/models/rating.server";
import { currentMethodology } from "../../scoring";
import { cohortFigures } from "~/utils/cohort-figures";
import { isUniqueViolation, prisma, type Db, type Tx } from "~/utils/db.server";
import { slugify } from "~/utils/slug";

/** An invitation still waiting, or consent given: the cohort page lists these; declined and withdrawn ones disappear. */
const LISTED: CohortMemberStatus[] = ["invited", "accepted"];
export const MAX_INVITE_RESULTS = 10;

export type CohortRefusal = "not_found" | "not_published" | "already_invited" | "not_owner" | "not_open";
type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; refusal: CohortRefusal };

export interface CohortInput {
  name: string;
  startsOn: Date;
  endsOn: Date;
}

export function createCohort({ ownerId, input }: { ownerId: string; input: CohortInput }) {
  return prisma.cohort.create({ data: { ownerId, ...input }, select: { id: true } });
}

/** The name an organisation account shows: the organisation an admin set for it, else the account's name. */
export async function organisationName(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true, organisation: true } });
  return user.organisation ?? user.displayName;
}

/** The cohorts an organisation account runs, newest first, with how many enterprises are in each and invited. */
export async function listCohortsOf(ownerId: string) {
  const cohorts = await prisma.cohort.findMany({
    where: { ownerId },
    select: { id: true, name: true, startsOn: true, endsOn: true },
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
  });
  const counts = await prisma.cohortMember.groupBy({
    by: ["cohortId", "status"],
    where: { cohortId: { in: cohorts.map((c) => c.id) }, status: { in: LISTED } },
    _count: { _all: true },
  });
  const count = (cohortId: string, status: CohortMemberStatus) =>
    counts.find((c) => c.cohortId === cohortId && c.status === status)?._count._all ?? 0;
  return cohorts.map((c) => ({ ...c, accepted: count(c.id, "accepted"), invited: count(c.id, "invited") }));
}

/**
 * Opens the cohort's own forum category for peer exchange, named as the cohort and listed after every
 * other category. It is private to the cohort (app/models/forum-access.server.ts): its organisation,
 * the members of the enterprises that accepted, and the forum's moderators. Opening it again, or twice
 * at once, gives the one there is. Null for anyone but the cohort's owner.
 */
export async function openCohortForum(
  { id, ownerId }: { id: string; ownerId: string },
  db: Db = prisma,
): Promise<{ id: string; slug: string } | null> {
  const cohort = await db.cohort.findFirst({
    where: { id, ownerId },
    select: { id: true, name: true, forumCategory: { select: { id: true, slug: true } } },
  });
  if (!cohort) return null;
  if (cohort.forumCategory) return cohort.forumCategory;
  const named = slugify(cohort.name).slice(0, 48).replace(/-+$/, "");
  const slug = ["cohort", named, cohort.id.slice(-8)].filter(Boolean).join("-");
  const last = await db.forumCategory.aggregate({ _max: { position: true } });
  try {
    return await db.forumCategory.create({
      data: { slug, kind: "cohort", cohortId: cohort.id, name: { en: cohort.name }, position: (last._max.position ?? 0) + 10 },
      select: { id: true, slug: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.forumCategory.findUniqueOrThrow({ where: { cohortId: cohort.id }, select: { id: true, slug: true } });
  }
}

/** The public facts of an enterprise: all an organisation reads of an enterprise that has not consented. */
const PUBLIC_ENTERPRISE = { id: true, slug: true, name: true, country: true, sector: true } as const;

/**
 * A cohort as its organisation reads it; null for anyone but its owner. Enterprises that accepted come
 * with their current rating and progress; those invited with their public profile only. The cohort's
 * figures (averages for the organisation's own funders) cover those that accepted, under the small-group rule.
 */
export async function getCohort({ id, ownerId }: { id: string; ownerId: string }) {
  const cohort = await prisma.cohort.findFirst({
    where: { id, ownerId },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      owner: { select: { displayName: true, organisation: true } },
      forumCategory: { select: { slug: true } },
      members: {
        where: { status: { in: LISTED } },
        select: { id: true, status: true, invitedAt: true, respondedAt: true, enterprise: { select: PUBLIC_ENTERPRISE } },
        orderBy: { enterprise: { name: "asc" } },
      },
    },
  });
  if (!cohort) return null;
  const accepted = cohort.members.filter((m) => m.status === "accepted");
  const progress = await progressOf(accepted.map((m) => m.enterprise.id));
  const members = accepted.map((m) => ({
    id: m.id,
    respondedAt: m.respondedAt,
    enterprise: m.enterprise,
    ...progress.get(m.enterprise.id)!,
  }));
  return {
    id: cohort.id,
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    organisation: cohort.owner.organisation ?? cohort.owner.displayName,
    /** The slug of the cohort's private forum category, once opened. */
    forum: cohort.forumCategory?.slug ?? null,
    members,
    figures: cohortFigures(
      members,
      currentMethodology.dimensions.map((d) => d.id),
    ),
    invited: cohort.members
      .filter((m) => m.status === "invited")
      .map((m) => ({ id: m.id, invitedAt: m.invitedAt, enterprise: m.enterprise })),
  };
}

/**
 * Each enterprise's current rating (its latest submitted assessment, with the verifier's figures once
 * verified) and progress: items of that assessment's improvement plan marked done, out of all of them,
 * and mentorship sessions logged.
 */
async function progressOf(enterpriseIds: string[]) {
  const [ratings, sessions] = await Promise.all([
    latestRatingsOf(enterpriseIds),
    prisma.mentorshipSession.groupBy({
      by: ["mentorshipId"],
      where: { mentorship: { enterpriseId: { in: enterpriseIds } } },
      _count: { _all: true },
    }),
  ]);
  const mentorships = await prisma.mentorship.findMany({
    where: { id: { in: sessions.map((s) => s.mentorshipId) } },
    select: { id: true, enterpriseId: true },
  });
  const sessionCount = new Map<string, number>();
  for (const s of sessions) {
    const enterpriseId = mentorships.find((m) => m.id === s.mentorshipId)!.enterpriseId;
    sessionCount.set(enterpriseId, (sessionCount.get(enterpriseId) ?? 0) + s._count._all);
  }
  return new Map(
    enterpriseIds.map((id) => {
      const latest = ratings.get(id);
      const rating = latest
        ? {
            overall: latest.overall,
            tier: latest.tier,
            dimensions: latest.dimensions,
            submittedAt: latest.submittedAt,
            trust: latest.trust,
          }
        : null;
      return [id, { rating, plan: latest?.plan ?? null, sessions: sessionCount.get(id) ?? 0 }];
    }),
  );
}

/** Published enterprises whose name matches, not waiting for or in the cohort already: whom the organisation may invite. */
export async function findInvitable({ cohortId, query }: { cohortId: string; query: string }) {
  if (!query) return [];
  return prisma.enterprise.findMany({
    where: {
      status: "published",
      name: { contains: query, mode: "insensitive" },
      cohortMemberships: { none: { cohortId, status: { in: LISTED } } },
    },
    select: PUBLIC_ENTERPRISE,
    orderBy: { name: "asc" },
    take: MAX_INVITE_RESULTS,
  });
}

/**
 * Invites a published enterprise into the owner's cohort; its owners hear of it. An enterprise that
 * declined or left earlier may be invited again. Refused for someone else's cohort, an enterprise that is
 * not published (or does not exist), and one already invited or in the cohort.
 */
export async function inviteEnterprise({
  cohortId,
  ownerId,
  enterpriseId,
  now = new Date(),
}: {
  cohortId: string;
  ownerId: string;
  enterpriseId: string;
  now?: Date;
}): Promise<Outcome<{ id: string }>> {
  return prisma.$transaction(async (tx) => {
    const cohort = await tx.cohort.findFirst({ where: { id: cohortId, ownerId }, select: { id: true } });
    if (!cohort) return { ok: false as const, refusal: "not_found" as const };
    const enterprise = await tx.enterprise.findFirst({ where: { id: enterpriseId, status: "published" }, select: { id: true } });
    if (!enterprise) return { ok: false as const, refusal: "not_published" as const };
    // Locks the earlier invitation, if any, so that two invitations at once cannot both be sent.
    const existing = await tx.$queryRaw<{ id: string; status: CohortMemberStatus }[]>`
      SELECT "id", "status" FROM "CohortMember" WHERE "cohortId" = ${cohortId} AND "enterpriseId" = ${enterpriseId} FOR UPDATE`;
    if (existing[0] && LISTED.includes(existing[0].status)) return { ok: false as const, refusal: "already_invited" as const };
    const data = { status: "invited" as const, invitedById: ownerId, invitedAt: now, respondedById: null, respondedAt: null };
    const member = existing[0]
      ? await tx.cohortMember.update({ where: { id: existing[0].id }, data, select: { id: true } })
      : await tx.cohortMember.create({ data: { cohortId, enterpriseId, ...data }, select: { id: true } });
    await notifyOwners(tx, { memberId: member.id, enterpriseId, actorId: ownerId });
    return { ok: true as const, value: member };
  });
}

async function notifyOwners(tx: Tx, { memberId, enterpriseId, actorId }: { memberId: string; enterpriseId: string; actorId: string }) {
  const owners = await tx.enterpriseMember.findMany({ where: { enterpriseId, role: "owner" }, select: { userId: true } });
  const recipients = owners.map((o) => o.userId).filter((id) => id !== actorId);
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({ userId, kind: "cohort_invited" as const, actorId, cohortMemberId: memberId })),
  });
}

/** An enterprise's invitations waiting and the cohorts it is in, for its members. */
export function listCohortsOfEnterprise(enterpriseId: string) {
  return prisma.cohortMember.findMany({
    where: { enterpriseId, status: { in: LISTED } },
    select: {
      id: true,
      status: true,
      invitedAt: true,
      respondedAt: true,
      cohort: { select: { name: true, startsOn: true, endsOn: true, owner: { select: { displayName: true, organisation: true } } } },
    },
    orderBy: { invitedAt: "desc" },
  });
}

/** How many invitations an enterprise has waiting (shown on its page to its members). */
export function countWaitingInvitations(enterpriseId: string) {
  return prisma.cohortMember.count({ where: { enterpriseId, status: "invited" } });
}

async function isOwner(tx: Tx, { enterpriseId, userId }: { enterpriseId: string; userId: string }) {
  return (await tx.enterpriseMember.count({ where: { enterpriseId, userId, role: "owner" } })) > 0;
}

/** The owner of `from` status moves it on; shared by accepting, declining and leaving. */
async function answer({
  memberId,
  enterpriseId,
  userId,
  from,
  to,
  now,
}: {
  memberId: string;
  enterpriseId: string;
  userId: string;
  from: CohortMemberStatus[];
  to: CohortMemberStatus;
  now: Date;
}): Promise<Outcome> {
  return prisma.$transaction(async (tx) => {
    const member = await tx.cohortMember.findFirst({ where: { id: memberId, enterpriseId }, select: { status: true } });
    if (!member) return { ok: false as const, refusal: "not_found" as const };
    if (!(await isOwner(tx, { enterpriseId, userId }))) return { ok: false as const, refusal: "not_owner" as const };
    const { count } = await tx.cohortMember.updateMany({
      where: { id: memberId, status: { in: from } },
      data: { status: to, respondedById: userId, respondedAt: now },
    });
    if (count === 0) return { ok: false as const, refusal: "not_open" as const };
    return { ok: true as const, value: undefined };
  });
}

/** An owner accepts an invitation (consenting to share the enterprise's results with the organisation) or declines it. */
export function respondToInvitation({
  memberId,
  enterpriseId,
  userId,
  accept,
  now = new Date(),
}: {
  memberId: string;
  enterpriseId: string;
  userId: string;
  accept: boolean;
  now?: Date;
}) {
  return answer({ memberId, enterpriseId, userId, from: ["invited"], to: accept ? "accepted" : "declined", now });
}

/** An owner takes the enterprise out of a cohort: consent withdrawn, the organisation no longer sees it. */
export function leaveCohort({
  memberId,
  enterpriseId,
  userId,
  now = new Date(),
}: {
  memberId: string;
  enterpriseId: string;
  userId: string;
  now?: Date;
}) {
  return answer({ memberId, enterpriseId, userId, from: ["accepted"], to: "withdrawn", now });
}

// ---------------------------------------------------------------------------------------------
// Improvement plan items done

/** A member marks an item of the assessment's improvement plan as done, or not done again. */
export async function setPlanItemDone({
  assessmentId,
  questionId,
  userId,
  done,
}: {
  assessmentId: string;
  questionId: string;
  userId: string;
  done: boolean;
}) {
  if (done) {
    await prisma.planItemDone.upsert({
      where: { assessmentId_questionId: { assessmentId, questionId } },
      create: { assessmentId, questionId, markedById: userId },
      update: {},
      select: { questionId: true },
    });
  } else {
    await prisma.planItemDone.deleteMany({ where: { assessmentId, questionId } });
  }
}

/** The plan items of an assessment marked done. */
export async function planItemsDone(assessmentId: string) {
  const rows = await prisma.planItemDone.findMany({ where: { assessmentId }, select: { questionId: true } });
  return rows.map((r) => r.questionId);
}
