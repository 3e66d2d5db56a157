import { describe, expect, test } from "vitest";
import { searchForum } from "~/models/forum-search.server";
import { createReply, getPeople } from "~/models/forum.server";
import { countUnreadNotifications } from "~/models/notification.server";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as forumIndex from "~/routes/forum";
import * as feed from "~/routes/forum_.feed[.]atom";
import * as categoryFeed from "~/routes/forum_.$slug_.feed[.]atom";
import * as category from "~/routes/forum_.$slug";
import * as newThread from "~/routes/forum_.new";
import * as postLink from "~/routes/forum_.posts.$id";
import * as history from "~/routes/forum_.posts.$id_.history";
import * as search from "~/routes/forum_.search";
import * as thread from "~/routes/forum_.threads.$id";
import * as notifications from "~/routes/notifications";
import * as root from "~/root";
import { prisma } from "~/utils/db.server";
import { MAX_POST_LENGTH, MAX_POSTS_PER_WINDOW, NEW_ACCOUNT_MS, POSTS_PER_PAGE } from "~/utils/forum-limits";
import type { Language } from "~/utils/i18n";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestCategory, createTestReply, createTestThread } from "../helpers/forum";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";
import { absoluteUrl } from "~/utils/env.server";
import { keptData } from "~/utils/kept-data.server";
import { withKeptResults } from "../helpers/kept-results";

type ThreadData = Awaited<ReturnType<typeof thread.loader>>;

/** A user whose account is older than the "new account" period, so the ordinary limits apply. */
async function establishedUser(roles: Parameters<typeof createTestUser>[0] = {}) {
  const user = await createTestUser(roles);
  await prisma.user.update({ where: { id: user.id }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) } });
  return user;
}

async function threadPage(id: string, query = "", cookie?: string) {
  const outcome = await run(thread.loader, getRequest(`/forum/threads/${id}${query}`, cookie), { id });
  return { ...outcome, data: outcome.data as ThreadData };
}

function reply(id: string, fields: Record<string, string>, cookie: string) {
  return run(thread.action, formRequest(`/forum/threads/${id}`, { intent: "reply", ...fields }, cookie), { id });
}

/** Fills a thread with posts directly, numbered as the app numbers them. */
async function fillThread(threadId: string, authorId: string, total: number) {
  await prisma.forumPost.createMany({
    data: Array.from({ length: total - 1 }, (_, i) => ({ threadId, authorId, number: i + 2, body: `Reply number ${i + 2}` })),
  });
  await prisma.forumThread.update({ where: { id: threadId }, data: { postCount: total } });
}

describe("posting is refused, with a clear reason and nothing saved", () => {
  test("for a suspended user, who can still read", async () => {
    const author = await establishedUser();
    const suspended = await establishedUser();
    const moderator = await createTestUser({ roles: ["moderator"] });
    const t = await createTestThread({ userId: author.id });
    await prisma.userSuspension.create({
      data: { userId: suspended.id, moderatorId: moderator.id, reason: "spam", endsAt: new Date(Date.now() + 86_400_000) },
    });
    const outcome = await reply(t.id, { body: "Let me in" }, suspended.cookie);
    expect(outcome.status).toBe(403);
    expect((outcome.data as { refusal: { reason: string } }).refusal.reason).toBe("suspended");
    const created = await run(
      newThread.action,
      formRequest("/forum/new", { categoryId: t.categoryId, title: "Another try", body: "Hello" }, suspended.cookie),
    );
    expect(created.status).toBe(403);
    expect(await prisma.forumPost.count({ where: { authorId: suspended.id } })).toBe(0);
    const page = await threadPage(t.id, "", suspended.cookie);
    expect(page.status).toBe(200);
    expect(page.data.suspendedUntil).not.toBeNull();
  });

  test("after a suspension ends or is lifted", async () => {
    const author = await establishedUser();
    const user = await establishedUser();
    const moderator = await createTestUser({ roles: ["moderator"] });
    const t = await createTestThread({ userId: author.id });
    await prisma.userSuspension.createMany({
      data: [
        {
          userId: user.id,
          moderatorId: moderator.id,
          reason: "past",
          startsAt: new Date(Date.now() - 7 * 86_400_000),
          endsAt: new Date(Date.now() - 86_400_000),
        },
        { userId: user.id, moderatorId: moderator.id, reason: "lifted", endsAt: new Date(Date.now() + 86_400_000), liftedAt: new Date() },
      ],
    });
    expect((await reply(t.id, { body: "Back again" }, user.cookie)).status).toBe(302);
  });

  test("in a locked thread", async () => {
    const author = await establishedUser();
    const other = await establishedUser();
    const t = await createTestThread({ userId: author.id });
    await prisma.forumThread.update({ where: { id: t.id }, data: { locked: true, lockedAt: new Date() } });
    const outcome = await reply(t.id, { body: "Too late" }, other.cookie);
    expect(outcome.status).toBe(403);
    expect((outcome.data as { refusal: { reason: string } }).refusal.reason).toBe("locked");
    const edit = await run(thread.action, formRequest("/x", { intent: "edit", postId: t.firstPostId, body: "Changed" }, author.cookie), {
      id: t.id,
    });
    expect(edit.status).toBe(403);
    expect(await prisma.forumPost.count({ where: { threadId: t.id } })).toBe(1);
    expect((await threadPage(t.id, "", other.cookie)).data.closed).toBe("locked");
  });

  test("in a consultation after its closing date, but not before", async () => {
    const ministry = await establishedUser({ roles: ["ministry"] });
    const citizen = await establishedUser();
    const t = await createTestThread({ userId: ministry.id, title: "Consultation on the new law" });
    await prisma.forumThread.update({ where: { id: t.id }, data: { kind: "consultation" } });
    await prisma.forumConsultation.create({
      data: { threadId: t.id, country: "KZ", question: "What should change?", closesAt: new Date(Date.now() + 86_400_000) },
    });
    expect((await reply(t.id, { body: "Lower the threshold." }, citizen.cookie)).status).toBe(302);
    await prisma.forumConsultation.update({ where: { threadId: t.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const outcome = await reply(t.id, { body: "One more idea" }, citizen.cookie);
    expect(outcome.status).toBe(403);
    expect((outcome.data as { refusal: { reason: string } }).refusal.reason).toBe("consultation_closed");
    expect(await prisma.forumPost.count({ where: { threadId: t.id } })).toBe(2);
  });

  test("when a new account posts faster than its limit; older accounts have a higher one", async () => {
    const author = await establishedUser();
    const newcomer = await createTestUser();
    const regular = await establishedUser();
    const t = await createTestThread({ userId: author.id });
    for (let i = 0; i < MAX_POSTS_PER_WINDOW.new; i++)
      expect((await reply(t.id, { body: `Newcomer post ${i}` }, newcomer.cookie)).status).toBe(302);
    const limited = await reply(t.id, { body: "One too many" }, newcomer.cookie);
    expect(limited.status).toBe(429);
    expect((limited.data as { refusal: { reason: string; retryAfterSeconds: number } }).refusal).toMatchObject({ reason: "rate_limited" });
    expect(Number(limited.headers.get("Retry-After"))).toBe(
      (limited.data as { refusal: { retryAfterSeconds: number } }).refusal.retryAfterSeconds,
    );
    for (let i = 0; i <= MAX_POSTS_PER_WINDOW.new; i++)
      expect((await reply(t.id, { body: `Regular post ${i}` }, regular.cookie)).status).toBe(302);
  });

  test("when a post has too many links, more strictly for a new account", async () => {
    const author = await establishedUser();
    const newcomer = await createTestUser();
    const t = await createTestThread({ userId: author.id });
    const links = "See https://a.example.org, https://b.example.org and [c](https://c.example.org).";
    const outcome = await reply(t.id, { body: links }, newcomer.cookie);
    expect(outcome.status).toBe(400);
    // The refusal says when the account stops being new, so the page can tell the person when the limit lifts.
    const { createdAt } = await prisma.user.findUniqueOrThrow({ where: { id: newcomer.id }, select: { createdAt: true } });
    expect((outcome.data as { refusal: unknown }).refusal).toEqual({
      reason: "too_many_links",
      max: 2,
      liftsAt: new Date(createdAt.getTime() + NEW_ACCOUNT_MS),
    });
    expect((await reply(t.id, { body: links }, author.cookie)).status).toBe(302);
  });

  test("links to the site's own pages (paths and its public address) do not count towards the limit", async () => {
    const author = await establishedUser();
    const newcomer = await createTestUser();
    const t = await createTestThread({ userId: author.id });
    const own = `See [the method](/methodology), [post 1](/forum/posts/x), ${absoluteUrl("/directory")} and <${absoluteUrl("/forum")}>.`;
    expect((await reply(t.id, { body: `${own} Also https://a.example.org and https://b.example.org.` }, newcomer.cookie)).status).toBe(302);
    const outcome = await reply(
      t.id,
      { body: `${own} https://a.example.org https://b.example.org ![c](https://c.example.org/c.png)` },
      newcomer.cookie,
    );
    expect(outcome.status).toBe(400);
  });

  test("an edit is held to the same link limit as a post, but does not count towards the posting rate", async () => {
    const author = await establishedUser();
    const newcomer = await createTestUser();
    const t = await createTestThread({ userId: author.id });
    for (let i = 0; i < MAX_POSTS_PER_WINDOW.new; i++)
      expect((await reply(t.id, { body: `Newcomer post ${i}` }, newcomer.cookie)).status).toBe(302);
    const own = await prisma.forumPost.findFirstOrThrow({ where: { threadId: t.id, authorId: newcomer.id }, select: { id: true } });
    const edit = (body: string) =>
      run(thread.action, formRequest("/x", { intent: "edit", postId: own.id, body }, newcomer.cookie), { id: t.id });
    expect((await edit("Newcomer post, corrected")).status).toBe(302);
    const links = await edit("See https://a.example.org, https://b.example.org and https://c.example.org.");
    expect(links.status).toBe(400);
    expect((links.data as { refusal: { reason: string; max: number } }).refusal).toMatchObject({ reason: "too_many_links", max: 2 });
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: own.id }, select: { body: true } })).body).toBe(
      "Newcomer post, corrected",
    );
  });
});

