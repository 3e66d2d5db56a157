import { describe, expect, test } from "vitest";
import * as dashboard from "~/routes/dashboard";
import { prisma } from "~/utils/db.server";
import { submittedOf } from "../helpers/assessment";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestReply, createTestThread } from "../helpers/forum";
import { createTestUser, getRequest, run } from "../helpers/routes";

type Dashboard = {
  verification: { waiting: number; inReview: number } | null;
  flaggedPosts: number | null;
  shortlists: { name: string; entries: number }[] | null;
};

async function dashboardOf(cookie: string) {
  const page = await run(dashboard.loader, getRequest("/dashboard", cookie));
  expect(page.status).toBe(200);
  return page.data as Dashboard;
}

let serial = 0;
async function submittedAssessment() {
  serial += 1;
  const enterprise = await prisma.enterprise.create({
    data: { ...validEnterpriseFields(), slug: `dashboard-${serial}-${Date.now()}`, status: "published" },
    select: { id: true },
  });
  return { id: (await submittedOf(enterprise.id)).id, enterpriseId: enterprise.id };
}

describe("the dashboard shows what waits for each role", () => {
  test("a verifier: the requests waiting for anyone, and the reviews they took and have not finished", async () => {
    const verifier = await createTestUser({ roles: ["verifier"] });
    const colleague = await createTestUser({ roles: ["verifier"] });
    const before = (await dashboardOf(verifier.cookie)).verification!;
    await prisma.verification.create({ data: { assessmentId: (await submittedAssessment()).id } });
    await prisma.verification.create({
      data: { assessmentId: (await submittedAssessment()).id, status: "in_review", verifierId: verifier.id, takenAt: new Date() },
    });
    await prisma.verification.create({
      data: { assessmentId: (await submittedAssessment()).id, status: "in_review", verifierId: colleague.id, takenAt: new Date() },
    });
    expect((await dashboardOf(verifier.cookie)).verification).toEqual({ waiting: before.waiting + 1, inReview: before.inReview + 1 });
    expect((await dashboardOf(colleague.cookie)).verification!.inReview).toBe(1);
  });

  test("a moderator: the posts with an open flag, each counted once however many flags it has", async () => {
    const moderator = await createTestUser({ roles: ["moderator"] });
    const author = await createTestUser();
    const readers = [await createTestUser(), await createTestUser()];
    const before = (await dashboardOf(moderator.cookie)).flaggedPosts!;
    const thread = await createTestThread({ userId: author.id });
    const reply = await createTestReply({ userId: author.id, threadId: thread.id });
    for (const reader of readers)
      await prisma.forumFlag.create({ data: { postId: thread.firstPostId, reporterId: reader.id, reason: "spam" } });
    await prisma.forumFlag.create({ data: { postId: reply.id, reporterId: readers[0]!.id, reason: "abuse", status: "dismissed" } });
    expect((await dashboardOf(moderator.cookie)).flaggedPosts).toBe(before + 1);
  });

  test("a funder: their own shortlists with how many enterprises each holds; other roles see none of these", async () => {
    const funder = await createTestUser({ roles: ["funder"] });
    const other = await createTestUser({ roles: ["funder"] });
    await prisma.shortlist.create({ data: { userId: other.id, name: "Not theirs" } });
    expect((await dashboardOf(funder.cookie)).shortlists).toEqual([]);
    const { id } = await prisma.shortlist.create({ data: { userId: funder.id, name: "Water projects" }, select: { id: true } });
    const { enterpriseId } = await submittedAssessment();
    await prisma.shortlistEntry.create({ data: { shortlistId: id, enterpriseId } });
    expect((await dashboardOf(funder.cookie)).shortlists).toMatchObject([{ name: "Water projects", entries: 1 }]);

    const entrepreneur = await createTestUser();
    expect(await dashboardOf(entrepreneur.cookie)).toMatchObject({ verification: null, flaggedPosts: null, shortlists: null });
  });
});
