import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { activeSuspension, type ModerationResult } from "~/models/forum-moderation.server";
import { createReply, createThread } from "~/models/forum.server";
import * as consultations from "~/routes/forum_.consultations";
import * as flags from "~/routes/forum_.flags";
import * as queue from "~/routes/forum_.moderation";
import * as log from "~/routes/forum_.moderation_.log";
import * as moderatePost from "~/routes/forum_.moderation_.posts.$id";
import * as moderateThread from "~/routes/forum_.moderation_.threads.$id";
import * as moderateUser from "~/routes/forum_.moderation_.users.$id";
import * as historyPage from "~/routes/forum_.posts.$id_.history";
import * as threadPage from "~/routes/forum_.threads.$id";
import { prisma } from "~/utils/db.server";
import { textIn } from "~/utils/localized-text";
import { handleModerationAction, type ModerationRefusalMessage } from "~/utils/forum-moderation-action.server";
import type { RoleName } from "~/utils/roles";
import { createThreadWithPosts, forumCategories } from "../helpers/forum-moderation";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

type Person = Awaited<ReturnType<typeof createTestUser>>;
let moderator: Person;
let admin: Person;
let author: Person;
let reader: Person;

beforeAll(async () => {
  await forumCategories();
  moderator = await createTestUser({ roles: ["moderator"] });
  admin = await createTestUser({ roles: ["admin"] });
  author = await createTestUser();
  reader = await createTestUser({ roles: ["funder"] });
});

const flag = (postId: string, cookie: string | undefined, fields: Record<string, string> = {}) =>
  run(
    flags.action,
    formRequest(`/forum/flags?post=${postId}`, { postId, reason: "spam", note: "", redirectTo: "/forum/threads/x", ...fields }, cookie),
  );

const hide = (postId: string, cookie: string | undefined, reason = "Advertising") =>
  run(moderatePost.action, formRequest(`/x`, { intent: "hide", reason, redirectTo: "/forum/moderation" }, cookie), { id: postId });

function formErrors(data: unknown) {
  const d = data as { error?: Record<string, string[] | null>; result?: { error?: Record<string, string[] | null> } } | null;
  return d?.error ?? d?.result?.error ?? {};
}

describe("flagging a post", () => {
  test("any signed-in person flags a post once, with a reason, and is sent back", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id, replies: [author.id] });
    const post = thread.posts[1]!;
    const first = await flag(post.id, reader.cookie, { note: "selling followers" });
    expect(first.status).toBe(302);
    expect(first).toMatchObject({ location: "/forum/threads/x", notice: { message: "forumModeration.notice.flagged" } });
    const again = await flag(post.id, reader.cookie, { reason: "abuse" });
    expect(again.status).toBe(409);
    expect(formErrors(again.data)[""]).toEqual(["forumModeration.refusal.alreadyFlagged"]);
    const stored = await prisma.forumFlag.findMany({ where: { postId: post.id }, select: { reason: true, note: true, status: true } });
    expect(stored).toEqual([{ reason: "spam", note: "selling followers", status: "open" }]);
  });

  test("refuses anonymous visitors, one's own post, unknown posts and bad input, and stores nothing", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const postId = thread.posts[0]!.id;
    const anonymous = await flag(postId, undefined);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    expect((await flag(postId, author.cookie)).status).toBe(409);
    expect((await flag("no-such-post", reader.cookie)).status).toBe(404);
    const badReason = await flag(postId, reader.cookie, { reason: "boring" });
    expect(badReason.status).toBe(400);
    expect(formErrors(badReason.data).reason).toEqual(["forumModeration.errors.chooseReason"]);
    expect((await flag(postId, reader.cookie, { note: "x".repeat(501) })).status).toBe(400);
    expect((await run(flags.action, formRequest("/forum/flags", { postId: "<script>", reason: "spam" }, reader.cookie))).status).toBe(400);
    expect(await prisma.forumFlag.count({ where: { postId } })).toBe(0);
  });

  test("the flag page shows the post, and says so when the person already flagged it", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const postId = thread.posts[0]!.id;
    const before = await run(flags.loader, getRequest(`/forum/flags?post=${postId}`, reader.cookie));
    expect(before.status).toBe(200);
    expect((before.data as { ownFlag: unknown }).ownFlag).toBeNull();
    await flag(postId, reader.cookie);
    const after = await run(flags.loader, getRequest(`/forum/flags?post=${postId}`, reader.cookie));
    expect((after.data as { ownFlag: { reason: string } }).ownFlag.reason).toBe("spam");
    expect((await run(flags.loader, getRequest(`/forum/flags?post=nope`, reader.cookie))).status).toBe(404);
    expect((await run(flags.loader, getRequest(`/forum/flags`, reader.cookie))).status).toBe(404);
  });

  test("the flag page and the post's moderation page show the post with the same context", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const postId = thread.posts[0]!.id;
    const flagPage = (await run(flags.loader, getRequest(`/forum/flags?post=${postId}`, reader.cookie))).data as {
      post: Record<string, unknown>;
    };
    const moderationPage = (await run(moderatePost.loader, getRequest("/x", moderator.cookie), { id: postId })).data as {
      post: Record<string, unknown>;
    };
    const context = ["id", "number", "body", "createdAt", "deletedAt", "hiddenAt", "author", "thread"];
    const pick = (post: Record<string, unknown>) => Object.fromEntries(context.map((key) => [key, post[key]]));
    expect(pick(flagPage.post)).toEqual(pick(moderationPage.post));
    expect(flagPage.post.author).toEqual({ id: author.id, displayName: expect.any(String) });
    expect(flagPage.post.thread).toEqual({ id: thread.id, title: expect.any(String) });
  });
});