describe("bad input gets a 4xx, never a 500", () => {
  test("forms", async () => {
    const user = await establishedUser();
    const t = await createTestThread({ userId: user.id });
    const cases: [Record<string, string>, number][] = [
      [{ intent: "reply", body: "" }, 400],
      [{ intent: "reply", body: "x".repeat(MAX_POST_LENGTH + 1) }, 400],
      [{ intent: "reply", body: "null byte \u0000 here" }, 400],
      [{ intent: "reply", body: "fine", replyTo: "../../etc" }, 400],
      [{ intent: "edit", postId: "nonexistent", body: "text" }, 404],
      [{ intent: "explode" }, 400],
      [{}, 400],
    ];
    for (const [fields, status] of cases) {
      expect(
        (await run(thread.action, formRequest("/x", fields, user.cookie), { id: t.id })).status,
        JSON.stringify(fields).slice(0, 60),
      ).toBe(status);
    }
    expect(
      (await run(thread.action, formRequest("/x", { intent: "reply", body: "hi there" }, user.cookie), { id: "no-such-thread" })).status,
    ).toBe(404);
    const threadCases: [Record<string, string>, number][] = [
      [{ categoryId: t.categoryId, title: "Hi", body: "Too short a title" }, 400],
      [{ categoryId: "unknown", title: "A good title", body: "Body" }, 400],
      [{ title: "A good title", body: "Body" }, 400],
      [{ categoryId: t.categoryId, title: "A good title", body: "Body", tags: "a, b, c, d, e, f" }, 400],
      [{ categoryId: t.categoryId, title: "A good title", body: "Body", tags: "<script>" }, 400],
      [{ categoryId: t.categoryId, title: "A good title", body: "Body", enterpriseId: "someone-elses" }, 400],
    ];
    for (const [fields, status] of threadCases) {
      expect((await run(newThread.action, formRequest("/forum/new", fields, user.cookie))).status, JSON.stringify(fields)).toBe(status);
    }
    expect(await prisma.forumPost.count({ where: { threadId: t.id } })).toBe(1);
  });

  test("addresses", async () => {
    const user = await establishedUser();
    const t = await createTestThread({ userId: user.id });
    expect((await threadPage(t.id, "?page=abc")).status).toBe(400);
    expect((await threadPage(t.id, "?page=0")).status).toBe(400);
    expect((await threadPage(t.id, "?page=2")).status).toBe(404);
    expect((await threadPage(t.id, "?post=unknown")).status).toBe(404);
    expect((await run(thread.loader, getRequest("/x"), { id: "bad id!" })).status).toBe(404);
    expect((await run(category.loader, getRequest("/forum/nope"), { slug: "nope" })).status).toBe(404);
    const c = await prisma.forumCategory.findUniqueOrThrow({ where: { id: t.categoryId }, select: { slug: true } });
    expect((await run(category.loader, getRequest(`/forum/${c.slug}?after=garbage`), { slug: c.slug })).status).toBe(400);
    expect((await run(search.loader, getRequest("/forum/search?page=-1&q=x"))).status).toBe(400);
    expect((await run(search.loader, getRequest("/forum/search?category=UPPER"))).status).toBe(400);
    expect((await run(postLink.loader, getRequest("/forum/posts/none"), { id: "none" })).status).toBe(404);
  });
});

