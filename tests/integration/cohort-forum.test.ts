import { beforeAll, describe, expect, test } from "vitest";
import { moveThread } from "~/models/forum-moderation.server";
import { countUnreadNotifications } from "~/models/notification.server";
import * as cohortPage from "~/routes/cohorts_.$id";
import * as cohortsPage from "~/routes/cohorts";
import * as enterpriseCohorts from "~/routes/enterprises.$slug_.cohorts";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as forumIndex from "~/routes/forum";
import * as categoryPage from "~/routes/forum_.$slug";
import * as categoryFeed from "~/routes/forum_.$slug_.feed[.]atom";
import * as forumFeed from "~/routes/forum_.feed[.]atom";
import * as flags from "~/routes/forum_.flags";
import * as newThread from "~/routes/forum_.new";
import * as postLink from "~/routes/forum_.posts.$id";
import * as search from "~/routes/forum_.search";
import * as threadPage from "~/routes/forum_.threads.$id";
import * as notifications from "~/routes/notifications";
import * as poll from "~/routes/forum_.threads.$id_.poll";
import * as pollCsv from "~/routes/forum_.threads.$id_.poll[.]csv";
import * as sitemap from "~/routes/sitemap[.]xml";
import { prisma } from "~/utils/db.server";
import { enterpriseWithOwnerAndMember } from "../helpers/enterprise-people";
import { createThreadWithPosts, forumCategories } from "../helpers/forum-moderation";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";
import { withKeptResults } from "../helpers/kept-results";

type Person = Awaited<ReturnType<typeof createTestUser>>;

let serial = 0;

async function publishedEnterprise() {
  serial += 1;
  return enterpriseWithOwnerAndMember({ name: `Cohort Forum Enterprise ${serial} ${Date.now()}` });
}

interface World {
  /** A word no other thread has, so a search finds this world's thread and nothing else. */
  secret: string;
  incubator: Person;
  cohortId: string;
  slug: string;
  categoryId: string;
  inside: Awaited<ReturnType<typeof publishedEnterprise>>;
  invitedOnly: Awaited<ReturnType<typeof publishedEnterprise>>;
  outsider: Person;
  moderator: Person;
  threadId: string;
  postId: string;
}

/** A cohort with one enterprise that accepted and one only invited, its forum opened, and a thread with a poll in it. */
async function makeWorld(): Promise<World> {
  const secret = `zyxwqcohort${Date.now()}${serial}`;
  const incubator = await createTestUser({ roles: ["incubator"] });
  const made = await run(
    cohortsPage.action,
    formRequest("/cohorts", { name: "Spring peers 2027", startsOn: "2027-03-01", endsOn: "2027-06-30" }, incubator.cookie),
  );
  const cohortId = made.location!.split("/").pop()!;
  const inside = await publishedEnterprise();
  const invitedOnly = await publishedEnterprise();
  for (const e of [inside, invitedOnly]) {
    await run(
      cohortPage.action,
      formRequest(`/cohorts/${cohortId}`, { intent: "invite", enterpriseId: e.enterprise.id }, incubator.cookie),
      {
        id: cohortId,
      },
    );
  }
  const membership = await prisma.cohortMember.findFirstOrThrow({ where: { cohortId, enterpriseId: inside.enterprise.id } });
  const accepted = await run(
    enterpriseCohorts.action,
    formRequest(`/enterprises/${inside.enterprise.slug}/cohorts`, { intent: "accept", memberId: membership.id }, inside.owner.cookie),
    { slug: inside.enterprise.slug },
  );
  expect(accepted.status).toBe(302);

  // The organisation opens the cohort's forum from its cohort page.
  const opened = await run(cohortPage.action, formRequest(`/cohorts/${cohortId}`, { intent: "open_forum" }, incubator.cookie), {
    id: cohortId,
  });
  expect(opened.status).toBe(302);
  const slug = opened.location!.replace("/forum/", "");
  const category = await prisma.forumCategory.findUniqueOrThrow({ where: { slug }, select: { id: true, kind: true, cohortId: true } });
  expect(category).toMatchObject({ kind: "cohort", cohortId });

  // A member of the enterprise that accepted starts a thread there, linked to their enterprise, with a poll.
  const created = await run(
    newThread.action,
    formRequest(
      "/forum/new",
      {
        categoryId: category.id,
        title: `Peer notes ${secret}`,
        body: `Our cash-flow troubles this quarter, ${secret}: how did you manage yours?`,
        tags: "",
        enterpriseId: inside.enterprise.id,
        pollQuestion: "Meet in person?",
        pollOptions: "Yes\nNo",
        pollResults: "always",
      },
      inside.member.cookie,
    ),
  );
  expect(created.status).toBe(302);
  const threadId = created.location!.split("/").pop()!;
  const post = await prisma.forumPost.findFirstOrThrow({ where: { threadId, number: 1 }, select: { id: true } });
  return {
    secret,
    incubator,
    cohortId,
    slug,
    categoryId: category.id,
    inside,
    invitedOnly,
    outsider: await createTestUser(),
    moderator: await createTestUser({ roles: ["moderator"] }),
    threadId,
    postId: post.id,
  };
}

