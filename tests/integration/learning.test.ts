import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { DEMO_RESOURCES, seedLearning } from "../../prisma/learning-seed";
import { currentMethodology as m } from "../../scoring";
import { listResources, pickVersion, resourcesForQuestions } from "~/models/learning.server";
import * as library from "~/routes/learn";
import * as resourcePage from "~/routes/learn_.$slug";
import * as editPage from "~/routes/learn_.$slug_.edit";
import * as download from "~/routes/learn_.files.$id";
import * as newPage from "~/routes/learn_.new";
import { prisma } from "~/utils/db.server";
import { keptData } from "~/utils/kept-data.server";
import { withKeptResults } from "../helpers/kept-results";
import { resetEnvCache } from "~/utils/env.server";
import { SAMPLE_FILES, uploadRequest } from "../helpers/evidence";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

beforeAll(async () => {
  process.env.EVIDENCE_DIR = mkdtempSync(path.join(tmpdir(), "ortaq-learning-"));
  resetEnvCache();
  await prisma.$transaction((tx) => seedLearning(tx, { authorId: null, now: Date.now() }), { timeout: 60_000 });
});

let serial = 0;
async function entrepreneurWithEnterprise(language = "en") {
  serial += 1;
  const user = await createTestUser({ language });
  await prisma.enterprise.create({
    data: { ...validEnterpriseFields(), slug: `learn-${serial}-${Date.now()}`, members: { create: { userId: user.id, role: "owner" } } },
    select: { id: true },
  });
  return user;
}

const resourceFields = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "save",
  language: "ru",
  title: "Как провести опрос благополучателей",
  summary: "Пять вопросов и порядок работы с ответами.",
  body: "## Шаги\n\n1. Спросите.\n2. Ответьте.\n\n[Пример](https://example.org) <script>alert(1)</script>",
  format: "guide",
  level: "beginner",
  country: "KG",
  questionIds: ["si_beneficiary_feedback"],
  ...overrides,
});

describe("the demo library", () => {
  test("holds at least 30 resources across all six dimensions, in English, Russian and four more of Ortaq's languages", async () => {
    expect(DEMO_RESOURCES.length).toBeGreaterThanOrEqual(30);
    // The demo resources by their addresses: other tests here add resources of their own, in any order.
    const rows = await prisma.learningResource.findMany({
      where: { slug: { in: DEMO_RESOURCES.map((r) => r.slug) } },
      select: { dimensions: true, questionIds: true, versions: { select: { language: true, body: true } } },
    });
    expect(rows.length).toBe(DEMO_RESOURCES.length);
    expect(new Set(rows.flatMap((r) => r.dimensions))).toEqual(new Set(m.dimensions.map((d) => d.id)));
    expect(new Set(rows.flatMap((r) => r.versions.map((v) => v.language)))).toEqual(new Set(["en", "ru", "kk", "ky", "uz", "tg"]));
    const questions = new Set(m.questions.map((q) => q.id));
    expect(rows.flatMap((r) => r.questionIds).every((id) => questions.has(id))).toBe(true);
    // Real guides: every version is several paragraphs long.
    expect(Math.min(...rows.flatMap((r) => r.versions.map((v) => v.body.length)))).toBeGreaterThan(250);
  });
});

describe("reading a resource", () => {
  test("in production its page is read once for every reader until a change is heard, and its text rendered once for the same text", async () => {
    const slug = `kept-guide-${Date.now()}`;
    const { versions } = await prisma.learningResource.create({
      data: {
        slug,
        format: "guide",
        level: "beginner",
        dimensions: [],
        questionIds: [],
        versions: { create: { language: "en", title: "A kept guide", summary: "Read once.", body: "A **first** guide." } },
      },
      select: { versions: { select: { id: true } } },
    });
    const id = versions[0]!.id;
    const shown = async () =>
      ((await run(resourcePage.loader, getRequest(`/learn/${slug}?lang=en`), { slug })).data as { resource: { version: { html: string } } })
        .resource.version.html;
    await withKeptResults(async () => {
      const before = await shown();
      expect(before).toContain("<strong>first</strong>");
      await prisma.learningResourceVersion.update({ where: { id }, data: { body: "A **revised** guide." } });
      // Not heard yet (the notice never reaches this test): every reader is given what was read before.
      expect(await shown()).toBe(before);
      keptData.invalidate();
      expect(await shown()).toContain("<strong>revised</strong>");
    });
  });
});