describe("the moderation queue", () => {
  test("lists posts with open flags, the longest-waiting first, with the thread and every reason", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id, replies: [author.id, author.id] });
    const [, older, newer] = thread.posts;
    const other = await createTestUser();
    await prisma.forumFlag.create({
      data: { postId: newer!.id, reporterId: reader.id, reason: "abuse", createdAt: new Date(Date.now() - 60_000) },
    });
    await prisma.forumFlag.create({
      data: { postId: older!.id, reporterId: reader.id, reason: "spam", createdAt: new Date(Date.now() - 120_000) },
    });
    await prisma.forumFlag.create({
      data: { postId: older!.id, reporterId: other.id, reason: "off_topic", note: "not about enterprises" },
    });
    const page = await run(queue.loader, getRequest("/forum/moderation", moderator.cookie));
    expect(page.status).toBe(200);
    const items = (page.data as { queue: { post: { id: string; thread: { title: string } }; flags: { reason: string; note: string }[] }[] })
      .queue;
    const mine = items.filter((i) => i.post.id === older!.id || i.post.id === newer!.id);
    expect(mine.map((i) => i.post.id)).toEqual([older!.id, newer!.id]);
    expect(mine[0]!.flags.map((f) => f.reason)).toEqual(["spam", "off_topic"]);
    expect(mine[0]!.flags[1]!.note).toBe("not about enterprises");
    expect(mine[0]!.post.thread.title).toMatch(/A thread to moderate/);
  });

  test("is for moderators and admins only", async () => {
    expect((await run(queue.loader, getRequest("/forum/moderation", admin.cookie))).status).toBe(200);
    for (const role of ["entrepreneur", "funder", "ministry", "verifier"] as RoleName[]) {
      const person = await createTestUser({ roles: [role] });
      expect((await run(queue.loader, getRequest("/forum/moderation", person.cookie))).status, role).toBe(403);
      expect((await run(log.loader, getRequest("/forum/moderation/log", person.cookie))).status, role).toBe(403);
    }
    expect((await run(queue.loader, getRequest("/forum/moderation"))).status).toBe(302);
  });
});