/** The enterprise that accepted leaves the cohort, as its owner does on its cohorts page. */
async function leaveCohort(world: World) {
  const membership = await prisma.cohortMember.findFirstOrThrow({
    where: { cohortId: world.cohortId, enterpriseId: world.inside.enterprise.id },
  });
  const left = await run(
    enterpriseCohorts.action,
    formRequest(
      `/enterprises/${world.inside.enterprise.slug}/cohorts`,
      { intent: "leave", memberId: membership.id },
      world.inside.owner.cookie,
    ),
    { slug: world.inside.enterprise.slug },
  );
  expect(left.status).toBe(302);
}

// Tests run in shuffled order: those that only read share this world; one that changes who belongs makes its own.
let world: World;
beforeAll(async () => {
  world = await makeWorld();
});

async function status(fn: Parameters<typeof run>[0], path: string, cookie: string | undefined, params: Record<string, string> = {}) {
  return (await run(fn, getRequest(path, cookie), params)).status;
}

/** Every way of reaching the private thread, as `cookie`'s holder: the statuses, and whether lists and searches show it. */
async function whatOneSees(cookie: string | undefined) {
  const { slug, threadId, postId } = world;
  const index = await run(forumIndex.loader, getRequest("/forum", cookie));
  const found = await run(search.loader, getRequest(`/forum/search?q=${world.secret}`, cookie));
  return {
    listed: (index.data as { categories: { slug: string }[] }).categories.some((c) => c.slug === slug),
    category: await status(categoryPage.loader, `/forum/${slug}`, cookie, { slug }),
    thread: await status(threadPage.loader, `/forum/threads/${threadId}`, cookie, { id: threadId }),
    postLink: await status(postLink.loader, `/forum/posts/${postId}`, cookie, { id: postId }),
    poll: await status(poll.loader, `/forum/threads/${threadId}/poll`, cookie, { id: threadId }),
    pollCsv: await status(pollCsv.loader, `/forum/threads/${threadId}/poll.csv`, cookie, { id: threadId }),
    searchHits: (found.data as { hits: unknown[] }).hits.length,
    searchInCategory: await status(search.loader, `/forum/search?category=${slug}`, cookie),
  };
}

