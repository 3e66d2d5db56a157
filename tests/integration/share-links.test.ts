import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as enterprisePage from "~/routes/enterprises.$slug";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
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

const get = (path: string) => new Request(`http://localhost${path}`, { headers: { "Accept-Language": "en" } });

describe("an enterprise page in every language", () => {
  const metaOf = (data: unknown) =>
    enterprisePage.meta({ data } as Parameters<typeof enterprisePage.meta>[0]) as Record<string, string | undefined>[];

  test("names its share image, its canonical address and one alternate per language with ?lang=, all at PUBLIC_URL", async () => {
    const owner = await createTestUser();
    const { slug } = await prisma.enterprise.create({
      data: {
        ...validEnterpriseFields(),
        slug: `hreflang-felt-${Date.now()}`,
        status: "published",
        members: { create: { userId: owner.id, role: "owner" } },
      },
      select: { slug: true },
    });
    const page = await run(enterprisePage.loader, get(`/enterprises/${slug}`), { slug });
    const meta = metaOf(page.data);
    const url = `${PUBLIC}/enterprises/${slug}`;
    expect(meta.find((tag) => tag.property === "og:image")?.content).toBe(`${PUBLIC}/og-image.png`);
    expect(meta.find((tag) => tag.rel === "canonical")?.href).toBe(url);
    const alternates = meta.filter((tag) => tag.rel === "alternate");
    expect(alternates.map((tag) => [tag.hrefLang, tag.href])).toEqual([
      ...SUPPORTED_LANGUAGES.map((language) => [language, `${url}?lang=${language}`]),
      ["x-default", url],
    ]);
    // A language's version is its own canonical.
    const russian = await run(enterprisePage.loader, get(`/enterprises/${slug}?lang=ru`), { slug });
    expect(metaOf(russian.data).find((tag) => tag.rel === "canonical")?.href).toBe(`${url}?lang=ru`);
  });
});