describe("hiding and restoring a post", () => {
  test("hides the post with a reason, resolves its flags, tells the author and logs who, when and why", async () => {
    const thread = await createThreadWithPosts({ authorId: reader.id, replies: [author.id] });
    const post = thread.posts[1]!;
    await flag(post.id, reader.cookie);
    const done = await hide(post.id, moderator.cookie, "Advertising a paid service");
    expect(done.status).toBe(302);
    expect(done).toMatchObject({ location: "/forum/moderation", notice: { message: "forumModeration.done.hide" } });
    const stored = await prisma.forumPost.findUniqueOrThrow({
      where: { id: post.id },
      select: { hiddenAt: true, hiddenById: true, hiddenReason: true },
    });
    expect(stored.hiddenAt).not.toBeNull();
    expect(stored.hiddenById).toBe(moderator.id);
    expect(stored.hiddenReason).toBe("Advertising a paid service");
    expect(await prisma.forumFlag.count({ where: { postId: post.id, status: "resolved", resolvedById: moderator.id } })).toBe(1);
    const entries = await prisma.moderationAction.findMany({
      where: { postId: post.id },
      select: { action: true, moderatorId: true, reason: true, threadId: true, targetUserId: true, createdAt: true },
    });
    expect(entries).toEqual([
      {
        action: "hide_post",
        moderatorId: moderator.id,
        reason: "Advertising a paid service",
        threadId: thread.id,
        targetUserId: author.id,
        createdAt: stored.hiddenAt,
      },
    ]);
    const notices = await prisma.notification.findMany({
      where: { userId: author.id, postId: post.id },
      select: { kind: true, message: true, actorId: true },
    });
    expect(notices).toEqual([{ kind: "moderation", message: "Advertising a paid service", actorId: moderator.id }]);

    const twice = await hide(post.id, moderator.cookie);
    expect(twice.status).toBe(409);
    expect(formErrors(twice.data)[""]).toEqual(["forumModeration.refusal.hideNoChange"]);

    const restored = await run(moderatePost.action, formRequest("/x", { intent: "restore", reason: "Appeal accepted" }, admin.cookie), {
      id: post.id,
    });
    expect(restored.status).toBe(302);
    expect(restored).toMatchObject({ location: `/forum/moderation/posts/${post.id}`, notice: { message: "forumModeration.done.restore" } });
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: post.id }, select: { hiddenAt: true } })).hiddenAt).toBeNull();
    expect(await prisma.moderationAction.count({ where: { postId: post.id } })).toBe(2);
  });

  test("a reason is required: without one nothing changes and nothing is logged", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const postId = thread.posts[0]!.id;
    const empty = await hide(postId, moderator.cookie, "   ");
    expect(empty.status).toBe(400);
    expect(formErrors(empty.data).reason).toEqual(["errors.required"]);
    expect((await hide(postId, moderator.cookie, "x".repeat(501))).status).toBe(400);
    expect(
      (await run(moderatePost.action, formRequest("/x", { intent: "delete", reason: "Because" }, moderator.cookie), { id: postId })).status,
    ).toBe(400);
    expect((await hide("no-such-post", moderator.cookie)).status).toBe(404);
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: postId }, select: { hiddenAt: true } })).hiddenAt).toBeNull();
    expect(await prisma.moderationAction.count({ where: { postId } })).toBe(0);
  });

  test("dismissing flags closes them without touching the post", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const postId = thread.posts[0]!.id;
    await flag(postId, reader.cookie, { reason: "misinformation" });
    const done = await run(
      moderatePost.action,
      formRequest("/x", { intent: "dismiss", reason: "The figures are correct" }, moderator.cookie),
      { id: postId },
    );
    expect(done.status).toBe(302);
    expect(await prisma.forumFlag.count({ where: { postId, status: "dismissed" } })).toBe(1);
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: postId }, select: { hiddenAt: true } })).hiddenAt).toBeNull();
    expect(await prisma.moderationAction.count({ where: { postId, action: "dismiss_flag", reason: "The figures are correct" } })).toBe(1);
    const queued = (await run(queue.loader, getRequest("/forum/moderation", moderator.cookie))).data as {
      queue: { post: { id: string } }[];
    };
    expect(queued.queue.some((i) => i.post.id === postId)).toBe(false);
  });

  test("moderators see a post's edit history", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const postId = thread.posts[0]!.id;
    await prisma.forumPostRevision.create({ data: { postId, editorId: author.id, body: "The first wording", title: "Old title" } });
    const page = await run(moderatePost.loader, getRequest(`/forum/moderation/posts/${postId}`, moderator.cookie), { id: postId });
    expect(page.status).toBe(200);
    const { revisions } = page.data as { revisions: { body: string; title: string | null }[] };
    expect(revisions).toEqual([expect.objectContaining({ body: "The first wording", title: "Old title" })]);
    expect((await run(moderatePost.loader, getRequest(`/x`, author.cookie), { id: postId })).status).toBe(403);
    expect((await run(moderatePost.loader, getRequest(`/x`, moderator.cookie), { id: "missing" })).status).toBe(404);
  });
});

