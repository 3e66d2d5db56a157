import { describe, expect, test } from "vitest";
import { createCategory, ensureForumCategories } from "~/models/forum-category.server";
import { assignHandle, backfillHandles } from "~/models/user.server";
import * as adminForum from "~/routes/admin.forum";
import * as forumIndex from "~/routes/forum";
import * as category from "~/routes/forum_.$slug";
import * as signup from "~/routes/signup";
import * as thread from "~/routes/forum_.threads.$id";
import * as notifications from "~/routes/notifications";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { FORUM_CATEGORY_SEEDS, forumCategorySeedTexts } from "~/utils/forum-categories";
import { textIn, toLocalizedText } from "~/utils/localized-text";
import { COUNTRY_CODES } from "~/utils/reference-data";
import { seedIfEmpty } from "../../prisma/seed";
import { freshDatabaseForEachTest } from "../helpers/fresh-database";
import { createTestThread } from "../helpers/forum";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

describe("the standard forum categories", () => {
  // Each test gets a migrated database without demo data, like an installation with ORTAQ_SEED=never.
  freshDatabaseForEachTest();

  test("are created on a database without demo data: the seven themes and one per country, in order", async () => {
    expect(await prisma.forumCategory.count()).toBe(0);
    expect(await ensureForumCategories()).toBe(FORUM_CATEGORY_SEEDS.length);
    const categories = await prisma.forumCategory.findMany({
      select: { slug: true, kind: true, country: true },
      orderBy: { position: "asc" },
    });
    expect(categories.map((c) => c.slug)).toEqual(FORUM_CATEGORY_SEEDS.map((c) => c.slug));
    expect(categories.filter((c) => c.kind === "theme")).toHaveLength(7);
    expect(new Set(categories.filter((c) => c.kind === "country").map((c) => c.country))).toEqual(new Set(COUNTRY_CODES));
  });

  test("are named and described in every language of the translation files", async () => {
    await ensureForumCategories();
    const kazakhstan = await prisma.forumCategory.findUniqueOrThrow({
      where: { slug: "kazakhstan" },
      select: { name: true, description: true },
    });
    const seed = FORUM_CATEGORY_SEEDS.find((c) => c.slug === "kazakhstan")!;
    expect(kazakhstan).toEqual(forumCategorySeedTexts(seed));
    expect(toLocalizedText(kazakhstan.name)).toMatchObject({ en: "Kazakhstan", ru: "Казахстан", kk: "Қазақстан" });
  });

  test("running again changes nothing, and an admin's renamed category keeps its name", async () => {
    await ensureForumCategories();
    const climate = await prisma.forumCategory.findUniqueOrThrow({ where: { slug: "climate" }, select: { id: true, name: true } });
    await prisma.forumCategory.update({
      where: { id: climate.id },
      data: { name: { ...toLocalizedText(climate.name), en: "Climate action", ru: "Климат" } },
      select: { id: true },
    });
    const columns = { id: true, slug: true, name: true, description: true, position: true, updatedAt: true } as const;
    const before = await prisma.forumCategory.findMany({ select: columns, orderBy: { slug: "asc" } });
    expect(await ensureForumCategories()).toBe(0);
    expect(await prisma.forumCategory.findMany({ select: columns, orderBy: { slug: "asc" } })).toEqual(before);
    expect(
      toLocalizedText((await prisma.forumCategory.findUniqueOrThrow({ where: { id: climate.id }, select: { name: true } })).name).en,
    ).toBe("Climate action");
  });

  test("a language a standard category lacks is filled in from the translation files; an admin's texts, and a text they cleared, stay", async () => {
    await ensureForumCategories();
    // As a category migrated from the English and Russian columns looks, renamed by an admin, with its Kazakh name cleared on purpose.
    const climate = await prisma.forumCategory.update({
      where: { slug: "climate" },
      data: { name: { en: "Climate action", ru: "Климат", kk: "" }, description: { en: "Our own words." } },
      select: { id: true },
    });
    expect(await ensureForumCategories()).toBe(0);
    const seed = forumCategorySeedTexts(FORUM_CATEGORY_SEEDS.find((c) => c.slug === "climate")!);
    const after = await prisma.forumCategory.findUniqueOrThrow({ where: { id: climate.id }, select: { name: true, description: true } });
    expect(after.name).toEqual({ ...seed.name, en: "Climate action", ru: "Климат", kk: "" });
    expect(after.description).toEqual({ ...seed.description, en: "Our own words." });
    expect(toLocalizedText(after.name).kk).toBeUndefined();
    expect(toLocalizedText(after.name)["fa-AF"]).toBe(seed.name["fa-AF"]);
  });

  test("a standard category the forum lacks is added after the others, and no other category changes", async () => {
    await ensureForumCategories();
    await prisma.forumCategory.deleteMany({ where: { slug: { in: ["youth-and-generations", "mongolia"] } } });
    // An admin's order: the last theme moved to the top.
    await prisma.forumCategory.update({ where: { slug: "inclusion" }, data: { position: 5 }, select: { id: true } });
    const columns = { id: true, slug: true, name: true, description: true, position: true, updatedAt: true } as const;
    const before = await prisma.forumCategory.findMany({ select: columns, orderBy: { slug: "asc" } });
    expect(await ensureForumCategories()).toBe(2);
    const after = await prisma.forumCategory.findMany({ select: columns, orderBy: [{ position: "asc" }, { slug: "asc" }] });
    expect(after.filter((c) => before.some((b) => b.id === c.id)).sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(before);
    expect(after.slice(-2).map((c) => [c.slug, toLocalizedText(c.name).en])).toEqual([
      ["youth-and-generations", "Youth and generations"],
      ["mongolia", "Mongolia"],
    ]);
    expect(after[0]!.slug).toBe("inclusion");
    expect(Math.min(...after.slice(-2).map((c) => c.position))).toBeGreaterThan(Math.max(...before.map((c) => c.position)));
    expect(await ensureForumCategories()).toBe(0);
  });

  test("a reader follows a category from its page and stops following it; the page shows which, to them alone", async () => {
    await ensureForumCategories();
    const [reader, other] = [await createTestUser({}), await createTestUser({})];
    const follows = async (cookie: string, slug: string) =>
      ((await run(category.loader, getRequest(`/forum/${slug}`, cookie), { slug })).data as { subscribed: boolean }).subscribed;
    const act = (intent: string) => run(category.action, formRequest("/forum/climate", { intent }, reader.cookie), { slug: "climate" });
    expect(await follows(reader.cookie, "climate")).toBe(false);
    expect((await act("subscribe")).location).toBe("/forum/climate");
    expect(await follows(reader.cookie, "climate")).toBe(true);
    expect(await follows(reader.cookie, "inclusion")).toBe(false);
    expect(await follows(other.cookie, "climate")).toBe(false);
    await act("unsubscribe");
    expect(await follows(reader.cookie, "climate")).toBe(false);
  });

  test("two start-ups at once create one set", async () => {
    await Promise.all([ensureForumCategories(), ensureForumCategories(), ensureForumCategories()]);
    expect(await prisma.forumCategory.count()).toBe(FORUM_CATEGORY_SEEDS.length);
  });

  test("the demo seed reuses them rather than adding its own (beside its cohort's private one)", async () => {
    await ensureForumCategories();
    expect(await seedIfEmpty(prisma)).toBe(true);
    expect(await prisma.forumCategory.count({ where: { cohortId: null } })).toBe(FORUM_CATEGORY_SEEDS.length);
    expect(await prisma.forumCategory.count({ where: { kind: "cohort", cohort: { name: "Autumn 2026 accelerator" } } })).toBe(1);
    expect(await prisma.user.count({ where: { handle: null } })).toBe(0);
    const handles = (await prisma.user.findMany({ where: { email: { endsWith: "@demo.ortaq.org" } }, select: { handle: true } })).map(
      (u) => u.handle,
    );
    expect(handles).toEqual(expect.arrayContaining(["daniyar-fund", "demo-owner-uz"]));
  });
});

describe("mention handles", () => {
  test("signing up gives a handle from the display name, with a number when it is taken", async () => {
    const fields = { password: "a long enough password", displayName: "Жанар Ахметова", language: "ru", role: "entrepreneur" };
    expect((await run(signup.action, formRequest("/signup", { ...fields, email: "zhanar@example.org" }))).status).toBe(302);
    expect((await run(signup.action, formRequest("/signup", { ...fields, email: "zhanar2@example.org" }))).status).toBe(302);
    const handles = await prisma.user.findMany({
      where: { email: { in: ["zhanar@example.org", "zhanar2@example.org"] } },
      select: { email: true, handle: true },
      orderBy: { email: "asc" },
    });
    expect(handles).toEqual([
      { email: "zhanar2@example.org", handle: "zhanar-akhmetova-2" },
      { email: "zhanar@example.org", handle: "zhanar-akhmetova" },
    ]);
  });

  test("a person who never posted is notified when mentioned, and sees their handle on the notifications page", async () => {
    await run(
      signup.action,
      formRequest("/signup", {
        email: "quiet@example.org",
        password: "a long enough password",
        displayName: "Quiet Reader",
        language: "en",
        role: "funder",
      }),
    );
    const quiet = await prisma.user.findUniqueOrThrow({ where: { email: "quiet@example.org" }, select: { id: true, handle: true } });
    expect(quiet.handle).toBe("quiet-reader");
    expect(await prisma.forumPost.count({ where: { authorId: quiet.id } })).toBe(0);
    const author = await createTestUser();
    await prisma.user.update({ where: { id: author.id }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) } });
    const t = await createTestThread({ userId: author.id });
    const replied = await run(
      thread.action,
      formRequest(`/forum/threads/${t.id}`, { intent: "reply", body: "What would @quiet-reader fund?" }, author.cookie),
      { id: t.id },
    );
    expect(replied.status).toBe(302);
    expect(await prisma.notification.findMany({ where: { userId: quiet.id }, select: { kind: true, threadId: true } })).toEqual([
      { kind: "mention", threadId: t.id },
    ]);
    const session = (await createSession(quiet.id)).split(";")[0]!;
    const page = await run(notifications.loader, getRequest("/notifications", session));
    expect((page.data as { handle: string }).handle).toBe("quiet-reader");
  });

  test("the start-up backfill gives a handle to every account without one, and only to those", async () => {
    const named = await createTestUser();
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: named.id }, select: { handle: true } })).handle;
    const bare = await prisma.user.create({
      data: { email: "old@example.org", displayName: "Old Account", passwordHash: "x" },
      select: { id: true },
    });
    const bare2 = await prisma.user.create({
      data: { email: "old2@example.org", displayName: "Old Account", passwordHash: "x" },
      select: { id: true },
    });
    expect(await backfillHandles()).toBe(2);
    expect(await backfillHandles()).toBe(0);
    const after = await prisma.user.findMany({ where: { id: { in: [bare.id, bare2.id, named.id] } }, select: { id: true, handle: true } });
    expect(new Set(after.filter((u) => u.id !== named.id).map((u) => u.handle))).toEqual(new Set(["old-account", "old-account-2"]));
    expect(after.find((u) => u.id === named.id)?.handle).toBe(before);
    expect(await prisma.$transaction((tx) => assignHandle(tx, bare.id))).toBe(after.find((u) => u.id === bare.id)?.handle);
  });
});