describe("finding resources", () => {
  test("a reader gets their own language, then English, then Russian, then whatever exists", () => {
    const versions = [{ language: "kk" }, { language: "ru" }, { language: "en" }];
    expect(pickVersion(versions, "kk")!.language).toBe("kk");
    expect(pickVersion(versions, "tg")!.language).toBe("en");
    expect(pickVersion([{ language: "kk" }, { language: "ru" }], "tg")!.language).toBe("ru");
    expect(pickVersion([{ language: "uz" }], "ps")!.language).toBe("uz");
  });

  test("filters by dimension, format, language and country; a resource for all countries fits every country", async () => {
    const byDimension = await listResources({ filters: { dimension: "inclusion" }, language: "en" });
    expect(byDimension.total).toBeGreaterThan(0);
    expect(byDimension.items.every((r) => r.dimensions.includes("inclusion"))).toBe(true);
    const templates = await listResources({ filters: { format: "template" }, language: "en" });
    expect(templates.items.every((r) => r.format === "template")).toBe(true);
    const kyrgyz = await listResources({ filters: { language: "ky" }, language: "en" });
    expect(kyrgyz.total).toBe(DEMO_RESOURCES.filter((r) => r.versions.ky).length);
    expect(kyrgyz.items.every((r) => r.version.language === "ky")).toBe(true);
    const inTajikistan = await listResources({ filters: { country: "TJ" }, language: "en" });
    expect(inTajikistan.items.every((r) => r.country === "TJ" || r.country === null)).toBe(true);
    expect(inTajikistan.items.some((r) => r.country === null) && inTajikistan.items.some((r) => r.country === "TJ")).toBe(true);
    expect(inTajikistan.items.some((r) => r.country === "KZ")).toBe(false);
  });

  test("the resources for a plan's questions come in the reader's language first", async () => {
    const links = await resourcesForQuestions({ questionIds: ["ec_waste", "in_languages"], language: "ky" });
    // "Waste sorting" exists in Kyrgyz; the other resources on waste do not.
    expect(links.ec_waste![0]).toMatchObject({ slug: "waste-sorting-and-recycling-partners", language: "ky" });
    expect(links.ec_waste!.length).toBeGreaterThan(1);
    expect(links.ec_waste!.slice(1).every((l) => l.language !== "ky")).toBe(true);
    expect(links.in_languages![0]!.language).toBe("en");
    const russian = await resourcesForQuestions({ questionIds: ["ec_waste"], language: "ru" });
    expect(russian.ec_waste!.every((l) => l.language === "ru")).toBe(true);
  });

  test("the library page ignores filters it does not know", async () => {
    const outcome = await run(library.loader, getRequest("/learn?dimension=nonsense&format=guide&country=XX&question=__proto__"));
    expect(outcome.status).toBe(200);
    const data = outcome.data as Awaited<ReturnType<typeof library.loader>>;
    expect(data.filters).toEqual({ format: "guide" });
    expect(data.items.every((r) => r.format === "guide")).toBe(true);
  });

  test("a resource page shows the version asked for, and its body as safe HTML; an unknown resource is a 404", async () => {
    const outcome = await run(resourcePage.loader, getRequest("/learn/theory-of-change-in-one-page?lang=ru"), {
      slug: "theory-of-change-in-one-page",
    });
    const data = outcome.data as Awaited<ReturnType<typeof resourcePage.loader>>;
    expect(data.resource.version.language).toBe("ru");
    expect(data.resource.version.title).toBe("Теория изменений на одной странице");
    expect(data.resource.languages).toEqual(["en", "ky", "ru"]);
    expect(data.resource.version.html).toContain("<strong>");
    expect((await run(resourcePage.loader, getRequest("/learn/nothing-here"), { slug: "nothing-here" })).status).toBe(404);
    expect((await run(resourcePage.loader, getRequest("/learn/x"), { slug: "../etc" })).status).toBe(404);
  });
});