describe("locking, pinning and moving a thread", () => {
  test("each change is made and logged with its reason; repeating it is refused", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const act = (fields: Record<string, string>, cookie = moderator.cookie) =>
      run(moderateThread.action, formRequest("/x", { reason: "Keeping the forum tidy", ...fields }, cookie), { id: thread.id });
    expect((await act({ intent: "lock" })).status).toBe(302);
    expect((await act({ intent: "pin" })).status).toBe(302);
    let state = await prisma.forumThread.findUniqueOrThrow({
      where: { id: thread.id },
      select: { locked: true, pinned: true, lockedAt: true, pinnedAt: true },
    });
    expect(state).toMatchObject({ locked: true, pinned: true });
    expect(state.lockedAt).not.toBeNull();
    const again = await act({ intent: "lock" });
    expect(again.status).toBe(409);
    expect(formErrors(again.data)[""]).toEqual(["forumModeration.refusal.lockNoChange"]);
    expect((await act({ intent: "unlock" })).status).toBe(302);
    expect((await act({ intent: "unpin" })).status).toBe(302);
    state = await prisma.forumThread.findUniqueOrThrow({
      where: { id: thread.id },
      select: { locked: true, pinned: true, lockedAt: true, pinnedAt: true },
    });
    expect(state).toEqual({ locked: false, pinned: false, lockedAt: null, pinnedAt: null });

    const { bySlug } = await forumCategories();
    const target = bySlug.get("finance-and-funding")!;
    const moved = await act({ intent: "move", categoryId: target, redirectTo: `/forum/threads/${thread.id}` }, admin.cookie);
    expect(moved.status).toBe(302);
    expect(moved).toMatchObject({ location: `/forum/threads/${thread.id}`, notice: { message: "forumModeration.done.move" } });
    expect((await prisma.forumThread.findUniqueOrThrow({ where: { id: thread.id }, select: { categoryId: true } })).categoryId).toBe(
      target,
    );
    expect((await act({ intent: "move", categoryId: target })).status).toBe(409);
    expect((await act({ intent: "move", categoryId: "no-such-category" })).status).toBe(400);
    expect((await act({ intent: "move" })).status).toBe(400);

    const entries = await prisma.moderationAction.findMany({
      where: { threadId: thread.id },
      select: { action: true, reason: true, details: true },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual(["lock_thread", "pin_thread", "unlock_thread", "unpin_thread", "move_thread"]);
    expect(entries.every((e) => e.reason === "Keeping the forum tidy")).toBe(true);
    expect(entries[4]!.details).toEqual({ fromCategoryId: thread.categoryId, toCategoryId: target });
  });

  test("bad input is refused with a 4xx and changes nothing", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const act = (fields: Record<string, string>) =>
      run(moderateThread.action, formRequest("/x", fields, moderator.cookie), { id: thread.id });
    expect((await act({ intent: "lock" })).status).toBe(400);
    expect((await act({ intent: "explode", reason: "Because" })).status).toBe(400);
    expect(
      (await run(moderateThread.action, formRequest("/x", { intent: "lock", reason: "Because" }, moderator.cookie), { id: "missing" }))
        .status,
    ).toBe(404);
    expect(
      (await run(moderateThread.action, formRequest("/x", { intent: "lock", reason: "Because" }, moderator.cookie), { id: "../../etc" }))
        .status,
    ).toBe(404);
    expect(await prisma.moderationAction.count({ where: { threadId: thread.id } })).toBe(0);
  });
});

describe("category names on moderation pages", () => {
  test("are sent in the moderator's language alone: the queue, a thread's moderation page, the log and a thread's move choices", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    await prisma.forumFlag.create({ data: { postId: thread.posts[0]!.id, reporterId: reader.id, reason: "spam" } });
    const { name } = await prisma.forumCategory.findUniqueOrThrow({ where: { id: thread.categoryId }, select: { name: true } });
    const [kazakh, russian, english] = [textIn(name, "kk"), textIn(name, "ru"), textIn(name, "en")];
    expect(new Set([kazakh, russian, english]).size).toBe(3);
    const kazakhModerator = await createTestUser({ roles: ["moderator"], language: "kk" });
    const inKazakh = (path: string) => getRequest(path, kazakhModerator.cookie);
    const pages = {
      queue: await run(queue.loader, inKazakh("/forum/moderation")),
      thread: await run(moderateThread.loader, inKazakh(`/forum/moderation/threads/${thread.id}`), { id: thread.id }),
      log: await run(log.loader, inKazakh("/forum/moderation/log")),
      threadPage: await run(threadPage.loader, inKazakh(`/forum/threads/${thread.id}`), { id: thread.id }),
    };
    for (const [page, outcome] of Object.entries(pages)) {
      expect(outcome.status, page).toBe(200);
      const sent = JSON.stringify(outcome.data);
      expect(sent, page).toContain(kazakh);
      expect(sent, page).not.toContain(russian);
      expect(sent, page).not.toContain(english);
    }
    const queued = (pages.queue.data as { queue: { post: { id: string; thread: { category: { name: string } } } }[] }).queue;
    expect(queued.find((item) => item.post.id === thread.posts[0]!.id)!.post.thread.category.name).toBe(kazakh);
    const moderation = pages.thread.data as { thread: { category: { name: string } }; categories: { id: string; name: string }[] };
    expect(moderation.thread.category.name).toBe(kazakh);
    expect(moderation.categories.find((c) => c.id === thread.categoryId)!.name).toBe(kazakh);
    const choices = (pages.threadPage.data as { categories: { id: string; name: string }[] }).categories;
    expect(choices.find((c) => c.id === thread.categoryId)!.name).toBe(kazakh);
  });
});

