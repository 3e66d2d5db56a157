// Demo cohort: the demo incubator (incubator@demo.ortaq.org, "Steppe Impact Hub") runs one cohort, which six
// rated demo enterprises joined (consenting to share their results, enough for the cohort's figures) and which
// invited another that has not answered. The cohort's private forum is open, with a thread its members started.
import { openCohortForum } from "~/models/cohort.server";
import type { Tx } from "~/utils/db.server";

const DAY = 86_400_000;
const JOINED = 6;

export async function seedCohorts(
  tx: Tx,
  { incubatorId, enterpriseIds, now }: { incubatorId: string; enterpriseIds: string[]; now: number },
) {
  // Enterprises of the demo owners (the demo entrepreneur's own are left for them to be invited), published and rated.
  const candidates = await tx.enterprise.findMany({
    where: {
      id: { in: enterpriseIds.slice(3) },
      status: "published",
      assessments: { some: { status: "submitted" } },
    },
    select: {
      id: true,
      members: { where: { role: "owner" }, select: { userId: true }, take: 1 },
      assessments: { where: { status: "submitted" }, orderBy: { submittedAt: "desc" }, take: 1, select: { id: true, result: true } },
    },
    orderBy: { publishedAt: "desc" },
    take: JOINED + 1,
  });
  const joinedAll = candidates.slice(0, JOINED);
  const invited = candidates[JOINED];
  if (joinedAll.length === 0) return;
  const cohort = await tx.cohort.create({
    data: {
      ownerId: incubatorId,
      name: "Autumn 2026 accelerator",
      startsOn: new Date(Math.floor((now - 60 * DAY) / DAY) * DAY),
      endsOn: new Date(Math.floor((now + 120 * DAY) / DAY) * DAY),
    },
    select: { id: true },
  });
  for (const [i, joined] of joinedAll.entries()) {
    await tx.cohortMember.create({
      data: {
        cohortId: cohort.id,
        enterpriseId: joined.id,
        status: "accepted",
        invitedById: incubatorId,
        invitedAt: new Date(now - (55 - i) * DAY),
        respondedById: joined.members[0]?.userId ?? null,
        respondedAt: new Date(now - (50 - i) * DAY),
      },
    });
    // Each has done the first item of its improvement plan.
    const plan = joined.assessments[0]?.result as { improvements?: { questionId: string }[] } | null;
    const first = plan?.improvements?.[0]?.questionId;
    if (first) {
      await tx.planItemDone.create({
        data: {
          assessmentId: joined.assessments[0]!.id,
          questionId: first,
          markedById: joined.members[0]?.userId ?? null,
          doneAt: new Date(now - 20 * DAY),
        },
      });
    }
  }
  if (invited) {
    await tx.cohortMember.create({
      data: {
        cohortId: cohort.id,
        enterpriseId: invited.id,
        status: "invited",
        invitedById: incubatorId,
        invitedAt: new Date(now - 3 * DAY),
      },
    });
  }
  await seedCohortForum(tx, {
    cohortId: cohort.id,
    incubatorId,
    memberIds: joinedAll.map((joined) => joined.members[0]?.userId).filter((id): id is string => Boolean(id)),
    now,
  });
}

/** The cohort's forum, opened by its organisation: a member asks the others, another member and the organisation answer. */
async function seedCohortForum(
  tx: Tx,
  { cohortId, incubatorId, memberIds, now }: { cohortId: string; incubatorId: string; memberIds: string[]; now: number },
) {
  const category = await openCohortForum({ id: cohortId, ownerId: incubatorId }, tx);
  if (!category || memberIds.length < 2) return;
  const start = now - 10 * DAY;
  const posts = [
    {
      by: memberIds[0]!,
      body: "Before the demo day: who has written an impact report for a funder before? We are drafting our first one and would welcome a look at yours, even a rough one.",
    },
    {
      by: memberIds[1]!,
      body: "We sent ours in June. Start from the beneficiary numbers the rating already asks for, and say how you counted them. I can share our template here.",
    },
    {
      by: incubatorId,
      body: "Thank you both. We will hold a session on impact reports next Tuesday; bring your drafts.",
    },
  ];
  const thread = await tx.forumThread.create({
    data: {
      categoryId: category.id,
      authorId: posts[0]!.by,
      language: "en",
      title: "Impact reports for funders: who has written one?",
      tags: ["impact"],
      postCount: posts.length,
      lastPostAt: new Date(start + (posts.length - 1) * 5 * 3_600_000),
      createdAt: new Date(start),
    },
    select: { id: true },
  });
  let lastPostId = "";
  for (const [index, post] of posts.entries()) {
    const created = await tx.forumPost.create({
      data: {
        threadId: thread.id,
        authorId: post.by,
        number: index + 1,
        body: post.body,
        language: "en",
        createdAt: new Date(start + index * 5 * 3_600_000),
      },
      select: { id: true },
    });
    lastPostId = created.id;
  }
  await tx.forumThread.update({ where: { id: thread.id }, data: { lastPostId }, select: { id: true } });
}
