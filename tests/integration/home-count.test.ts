import { beforeAll, expect, test } from "vitest";
import * as home from "~/routes/_index";
import { setPublished } from "~/models/enterprise.server";
import { prisma } from "~/utils/db.server";
import { keptData } from "~/utils/kept-data.server";
import { seedIfEmpty } from "../../prisma/seed";
import { getRequest, run } from "../helpers/routes";
import { withKeptResults } from "../helpers/kept-results";

beforeAll(async () => {
  await seedIfEmpty(prisma);
});

const shown = async () => ((await run(home.loader, getRequest("/"))).data as { published: number }).published;
const counted = () => prisma.enterprise.count({ where: { status: "published" } });

test("the home page's count of published enterprises follows publishing, unpublishing, new and deleted enterprises", async () => {
  expect(await shown()).toBe(await counted());
  const draft = await prisma.enterprise.findFirstOrThrow({ where: { status: "draft" }, select: { id: true } });
  await setPublished({ id: draft.id, published: true });
  expect(await shown()).toBe(await counted());
  const published = await shown();
  await setPublished({ id: draft.id, published: false });
  expect(await shown()).toBe(published - 1);
  const before = published - 1;
  const template = await prisma.enterprise.findFirstOrThrow({ where: { status: "published" } });
  const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, publishedAt: _p, ...fields } = template;
  await prisma.enterprise.createMany({
    data: [1, 2, 3].map((n) => ({
      ...fields,
      slug: `count-check-${n}`,
      name: `Count check ${n}`,
      status: n === 3 ? ("draft" as const) : ("published" as const),
    })),
  });
  expect(await shown()).toBe(before + 2);
  await prisma.enterprise.deleteMany({ where: { slug: { startsWith: "count-check-" } } });
  expect(await shown()).toBe(before);
  expect(await shown()).toBe(await counted());
});

test("the count is rebuilt if its row is gone", async () => {
  await prisma.enterpriseCount.deleteMany({});
  expect(await shown()).toBe(await counted());
  expect(await prisma.enterpriseCount.findUnique({ where: { id: 1 } })).not.toBeNull();
});

test("in production the count is read once for every page until a change is heard, then read again", async () => {
  await withKeptResults(async () => {
    const before = await shown();
    const draft = await prisma.enterprise.findFirstOrThrow({ where: { status: "draft" }, select: { id: true } });
    await setPublished({ id: draft.id, published: true });
    // Not heard yet (the notice never reaches this test): every page is given the count read before.
    expect(await shown()).toBe(before);
    keptData.invalidate();
    expect(await shown()).toBe(before + 1);
    await setPublished({ id: draft.id, published: false });
  });
});
