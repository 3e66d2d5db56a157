import { describe, expect, test } from "vitest";
import { ensureForumCategories } from "~/models/forum-category.server";
import { assignHandle, backfillHandles } from "~/models/user.server";
import * as signup from "~/routes/signup";
import * as thread from "~/routes/forum_.threads.$id";
import * as notifications from "~/routes/notifications";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { FORUM_CATEGORY_SEEDS } from "~/utils/forum-categories";
import { COUNTRY_CODES } from "~/utils/reference-data";
import { seedIfEmpty } from "../../prisma/seed";
import { createTestThread } from "../helpers/forum";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

describe("the standard forum categories", () => {
  // Test files each get a migrated database without demo data, like an installation with ORTAQ_SEED=never.
  test("are created on a database without demo data: the seven themes and one per country, in order", async () => {
    expect(await prisma.forumCategory.count()).toBe(0);
    expect(await ensureForumCategories()).toBe(FORUM_CATEGORY_SEEDS.length);
    const categories = await prisma.forumCategory.findMany({ select: { slug: true, kind: true, country: true }, orderBy: { position: "asc" } });
    expect(categories.map((c) => c.slug)).toEqual(FORUM_CATEGORY_SEEDS.map((c) => c.slug));
    expect(categories.filter((c) => c.kind === "theme")).toHaveLength(7);
    expect(new Set(categories.filter((c) => c.kind === "country").map((c) => c.country))).toEqual(new Set(COUNTRY_CODES));
  });

  test("running again changes nothing, and an admin's renamed category keeps its name", async () => {
    const climate = await prisma.forumCategory.update({ where: { slug: "climate" }, data: { nameEn: "Climate action", nameRu: "Климат" }, select: { id: true } });
    const before = await prisma.forumCategory.findMany({ select: { id: true, slug: true, nameEn: true, position: true, updatedAt: true }, orderBy: { slug: "asc" } });
    expect(await ensureForumCategories()).toBe(0);
    expect(await prisma.forumCategory.findMany({ select: { id: true, slug: true, nameEn: true, position: true, updatedAt: true }, orderBy: { slug: "asc" } })).toEqual(before);
    expect((await prisma.forumCategory.findUniqueOrThrow({ where: { id: climate.id }, select: { nameEn: true } })).nameEn).toBe("Climate action");
  });

  test("two start-ups at once create one set", async () => {
    await prisma.forumThread.deleteMany({});
    await prisma.forumCategory.deleteMany({});
    await Promise.all([ensureForumCategories(), ensureForumCategories(), ensureForumCategories()]);
    expect(await prisma.forumCategory.count()).toBe(FORUM_CATEGORY_SEEDS.length);
  });

  test("the demo seed reuses them rather than adding its own", async () => {
    expect(await seedIfEmpty(prisma)).toBe(true);
    expect(await prisma.forumCategory.count()).toBe(FORUM_CATEGORY_SEEDS.length);
    expect(await prisma.user.count({ where: { handle: null } })).toBe(0);
    const handles = (await prisma.user.findMany({ where: { email: { endsWith: "@demo.ortaq.org" } }, select: { handle: true } })).map((u) => u.handle);
    expect(handles).toEqual(expect.arrayContaining(["daniyar-fund", "demo-owner-uz"]));
  });
});

describe("mention handles", () => {
  test("signing up gives a handle from the display name, with a number when it is taken", async () => {
    const fields = { password: "a long enough password", displayName: "Жанар Ахметова", language: "ru", role: "entrepreneur" };
    expect((await run(signup.action, formRequest("/signup", { ...fields, email: "zhanar@example.org" }))).status).toBe(302);
    expect((await run(signup.action, formRequest("/signup", { ...fields, email: "zhanar2@example.org" }))).status).toBe(302);
    const handles = await prisma.user.findMany({ where: { email: { in: ["zhanar@example.org", "zhanar2@example.org"] } }, select: { email: true, handle: true }, orderBy: { email: "asc" } });
    expect(handles).toEqual([
      { email: "zhanar2@example.org", handle: "zhanar-akhmetova-2" },
      { email: "zhanar@example.org", handle: "zhanar-akhmetova" },
    ]);
  });

  test("a person who never posted is notified when mentioned, and sees their handle on the notifications page", async () => {
    await run(signup.action, formRequest("/signup", { email: "quiet@example.org", password: "a long enough password", displayName: "Quiet Reader", language: "en", role: "funder" }));
    const quiet = await prisma.user.findUniqueOrThrow({ where: { email: "quiet@example.org" }, select: { id: true, handle: true } });
    expect(quiet.handle).toBe("quiet-reader");
    expect(await prisma.forumPost.count({ where: { authorId: quiet.id } })).toBe(0);
    const author = await createTestUser();
    await prisma.user.update({ where: { id: author.id }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) } });
    const t = await createTestThread({ userId: author.id });
    const replied = await run(thread.action, formRequest(`/forum/threads/${t.id}`, { intent: "reply", body: "What would @quiet-reader fund?" }, author.cookie), { id: t.id });
    expect(replied.status).toBe(302);
    expect(await prisma.notification.findMany({ where: { userId: quiet.id }, select: { kind: true, threadId: true } })).toEqual([{ kind: "mention", threadId: t.id }]);
    const session = (await createSession(quiet.id)).split(";")[0]!;
    const page = await run(notifications.loader, getRequest("/notifications", session));
    expect((page.data as { handle: string }).handle).toBe("quiet-reader");
  });

  test("the start-up backfill gives a handle to every account without one, and only to those", async () => {
    const named = await createTestUser();
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: named.id }, select: { handle: true } })).handle;
    const bare = await prisma.user.create({ data: { email: "old@example.org", displayName: "Old Account", passwordHash: "x" }, select: { id: true } });
    const bare2 = await prisma.user.create({ data: { email: "old2@example.org", displayName: "Old Account", passwordHash: "x" }, select: { id: true } });
    expect(await backfillHandles()).toBe(2);
    expect(await backfillHandles()).toBe(0);
    const after = await prisma.user.findMany({ where: { id: { in: [bare.id, bare2.id, named.id] } }, select: { id: true, handle: true } });
    expect(new Set(after.filter((u) => u.id !== named.id).map((u) => u.handle))).toEqual(new Set(["old-account", "old-account-2"]));
    expect(after.find((u) => u.id === named.id)?.handle).toBe(before);
    expect(await prisma.$transaction((tx) => assignHandle(tx, bare.id))).toBe(after.find((u) => u.id === bare.id)?.handle);
  });
});