describe("marking a resource useful or done", () => {
  test("an enterprise member marks it done and useful, and undoes it; the marks are theirs alone", async () => {
    const user = await entrepreneurWithEnterprise();
    const other = await entrepreneurWithEnterprise();
    const slug = "building-a-cash-reserve";
    const mark = (fields: Record<string, string>, cookie = user.cookie) =>
      run(resourcePage.action, formRequest(`/learn/${slug}`, fields, cookie), { slug });
    expect((await mark({ mark: "done", value: "true" })).status).toBe(302);
    expect((await mark({ mark: "useful", value: "true" })).notice).toMatchObject({ message: "learning.notice.useful" });
    const seen = (cookie: string) =>
      run(resourcePage.loader, getRequest(`/learn/${slug}`, cookie), { slug }).then(
        (o) => (o.data as Awaited<ReturnType<typeof resourcePage.loader>>).resource.progress,
      );
    expect(await seen(user.cookie)).toEqual({ useful: true, done: true });
    expect(await seen(other.cookie)).toEqual({ useful: false, done: false });
    await mark({ mark: "done", value: "false" });
    expect(await seen(user.cookie)).toEqual({ useful: true, done: false });
  });

  test("a bad mark is a 400, an unknown resource a 404, someone with no enterprise a 403, a visitor goes to log in", async () => {
    const user = await entrepreneurWithEnterprise();
    const slug = "building-a-cash-reserve";
    expect(
      (await run(resourcePage.action, formRequest(`/learn/${slug}`, { mark: "loved", value: "true" }, user.cookie), { slug })).status,
    ).toBe(400);
    expect(
      (await run(resourcePage.action, formRequest("/learn/none", { mark: "done", value: "true" }, user.cookie), { slug: "none" })).status,
    ).toBe(404);
    const funder = await createTestUser({ roles: ["funder"] });
    expect(
      (await run(resourcePage.action, formRequest(`/learn/${slug}`, { mark: "done", value: "true" }, funder.cookie), { slug })).status,
    ).toBe(403);
    const visitor = await run(resourcePage.action, formRequest(`/learn/${slug}`, { mark: "done", value: "true" }), { slug });
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login/);
    expect(await prisma.learningProgress.count({ where: { userId: funder.id } })).toBe(0);
  });
});