describe("a cohort's private forum category", () => {
  test("its organisation, the members of the enterprises that accepted, and the moderators read it", async () => {
    const readable = {
      listed: true,
      category: 200,
      thread: 200,
      postLink: 302,
      poll: 200,
      pollCsv: 200,
      searchHits: 1,
      searchInCategory: 200,
    };
    expect(await whatOneSees(world.incubator.cookie)).toEqual(readable);
    expect(await whatOneSees(world.inside.owner.cookie)).toEqual(readable);
    expect(await whatOneSees(world.moderator.cookie)).toEqual(readable);
    // Its poll's results are the cohort's, not open data: no licence comes with them.
    const csv = await run(pollCsv.loader, getRequest(`/forum/threads/${world.threadId}/poll.csv`, world.incubator.cookie), {
      id: world.threadId,
    });
    expect(csv.headers!.get("Link")).toBeNull();
    // The cohort page links to it.
    const page = await run(cohortPage.loader, getRequest(`/cohorts/${world.cohortId}`, world.incubator.cookie), { id: world.cohortId });
    expect((page.data as { cohort: { forum: string | null } }).cohort.forum).toBe(world.slug);
  });

  test("as in production, where the categories offered by search are kept for every reader, only its readers are offered it", async () => {
    const offered = async (cookie: string | undefined) =>
      ((await run(search.loader, getRequest("/forum/search", cookie))).data as { categories: { slug: string }[] }).categories.map(
        (c) => c.slug,
      );
    await withKeptResults(async () => {
      // Read first by a member: what is kept for them is not what an outsider or an invited enterprise is offered.
      expect(await offered(world.inside.owner.cookie)).toContain(world.slug);
      expect(await offered(world.outsider.cookie)).not.toContain(world.slug);
      expect(await offered(world.invitedOnly.owner.cookie)).not.toContain(world.slug);
      expect(await offered(undefined)).not.toContain(world.slug);
      expect(await offered(world.incubator.cookie)).toContain(world.slug);
      expect(await offered(world.moderator.cookie)).toContain(world.slug);
    });
  });

  test("to anyone else (not signed in, another account, an enterprise only invited) it does not exist", async () => {
    const hidden = {
      listed: false,
      category: 404,
      thread: 404,
      postLink: 404,
      poll: 404,
      pollCsv: 404,
      searchHits: 0,
      searchInCategory: 400,
    };
    expect(await whatOneSees(undefined)).toEqual(hidden);
    expect(await whatOneSees(world.outsider.cookie)).toEqual(hidden);
    expect(await whatOneSees(world.invitedOnly.owner.cookie)).toEqual(hidden);
  });

  test("outsiders can neither post, vote, flag nor watch there; nothing they try is written", async () => {
    const { outsider } = world;
    const posts = await prisma.forumPost.count({ where: { threadId: world.threadId } });
    const reply = await run(
      threadPage.action,
      formRequest(`/forum/threads/${world.threadId}`, { intent: "reply", body: "Let me in on this." }, outsider.cookie),
      { id: world.threadId },
    );
    expect(reply.status).toBe(404);
    const option = await prisma.forumPollOption.findFirstOrThrow({ where: { poll: { threadId: world.threadId } }, select: { id: true } });
    const vote = await run(
      poll.action,
      formRequest(`/forum/threads/${world.threadId}/poll`, { intent: "vote", choice: option.id }, outsider.cookie),
      {
        id: world.threadId,
      },
    );
    expect(vote.status).toBe(404);
    const flag = await run(flags.action, formRequest("/forum/flags", { postId: world.postId, reason: "spam" }, outsider.cookie));
    expect(flag.status).toBe(404);
    expect(await status(flags.loader, `/forum/flags?post=${world.postId}`, outsider.cookie)).toBe(404);
    const watch = await run(categoryPage.action, formRequest(`/forum/${world.slug}`, { intent: "subscribe" }, outsider.cookie), {
      slug: world.slug,
    });
    expect(watch.status).toBe(404);
    const started = await run(
      newThread.action,
      formRequest(
        "/forum/new",
        { categoryId: world.categoryId, title: "Knocking on the door", body: "Anyone there?", tags: "" },
        outsider.cookie,
      ),
    );
    expect(started.status).toBe(400);
    expect(await prisma.forumPost.count({ where: { threadId: world.threadId } })).toBe(posts);
    expect(await prisma.forumThread.count({ where: { categoryId: world.categoryId } })).toBe(1);
    expect(await prisma.forumPollBallot.count({ where: { userId: outsider.id } })).toBe(0);
    expect(await prisma.forumFlag.count({ where: { postId: world.postId } })).toBe(0);
    expect(await prisma.forumCategorySubscription.count({ where: { userId: outsider.id } })).toBe(0);
    // New-thread and search forms do not offer the category to them.
    const form = await run(newThread.loader, getRequest("/forum/new", outsider.cookie));
    expect((form.data as { categories: { id: string }[] }).categories.map((c) => c.id)).not.toContain(world.categoryId);
  });

  test("feeds, the sitemap and the enterprise's public page leave it out", async () => {
    expect(await status(categoryFeed.loader, `/forum/${world.slug}/feed.atom`, world.inside.member.cookie, { slug: world.slug })).toBe(404);
    const feed = (await forumFeed.loader({ request: getRequest("/forum/feed.atom"), params: {}, context: {} })) as Response;
    expect(await feed.text()).not.toContain(world.secret);
    const map = (await sitemap.loader({ request: getRequest("/sitemap.xml"), params: {}, context: {} })) as Response;
    expect(await map.text()).not.toContain(world.slug);
    const profile = await run(
      enterprisePage.loader,
      getRequest(`/enterprises/${world.inside.enterprise.slug}`, world.inside.member.cookie),
      {
        slug: world.inside.enterprise.slug,
      },
    );
    expect(JSON.stringify(profile.data)).not.toContain(world.secret);
  });

  test("a reply mentioning someone outside the cohort notifies only those who may read it", async () => {
    const { outsider, incubator } = world;
    await prisma.user.update({ where: { id: outsider.id }, data: { handle: `outsider-${serial}-${Date.now() % 100000}` } });
    await prisma.user.update({ where: { id: incubator.id }, data: { handle: `incubator-${serial}-${Date.now() % 100000}` } });
    const handles = await prisma.user.findMany({ where: { id: { in: [outsider.id, incubator.id] } }, select: { id: true, handle: true } });
    const handleOf = (id: string) => handles.find((h) => h.id === id)!.handle;
    const replied = await run(
      threadPage.action,
      formRequest(
        `/forum/threads/${world.threadId}`,
        { intent: "reply", body: `Asking @${handleOf(incubator.id)} and @${handleOf(outsider.id)} about this.` },
        world.inside.owner.cookie,
      ),
      { id: world.threadId },
    );
    expect(replied.status).toBe(302);
    const notified = await prisma.notification.findMany({ where: { threadId: world.threadId, kind: "mention" }, select: { userId: true } });
    expect(notified.map((n) => n.userId)).toEqual([incubator.id]);
  });

  test("moderators cannot move a thread into it or out of it", async () => {
    const { bySlug } = await forumCategories();
    const outOf = await moveThread({
      moderatorId: world.moderator.id,
      threadId: world.threadId,
      categoryId: bySlug.get("social-entrepreneurship")!,
      reason: "Belongs to everyone",
    });
    expect(outOf).toEqual({ ok: false, reason: "private_category" });
    const publicThread = await createThreadWithPosts({ authorId: world.outsider.id });
    const into = await moveThread({
      moderatorId: world.moderator.id,
      threadId: publicThread.id,
      categoryId: world.categoryId,
      reason: "Hide it",
    });
    expect(into).toEqual({ ok: false, reason: "private_category" });
    expect(await prisma.forumThread.count({ where: { categoryId: world.categoryId } })).toBe(1);
  });

  test("after its enterprise leaves, a member's notifications about the cohort's threads are no longer listed, counted or opened", async () => {
    const world = await makeWorld();
    const member = world.inside.member;
    // The organisation replies in the cohort's thread (its author hears of it), and someone replies in a public thread of theirs.
    const replied = await run(
      threadPage.action,
      formRequest(`/forum/threads/${world.threadId}`, { intent: "reply", body: "Meeting in person suits us." }, world.incubator.cookie),
      { id: world.threadId },
    );
    expect(replied.status).toBe(302);
    const publicThread = await createThreadWithPosts({ authorId: member.id });
    await prisma.notification.create({ data: { userId: member.id, kind: "reply", actorId: world.outsider.id, threadId: publicThread.id } });
    const reader = { id: member.id, roles: [] };
    const listed = async () =>
      (
        (await run(notifications.loader, getRequest("/notifications", member.cookie))).data as {
          notifications: { id: string; thread: { id: string; title: string } | null }[];
        }
      ).notifications;
    const cohortNotice = (await listed()).find((n) => n.thread?.title.includes(world.secret));
    expect(cohortNotice).toBeDefined();
    expect(await countUnreadNotifications(reader)).toBe(2);

    await leaveCohort(world);
    const after = await listed();
    expect(after.some((n) => n.thread?.title.includes(world.secret))).toBe(false);
    expect(after.some((n) => n.thread?.id === publicThread.id)).toBe(true);
    expect(await countUnreadNotifications(reader)).toBe(1);
    const opened = await run(notifications.action, formRequest("/notifications", { intent: "open", id: cohortNotice!.id }, member.cookie));
    expect(opened.status).toBe(404);
    // The organisation still reads its cohort's thread and hears of it.
    expect(await status(threadPage.loader, `/forum/threads/${world.threadId}`, world.incubator.cookie, { id: world.threadId })).toBe(200);
  });

  test("an enterprise that leaves the cohort no longer reads it; opening the forum again gives the same category", async () => {
    const world = await makeWorld();
    await leaveCohort(world);
    expect(await status(threadPage.loader, `/forum/threads/${world.threadId}`, world.inside.member.cookie, { id: world.threadId })).toBe(
      404,
    );
    expect(await status(categoryPage.loader, `/forum/${world.slug}`, world.inside.owner.cookie, { slug: world.slug })).toBe(404);
    const again = await run(
      cohortPage.action,
      formRequest(`/cohorts/${world.cohortId}`, { intent: "open_forum" }, world.incubator.cookie),
      {
        id: world.cohortId,
      },
    );
    expect(again.location).toBe(`/forum/${world.slug}`);
    // Only the cohort's owner opens it.
    const other = await createTestUser({ roles: ["incubator"] });
    expect(
      (
        await run(cohortPage.action, formRequest(`/cohorts/${world.cohortId}`, { intent: "open_forum" }, other.cookie), {
          id: world.cohortId,
        })
      ).status,
    ).toBe(404);
    expect(await prisma.forumCategory.count({ where: { cohortId: world.cohortId } })).toBe(1);
  });
});
