import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as apiList from "~/routes/api.v1.enterprises";
import * as apiOne from "~/routes/api.v1.enterprises_.$slug";
import * as openapi from "~/routes/api.v1.openapi[.]json";
import * as ratings from "~/routes/ratings";
import * as ratingsExport from "~/routes/ratings_.export";
import * as compare from "~/routes/compare";
import { apiRequestsPerMinute, resetApiRateLimit } from "~/utils/api.server";
import { prisma } from "~/utils/db.server";
import { seedIfEmpty } from "../../prisma/seed";
import { getRequest, run } from "../helpers/routes";

beforeAll(async () => {
  await seedIfEmpty(prisma);
});
beforeEach(() => resetApiRateLimit());

async function api(path: string, address = "198.51.100.7") {
  const url = new URL(`http://localhost${path}`);
  const loader =
    url.pathname === "/api/v1/enterprises" ? apiList.loader : url.pathname.endsWith("openapi.json") ? openapi.loader : apiOne.loader;
  const slug = url.pathname.split("/")[4];
  const response = (await loader({
    request: getRequest(path),
    params: slug ? { slug } : {},
    context: { clientAddress: address },
  })) as Response;
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

async function allPages(query: string) {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: any[]; nextCursor: string | null } } = await api(
      `/api/v1/enterprises?${query}&limit=7${cursor ? `&cursor=${cursor}` : ""}`,
    );
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe("the open data API", () => {
  test("lists exactly the enterprises with a published profile and a published rating, in score order, across cursor pages", async () => {
    const items = await allPages("sort=score");
    const expected = await prisma.assessment.count({
      where: { published: true, status: "submitted", enterprise: { status: "published" } },
    });
    expect(items.length).toBe(expected);
    expect(new Set(items.map((i) => i.slug)).size).toBe(items.length);
    for (let i = 1; i < items.length; i++) expect(items[i - 1].overall).toBeGreaterThanOrEqual(items[i].overall);
    const drafts = await prisma.enterprise.findMany({ where: { status: "draft" }, select: { slug: true } });
    for (const d of drafts) expect(items.map((i) => i.slug)).not.toContain(d.slug);
  });

  test("filters by country, tier, minimum score and flags, and sorts by name and date", async () => {
    const kz = await allPages("country=KZ&sort=name");
    expect(kz.length).toBeGreaterThan(0);
    expect(kz.every((i) => i.country === "KZ")).toBe(true);
    expect(kz.map((i) => i.name)).toEqual([...kz.map((i) => i.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const strong = await allPages("minScore=60&eligible=true&womenLed=true");
    expect(strong.every((i) => i.overall >= 60 && i.eligible && i.womenLed)).toBe(true);
    const byDate = await allPages("sort=date");
    for (let i = 1; i < byDate.length; i++) expect(byDate[i - 1].ratedAt >= byDate[i].ratedAt).toBe(true);
  });

  test("searches names and descriptions in English and Russian", async () => {
    const target = await prisma.enterprise.findFirstOrThrow({
      where: { status: "published", assessments: { some: { published: true } } },
      select: { id: true, slug: true },
    });
    await prisma.enterprise.update({
      where: { id: target.id },
      data: { description: "Мы шьём войлочные ковры вместе с женщинами из сёл." },
    });
    const russian = await allPages(`q=${encodeURIComponent("ковры")}`);
    expect(russian.map((i) => i.slug)).toEqual([target.slug]);
    const english = await allPages("q=felt");
    expect(english.length).toBeGreaterThan(0);
  });

  test("answers 400 with the names of bad parameters, and 404 for an unknown or draft enterprise", async () => {
    const bad = await api("/api/v1/enterprises?country=Narnia&minScore=abc&cursor=zzz&color=blue");
    expect(bad.status).toBe(400);
    expect(bad.body.error.invalid).toEqual(expect.arrayContaining(["country", "minScore", "cursor", "color"]));
    expect((await api("/api/v1/enterprises/no-such-enterprise")).status).toBe(404);
    const draft = await prisma.enterprise.findFirstOrThrow({ where: { status: "draft" }, select: { slug: true } });
    expect((await api(`/api/v1/enterprises/${draft.slug}`)).status).toBe(404);
  });

  test("limits each address with 429 and Retry-After, and is open to other origins", async () => {
    const ok = await api("/api/v1/enterprises?limit=1", "192.0.2.50");
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe("*");
    let last = ok;
    for (let i = 0; i < 130 && last.status !== 429; i++) last = await api("/api/v1/enterprises?limit=1", "192.0.2.50");
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await api("/api/v1/enterprises?limit=1", "192.0.2.51")).status).toBe(200);
  });

  test("counts an address's requests in the database, so every app server shares the limit", async () => {
    // Another app server has already answered this address as often as the limit allows this minute.
    const now = Date.now();
    await prisma.apiRateWindow.create({
      data: { address: "192.0.2.60", windowStart: new Date(now - (now % 60_000)), count: apiRequestsPerMinute() },
    });
    expect((await api("/api/v1/enterprises?limit=1", "192.0.2.60")).status).toBe(429);
    // A count from an earlier minute does not hold.
    await prisma.apiRateWindow.create({
      data: { address: "192.0.2.61", windowStart: new Date(now - (now % 60_000) - 60_000), count: 10 * apiRequestsPerMinute() },
    });
    expect((await api("/api/v1/enterprises?limit=1", "192.0.2.61")).status).toBe(200);
    expect((await prisma.apiRateWindow.findUniqueOrThrow({ where: { address: "192.0.2.61" } })).count).toBe(1);
  });

  test("answers a CORS preflight, and refuses every method but GET with 405 and changes nothing", async () => {
    const before = await prisma.enterprise.count();
    for (const [route, path, params] of [
      [apiList, "/api/v1/enterprises", {}],
      [apiOne, "/api/v1/enterprises/x", { slug: "x" }],
      [openapi, "/api/v1/openapi.json", {}],
    ] as const) {
      const preflight = (await route.action({
        request: new Request(`http://localhost${path}`, {
          method: "OPTIONS",
          headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" },
        }),
        params,
        context: {},
      })) as Response;
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("GET");
      for (const method of ["POST", "PUT", "DELETE"]) {
        const refused = (await route.action({
          request: new Request(`http://localhost${path}`, { method, body: "{}" }),
          params,
          context: {},
        })) as Response;
        expect(refused.status).toBe(405);
        expect(refused.headers.get("Allow")).toBe("GET, OPTIONS");
        expect(((await refused.json()) as any).error.code).toBe("method_not_allowed");
      }
    }
    expect(await prisma.enterprise.count()).toBe(before);
  });

  test("is described exactly by a valid OpenAPI 3.1 document, which real responses match", async () => {
    const doc = (await api("/api/v1/openapi.json")).body;
    const validation = await new Validator().validate(doc);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: "ortaq", components: doc.components });
    const check = (schema: string, value: unknown) => {
      const validate = ajv.getSchema(`ortaq#/components/schemas/${schema}`)!;
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    };
    const page = await api("/api/v1/enterprises?limit=5");
    check("EnterprisePage", page.body);
    const one = await api(`/api/v1/enterprises/${page.body.items[0].slug}`);
    check("Enterprise", one.body);
    check("Error", (await api("/api/v1/enterprises?tier=legendary")).body);
    const params = doc.paths["/api/v1/enterprises"].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(params).toEqual([
      "country",
      "cursor",
      "eligible",
      "limit",
      "minScore",
      "q",
      "region",
      "registered",
      "sdg",
      "sector",
      "size",
      "sort",
      "tier",
      "trust",
      "womenLed",
      "youthLed",
    ]);
  });
});