describe("suspending a person", () => {
  test("a suspended person may read and see their suspension, but may not post or flag, until it is lifted", async () => {
    const person = await createTestUser();
    const thread = await createThreadWithPosts({ authorId: author.id });
    const suspended = await run(
      moderateUser.action,
      formRequest("/x", { intent: "suspend", days: "7", reason: "Repeated insults" }, moderator.cookie),
      { id: person.id },
    );
    expect(suspended.status).toBe(302);
    const suspension = await activeSuspension(person.id);
    expect(suspension?.reason).toBe("Repeated insults");
    const days = (suspension!.endsAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    // Posting is refused until the suspension ends, and nothing is written.
    const write = (body: string, now?: Date) => createReply({ userId: person.id, threadId: thread.id, body, replyToPostId: null, now });
    const refusal = { error: { reason: "suspended", until: suspension!.endsAt } };
    expect(await write("Writing while suspended")).toEqual(refusal);
    expect(
      await createThread({
        userId: person.id,
        input: { categoryId: thread.categoryId, title: "A thread while suspended", body: "Hello", tags: [], enterpriseId: null },
      }),
    ).toEqual(refusal);
    expect(await prisma.forumPost.count({ where: { authorId: person.id } })).toBe(0);
    expect(await write("Writing after the suspension", new Date(Date.now() + 8 * 86_400_000))).toHaveProperty("post");

    // Reading goes on; the flag page shows the suspension and its end; flagging is refused.
    expect((await run(consultations.loader, getRequest("/forum/consultations", person.cookie))).status).toBe(200);
    const flagPage = await run(flags.loader, getRequest(`/forum/flags?post=${thread.posts[0]!.id}`, person.cookie));
    expect((flagPage.data as { suspension: { endsAt: Date; reason: string } }).suspension).toEqual({
      endsAt: suspension!.endsAt,
      reason: "Repeated insults",
    });
    const refused = await flag(thread.posts[0]!.id, person.cookie);
    expect(refused.status).toBe(403);
    expect(formErrors(refused.data)[""]).toEqual(["forumModeration.refusal.suspended"]);
    expect(await prisma.forumFlag.count({ where: { reporterId: person.id } })).toBe(0);

    const twice = await run(moderateUser.action, formRequest("/x", { intent: "suspend", days: "30", reason: "Again" }, moderator.cookie), {
      id: person.id,
    });
    expect(twice.status).toBe(409);
    expect(formErrors(twice.data)[""]).toEqual(["forumModeration.refusal.alreadySuspended"]);

    const lifted = await run(moderateUser.action, formRequest("/x", { intent: "lift", reason: "Apologised publicly" }, admin.cookie), {
      id: person.id,
    });
    expect(lifted.status).toBe(302);
    expect(await activeSuspension(person.id)).toBeNull();
    expect(await write("Writing once it is lifted")).toHaveProperty("post");
    expect((await flag(thread.posts[0]!.id, person.cookie)).status).toBe(302);

    const entries = await prisma.moderationAction.findMany({
      where: { targetUserId: person.id },
      select: { action: true, reason: true, moderatorId: true, details: true },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => [e.action, e.reason, e.moderatorId])).toEqual([
      ["suspend_user", "Repeated insults", moderator.id],
      ["lift_suspension", "Apologised publicly", admin.id],
    ]);
    expect((entries[0]!.details as { until: string }).until).toBe(suspension!.endsAt.toISOString());
    const liftAgain = await run(moderateUser.action, formRequest("/x", { intent: "lift", reason: "Again" }, admin.cookie), {
      id: person.id,
    });
    expect(liftAgain.status).toBe(409);
  });

  test("a suspended person may still read and watch a thread, but may not reply or edit", async () => {
    const person = await createTestUser();
    const thread = await createThreadWithPosts({ authorId: author.id, replies: [person.id] });
    const own = thread.posts[1]!;
    await run(moderateUser.action, formRequest("/x", { intent: "suspend", days: "2", reason: "Cooling off" }, moderator.cookie), {
      id: person.id,
    });
    const act = (fields: Record<string, string>) =>
      run(threadPage.action, formRequest(`/forum/threads/${thread.id}`, fields, person.cookie), { id: thread.id });

    const page = await run(threadPage.loader, getRequest(`/forum/threads/${thread.id}`, person.cookie), { id: thread.id });
    expect(page.status).toBe(200);
    expect((page.data as { suspension: { reason: string } }).suspension.reason).toBe("Cooling off");
    const reply = await act({ intent: "reply", body: "Writing while suspended" });
    expect(reply.status).toBe(403);
    expect((reply.data as { refusal: { reason: string } }).refusal.reason).toBe("suspended");
    expect((await act({ intent: "edit", postId: own.id, body: "Changed while suspended" })).status).toBe(403);
    expect(await prisma.forumPost.count({ where: { threadId: thread.id } })).toBe(2);
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: own.id }, select: { body: true } })).body).not.toBe(
      "Changed while suspended",
    );
    expect((await act({ intent: "subscribe" })).status).toBe(302);
    expect(await prisma.forumThreadSubscription.count({ where: { userId: person.id, threadId: thread.id, active: true } })).toBe(1);
  });

  test("refuses a period outside 1–365 days, a missing reason, oneself and unknown people", async () => {
    const person = await createTestUser();
    const suspend = (fields: Record<string, string>, id = person.id) =>
      run(moderateUser.action, formRequest("/x", { intent: "suspend", ...fields }, moderator.cookie), { id });
    for (const days of ["0", "366", "2.5", "seven", ""]) {
      const outcome = await suspend({ days, reason: "Spam" });
      expect(outcome.status, days).toBe(400);
      expect(formErrors(outcome.data).days, days).toBeTruthy();
    }
    expect((await suspend({ days: "3" })).status).toBe(400);
    expect((await suspend({ days: "3", reason: "Testing" }, moderator.id)).status).toBe(409);
    expect((await suspend({ days: "3", reason: "Testing" }, "missing")).status).toBe(404);
    expect(await prisma.userSuspension.count({ where: { userId: { in: [person.id, moderator.id] } } })).toBe(0);
  });

  test("the person's moderation page shows the current suspension and its history", async () => {
    const person = await createTestUser();
    await run(moderateUser.action, formRequest("/x", { intent: "suspend", days: "3", reason: "Flooding" }, moderator.cookie), {
      id: person.id,
    });
    const page = await run(moderateUser.loader, getRequest(`/x`, moderator.cookie), { id: person.id });
    const target = (page.data as { target: { activeSuspension: { reason: string } | null; suspensions: unknown[] } }).target;
    expect(target.activeSuspension?.reason).toBe("Flooding");
    expect(target.suspensions).toHaveLength(1);
    expect((await run(moderateUser.loader, getRequest(`/x`, person.cookie), { id: person.id })).status).toBe(403);
  });
});

