import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as openapi from "~/routes/api.v1.openapi[.]json";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as feed from "~/routes/forum_.feed[.]atom";
import * as categoryFeed from "~/routes/forum_.$slug_.feed[.]atom";
import * as ratingsExport from "~/routes/ratings_.export";
import { prisma } from "~/utils/db.server";
import { getEnv, resetEnvCache } from "~/utils/env.server";
import { createTestCategory, createTestThread } from "../helpers/forum";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestUser, run } from "../helpers/routes";

const PUBLIC = "https://ortaq.example.org";
const saved = { ...process.env };

/** A request as an attacker would send it: any Host header it likes. */
const forged = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://evil.example${path}`, { headers: { Host: "evil.example", "Accept-Language": "en", ...headers } });

beforeAll(() => {
  process.env.PUBLIC_URL = `${PUBLIC}/`;
  resetEnvCache();
});
afterAll(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("absolute links come from PUBLIC_URL, never from the Host header", () => {
  test("the Atom feeds name the public address in every id and link", async () => {
    const user = await createTestUser({ email: "feed-writer@test.ortaq.org" });
    const category = await createTestCategory("Public links");
    const thread = await createTestThread({ userId: user.id, categoryId: category.id, title: "Where links point" });
    const slug = (await prisma.forumCategory.findUniqueOrThrow({ where: { id: category.id }, select: { slug: true } })).slug;
    for (const [loader, path, params] of [
      [feed.loader, "/forum/feed.atom", {}],
      [categoryFeed.loader, `/forum/${slug}/feed.atom`, { slug }],
    ] as const) {
      const xml = await ((await loader({ request: forged(path), params, context: {} })) as Response).text();
      expect(xml).not.toContain("evil.example");
      expect(xml).toContain(`<id>${PUBLIC}/forum/threads/${thread.id}</id>`);
      expect(xml).toContain(`xml:base="${PUBLIC}/"`);
    }
    const overall = await ((await feed.loader({ request: forged("/forum/feed.atom"), params: {}, context: {} })) as Response).text();
    expect(overall).toContain(`<id>${PUBLIC}/forum</id>`);
    expect(overall).toContain(`href="${PUBLIC}/forum/feed.atom?lang=en"`);
  });

  test("the OpenAPI document's server is the public address", async () => {
    const response = (await openapi.loader({ request: forged("/api/v1/openapi.json"), params: {}, context: {} })) as Response;
    const text = await response.text();
    expect(text).not.toContain("evil.example");
    expect(JSON.parse(text).servers).toEqual([{ url: PUBLIC }]);
  });

  test("an enterprise page's Open Graph address and the ratings export's links are public addresses", async () => {
    const owner = await createTestUser({ email: "og-owner@test.ortaq.org" });
    const enterprise = await prisma.enterprise.create({
      data: {
        ...validEnterpriseFields(),
        slug: `public-links-${Date.now()}`,
        status: "published",
        members: { create: { userId: owner.id, role: "owner" } },
      },
      select: { id: true, slug: true },
    });
    const page = await run(enterprisePage.loader, forged(`/enterprises/${enterprise.slug}`), { slug: enterprise.slug });
    expect((page.data as { url: string }).url).toBe(`${PUBLIC}/enterprises/${enterprise.slug}`);
    const meta = enterprisePage.meta({ data: page.data } as Parameters<typeof enterprisePage.meta>[0]) as {
      property?: string;
      content?: string;
    }[];
    expect(meta.find((tag) => tag.property === "og:url")?.content).toBe(`${PUBLIC}/enterprises/${enterprise.slug}`);
    const csv = await ((await ratingsExport.loader({ request: forged("/ratings/export"), params: {}, context: {} })) as Response).text();
    expect(csv).not.toContain("evil.example");
  });
});

describe("feeds in several languages and shared caches", () => {
  const read = async (path: string, headers: Record<string, string>) => {
    const response = (await feed.loader({ request: forged(path, headers), params: {}, context: {} })) as Response;
    return { vary: response.headers.get("Vary") ?? "", language: response.headers.get("Content-Language"), xml: await response.text() };
  };

  test("a feed whose language comes from the request varies on Accept-Language and Cookie", async () => {
    const english = await read("/forum/feed.atom", { "Accept-Language": "en" });
    const russian = await read("/forum/feed.atom", { "Accept-Language": "ru" });
    expect(english.language).toBe("en");
    expect(russian.language).toBe("ru");
    expect(english.xml).not.toBe(russian.xml);
    for (const { vary } of [english, russian]) {
      expect(vary).toMatch(/Accept-Language/);
      expect(vary).toMatch(/Cookie/);
    }
  });

  test("?lang= names the language in the address: the same answer whatever the browser asks for, and an unknown one is a 400", async () => {
    const asked = await read("/forum/feed.atom?lang=ru", { "Accept-Language": "en" });
    const asRussian = await read("/forum/feed.atom?lang=ru", { "Accept-Language": "ru" });
    expect(asked.language).toBe("ru");
    expect(asked.xml).toBe(asRussian.xml);
    expect(asked.xml).toContain(`href="${PUBLIC}/forum/feed.atom?lang=ru"`);
    expect((await run(feed.loader, forged("/forum/feed.atom?lang=xx"))).status).toBe(400);
    expect((await run(feed.loader, forged("/forum/feed.atom?lang=__proto__"))).status).toBe(400);
  });

  test("the OpenAPI document, described in the reader's language, varies on Accept-Language and Cookie", async () => {
    const response = (await openapi.loader({
      request: forged("/api/v1/openapi.json", { "Accept-Language": "ru" }),
      params: {},
      context: {},
    })) as Response;
    expect(response.headers.get("Vary")).toMatch(/Accept-Language, Cookie/);
  });
});

describe("the PUBLIC_URL setting", () => {
  const envWith = (values: Record<string, string | undefined>) => {
    process.env = { ...saved, ...values };
    for (const [name, value] of Object.entries(values)) if (value === undefined) delete process.env[name];
    resetEnvCache();
    try {
      return getEnv();
    } finally {
      process.env = { ...saved, PUBLIC_URL: `${PUBLIC}/` };
      resetEnvCache();
    }
  };

  test("defaults to the server's own address, and a trailing slash is dropped", () => {
    expect(envWith({ PUBLIC_URL: undefined, HOST: undefined, PORT: undefined }).PUBLIC_URL).toBe("http://127.0.0.1:3000");
    expect(envWith({ PUBLIC_URL: undefined, HOST: "0.0.0.0", PORT: "8080" }).PUBLIC_URL).toBe("http://localhost:8080");
    expect(envWith({ PUBLIC_URL: "https://ortaq.example.org/" }).PUBLIC_URL).toBe("https://ortaq.example.org");
  });

  test("a malformed address stops start-up with a message naming it", () => {
    for (const value of ["ortaq.example.org", "ftp://ortaq.example.org", "https://ortaq.example.org/forum"]) {
      expect(() => envWith({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL: /);
    }
  });
});