describe("reading long threads", () => {
  test("a link to a post lands on its page and anchor, both as /forum/posts/:id and ?post=", async () => {
    const user = await establishedUser();
    const t = await createTestThread({ userId: user.id });
    await fillThread(t.id, user.id, POSTS_PER_PAGE * 2 + 5);
    const target = await prisma.forumPost.findFirstOrThrow({
      where: { threadId: t.id, number: POSTS_PER_PAGE * 2 + 2 },
      select: { id: true },
    });
    const expected = `/forum/threads/${t.id}?page=3#post-${POSTS_PER_PAGE * 2 + 2}`;
    expect((await run(postLink.loader, getRequest(`/forum/posts/${target.id}`), { id: target.id })).location).toBe(expected);
    expect((await threadPage(t.id, `?post=${target.id}`)).location).toBe(expected);
    const last = await threadPage(t.id, "?page=3");
    expect(last.data.posts.map((p) => p.number)).toEqual([41, 42, 43, 44, 45]);
    expect(last.data.pageCount).toBe(3);
  });

  test("a category lists pinned threads first, then by latest activity, page by page without gaps or repeats", async () => {
    const user = await establishedUser();
    const c = await createTestCategory();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const created = await prisma.forumThread.create({
        data: {
          categoryId: c.id,
          authorId: user.id,
          title: `Thread ${i}`,
          postCount: 1,
          lastPostAt: new Date(Date.UTC(2026, 0, 1 + (i % 10))),
        },
        select: { id: true },
      });
      ids.push(created.id);
    }
    await prisma.forumThread.update({ where: { id: ids[3]! }, data: { pinned: true } });
    const seen: string[] = [];
    let query = "";
    let pages = 0;
    do {
      const page = await run(category.loader, getRequest(`/forum/${c.slug}${query}`), { slug: c.slug });
      const data = page.data as Awaited<ReturnType<typeof category.loader>>;
      seen.push(...data.threads.map((th) => th.id));
      query = data.next ? `?after=${encodeURIComponent(data.next)}` : "";
      pages += 1;
    } while (query && pages < 5);
    expect(pages).toBe(2);
    expect(seen[0]).toBe(ids[3]);
    expect(new Set(seen).size).toBe(25);
  });
});

describe("writing", () => {
  test("quoting puts the quoted text with attribution in the reply form and records what it replies to", async () => {
    const a = await establishedUser();
    const b = await establishedUser();
    const t = await createTestThread({ userId: a.id, body: "Collateral is the real barrier.\nSecond line." });
    const page = await threadPage(t.id, `?quote=${t.firstPostId}`, b.cookie);
    const handle = (await prisma.user.findUniqueOrThrow({ where: { id: a.id }, select: { handle: true } })).handle;
    expect(page.data.quote).toBe(
      `> @${handle} [wrote](/forum/posts/${t.firstPostId}):\n>\n> Collateral is the real barrier.\n> Second line.\n\n`,
    );
    expect(page.data.replyTo).toBe(t.firstPostId);
    await reply(t.id, { body: `${page.data.quote}I disagree.`, replyTo: t.firstPostId }, b.cookie);
    const saved = await prisma.forumPost.findFirstOrThrow({ where: { threadId: t.id, number: 2 }, select: { replyToPostId: true } });
    expect(saved.replyToPostId).toBe(t.firstPostId);
    const rendered = (await threadPage(t.id)).data.posts[1]!.html!;
    expect(rendered).toContain("<blockquote>");
    expect(rendered).toContain(`<span class="mention">@${handle}</span>`);
  });

  test("editing keeps the earlier text, which moderators can read and others cannot", async () => {
    const author = await establishedUser();
    const moderator = await createTestUser({ roles: ["moderator"] });
    const t = await createTestThread({ userId: author.id, title: "Original title", body: "First version" });
    const edited = await run(
      thread.action,
      formRequest("/x", { intent: "edit", postId: t.firstPostId, body: "Second version", title: "Better title" }, author.cookie),
      { id: t.id },
    );
    expect(edited.status).toBe(302);
    expect((await prisma.forumThread.findUniqueOrThrow({ where: { id: t.id }, select: { title: true } })).title).toBe("Better title");
    const asModerator = await run(history.loader, getRequest("/x", moderator.cookie), { id: t.firstPostId });
    const data = asModerator.data as Awaited<ReturnType<typeof history.loader>>;
    expect(data.post.body).toBe("Second version");
    expect(data.revisions.map((r) => [r.body, r.title])).toEqual([["First version", "Original title"]]);
    expect((await run(history.loader, getRequest("/x", author.cookie), { id: t.firstPostId })).status).toBe(403);
    const page = await threadPage(t.id, "", moderator.cookie);
    expect(page.data.posts[0]).toMatchObject({ edits: 1 });
  });

  test("deleting one's post leaves a placeholder and the rest of the thread readable", async () => {
    const a = await establishedUser();
    const b = await establishedUser();
    const t = await createTestThread({ userId: a.id });
    const r = await createTestReply({ userId: b.id, threadId: t.id, body: "Something I regret" });
    const replyId = (await prisma.forumPost.findFirstOrThrow({ where: { threadId: t.id, number: r.number }, select: { id: true } })).id;
    expect((await run(thread.action, formRequest("/x", { intent: "delete", postId: replyId }, b.cookie), { id: t.id })).status).toBe(302);
    const page = await threadPage(t.id);
    expect(page.data.posts.map((p) => [p.number, p.deleted, p.html === null])).toEqual([
      [1, false, false],
      [2, true, true],
    ]);
    expect(JSON.stringify(page.data)).not.toContain("Something I regret");
  });

  test("a post hidden by a moderator shows a placeholder to everyone but moderators", async () => {
    const a = await establishedUser();
    const moderator = await createTestUser({ roles: ["moderator"] });
    const t = await createTestThread({ userId: a.id, body: "Buy cheap watches" });
    await prisma.forumPost.update({
      where: { id: t.firstPostId },
      data: { hiddenAt: new Date(), hiddenById: moderator.id, hiddenReason: "spam" },
    });
    expect((await threadPage(t.id)).data.posts[0]).toMatchObject({ hidden: true, html: null, hiddenReason: null });
    expect((await threadPage(t.id, "", moderator.cookie)).data.posts[0]).toMatchObject({ hidden: true, hiddenReason: "spam" });
    expect((await threadPage(t.id, "", moderator.cookie)).data.posts[0]!.html).toContain("Buy cheap watches");
  });

  test("“helpful” counts one per person and toggles", async () => {
    const a = await establishedUser();
    const b = await establishedUser();
    const c = await establishedUser();
    const t = await createTestThread({ userId: a.id });
    const helpful = (cookie: string) =>
      run(thread.action, formRequest("/x", { intent: "helpful", postId: t.firstPostId }, cookie), { id: t.id });
    await helpful(b.cookie);
    await helpful(c.cookie);
    expect((await threadPage(t.id, "", b.cookie)).data.posts[0]).toMatchObject({ helpfulCount: 2, helpfulByViewer: true });
    await helpful(b.cookie);
    expect((await threadPage(t.id, "", b.cookie)).data.posts[0]).toMatchObject({ helpfulCount: 1, helpfulByViewer: false });
  });

  test("a thread links to an enterprise only one is a member of", async () => {
    const user = await establishedUser();
    const c = await createTestCategory();
    const enterprise = await prisma.enterprise.create({
      data: {
        slug: `forum-ent-${Date.now()}`,
        name: "Felt Workshop",
        legalForm: "llc",
        country: "KG",
        region: "KG-Y",
        city: "Karakol",
        sector: "crafts",
        foundedYear: 2015,
        employees: 5,
        description: "d",
        mission: "m",
        status: "published",
        members: { create: { userId: user.id, role: "owner" } },
      },
      select: { id: true },
    });
    const outcome = await run(
      newThread.action,
      formRequest(
        "/forum/new",
        { categoryId: c.id, title: "Our workshop", body: "News", enterpriseId: enterprise.id, tags: "Felt, Karakol" },
        user.cookie,
      ),
    );
    expect(outcome.status).toBe(302);
    const created = await prisma.forumThread.findFirstOrThrow({ where: { categoryId: c.id }, select: { enterpriseId: true, tags: true } });
    expect(created).toEqual({ enterpriseId: enterprise.id, tags: ["felt", "karakol"] });
  });
});