describe("only moderators and admins moderate", () => {
  test("every moderation action answers 403 to everyone else and changes nothing", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const postId = thread.posts[0]!.id;
    const { bySlug } = await forumCategories();
    const victim = await createTestUser();
    const attempts: [typeof moderatePost.action, Record<string, string>, string][] = [
      [moderatePost.action, { intent: "hide", reason: "Because" }, postId],
      [moderatePost.action, { intent: "restore", reason: "Because" }, postId],
      [moderatePost.action, { intent: "dismiss", reason: "Because" }, postId],
      [moderateThread.action, { intent: "lock", reason: "Because" }, thread.id],
      [moderateThread.action, { intent: "unlock", reason: "Because" }, thread.id],
      [moderateThread.action, { intent: "pin", reason: "Because" }, thread.id],
      [moderateThread.action, { intent: "unpin", reason: "Because" }, thread.id],
      [moderateThread.action, { intent: "move", reason: "Because", categoryId: bySlug.get("climate")! }, thread.id],
      [moderateUser.action, { intent: "suspend", days: "3", reason: "Because" }, victim.id],
      [moderateUser.action, { intent: "lift", reason: "Because" }, victim.id],
    ];
    for (const role of ["entrepreneur", "funder", "ministry", "verifier"] as RoleName[]) {
      const person = await createTestUser({ roles: [role] });
      for (const [action, fields, id] of attempts) {
        expect((await run(action, formRequest("/x", fields, person.cookie), { id })).status, `${role} ${fields.intent}`).toBe(403);
      }
      for (const loader of [moderatePost.loader, moderateThread.loader, moderateUser.loader]) {
        expect((await run(loader, getRequest("/x", person.cookie), { id: postId })).status, role).toBe(403);
      }
    }
    for (const [action, fields, id] of attempts) {
      expect((await run(action, formRequest("/x", fields), { id })).status).toBe(302);
    }
    expect(await prisma.moderationAction.count({ where: { OR: [{ threadId: thread.id }, { targetUserId: victim.id }] } })).toBe(0);
    expect(
      await prisma.forumThread.findUniqueOrThrow({ where: { id: thread.id }, select: { locked: true, pinned: true, categoryId: true } }),
    ).toEqual({
      locked: false,
      pinned: false,
      categoryId: thread.categoryId,
    });
  });
});

