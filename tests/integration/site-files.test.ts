import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as robots from "~/routes/robots[.]txt";
import * as sitemap from "~/routes/sitemap[.]xml";
import * as root from "~/root";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestUser, run } from "../helpers/routes";

const PUBLIC = "https://ortaq.example.org";
const saved = { ...process.env };

beforeAll(() => {
  process.env.PUBLIC_URL = PUBLIC;
  resetEnvCache();
});
afterAll(() => {
  process.env = { ...saved };
  resetEnvCache();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { headers: { "Accept-Language": "en", ...headers } });

async function anEnterprise(name: string, status: "published" | "draft") {
  const owner = await createTestUser();
  return prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      name,
      slug: `${name.toLowerCase().replace(/ /g, "-")}-${Date.now()}`,
      status,
      members: { create: { userId: owner.id, role: "owner" } },
    },
    select: { slug: true },
  });
}

describe("robots.txt and the sitemap", () => {
  test("robots.txt lets crawlers read public pages, keeps them out of personal ones and names the sitemap at PUBLIC_URL", async () => {
    const response = robots.loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^User-agent: \*\nAllow: \/\n/);
    for (const path of ["/dashboard", "/admin/", "/settings/", "/evidence/", "/verification"])
      expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).not.toMatch(/Disallow: \/(ratings|enterprises|forum|sector|methodology)\n/);
    expect(text).toContain(`Sitemap: ${PUBLIC}/sitemap.xml`);
  });

  test("the sitemap lists the public pages and published enterprises, not drafts, at PUBLIC_URL", async () => {
    const published = await anEnterprise("Sitemap Bakery", "published");
    const draft = await anEnterprise("Sitemap Draft", "draft");
    const response = (await sitemap.loader({ request: get("/sitemap.xml"), params: {}, context: {} })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/xml/);
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    for (const path of ["/", "/ratings", "/sector", "/methodology", "/forum"]) expect(xml).toContain(`<loc>${PUBLIC}${path}</loc>`);
    expect(xml).toMatch(new RegExp(`<url><loc>${PUBLIC}/enterprises/${published.slug}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT`));
    expect(xml).not.toContain(draft.slug);
    expect(xml).not.toContain("localhost");
  });

  test("a sitemap page that does not exist is a 404, never a 500", async () => {
    for (const page of ["0", "2", "abc", "-1", "1e3"]) {
      const response = (await sitemap.loader({ request: get(`/sitemap.xml?page=${page}`), params: {}, context: {} })) as Response;
      expect(response.status, page).toBe(404);
    }
    const first = (await sitemap.loader({ request: get("/sitemap.xml?page=1"), params: {}, context: {} })) as Response;
    expect(first.status).toBe(200);
  });
});

describe("?lang= in the address", () => {
  test("?lang= is the page's language whatever the cookie and the browser say; an unknown one is ignored", async () => {
    const asked = await run(root.loader, get("/ratings?lang=fa-AF", { "Accept-Language": "ru", Cookie: "lng=ImVuIg%3D%3D" }));
    expect((asked.data as { locale: string }).locale).toBe("fa-AF");
    const unknown = await run(root.loader, get("/ratings?lang=xx", { "Accept-Language": "ru" }));
    expect((unknown.data as { locale: string }).locale).toBe("ru");
  });
});