describe("what a page of a thread shows of its reader", () => {
  test("their suspension in force, whether they watch the thread, and their own “helpful” marks and flags, no one else's", async () => {
    const author = await establishedUser();
    const reader = await establishedUser();
    const other = await establishedUser();
    const moderator = await createTestUser({ roles: ["moderator"] });
    const t = await createTestThread({ userId: author.id });
    const [second, third] = [
      await createTestReply({ userId: author.id, threadId: t.id }),
      await createTestReply({ userId: author.id, threadId: t.id }),
    ];
    const elsewhere = await createTestThread({ userId: author.id, categoryId: t.categoryId });
    const day = 86_400_000;
    const at = (days: number) => new Date(Date.now() + days * day);
    const suspend = (userId: string, reason: string, startsAt: Date, endsAt: Date, liftedAt: Date | null = null) =>
      prisma.userSuspension.create({ data: { userId, moderatorId: moderator.id, reason, startsAt, endsAt, liftedAt } });
    await suspend(reader.id, "over", at(-7), at(-1));
    await suspend(reader.id, "lifted", at(-1), at(30), new Date());
    await suspend(reader.id, "not yet", at(1), at(40));
    await suspend(reader.id, "in force", at(-2), at(2));
    await suspend(reader.id, "in force longest", at(-1), at(5));
    await prisma.forumThreadSubscription.create({ data: { userId: reader.id, threadId: t.id, active: true } });
    await prisma.forumThreadSubscription.create({ data: { userId: other.id, threadId: t.id, active: false } });
    await prisma.forumReaction.createMany({
      data: [
        { userId: reader.id, postId: second.id },
        { userId: other.id, postId: third.id },
      ],
    });
    await prisma.forumFlag.createMany({
      data: [
        { reporterId: reader.id, postId: third.id, reason: "spam" },
        { reporterId: other.id, postId: second.id, reason: "spam" },
        { reporterId: reader.id, postId: elsewhere.firstPostId, reason: "spam" },
      ],
    });

    const mine = (await threadPage(t.id, "", reader.cookie)).data;
    expect(mine.suspension).toMatchObject({ reason: "in force longest" });
    expect(new Date(mine.suspendedUntil!).getTime()).toBe(
      (await prisma.userSuspension.findFirstOrThrow({ where: { reason: "in force longest" } })).endsAt.getTime(),
    );
    expect(mine.viewer).toMatchObject({ id: reader.id, subscribed: true });
    expect(mine.posts.map((p) => [p.number, p.helpfulByViewer, p.flaggedByViewer])).toEqual([
      [1, false, false],
      [2, true, false],
      [3, false, true],
    ]);

    const theirs = (await threadPage(t.id, "", other.cookie)).data;
    expect(theirs).toMatchObject({ suspension: null, suspendedUntil: null, viewer: { subscribed: false } });
    expect(theirs.posts.map((p) => [p.number, p.helpfulByViewer, p.flaggedByViewer])).toEqual([
      [1, false, false],
      [2, false, true],
      [3, true, false],
    ]);
    const nobody = (await threadPage(t.id)).data;
    expect(nobody).toMatchObject({ viewer: null, suspension: null });
    expect(nobody.posts.every((p) => !p.helpfulByViewer && !p.flaggedByViewer)).toBe(true);
  });
});