describe("the preamble and answers every moderation page shares", () => {
  const Schema = z.object({ intent: z.enum(["tidy"]), reason: z.string().min(3), redirectTo: z.string().optional() });
  const tidy = (
    cookie: string | undefined,
    fields: Record<string, string>,
    result: ModerationResult,
    refusal?: () => ModerationRefusalMessage | undefined,
  ) => {
    const seen: { moderatorId: string; id: string; reason: string }[] = [];
    const action = ({ request, params }: { request: Request; params: Record<string, string | undefined> }) =>
      handleModerationAction({
        request,
        params,
        schema: Schema,
        subjectPage: (id) => `/forum/moderation/things/${id}`,
        act: async ({ moderatorId, id, value }) => {
          seen.push({ moderatorId, id, reason: value.reason });
          return result;
        },
        refusal,
      });
    return { seen, send: (id: string) => run(action, formRequest("/x", fields, cookie), { id }) };
  };

  test("only moderators reach the change, only for a well-formed id and a valid form", async () => {
    const ok = { ok: true } as const;
    const stranger = tidy(reader.cookie, { intent: "tidy", reason: "Because" }, ok);
    expect((await stranger.send("some-id")).status).toBe(403);
    const anonymous = tidy(undefined, { intent: "tidy", reason: "Because" }, ok);
    expect((await anonymous.send("some-id")).status).toBe(302);
    const badId = tidy(moderator.cookie, { intent: "tidy", reason: "Because" }, ok);
    expect((await badId.send("../etc")).status).toBe(404);
    const badForm = tidy(moderator.cookie, { intent: "tidy", reason: "x" }, ok);
    const refused = await badForm.send("some-id");
    expect(refused.status).toBe(400);
    expect(formErrors(refused.data).reason).toHaveLength(1);
    expect([...stranger.seen, ...anonymous.seen, ...badId.seen, ...badForm.seen]).toEqual([]);
  });

  test("a change sends the moderator back where they came from (on this site), saying what was done", async () => {
    const back = tidy(admin.cookie, { intent: "tidy", reason: "Because", redirectTo: "/forum/moderation#queue" }, { ok: true });
    expect(await back.send("thing-1")).toMatchObject({
      status: 302,
      location: "/forum/moderation#queue",
      notice: { message: "forumModeration.done.other" },
    });
    expect(back.seen).toEqual([{ moderatorId: admin.id, id: "thing-1", reason: "Because" }]);
    const away = tidy(admin.cookie, { intent: "tidy", reason: "Because", redirectTo: "//elsewhere.example" }, { ok: true });
    expect(await away.send("thing-1")).toMatchObject({
      status: 302,
      location: "/forum/moderation/things/thing-1",
      notice: { message: "forumModeration.done.other" },
    });
  });

  test("a refusal is a 404 for a missing subject, a 409 naming the intent otherwise, unless the page words it itself", async () => {
    const fields = { intent: "tidy", reason: "Because" };
    expect((await tidy(moderator.cookie, fields, { ok: false, reason: "not_found" }).send("thing-1")).status).toBe(404);
    const unchanged = await tidy(moderator.cookie, fields, { ok: false, reason: "no_change" }).send("thing-1");
    expect(unchanged.status).toBe(409);
    expect(formErrors(unchanged.data)[""]).toEqual(["forumModeration.refusal.tidyNoChange"]);
    const worded = await tidy(moderator.cookie, fields, { ok: false, reason: "self" }, () => ({
      formError: "forumModeration.refusal.self",
    })).send("thing-1");
    expect(worded.status).toBe(409);
    expect(formErrors(worded.data)[""]).toEqual(["forumModeration.refusal.self"]);
    const onField = await tidy(moderator.cookie, fields, { ok: false, reason: "not_found" }, () => ({
      field: "reason",
      error: "errors.invalid",
    })).send("thing-1");
    expect(onField.status).toBe(400);
    expect(formErrors(onField.data).reason).toEqual(["errors.invalid"]);
  });
});

