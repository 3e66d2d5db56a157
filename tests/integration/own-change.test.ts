// A person who has just changed something reads the next pages afresh, even from a server process that
// has not yet heard of the change (decision 028): a thread's posts, a category and an enterprise's page are kept for
// every reader, and the notice that drops them is never sent here, so only reading afresh shows a change.
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { afterEach, beforeEach, expect, test } from "vitest";
import { createReply } from "~/models/forum.server";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as categoryPage from "~/routes/forum_.$slug";
import * as thread from "~/routes/forum_.threads.$id";
import { keptData } from "~/utils/kept-data.server";
import { markOwnChanges, mustReadAfresh, OWN_CHANGE_COOKIE } from "~/utils/own-change.server";
import { prisma } from "~/utils/db.server";
import { runInRequestScope } from "~/utils/request-scope.server";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestCategory, createTestThread } from "../helpers/forum";
import { createTestUser, getRequest, run } from "../helpers/routes";

beforeEach(() => {
  keptData.maxAgeMs = 60_000;
  keptData.setListening(true);
});
afterEach(() => {
  keptData.setListening(false);
  keptData.maxAgeMs = 0;
});

/** The numbers and words of the posts a reader with `cookie` is shown on a thread's first page. */
async function postsShown(threadId: string, cookie: string, { afresh = false } = {}) {
  const outcome = await runInRequestScope(() => run(thread.loader, getRequest(`/forum/threads/${threadId}`, cookie), { id: threadId }), {
    afresh,
  });
  expect(outcome.status).toBe(200);
  return (outcome.data as { posts: { number: number; html: string | null }[] }).posts.map((post) => `${post.number} ${post.html ?? ""}`);
}

test("a reply is shown at once to the person who wrote it, though the thread page is kept for other readers until the change is heard", async () => {
  const author = await createTestUser();
  const reader = await createTestUser();
  const category = await createTestCategory();
  const { id: threadId } = await createTestThread({
    userId: author.id,
    categoryId: category.id,
    body: "Where do cooperatives borrow?",
  });
  expect(await postsShown(threadId, reader.cookie)).toEqual([expect.stringContaining("1 <p>Where do cooperatives borrow?")]);

  const reply = await createReply({
    userId: author.id,
    threadId,
    body: "From the regional fund.",
    replyToPostId: null,
    language: null,
  });
  expect(reply.error).toBeUndefined();
  // Another reader, on a process that has not heard of the reply yet, is served what was kept ...
  expect(await postsShown(threadId, reader.cookie)).toHaveLength(1);
  // ... the author, marked as having just changed something, reads the thread afresh.
  const shown = await postsShown(threadId, author.cookie, { afresh: true });
  expect(shown).toEqual([expect.stringContaining("1 "), expect.stringContaining("2 <p>From the regional fund.")]);
  // Once the change is heard, every reader is shown it.
  keptData.invalidate();
  expect(await postsShown(threadId, reader.cookie)).toHaveLength(2);
});

test("a thread's page kept for every reader shows a hidden post's text to moderators only, whoever read it first", async () => {
  const author = await createTestUser();
  const reader = await createTestUser();
  const moderator = await createTestUser({ roles: ["moderator"] });
  const { id: threadId } = await createTestThread({
    userId: author.id,
    categoryId: (await createTestCategory()).id,
    body: "Opening words.",
  });
  const reply = await createReply({ userId: author.id, threadId, body: "Buy followers here.", replyToPostId: null, language: null });
  await prisma.forumPost.update({ where: { id: reply.post!.id }, data: { hiddenAt: new Date(), hiddenReason: "spam" } });
  // The moderator's read keeps the page; the reader's is served from it.
  expect(await postsShown(threadId, moderator.cookie)).toEqual([
    expect.stringContaining("1 <p>Opening words."),
    expect.stringContaining("2 <p>Buy followers here."),
  ]);
  expect(await postsShown(threadId, reader.cookie)).toEqual([expect.stringContaining("1 <p>Opening words."), "2 "]);
  expect(await postsShown(threadId, moderator.cookie)).toEqual([
    expect.stringContaining("1 "),
    expect.stringContaining("2 <p>Buy followers"),
  ]);
});