describe("the admin's category page", () => {
  type Reply = { form: string; result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
  type NestedReply = {
    form: string;
    result: { error: Record<string, string[]>; initialValue: { name?: Record<string, string>; description?: Record<string, string> } };
  };
  const fields = {
    intent: "create",
    "name.en": "Cooperatives",
    "name.ru": "Кооперативы",
    "description.en": "Working together.",
    "description.ru": "Вместе.",
    kind: "theme",
  };
  const englishName = async (id: string) =>
    toLocalizedText((await prisma.forumCategory.findUniqueOrThrow({ where: { id }, select: { name: true } })).name).en;
  const countNamed = (en: string) => prisma.forumCategory.count({ where: { name: { path: ["en"], equals: en } } });
  // Each test adds, renames and moves categories of its own database.
  freshDatabaseForEachTest();

  test("is for admins only", async () => {
    const moderator = await createTestUser({ roles: ["moderator"] });
    expect((await run(adminForum.loader, getRequest("/admin/forum", moderator.cookie))).status).toBe(403);
    expect((await run(adminForum.loader, getRequest("/admin/forum"))).status).toBe(302);
  });

  test("adds a category at the end, renames it, moves it up, and the forum shows it in that place", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    await ensureForumCategories();
    const created = await run(adminForum.action, formRequest("/admin/forum", fields, admin.cookie));
    expect(created).toMatchObject({ status: 302, location: "/admin/forum#category-cooperatives" });
    const list = async () =>
      (
        (await run(adminForum.loader, getRequest("/admin/forum", admin.cookie))).data as {
          categories: { id: string; slug: string; name: Record<string, string>; threadCount: number }[];
        }
      ).categories;
    const added = (await list()).find((c) => c.slug === "cooperatives")!;
    expect(added).toMatchObject({ slug: "cooperatives", name: { en: "Cooperatives", ru: "Кооперативы" }, threadCount: 0 });
    await run(
      adminForum.action,
      formRequest(
        "/admin/forum",
        {
          intent: "edit",
          id: added.id,
          "name.en": "Cooperatives and mutuals",
          "name.ru": "Кооперативы",
          "description.en": "",
          "description.ru": "",
        },
        admin.cookie,
      ),
    );
    await run(adminForum.action, formRequest("/admin/forum", { intent: "move", id: added.id, direction: "up" }, admin.cookie));
    const themes = [
      "social-entrepreneurship",
      "finance-and-funding",
      "regulation-and-policy",
      "impact-measurement",
      "inclusion",
      "climate",
    ];
    const standard = (slugs: string[]) => slugs.filter((slug) => !slug.startsWith("test-category-"));
    expect(standard((await list()).map((c) => c.slug)).slice(0, 8)).toEqual([...themes, "cooperatives", "youth-and-generations"]);
    const forum = (await run(forumIndex.loader, getRequest("/forum"))).data as {
      categories: { slug: string; name: string; kind: string }[];
    };
    expect(forum.categories.find((c) => c.slug === "cooperatives")?.name).toBe("Cooperatives and mutuals");
    expect(standard(forum.categories.filter((c) => c.kind === "theme").map((c) => c.slug))).toEqual([
      ...themes,
      "cooperatives",
      "youth-and-generations",
    ]);
  });

  test("names and describes a category in each language; readers see theirs, else English, and an emptied language stays empty", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    await run(
      adminForum.action,
      formRequest(
        "/admin/forum",
        { ...fields, "name.en": "Herders", "name.kk": "Малшылар", "name.fa-AF": "مالداران", "description.mn": "Малчдын хоршоо." },
        admin.cookie,
      ),
    );
    const herders = await prisma.forumCategory.findUniqueOrThrow({
      where: { slug: "herders" },
      select: { id: true, name: true, description: true },
    });
    expect(herders.name).toEqual({ en: "Herders", ru: "Кооперативы", kk: "Малшылар", "fa-AF": "مالداران" });
    expect(herders.description).toEqual({ en: "Working together.", ru: "Вместе.", mn: "Малчдын хоршоо." });
    const forumIn = async (language: string) => {
      const page = await run(forumIndex.loader, new Request("http://localhost/forum", { headers: { "Accept-Language": language } }));
      return (page.data as { categories: { slug: string; name: string; description: string }[] }).categories.find(
        (c) => c.slug === "herders",
      )!;
    };
    // Each reader's page carries the texts in their language alone, not the other languages'.
    expect(await forumIn("kk")).toMatchObject({ name: "Малшылар", description: "Working together." });
    expect(await forumIn("prs")).toMatchObject({ name: "مالداران", description: "Working together." });
    expect(await forumIn("mn")).toMatchObject({ name: "Herders", description: "Малчдын хоршоо." });
    expect(JSON.stringify(await forumIn("kk"))).not.toMatch(/Кооперативы|مالداران|Малчдын/);
    const categoryPage = await run(
      category.loader,
      new Request("http://localhost/forum/herders", { headers: { "Accept-Language": "kk" } }),
      {
        slug: "herders",
      },
    );
    expect((categoryPage.data as { category: unknown }).category).toMatchObject({ name: "Малшылар", description: "Working together." });
    expect(JSON.stringify((categoryPage.data as { category: unknown }).category)).not.toMatch(/Кооперативы|مالداران|Малчдын|Herders/);

    // Emptying the Russian name keeps an empty entry (Russian readers see English); a language never given stays absent.
    await run(
      adminForum.action,
      formRequest(
        "/admin/forum",
        { intent: "edit", id: herders.id, "name.en": "Herders", "name.kk": "Малшылар", "name.fa-AF": "مالداران" },
        admin.cookie,
      ),
    );
    const edited = await prisma.forumCategory.findUniqueOrThrow({ where: { id: herders.id }, select: { name: true, description: true } });
    expect(edited.name).toEqual({ en: "Herders", ru: "", kk: "Малшылар", "fa-AF": "مالداران" });
    expect(edited.description).toEqual({ en: "", ru: "", mn: "" });
    expect(textIn(edited.name, "ru")).toBe("Herders");
  });

  test("refuses a name whose address is taken, with the message beside the field and everything typed kept", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    await ensureForumCategories();
    const outcome = await run(
      adminForum.action,
      formRequest("/admin/forum", { ...fields, "name.en": "Climate!", "description.en": "Typed text", "name.kk": "Климат!" }, admin.cookie),
    );
    expect(outcome.status).toBe(400);
    const reply = outcome.data as NestedReply;
    expect(reply.form).toBe("create");
    expect(reply.result.error["name.en"]).toEqual(["forumAdmin.errors.slugTaken"]);
    expect(reply.result.initialValue).toMatchObject({
      name: { en: "Climate!", ru: "Кооперативы", kk: "Климат!" },
      description: { en: "Typed text" },
    });
    expect(await countNamed("Climate!")).toBe(0);
  });

  test("refuses a name whose address a forum page uses, beside the field, and creates nothing", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    for (const nameEn of ["Search", "Moderation", "New!", "Consultations"]) {
      const outcome = await run(adminForum.action, formRequest("/admin/forum", { ...fields, "name.en": nameEn }, admin.cookie));
      expect(outcome.status, nameEn).toBe(400);
      const reply = outcome.data as NestedReply;
      expect(reply.form).toBe("create");
      expect(reply.result.error["name.en"], nameEn).toEqual(["forumAdmin.errors.slugReserved"]);
      expect(reply.result.initialValue).toMatchObject({ name: { en: nameEn, ru: "Кооперативы" } });
    }
    expect(
      await createCategory({ texts: { name: { en: "Threads", ru: "Темы" }, description: { en: "" } }, kind: "theme", country: null }),
    ).toEqual({ error: "slug_reserved" });
    expect(await prisma.forumCategory.count({ where: { slug: { in: ["search", "moderation", "new", "consultations", "threads"] } } })).toBe(
      0,
    );
  });

  test("renaming a category to such a name keeps its own address", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    await ensureForumCategories();
    const inclusion = await prisma.forumCategory.findUniqueOrThrow({
      where: { slug: "inclusion" },
      select: { id: true, slug: true, name: true, description: true },
    });
    const renamed = await run(
      adminForum.action,
      formRequest(
        "/admin/forum",
        { intent: "edit", id: inclusion.id, "name.en": "Search", "name.ru": toLocalizedText(inclusion.name).ru! },
        admin.cookie,
      ),
    );
    expect(renamed.status).toBe(302);
    expect(await prisma.forumCategory.findUniqueOrThrow({ where: { id: inclusion.id }, select: { slug: true } })).toEqual({
      slug: "inclusion",
    });
    expect(await englishName(inclusion.id)).toBe("Search");
    await prisma.forumCategory.update({
      where: { id: inclusion.id },
      data: { name: inclusion.name ?? {}, description: inclusion.description ?? {} },
      select: { id: true },
    });
  });

  test("asks for the country of a country category, and for a name on edit", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    await ensureForumCategories();
    const missing = await run(
      adminForum.action,
      formRequest("/admin/forum", { ...fields, "name.en": "Karakalpakstan", kind: "country" }, admin.cookie),
    );
    expect(missing.status).toBe(400);
    expect((missing.data as Reply).result.error.country).toEqual(["forumAdmin.errors.countryRequired"]);
    const category = await prisma.forumCategory.findFirstOrThrow({ select: { id: true, name: true } });
    const edit = await run(
      adminForum.action,
      formRequest("/admin/forum", { intent: "edit", id: category.id, "name.en": "", "name.ru": "Имя" }, admin.cookie),
    );
    expect(edit.status).toBe(400);
    expect((edit.data as Reply).form).toBe(`edit-${category.id}`);
    expect((edit.data as Reply).result.error["name.en"]).toBeDefined();
    expect(await englishName(category.id)).toBe(toLocalizedText(category.name).en);
  });

  test("moving a country up passes over themes to the country above it", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    await ensureForumCategories();
    const kazakhstan = await prisma.forumCategory.findUniqueOrThrow({ where: { slug: "kazakhstan" }, select: { id: true } });
    await run(adminForum.action, formRequest("/admin/forum", { intent: "move", id: kazakhstan.id, direction: "up" }, admin.cookie));
    const countries = await prisma.forumCategory.findMany({
      where: { kind: "country" },
      select: { slug: true },
      orderBy: { position: "asc" },
    });
    expect(countries[0]!.slug).toBe("kazakhstan");
    const kyrgyzstan = await prisma.forumCategory.findUniqueOrThrow({ where: { slug: "kyrgyzstan" }, select: { id: true } });
    await run(adminForum.action, formRequest("/admin/forum", { intent: "move", id: kyrgyzstan.id, direction: "up" }, admin.cookie));
    const after = await prisma.forumCategory.findMany({ where: { kind: "country" }, select: { slug: true }, orderBy: { position: "asc" } });
    expect(after.slice(0, 2).map((c) => c.slug)).toEqual(["kyrgyzstan", "kazakhstan"]);
  });

  test("a country category keeps its country code", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    await run(
      adminForum.action,
      formRequest(
        "/admin/forum",
        { ...fields, "name.en": "Fergana Valley", "name.ru": "Ферганская долина", kind: "country", country: "UZ" },
        admin.cookie,
      ),
    );
    expect(
      await prisma.forumCategory.findUniqueOrThrow({ where: { slug: "fergana-valley" }, select: { kind: true, country: true } }),
    ).toEqual({ kind: "country", country: "UZ" });
  });
});