describe("mentions, watching and notifications", () => {
  test("a reply notifies the thread's author, the people mentioned, and watchers, once each", async () => {
    const author = await establishedUser();
    const replier = await establishedUser();
    const mentioned = await establishedUser();
    const watcher = await establishedUser();
    const t = await createTestThread({ userId: author.id });
    await createTestThread({ userId: mentioned.id }); // gives the mentioned person a handle
    const handle = (await prisma.user.findUniqueOrThrow({ where: { id: mentioned.id }, select: { handle: true } })).handle!;
    await run(thread.action, formRequest("/x", { intent: "subscribe" }, watcher.cookie), { id: t.id });
    const before = await countUnreadNotifications({ id: author.id, roles: [] });
    await reply(t.id, { body: `What do you think, @${handle}? Also @nobody-with-this-handle.` }, replier.cookie);
    const kinds = async (userId: string) =>
      (await prisma.notification.findMany({ where: { userId, threadId: t.id }, select: { kind: true } })).map((n) => n.kind);
    expect(await kinds(author.id)).toEqual(["reply"]);
    expect(await kinds(mentioned.id)).toEqual(["mention"]);
    expect(await kinds(watcher.id)).toEqual(["thread_activity"]);
    expect(await kinds(replier.id)).toEqual([]);
    expect(await countUnreadNotifications({ id: author.id, roles: [] })).toBe(before + 1);
    // The replier now watches the thread too.
    await reply(t.id, { body: "Thanks, all." }, author.cookie);
    expect(await kinds(replier.id)).toEqual(["thread_activity"]);
  });

  test("every page's header counts a person's unread notifications, and shows none once they are read", async () => {
    const author = await establishedUser();
    const replier = await establishedUser();
    const t = await createTestThread({ userId: author.id });
    const badge = async () => {
      const page = (await run(root.loader, getRequest("/", author.cookie))).data as { user: { unreadNotifications: number } | null };
      return page.user?.unreadNotifications;
    };
    expect(await badge()).toBe(0);
    await reply(t.id, { body: "A first answer" }, replier.cookie);
    await reply(t.id, { body: "A second answer" }, replier.cookie);
    expect(await badge()).toBe(2);
    await run(notifications.action, formRequest("/notifications", { intent: "readAll" }, author.cookie));
    expect(await badge()).toBe(0);
    await reply(t.id, { body: "A third answer" }, replier.cookie);
    expect(await badge()).toBe(1);
  });

  test("someone who stopped watching hears nothing more, even after posting again", async () => {
    const author = await establishedUser();
    const other = await establishedUser();
    const t = await createTestThread({ userId: author.id });
    await run(thread.action, formRequest("/x", { intent: "unsubscribe" }, author.cookie), { id: t.id });
    await reply(t.id, { body: "Hello there" }, other.cookie);
    await reply(t.id, { body: "Replying to myself" }, author.cookie);
    await reply(t.id, { body: "And again" }, other.cookie);
    expect(await prisma.notification.count({ where: { userId: author.id, threadId: t.id } })).toBe(0);
  });

  test("watching a category announces its new threads", async () => {
    const watcher = await establishedUser();
    const author = await establishedUser();
    const c = await createTestCategory();
    await run(category.action, formRequest("/x", { intent: "subscribe" }, watcher.cookie), { slug: c.slug });
    const t = await createTestThread({ userId: author.id, categoryId: c.id });
    expect(await prisma.notification.findMany({ where: { userId: watcher.id }, select: { kind: true, threadId: true } })).toEqual([
      { kind: "category_activity", threadId: t.id },
    ]);
  });

  test("the notifications page opens a notification at its post and marks it read", async () => {
    const author = await establishedUser();
    const other = await establishedUser();
    const t = await createTestThread({ userId: author.id });
    const created = await createReply({ userId: other.id, threadId: t.id, body: "A reply", replyToPostId: null });
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: author.id, postId: created.post!.id }, select: { id: true } });
    const listed = (await run(notifications.loader, getRequest("/notifications", author.cookie))).data as Awaited<
      ReturnType<typeof notifications.loader>
    >;
    expect(listed.notifications.map((x) => x.id)).toContain(n.id);
    const opened = await run(notifications.action, formRequest("/notifications", { intent: "open", id: n.id }, author.cookie));
    expect(opened.location).toBe(`/forum/posts/${created.post!.id}`);
    expect(await countUnreadNotifications({ id: author.id, roles: [] })).toBe(0);
    expect((await run(notifications.action, formRequest("/notifications", { intent: "open", id: "bad id" }, author.cookie))).status).toBe(
      400,
    );
  });
});

describe("search", () => {
  test("finds threads by words in titles and replies, in English and Russian word forms, filtered by category and tag", async () => {
    const user = await establishedUser();
    const other = await establishedUser();
    const c1 = await createTestCategory("Finance");
    const c2 = await createTestCategory("Climate");
    const loans = await createTestThread({
      userId: user.id,
      categoryId: c1.id,
      title: "Как получить займы без залога",
      body: "Делюсь опытом",
      tags: ["микрофинансы"],
    });
    const solar = await createTestThread({
      userId: user.id,
      categoryId: c2.id,
      title: "Solar dryers for apricots",
      body: "We built forty dryers.",
      tags: ["solar"],
    });
    await createTestReply({ userId: other.id, threadId: solar.id, body: "Our cooperative is measuring the savings of every family." });
    const ids = async (q: string, filters: { categoryId?: string; tag?: string } = {}) =>
      (await searchForum({ q, ...filters })).hits.map((h) => h.threadId);
    expect(await ids("займ")).toEqual([loans.id]);
    expect(await ids("dryer")).toEqual([solar.id]);
    expect(await ids("measure savings")).toEqual([solar.id]);
    expect((await searchForum({ q: "measure savings" })).hits[0]!.number).toBe(2);
    expect(await ids("dryer", { categoryId: c1.id })).toEqual([]);
    expect(await ids("dryer", { tag: "solar" })).toEqual([solar.id]);
    expect(await ids("займ", { tag: "solar" })).toEqual([]);
    const page = await run(
      search.loader,
      getRequest(
        `/forum/search?${new URLSearchParams({ q: "займы", category: (await prisma.forumCategory.findUniqueOrThrow({ where: { id: c1.id }, select: { slug: true } })).slug })}`,
      ),
    );
    const data = page.data as Awaited<ReturnType<typeof search.loader>>;
    expect(data.hits.map((h) => h.threadId)).toEqual([loans.id]);
    expect((await searchForum({ q: "' OR 1=1; --" })).hits).toEqual([]);
  });

  test("does not find deleted or hidden posts", async () => {
    const user = await establishedUser();
    const t = await createTestThread({ userId: user.id, title: "Neutral title here", body: "zebracorn appears only here" });
    expect((await searchForum({ q: "zebracorn" })).hits).toHaveLength(1);
    await prisma.forumPost.update({ where: { id: t.firstPostId }, data: { hiddenAt: new Date() } });
    expect((await searchForum({ q: "zebracorn" })).hits).toHaveLength(0);
  });
});