test("an owner who has just edited their enterprise is shown the edit, though its page is kept for other readers until the change is heard", async () => {
  const owner = await createTestUser();
  const reader = await createTestUser({ roles: ["funder"] });
  const name = `Kept Felt ${Date.now()}`;
  const { slug, id } = await prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      name,
      slug: `kept-felt-${Date.now()}`,
      status: "published",
      members: { create: { userId: owner.id, role: "owner" } },
    },
    select: { slug: true, id: true },
  });
  const nameShown = async (cookie: string, afresh = false) => {
    const outcome = await runInRequestScope(() => run(enterprisePage.loader, getRequest(`/enterprises/${slug}`, cookie), { slug }), {
      afresh,
    });
    expect(outcome.status).toBe(200);
    return (outcome.data as { enterprise: { name: string } }).enterprise.name;
  };
  expect(await nameShown(reader.cookie)).toBe(name);

  await prisma.enterprise.update({ where: { id }, data: { name: "Kept Felt Cooperative" } });
  expect(await nameShown(reader.cookie)).toBe(name);
  expect(await nameShown(owner.cookie, true)).toBe("Kept Felt Cooperative");
  keptData.invalidate();
  expect(await nameShown(reader.cookie)).toBe("Kept Felt Cooperative");
});

test("an admin who has just renamed a category is shown the new name on its page, though the category is kept for other readers until the change is heard", async () => {
  const admin = await createTestUser({ roles: ["admin"] });
  const reader = await createTestUser();
  const { slug, id } = await createTestCategory("Pastures");
  const nameShown = async (cookie: string, afresh = false) => {
    const outcome = await runInRequestScope(() => run(categoryPage.loader, getRequest(`/forum/${slug}`, cookie), { slug }), { afresh });
    expect(outcome.status).toBe(200);
    return (outcome.data as { category: { name: string } }).category.name;
  };
  expect(await nameShown(reader.cookie)).toBe("Pastures");

  await prisma.forumCategory.update({ where: { id }, data: { name: { en: "Pastures and water" } } });
  expect(await nameShown(reader.cookie)).toBe("Pastures");
  expect(await nameShown(admin.cookie, true)).toBe("Pastures and water");
  keptData.invalidate();
  expect(await nameShown(reader.cookie)).toBe("Pastures and water");
});

test("a request that may change data marks its visitor for a few seconds; such a request, and the visitor's next ones, read afresh", () => {
  const cookies = (method: string) => {
    const set: string[] = [];
    const res = { append: (name: string, value: string) => set.push(`${name}: ${value}`) } as unknown as ExpressResponse;
    let passed = false;
    markOwnChanges()({ method } as ExpressRequest, res, () => (passed = true));
    expect(passed).toBe(true);
    return set;
  };
  expect(cookies("GET")).toEqual([]);
  expect(cookies("HEAD")).toEqual([]);
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    const [cookie] = cookies(method);
    expect(cookie).toMatch(new RegExp(`^Set-Cookie: ${OWN_CHANGE_COOKIE}=1; Max-Age=10; Path=/; HttpOnly; SameSite=Lax`));
  }

  expect(mustReadAfresh({ method: "GET", headers: {} })).toBe(false);
  expect(mustReadAfresh({ method: "GET", headers: { cookie: "ortaq_session=abc; lng=ru" } })).toBe(false);
  expect(mustReadAfresh({ method: "GET", headers: { cookie: `ortaq_session=abc; ${OWN_CHANGE_COOKIE}=1` } })).toBe(true);
  expect(mustReadAfresh({ method: "POST", headers: {} })).toBe(true);
});