describe("the moderation log", () => {
  test("is append-only: an action can be neither changed nor removed, even in the database; a deleted person's entries stay", async () => {
    const person = await createTestUser();
    await run(moderateUser.action, formRequest("/x", { intent: "suspend", days: "1", reason: "Kept for the record" }, moderator.cookie), {
      id: person.id,
    });
    const entry = await prisma.moderationAction.findFirstOrThrow({ where: { targetUserId: person.id }, select: { id: true } });
    await expect(prisma.$executeRaw`UPDATE "ModerationAction" SET reason = 'Rewritten' WHERE id = ${entry.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.$executeRaw`DELETE FROM "ModerationAction" WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    await prisma.user.delete({ where: { id: person.id } });
    const kept = await prisma.moderationAction.findUniqueOrThrow({ where: { id: entry.id }, select: { reason: true, targetUserId: true } });
    expect(kept).toEqual({ reason: "Kept for the record", targetUserId: null });
  });

  test("lists actions newest first with who, what and why, in pages", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    await run(moderateThread.action, formRequest("/x", { intent: "lock", reason: "First of two" }, moderator.cookie), { id: thread.id });
    await run(moderateThread.action, formRequest("/x", { intent: "unlock", reason: "Second of two" }, admin.cookie), { id: thread.id });
    const page = await run(log.loader, getRequest("/forum/moderation/log", moderator.cookie));
    expect(page.status).toBe(200);
    const actions = (page.data as { actions: { action: string; reason: string; moderator: { displayName: string } }[] }).actions;
    expect(actions.slice(0, 2).map((a) => [a.action, a.reason])).toEqual([
      ["unlock_thread", "Second of two"],
      ["lock_thread", "First of two"],
    ]);
    expect((await run(log.loader, getRequest("/forum/moderation/log?before=%3Cx%3E", moderator.cookie))).status).toBe(400);
  });

  test("pages through older actions without repeating or skipping one", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id });
    const at = new Date("2026-01-01T00:00:00Z");
    await prisma.moderationAction.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        moderatorId: moderator.id,
        action: "pin_thread" as const,
        reason: `old ${i}`,
        threadId: thread.id,
        createdAt: at,
      })),
    });
    const seen: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await run(log.loader, getRequest(`/forum/moderation/log${before ? `?before=${before}` : ""}`, moderator.cookie));
      const data = page.data as { actions: { id: string }[]; next: string | null };
      seen.push(...data.actions.map((a) => a.id));
      before = data.next;
      if (!before) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await prisma.moderationAction.count());
  });
});

describe("excerpts of posts on moderation pages", () => {
  test("carry the language the post is written in, for the queue, the post's page, the flag page and its history", async () => {
    const thread = await createThreadWithPosts({ authorId: author.id, replies: [author.id] });
    const post = thread.posts[1]!;
    await prisma.forumPost.update({ where: { id: post.id }, data: { language: "tg" } });
    await flag(post.id, reader.cookie);
    const queued = (await run(queue.loader, getRequest("/forum/moderation", moderator.cookie))).data as {
      queue: { post: { id: string; language: string } }[];
    };
    expect(queued.queue.find((item) => item.post.id === post.id)!.post.language).toBe("tg");
    const own = (await run(moderatePost.loader, getRequest(`/forum/moderation/posts/${post.id}`, moderator.cookie), { id: post.id }))
      .data as { post: { language: string } };
    expect(own.post.language).toBe("tg");
    const flagPage = (await run(flags.loader, getRequest(`/forum/flags?post=${post.id}`, moderator.cookie))).data as {
      post: { language: string };
    };
    expect(flagPage.post.language).toBe("tg");
    const history = (await run(historyPage.loader, getRequest(`/forum/posts/${post.id}/history`, moderator.cookie), { id: post.id }))
      .data as { post: { language: string } };
    expect(history.post.language).toBe("tg");
  });
});