describe("writing resources", () => {
  test("an admin publishes a resource in Russian, tied to a question and so to its dimension, then adds a Kazakh translation", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    const created = await run(newPage.action, formRequest("/learn/new", resourceFields(), admin.cookie));
    expect(created.status).toBe(302);
    const slug = created.location!.split("/")[2]!.split("?")[0]!;
    const resource = await prisma.learningResource.findUniqueOrThrow({
      where: { slug },
      select: { id: true, dimensions: true, country: true },
    });
    expect(resource).toMatchObject({ dimensions: ["social_impact"], country: "KG" });
    const page = await run(resourcePage.loader, getRequest(`/learn/${slug}?lang=ru`), { slug });
    const html = (page.data as Awaited<ReturnType<typeof resourcePage.loader>>).resource.version.html;
    expect(html).not.toContain("<script>");
    expect(html).toContain('href="https://example.org"');

    const translated = await run(
      editPage.action,
      formRequest(
        `/learn/${slug}/edit?lang=kk`,
        resourceFields({
          language: "kk",
          title: "Пайда алушылар арасында сауалнама",
          summary: "Бес сұрақ.",
          body: "Сұраңыз, содан кейін жауап беріңіз.",
        }),
        admin.cookie,
      ),
      { slug },
    );
    expect(translated.status).toBe(302);
    const versions = await prisma.learningResourceVersion.findMany({
      where: { resourceId: resource.id },
      select: { language: true },
      orderBy: { language: "asc" },
    });
    expect(versions.map((v) => v.language)).toEqual(["kk", "ru"]);
  });

  test("bad input gets messages by field and a 400; nobody but a writer may open the forms", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    const bad = await run(
      newPage.action,
      formRequest(
        "/learn/new",
        resourceFields({ title: "", format: "poem", questionIds: ["no_such_question"], country: "FR" }),
        admin.cookie,
      ),
    );
    expect(bad.status).toBe(400);
    const errors = (bad.data as { error: Record<string, string[]> }).error;
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["title", "format", "country"]));
    const noTopic = await run(newPage.action, formRequest("/learn/new", resourceFields({ questionIds: [] }), admin.cookie));
    expect((noTopic.data as { error: Record<string, string[]> }).error.dimensions).toEqual(["learning.errors.noTopic"]);
    const entrepreneur = await entrepreneurWithEnterprise();
    expect((await run(newPage.loader, getRequest("/learn/new", entrepreneur.cookie))).status).toBe(403);
    expect(
      (
        await run(editPage.loader, getRequest("/learn/building-a-cash-reserve/edit", entrepreneur.cookie), {
          slug: "building-a-cash-reserve",
        })
      ).status,
    ).toBe(403);
  });

  test("a file is attached with the evidence checks, downloaded by anyone, and a disguised program is refused", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    const slug = "twelve-month-budget-template";
    const edit = `/learn/${slug}/edit?lang=en`;
    const refused = await run(editPage.action, uploadRequest(edit, {}, { name: "budget.pdf", bytes: SAMPLE_FILES.exe }, admin.cookie), {
      slug,
    });
    expect(refused.status).toBe(415);
    const stored = await run(editPage.action, uploadRequest(edit, {}, { name: "budget.xlsx", bytes: SAMPLE_FILES.xlsx }, admin.cookie), {
      slug,
    });
    expect(stored.status).toBe(302);
    const attachment = await prisma.learningAttachment.findFirstOrThrow({
      where: { resource: { slug } },
      select: { id: true, fileName: true },
    });
    expect(attachment.fileName).toBe("budget.xlsx");
    const file = await run(download.loader, getRequest(`/learn/files/${attachment.id}`), { id: attachment.id });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment/);
    expect((await run(download.loader, getRequest("/learn/files/nope"), { id: "nope" })).status).toBe(404);
    const removed = await run(
      editPage.action,
      formRequest(edit, { intent: "deleteAttachment", attachmentId: attachment.id }, admin.cookie),
      { slug },
    );
    expect(removed.status).toBe(302);
    expect((await run(download.loader, getRequest(`/learn/files/${attachment.id}`), { id: attachment.id })).status).toBe(404);
  });

  test("the last language version cannot be deleted; the resource can, once confirmed", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    const created = await run(newPage.action, formRequest("/learn/new", resourceFields({ title: "Одна версия" }), admin.cookie));
    const slug = created.location!.split("/")[2]!.split("?")[0]!;
    const edit = `/learn/${slug}/edit?lang=ru`;
    expect((await run(editPage.action, formRequest(edit, { intent: "deleteVersion" }, admin.cookie), { slug })).status).toBe(409);
    expect((await run(editPage.action, formRequest(edit, { intent: "deleteResource" }, admin.cookie), { slug })).status).toBe(400);
    expect(
      (await run(editPage.action, formRequest(edit, { intent: "deleteResource", confirm: "on" }, admin.cookie), { slug })).location,
    ).toBe("/learn");
    expect(await prisma.learningResource.count({ where: { slug } })).toBe(0);
  });
});