describe("the forum in every language", () => {
  const postsOf = async (threadId: string) =>
    prisma.forumPost.findMany({ where: { threadId }, select: { id: true, number: true, language: true }, orderBy: { number: "asc" } });

  test("a post records the language it is written in, guessed from its text, and its author can choose or correct it", async () => {
    const author = await establishedUser();
    const c = await createTestCategory("Languages");
    const created = await run(
      newThread.action,
      formRequest(
        "/forum/new",
        { categoryId: c.id, title: "Шағын несие туралы сұрақ", body: "Біз тігін цехы үшін кепілсіз несие іздейміз. Кімде тәжірибе бар?" },
        author.cookie,
      ),
    );
    expect(created.status).toBe(302);
    const threadId = created.location!.split("/").at(-1)!;
    expect(await prisma.forumThread.findUniqueOrThrow({ where: { id: threadId }, select: { language: true } })).toEqual({ language: "kk" });
    expect(await reply(threadId, { body: "Мы брали такой кредит в прошлом году, расскажу подробнее." }, author.cookie)).toMatchObject({
      status: 302,
    });
    // Too short to tell Kyrgyz from Mongolian or Russian: the author says which.
    expect(await reply(threadId, { body: "Туура айтасыз!", language: "ky" }, author.cookie)).toMatchObject({ status: 302 });
    expect((await postsOf(threadId)).map((p) => p.language)).toEqual(["kk", "ru", "ky"]);
    expect((await reply(threadId, { body: "Some text", language: "xx" }, author.cookie)).status).toBe(400);

    // The page marks each post with its language; the edit form starts at "detect automatically" for a
    // guessed language and at the author's choice for a chosen one, so saving an edit keeps that choice.
    const [opening, russian, kyrgyz] = await postsOf(threadId);
    const page = await threadPage(threadId, "", author.cookie);
    expect(page.data.posts.map((p) => p.language)).toEqual(["kk", "ru", "ky"]);
    expect((await threadPage(threadId, `?edit=${russian!.id}`, author.cookie)).data.editing?.language).toBeNull();
    expect((await threadPage(threadId, `?edit=${kyrgyz!.id}`, author.cookie)).data.editing?.language).toBe("ky");

    // Correcting only the language makes no new version of the text; the opening post's language is the thread's.
    const edit = (fields: Record<string, string>) =>
      run(thread.action, formRequest(`/forum/threads/${threadId}`, { intent: "edit", ...fields }, author.cookie), { id: threadId });
    expect(
      await edit({ postId: russian!.id, body: "Мы брали такой кредит в прошлом году, расскажу подробнее.", language: "kk" }),
    ).toMatchObject({ status: 302 });
    expect(await prisma.forumPostRevision.count({ where: { postId: russian!.id } })).toBe(0);
    expect(
      await edit({
        postId: opening!.id,
        title: "Шағын несие туралы сұрақ",
        body: "Біз тігін цехы үшін кепілсіз несие іздейміз. Кімде тәжірибе бар?",
        language: "ky",
      }),
    ).toMatchObject({ status: 302 });
    expect(await prisma.forumThread.findUniqueOrThrow({ where: { id: threadId }, select: { language: true } })).toEqual({ language: "ky" });
    // Detecting again from a rewritten text.
    expect(await edit({ postId: kyrgyz!.id, body: "We took a similar loan, and the bank asked for our impact report." })).toMatchObject({
      status: 302,
    });
    expect((await postsOf(threadId)).map((p) => p.language)).toEqual(["ky", "kk", "en"]);
  });

  test("a text that does not tell its language is taken to be in its author's interface language", async () => {
    const author = await establishedUser();
    await prisma.user.update({ where: { id: author.id }, data: { locale: "mn" } });
    const t = await createTestThread({ userId: author.id, title: "Улаанбаатар 2025", body: "Улаанбаатар, 2025" });
    expect((await postsOf(t.id)).map((p) => p.language)).toEqual(["mn"]);
  });

  test("search finds a word of a Mongolian, a Pashto or a Kazakh post, and filters by the posts' language", async () => {
    const user = await establishedUser();
    const c = await createTestCategory("Wool");
    const wool = await createTestThread({
      userId: user.id,
      categoryId: c.id,
      title: "Wool from herders",
      body: "We buy wool directly from herders.",
    });
    await createTestReply({
      userId: user.id,
      threadId: wool.id,
      body: "Бид Архангай аймагт малчдаас ноос шууд худалдан авч, эсгий бүтээгдэхүүн хийдэг.",
    });
    const fruit = await createTestThread({
      userId: user.id,
      title: "د وچو مېوو بسته بندي",
      body: "موږ په کندهار کې د وچو مېوو د بسته بندۍ یوه کوچنۍ فابریکه لرو او ښځې پکې کار کوي.",
    });
    const bakery = await createTestThread({
      userId: user.id,
      title: "Наубайхана туралы",
      body: "Біздің наубайхана пайданың жартысын қоғамдық асханаға жұмсайды.",
    });
    expect((await postsOf(wool.id)).map((p) => p.language)).toEqual(["en", "mn"]);
    expect((await postsOf(fruit.id)).map((p) => p.language)).toEqual(["ps"]);

    const ids = async (q: string, language?: Language) => (await searchForum({ q, language })).hits.map((h) => h.threadId);
    expect(await ids("малчдаас")).toEqual([wool.id]);
    expect(await ids("эсгий бүтээгдэхүүн")).toEqual([wool.id]);
    expect((await searchForum({ q: "малчдаас" })).hits[0]).toMatchObject({ number: 2, language: "mn" });
    expect(await ids("فابریکه")).toEqual([fruit.id]);
    expect(await ids("کندهار")).toEqual([fruit.id]);
    expect(await ids("наубайхана")).toEqual([bakery.id]);
    // English word forms are still found through English stemming.
    expect(await ids("herder")).toEqual([wool.id]);

    expect(await ids("малчдаас", "mn")).toEqual([wool.id]);
    expect(await ids("малчдаас", "en")).toEqual([]);
    expect(await ids("فابریکه", "fa-AF")).toEqual([]);
    const searchPage = (query: string) => run(search.loader, getRequest(`/forum/search?${query}`));
    const inPashto = (await searchPage(new URLSearchParams({ q: "کندهار", language: "ps" }).toString())).data as Awaited<
      ReturnType<typeof search.loader>
    >;
    expect(inPashto.hits.map((h) => h.threadId)).toEqual([fruit.id]);
    // Without words, the language alone lists the threads in it.
    const mongolian = await createTestThread({
      userId: user.id,
      categoryId: c.id,
      title: "Ноосны үнэ",
      body: "Ноосны үнэ энэ жил их буурсан байна.",
    });
    const listed = (await searchPage("language=mn")).data as Awaited<ReturnType<typeof search.loader>>;
    expect(listed.mode).toBe("filter");
    expect(listed.threads.map((th) => th.id)).toContain(mongolian.id);
    expect(listed.threads.every((th) => th.language === "mn")).toBe(true);
    expect((await searchPage("language=xx")).status).toBe(400);
  });

  test("a category page lists only the threads in one language when asked, and names the category in the reader's language", async () => {
    const user = await establishedUser();
    const c = await prisma.forumCategory.create({
      data: {
        slug: `steppe-${Date.now()}`,
        name: { en: "Steppe", ru: "Степь", kk: "Дала" },
        description: { en: "Grazing land.", kk: "Жайылым." },
      },
      select: { id: true, slug: true },
    });
    const kazakh = await createTestThread({
      userId: user.id,
      categoryId: c.id,
      title: "Жайылымды бірге басқару",
      body: "Біз ауылда жайылымды бірге басқару үшін кооператив құрдық.",
    });
    const english = await createTestThread({
      userId: user.id,
      categoryId: c.id,
      title: "Managing pastures together",
      body: "We started a grazing cooperative in our village.",
    });
    const page = async (query: string, headers: Record<string, string> = {}) => {
      const outcome = await run(category.loader, new Request(`http://localhost/forum/${c.slug}${query}`, { headers }), { slug: c.slug });
      return { ...outcome, data: outcome.data as Awaited<ReturnType<typeof category.loader>> };
    };
    expect((await page("")).data.threads.map((th) => th.id).sort()).toEqual([kazakh.id, english.id].sort());
    expect((await page("?language=kk")).data.threads.map((th) => th.id)).toEqual([kazakh.id]);
    expect((await page("?language=kk")).data.language).toBe("kk");
    expect((await page("?language=mn")).data.threads).toEqual([]);
    expect((await page("?language=xx")).status).toBe(400);
    expect((await page("", { "Accept-Language": "kk" })).data.title).toBe("Дала");
    // A language without a name of its own falls back to English.
    expect((await page("", { "Accept-Language": "mn" })).data.title).toBe("Steppe");
    // A thread's page names its category in the reader's language, and carries no other.
    const threadPageKk = await run(
      thread.loader,
      new Request(`http://localhost/forum/threads/${kazakh.id}`, { headers: { "Accept-Language": "kk" } }),
      {
        id: kazakh.id,
      },
    );
    expect((threadPageKk.data as ThreadData).thread.category).toEqual({ slug: c.slug, name: "Дала" });
    // So does search, in its choice of categories and beside each post found.
    const found = (
      await run(
        search.loader,
        new Request(`http://localhost/forum/search?q=${encodeURIComponent("Жайылымды")}`, { headers: { "Accept-Language": "kk" } }),
      )
    ).data as Awaited<ReturnType<typeof search.loader>>;
    expect(found.categories.find((x) => x.slug === c.slug)?.name).toBe("Дала");
    expect(found.hits.map((hit) => [hit.threadId, hit.categoryName])).toEqual([[kazakh.id, "Дала"]]);
    // Thread lists name it so too: a category's page, search by category, an enterprise's page.
    expect((await page("", { "Accept-Language": "kk" })).data.threads.map((th) => th.category.name)).toEqual(["Дала", "Дала"]);
    const filtered = (await run(search.loader, getRequest(`/forum/search?category=${c.slug}&lang=kk`))).data as Awaited<
      ReturnType<typeof search.loader>
    >;
    expect(filtered.threads.map((th) => th.category)).toEqual([
      { slug: c.slug, name: "Дала" },
      { slug: c.slug, name: "Дала" },
    ]);
    const { slug: enterpriseSlug, id: enterpriseId } = await prisma.enterprise.create({
      data: { ...validEnterpriseFields(), slug: `steppe-herders-${Date.now()}`, status: "published" },
      select: { slug: true, id: true },
    });
    await prisma.forumThread.update({ where: { id: kazakh.id }, data: { enterpriseId } });
    const enterprise = (await run(enterprisePage.loader, getRequest(`/enterprises/${enterpriseSlug}?lang=kk`), { slug: enterpriseSlug }))
      .data as Awaited<ReturnType<typeof enterprisePage.loader>>;
    expect(enterprise.forum.threads.map((th) => [th.id, th.category.name])).toEqual([[kazakh.id, "Дала"]]);
    // And the new thread form's choice of categories.
    const form = (await run(newThread.loader, getRequest("/forum/new?lang=kk", user.cookie))).data as Awaited<
      ReturnType<typeof newThread.loader>
    >;
    expect(form.categories.find((x) => x.id === c.id)?.name).toBe("Дала");
  });
});

