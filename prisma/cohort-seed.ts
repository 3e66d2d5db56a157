// Demo cohort: the demo incubator (incubator@demo.ortaq.org, "Steppe Impact Hub") runs one cohort, which six
// rated demo enterprises joined (consenting to share their results, enough for the cohort's figures) and which
// invited another that has not answered.
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
}