describe("the directory page", () => {
  test("shows the same first page as the API, ignores a malformed filter with a notice, and exports every matching row", async () => {
    const page = await run(ratings.loader, getRequest("/ratings?country=KZ&tier=nope"));
    const data = page.data as { items: { slug: string }[]; invalid: string[] };
    expect(data.invalid).toEqual(["tier"]);
    const fromApi = await api("/api/v1/enterprises?country=KZ");
    expect(data.items.map((i) => i.slug)).toEqual(fromApi.body.items.map((i: { slug: string }) => i.slug));
    const response = await ratingsExport.loader({ request: getRequest("/ratings/export?country=KZ"), params: {}, context: {} });
    const lines = new TextDecoder()
      .decode(new Uint8Array(await response.arrayBuffer()))
      .replace("\uFEFF", "")
      .trim()
      .split("\r\n");
    expect(lines.length - 1).toBe((await allPages("country=KZ")).length);
  });

  test("sends the browser what its rows show of each enterprise, not the rest of its profile", async () => {
    const first = (await api("/api/v1/enterprises?limit=1")).body.items[0] as { slug: string };
    const description = "A long account of the workshop's history, kept for its own page. ".repeat(20);
    await prisma.enterprise.update({ where: { slug: first.slug }, data: { description } });
    const page = await run(ratings.loader, getRequest("/ratings"));
    const data = page.data as { items: { slug: string; name: string; overall: number }[] };
    expect(data.items[0]).toMatchObject({ slug: first.slug, name: expect.any(String), overall: expect.any(Number) });
    expect(JSON.stringify(data)).not.toContain("history");
  });

  test("compares two to four rated enterprises and refuses one alone", async () => {
    const items = (await api("/api/v1/enterprises?limit=3")).body.items as { slug: string }[];
    const three = await run(compare.loader, getRequest(`/compare?${items.map((i) => `e=${i.slug}`).join("&")}`));
    expect((three.data as { enterprises: unknown[] }).enterprises).toHaveLength(3);
    const one = await run(compare.loader, getRequest(`/compare?e=${items[0]!.slug}`));
    expect((one.data as { enterprises: unknown[] }).enterprises).toHaveLength(0);
  });
});