test("the forum front page counts threads and posts per category", async () => {
  const user = await establishedUser();
  const c = await createTestCategory("Counted");
  const t = await createTestThread({ userId: user.id, categoryId: c.id, title: "Counted thread" });
  await createTestReply({ userId: user.id, threadId: t.id });
  const data = (await run(forumIndex.loader, getRequest("/forum"))).data as Awaited<ReturnType<typeof forumIndex.loader>>;
  expect(data.categories.find((x) => x.id === c.id)).toMatchObject({ threadCount: 1, postCount: 2, latest: { title: "Counted thread" } });
});

describe("Atom feeds", () => {
  test("list the newest threads, overall and per category, with every text escaped", async () => {
    const user = await establishedUser();
    const c = await createTestCategory("Feeds");
    const t = await createTestThread({
      userId: user.id,
      categoryId: c.id,
      title: `Tom & Jerry's <script>alert("x")</script>`,
      body: "**bold** <b>raw</b>",
    });
    const overall = (await feed.loader({ request: getRequest("/forum/feed.atom"), params: {}, context: {} })) as Response;
    expect(overall.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await overall.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml).toContain(
      `<title type="text" xml:lang="en">Tom &amp; Jerry&apos;s &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>`,
    );
    expect(xml).toContain(
      `<content type="html" xml:lang="en">&lt;p&gt;&lt;strong&gt;bold&lt;/strong&gt; &amp;lt;b&amp;gt;raw&amp;lt;/b&amp;gt;&lt;/p&gt;`,
    );
    expect(xml).toContain(`<id>${absoluteUrl(`/forum/threads/${t.id}`)}</id>`);
    expect(xml).not.toContain("<script>");
    const slug = (await prisma.forumCategory.findUniqueOrThrow({ where: { id: c.id }, select: { slug: true } })).slug;
    const perCategory = await (
      (await categoryFeed.loader({ request: getRequest(`/forum/${slug}/feed.atom`), params: { slug }, context: {} })) as Response
    ).text();
    expect(perCategory.match(/<entry>/g)).toHaveLength(1);
    expect((await run(categoryFeed.loader, getRequest("/forum/none/feed.atom"), { slug: "none" })).status).toBe(404);
  });

  test("carry the feed's language and, on each entry's title and text, the language its post is written in", async () => {
    const user = await establishedUser();
    const c = await createTestCategory("Languages of feeds");
    const t = await createTestThread({
      userId: user.id,
      categoryId: c.id,
      title: "Қаржы туралы сұрақ",
      body: "Бірінші демеушіні қалай табуға болады?",
    });
    await prisma.forumThread.update({ where: { id: t.id }, data: { language: "kk" } });
    await prisma.forumPost.update({ where: { id: t.firstPostId }, data: { language: "kk" } });
    const slug = (await prisma.forumCategory.findUniqueOrThrow({ where: { id: c.id }, select: { slug: true } })).slug;
    const xml = await (
      (await categoryFeed.loader({ request: getRequest(`/forum/${slug}/feed.atom?lang=ru`), params: { slug }, context: {} })) as Response
    ).text();
    expect(xml).toContain(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru"`);
    expect(xml).toMatch(/<title type="text">Форум Ortaq: новые обсуждения в разделе «[^»]+»<\/title>/);
    expect(xml).toContain(`<title type="text" xml:lang="kk">Қаржы туралы сұрақ</title>`);
    expect(xml).toMatch(/<content type="html" xml:lang="kk">&lt;p&gt;Бірінші/);
    // A hidden post's placeholder is in the feed's language.
    await prisma.forumPost.update({ where: { id: t.firstPostId }, data: { hiddenAt: new Date() } });
    const hidden = await (
      (await categoryFeed.loader({ request: getRequest(`/forum/${slug}/feed.atom?lang=ru`), params: { slug }, context: {} })) as Response
    ).text();
    expect(hidden).toMatch(/<content type="html" xml:lang="ru">/);
  });
});

describe("role badges", () => {
  async function memberOfPublishedEnterprise(verifiedAt: Date | null) {
    const user = await createTestUser({ roles: ["entrepreneur"] });
    const enterprise = await prisma.enterprise.create({
      data: {
        slug: `badge-${user.id}`,
        name: "Badge Felt Workshop",
        legalForm: "llp",
        country: "KG",
        region: "KG-C",
        city: "Bishkek",
        sector: "crafts_textiles",
        foundedYear: 2019,
        employees: 6,
        description: "Felt goods made by women in villages.",
        mission: "Work for women in villages.",
        sdgs: [5, 8],
        beneficiaryGroups: ["women"],
        status: "published",
        publishedAt: new Date(),
        members: { create: { userId: user.id, role: "owner" } },
      },
      select: { id: true },
    });
    await prisma.ratingFact.create({
      data: {
        assessmentId: `badge-${enterprise.id}`,
        enterpriseId: enterprise.id,
        isCurrent: true,
        submittedAt: new Date(),
        country: "KG",
        region: "KG-C",
        sector: "crafts_textiles",
        sizeBand: "micro",
        employees: 6,
        womenLed: true,
        youthLed: false,
        sdgs: [5, 8],
        eligible: true,
        tier: "developing",
        overall: 55,
        socialImpact: 60,
        economic: 50,
        governance: 55,
        inclusion: 70,
        ecosystem: 40,
        environment: 45,
        verifiedAt,
      },
    });
    return user;
  }

  test("name verified enterprises, enterprise members, funders, ministries and moderators", async () => {
    const verified = await memberOfPublishedEnterprise(new Date(Date.now() - 30 * 86_400_000));
    const expired = await memberOfPublishedEnterprise(new Date(Date.now() - 800 * 86_400_000));
    const selfAssessed = await memberOfPublishedEnterprise(null);
    const funder = await createTestUser({ roles: ["funder"] });
    const ministry = await createTestUser({ roles: ["ministry"], country: "KZ" });
    const moderator = await createTestUser({ roles: ["moderator"] });
    const people = await getPeople([verified.id, expired.id, selfAssessed.id, funder.id, ministry.id, moderator.id]);
    expect(people.get(verified.id)!.badges).toEqual(["verified_enterprise"]);
    expect(people.get(expired.id)!.badges).toEqual(["enterprise_member"]);
    expect(people.get(selfAssessed.id)!.badges).toEqual(["enterprise_member"]);
    expect(people.get(funder.id)!.badges).toEqual(["funder"]);
    expect(people.get(ministry.id)!.badges).toEqual(["ministry"]);
    expect(people.get(moderator.id)!.badges).toEqual(["moderator"]);
  });
});

describe("a thread's description, for search engines and shared links", () => {
  test("is the opening post's words on every page of the thread, and none of them once that post is hidden, even for a moderator", async () => {
    const author = await establishedUser();
    const moderator = await createTestUser({ roles: ["moderator"] });
    const t = await createTestThread({ userId: author.id, body: "Solar pumps for the **Fergana** valley's farms." });
    await fillThread(t.id, author.id, POSTS_PER_PAGE + 1);
    for (const query of ["", "?page=2"]) {
      const page = await threadPage(t.id, query);
      expect(page.status).toBe(200);
      expect(page.data.description).toBe("Solar pumps for the Fergana valley's farms.");
    }
    await prisma.forumPost.updateMany({ where: { threadId: t.id, number: 1 }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
    for (const query of ["", "?page=2"]) {
      const page = await threadPage(t.id, query, moderator.cookie);
      expect(page.status).toBe(200);
      expect(page.data.description).toBe("");
    }
  });

  test("in production it is worked out once for every page of the thread until a change is heard, then again", async () => {
    const author = await establishedUser();
    const t = await createTestThread({ userId: author.id, body: "Felt for the **Naryn** markets." });
    await fillThread(t.id, author.id, POSTS_PER_PAGE + 1);
    await withKeptResults(async () => {
      const described = async () => Promise.all(["", "?page=2"].map(async (query) => (await threadPage(t.id, query)).data.description));
      expect(await described()).toEqual(["Felt for the Naryn markets.", "Felt for the Naryn markets."]);
      await prisma.forumPost.updateMany({ where: { threadId: t.id, number: 1 }, data: { body: "Felt for the **Osh** markets." } });
      // Not heard yet (the notice never reaches this test): every page is given what was worked out before.
      expect(await described()).toEqual(["Felt for the Naryn markets.", "Felt for the Naryn markets."]);
      keptData.invalidate();
      expect(await described()).toEqual(["Felt for the Osh markets.", "Felt for the Osh markets."]);
    });
  });
});