describe("directory text search", () => {
  const rated = () =>
    prisma.enterprise.findMany({
      where: { status: "published", assessments: { some: { published: true, status: "submitted" } } },
      select: { id: true, slug: true, name: true },
      orderBy: { slug: "asc" },
    });

  test("matches the start of words, ignores accents and finds names in any script", async () => {
    const [cafe, kazakh, dari] = await rated();
    await prisma.enterprise.update({ where: { id: cafe!.id }, data: { name: "Café Sewing Studio Zhibek" } });
    await prisma.enterprise.update({ where: { id: kazakh!.id }, data: { name: "Ақжол тігін шеберханасы" } });
    await prisma.enterprise.update({ where: { id: dari!.id }, data: { name: "شرکت خیاطی زنان کابل" } });
    const slugs = async (q: string) => (await allPages(`q=${encodeURIComponent(q)}`)).map((i) => i.slug);
    expect(await slugs("cafe")).toContain(cafe!.slug);
    expect(await slugs("CAFÉ zhibek")).toEqual([cafe!.slug]);
    expect(await slugs("Sewing Stud")).toContain(cafe!.slug);
    expect(await slugs("sewing zhib")).toEqual([cafe!.slug]);
    expect(await slugs("шеберхана")).toEqual([kazakh!.slug]);
    expect(await slugs("Ақжол")).toEqual([kazakh!.slug]);
    expect(await slugs("خیاطی")).toEqual([dari!.slug]);
    expect(await slugs("Sewing Studios")).not.toContain(kazakh!.slug);
    // The same search on the directory page.
    const page = await run(ratings.loader, getRequest(`/ratings?q=${encodeURIComponent("sewing stud")}`));
    expect(JSON.stringify(page)).toContain("Café Sewing Studio Zhibek");
  });

  test("a word in every name still lists every match, in score order, and punctuation alone matches nothing", async () => {
    const all = await rated();
    for (const e of all) await prisma.enterprise.update({ where: { id: e.id }, data: { name: `${e.name} Ortaqwide` } });
    const items = await allPages("q=ortaqwide&sort=score");
    expect(items.map((i) => i.slug).sort()).toEqual(all.map((e) => e.slug).sort());
    for (let i = 1; i < items.length; i++) expect(items[i - 1].overall).toBeGreaterThanOrEqual(items[i].overall);
    expect(await allPages(`q=${encodeURIComponent("!!! ---")}`)).toEqual([]);
  });
});
