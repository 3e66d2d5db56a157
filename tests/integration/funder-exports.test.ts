import readXlsxFile from "read-excel-file/node";
import { beforeAll, describe, expect, test } from "vitest";
import * as apiList from "~/routes/api.v1.enterprises";
import * as compare from "~/routes/compare";
import * as ratings from "~/routes/ratings";
import * as ratingsExport from "~/routes/ratings_.export";
import * as sectorExport from "~/routes/sector_.export.$table";
import * as shortlists from "~/routes/shortlists";
import * as shortlistNew from "~/routes/shortlists_.new";
import * as shortlistPage from "~/routes/shortlists_.$id";
import * as shortlistExport from "~/routes/shortlists_.$id_.export";
import { countDirectory, decodeCursor, listDirectory, listDirectoryAll, previousCursor } from "~/models/directory.server";
import { resetApiRateLimit } from "~/utils/api.server";
import { csvStyleFor, toCsv } from "~/utils/csv";
import { prisma } from "~/utils/db.server";
import { seedIfEmpty } from "../../prisma/seed";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

beforeAll(async () => {
  await seedIfEmpty(prisma);
});

const inRussian = (path: string, cookie?: string) =>
  new Request(`http://localhost${path}`, { headers: { "Accept-Language": "ru", ...(cookie ? { Cookie: cookie } : {}) } });

async function rows(response: Response) {
  expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
  const sheets = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
  return sheets[0]!.data as (string | number | null)[][];
}

async function ratedSlugs(n: number) {
  const page = await listDirectory({ filters: { sort: "score" }, limit: n });
  return page.items.map((i) => i.slug);
}

describe("CSV for the reader's spreadsheet", () => {
  test("uses ; and a decimal comma where the language's decimal mark is a comma, and , elsewhere, always with a BOM", () => {
    const ru = toCsv(["Имя", "Балл"], [["Ақжол; тігін", 63.5]], csvStyleFor("ru"));
    expect(ru).toBe('\uFEFFИмя;Балл\r\n"Ақжол; тігін";63,5\r\n');
    for (const language of ["kk", "ky", "uz", "tg", "tk"]) expect(csvStyleFor(language).separator).toBe(";");
    for (const language of ["en", "mn", "fa-AF", "ps"]) expect(csvStyleFor(language)).toEqual({ separator: "," });
    expect(toCsv(["Name", "Score"], [["A, B", 63.5]], csvStyleFor("en"))).toBe('\uFEFFName,Score\r\n"A, B",63.5\r\n');
  });
});

describe("the directory export", () => {
  test("as a spreadsheet: every matching row, headed and named in Russian, the region by its name, scores as numbers", async () => {
    const response = await ratingsExport.loader({ request: inRussian("/ratings/export?country=KZ&format=xlsx"), params: {}, context: {} });
    const data = await rows(response as Response);
    expect(data[0]).toContain("Предприятие");
    expect(data[0]).toContain("Регион");
    const expected = (await listDirectoryAll({ country: "KZ", sort: "score" })).length;
    expect(data.length - 1).toBe(expected);
    const region = data[0]!.indexOf("Регион");
    expect(data.slice(1).every((r) => typeof r[region] === "string" && !/^KZ-/.test(String(r[region])))).toBe(true);
    expect(data.slice(1).every((r) => r[1] === "Казахстан")).toBe(true);
    expect(typeof data[1]![4]).toBe("number");
  });

  test("as CSV in Russian: semicolons, so Excel set to Russian opens it in columns", async () => {
    const response = (await ratingsExport.loader({
      request: inRussian("/ratings/export?country=KG"),
      params: {},
      context: {},
    })) as Response;
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFПредприятие;Страна;Регион;/);
    expect(text).not.toMatch(/;KG-/);
  });

  test("refuses a filter it does not understand with 400 and says which and why, instead of a file of everything", async () => {
    const response = (await ratingsExport.loader({
      request: getRequest("/ratings/export?minScore=150"),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("“Lowest score” must be a number from 0 to 100");
    const format = (await ratingsExport.loader({ request: getRequest("/ratings/export?format=pdf"), params: {}, context: {} })) as Response;
    expect(format.status).toBe(400);
  });
});

describe("the directory page and API", () => {
  test("counts the matches exactly, or says it is an estimate past the exact limit", async () => {
    const all = await countDirectory({ sort: "score" });
    const total = (await listDirectoryAll({ sort: "score" })).length;
    expect(all).toEqual({ count: total, exact: true });
    const estimate = await countDirectory({ sort: "score" }, 5);
    expect(estimate.exact).toBe(false);
    expect(estimate.count).toBeGreaterThan(5);
    const page = await run(ratings.loader, getRequest("/ratings?country=KZ"));
    const kz = (await listDirectoryAll({ country: "KZ", sort: "score" })).length;
    expect((page.data as { count: { count: number } }).count.count).toBe(kz);
  });

  test("goes back a page: Previous from page 3 leads to page 2, and from page 2 to the first", async () => {
    const filters = { sort: "name" as const };
    const first = await listDirectory({ filters, limit: 5 });
    const second = await listDirectory({ filters, cursor: decodeCursor(first.nextCursor, "name"), limit: 5 });
    const third = await listDirectory({ filters, cursor: decodeCursor(second.nextCursor, "name"), limit: 5 });
    expect(third.items.length).toBeGreaterThan(0);
    const back = await previousCursor({ filters, cursor: decodeCursor(second.nextCursor, "name")!, limit: 5 });
    expect(back.cursor).toBe(first.nextCursor);
    const again = await listDirectory({ filters, cursor: decodeCursor(back.cursor, "name"), limit: 5 });
    expect(again.items.map((i) => i.slug)).toEqual(second.items.map((i) => i.slug));
    expect((await previousCursor({ filters, cursor: decodeCursor(first.nextCursor, "name")!, limit: 5 })).cursor).toBeNull();
    const page = await run(ratings.loader, getRequest(`/ratings?sort=name&cursor=${second.nextCursor}&page=3`));
    const data = page.data as { previousSearch: string; pageNumber: number; pages: number };
    expect(data.pageNumber).toBe(3);
    expect(data.previousSearch).toContain("page=2");
  });

  test("a score out of range is named on the page, and the API answers 400 saying what it must be", async () => {
    const page = await run(ratings.loader, getRequest("/ratings?minScore=150"));
    expect((page.data as { invalid: string[] }).invalid).toEqual(["minScore"]);
    await resetApiRateLimit();
    const response = (await apiList.loader({
      request: getRequest("/api/v1/enterprises?minScore=150"),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; invalid: string[] } };
    expect(body.error.invalid).toEqual(["minScore"]);
    expect(body.error.message).toContain("minScore must be a number from 0 to 100");
  });

  test("comparing five keeps the first four and names the one left out", async () => {
    const slugs = await ratedSlugs(5);
    const result = await run(compare.loader, getRequest(`/compare?${slugs.map((s) => `e=${s}`).join("&")}`));
    const data = result.data as { enterprises: { slug: string }[]; leftOut: string[]; asked: number };
    expect(data.enterprises.map((e) => e.slug)).toEqual(slugs.slice(0, 4));
    const fifth = await prisma.enterprise.findUniqueOrThrow({ where: { slug: slugs[4]! }, select: { name: true } });
    expect(data.leftOut).toEqual([fifth.name]);
  });
});

describe("shortlists", () => {
  test("adds to the shortlist chosen, shows which lists hold an enterprise, removes from one, renames and deletes", async () => {
    const funder = await createTestUser({ roles: ["funder"] });
    const [a, b] = await ratedSlugs(2);
    // The first addition makes the default list, shown in the reader's language.
    const first = await run(
      shortlists.action,
      formRequest("/shortlists", { intent: "add", enterprise: a!, redirectTo: "/ratings" }, funder.cookie),
    );
    expect(first.location).toBe("/ratings");
    const [mine] = await prisma.shortlist.findMany({ where: { userId: funder.id }, select: { id: true } });
    const listed = await run(ratings.loader, getRequest("/ratings", funder.cookie));
    expect((listed.data as { held: Record<string, { name: string }[]> }).held[a!]).toEqual([{ id: mine!.id, name: "My shortlist" }]);
    // "New shortlist…" asks for a name, then makes it with the enterprise in it.
    const asked = await run(
      shortlists.action,
      formRequest("/shortlists", { intent: "add", enterprise: b!, shortlist: "new", redirectTo: "/ratings" }, funder.cookie),
    );
    expect(asked.location).toMatch(/^\/shortlists\/new\?enterprise=/);
    const bad = await run(shortlistNew.action, formRequest("/shortlists/new", { enterprise: b!, name: "  " }, funder.cookie));
    expect(bad.status).toBe(400);
    const made = await run(
      shortlistNew.action,
      formRequest("/shortlists/new", { enterprise: b!, name: "Almaty visit", redirectTo: "/ratings" }, funder.cookie),
    );
    expect(made.location).toBe("/ratings");
    const second = await prisma.shortlist.findFirstOrThrow({ where: { userId: funder.id, name: "Almaty visit" }, select: { id: true } });
    // And a choice of list from the button fills the second list.
    await run(shortlists.action, formRequest("/shortlists", { intent: "add", enterprise: a!, shortlist: second.id }, funder.cookie));
    const entries = await prisma.shortlistEntry.findMany({
      where: { shortlistId: second.id },
      select: { enterprise: { select: { slug: true } } },
    });
    expect(entries.map((e) => e.enterprise.slug).sort()).toEqual([a!, b!].sort());
    const removed = await run(
      shortlists.action,
      formRequest("/shortlists", { intent: "remove", enterprise: a!, shortlist: mine!.id, redirectTo: "/ratings" }, funder.cookie),
    );
    expect(removed.notice?.message).toBe("shortlists.removed");
    expect(await prisma.shortlistEntry.count({ where: { shortlistId: mine!.id } })).toBe(0);
    // The list of shortlists: oldest first, each with how many enterprises it holds; nobody else's.
    const other = await createTestUser({ roles: ["funder"] });
    const listsOf = async (cookie: string) =>
      ((await run(shortlists.loader, getRequest("/shortlists", cookie))).data as { shortlists: { id: string; entries: number }[] })
        .shortlists;
    expect((await listsOf(funder.cookie)).map(({ id, entries }) => ({ id, entries }))).toEqual([
      { id: mine!.id, entries: 0 },
      { id: second.id, entries: 2 },
    ]);
    expect(await listsOf(other.cookie)).toEqual([]);
    // Someone else cannot touch them.
    expect(
      (await run(shortlistPage.action, formRequest(`/shortlists/${second.id}`, { intent: "delete" }, other.cookie), { id: second.id }))
        .status,
    ).toBe(404);
    expect(
      (await run(shortlists.action, formRequest("/shortlists", { intent: "remove", enterprise: b!, shortlist: second.id }, other.cookie)))
        .status,
    ).toBe(404);
    const renamed = await run(
      shortlistPage.action,
      formRequest(`/shortlists/${second.id}`, { intent: "rename", name: "Bishkek visit" }, funder.cookie),
      { id: second.id },
    );
    expect(renamed.notice?.message).toBe("shortlists.renamed");
    expect((await prisma.shortlist.findUniqueOrThrow({ where: { id: second.id } })).name).toBe("Bishkek visit");
    expect(
      (
        await run(shortlistPage.action, formRequest(`/shortlists/${second.id}`, { intent: "rename", name: "" }, funder.cookie), {
          id: second.id,
        })
      ).status,
    ).toBe(400);
    const deleted = await run(shortlistPage.action, formRequest(`/shortlists/${second.id}`, { intent: "delete" }, funder.cookie), {
      id: second.id,
    });
    expect(deleted.location).toBe("/shortlists");
    expect(await prisma.shortlist.count({ where: { id: second.id } })).toBe(0);
  });

  test("the default list's name is in the reader's language", async () => {
    const funder = await createTestUser({ roles: ["funder"], language: "ru" });
    const [a] = await ratedSlugs(1);
    await run(shortlists.action, formRequest("/shortlists", { intent: "add", enterprise: a! }, funder.cookie));
    const page = await run(shortlists.loader, getRequest("/shortlists", funder.cookie));
    expect(JSON.stringify(page.data)).toContain("My shortlist"); // stored as the default
    const [list] = await prisma.shortlist.findMany({ where: { userId: funder.id }, select: { id: true } });
    const one = await run(shortlistPage.loader, getRequest(`/shortlists/${list!.id}`, funder.cookie), { id: list!.id });
    expect((one.data as { shortlist: { name: string } }).shortlist.name).toBe("Моё избранное");
  });

  test("exports names in the reader's language and the scores: overall, each dimension, tier and trust label", async () => {
    const funder = await createTestUser({ roles: ["funder"], language: "ru" });
    const [a, b] = await ratedSlugs(2);
    for (const slug of [a!, b!])
      await run(shortlists.action, formRequest("/shortlists", { intent: "add", enterprise: slug }, funder.cookie));
    const [list] = await prisma.shortlist.findMany({ where: { userId: funder.id }, select: { id: true } });
    const facts = await prisma.ratingFact.findFirstOrThrow({
      where: { isCurrent: true, enterpriseId: (await prisma.enterprise.findUniqueOrThrow({ where: { slug: a! } })).id },
      select: { overall: true, socialImpact: true, environment: true, country: true, sector: true },
    });
    const xlsx = await rows(
      (await shortlistExport.loader({
        request: getRequest(`/shortlists/${list!.id}/export?format=xlsx`, funder.cookie),
        params: { id: list!.id },
        context: {},
      })) as Response,
    );
    const header = xlsx[0]!;
    expect(header).toEqual(expect.arrayContaining(["Предприятие", "Страна", "Регион", "Отрасль", "Уровень"]));
    expect(header.length).toBeGreaterThanOrEqual(14);
    const row = xlsx.find((r) => r.includes(facts.overall))!;
    expect(row).toBeDefined();
    expect(row).toContain(facts.socialImpact);
    expect(row).toContain(facts.environment);
    expect(row).not.toContain(facts.country);
    expect(row).not.toContain(facts.sector);
    const response = (await shortlistExport.loader({
      request: getRequest(`/shortlists/${list!.id}/export`, funder.cookie),
      params: { id: list!.id },
      context: {},
    })) as Response;
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFПредприятие;Страна;Регион;/);
    expect(csv).toContain(String(facts.overall).replace(".", ","));
  });
});

describe("the shortlist export and the national registers", () => {
  test("has the identification number as text (leading zeros kept) and since when the register lists the enterprise, as the ratings export does", async () => {
    const funder = await createTestUser({ roles: ["funder"] });
    // Demo data: a Tajik enterprise whose INN starts with 0 and is in the imported register of Tajikistan;
    // an individual entrepreneur in Kazakhstan, whose number (personal) its public page does not show.
    const tajik = await prisma.enterprise.findFirstOrThrow({ where: { taxId: "020117345" }, select: { slug: true } });
    const soleProprietor = await prisma.enterprise.findFirstOrThrow({
      where: { taxId: "191140021174", legalForm: "sole_proprietor" },
      select: { slug: true },
    });
    for (const slug of [tajik.slug, soleProprietor.slug])
      await run(shortlists.action, formRequest("/shortlists", { intent: "add", enterprise: slug }, funder.cookie));
    const [list] = await prisma.shortlist.findMany({ where: { userId: funder.id }, select: { id: true } });
    const exported = (format: string) =>
      shortlistExport.loader({
        request: getRequest(`/shortlists/${list!.id}/export${format}`, funder.cookie),
        params: { id: list!.id },
        context: {},
      }) as Promise<Response>;

    const xlsx = await rows(await exported("?format=xlsx"));
    const taxId = xlsx[0]!.indexOf("Tax or business identification number");
    const since = xlsx[0]!.indexOf("In the national register since");
    expect(taxId).toBeGreaterThan(0);
    expect(since).toBeGreaterThan(0);
    const url = xlsx[0]!.indexOf("URL");
    const tajikRow = xlsx.find((r) => String(r[url]).endsWith(`/enterprises/${tajik.slug}`))!;
    expect(tajikRow[taxId]).toBe("020117345");
    expect(tajikRow[since]).toBe("2025-06-20");
    const soleRow = xlsx.find((r) => String(r[url]).endsWith(`/enterprises/${soleProprietor.slug}`))!;
    expect(soleRow[taxId]).toBeNull();
    expect(soleRow[since]).toBe("2023-11-02");

    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await (await exported("")).arrayBuffer());
    expect(text.split("\r\n")[0]).toContain("Tax or business identification number,In the national register since");
    expect(text).toContain(",020117345,2025-06-20,");
  });

  test("the ratings export names the register filter when its value is not understood", async () => {
    const response = (await ratingsExport.loader({
      request: getRequest("/ratings/export?registered=maybe"),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("“National register” has a value that is not understood");
    const page = await run(ratings.loader, getRequest("/ratings?registered=maybe"));
    expect((page.data as { invalid: string[] }).invalid).toEqual(["registered"]);
  });
});

describe("the sector export", () => {
  test("a malformed period is a 400 naming it, not the figures of another selection", async () => {
    const bad = (await sectorExport.loader({
      request: getRequest("/sector/export/overview?period=2026-Q9"),
      params: { table: "overview" },
      context: {},
    })) as Response;
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("“Period” must be a year (2026) or a quarter (2026-Q3)");
  });

  test("each table is also a spreadsheet, headed in the reader's language", async () => {
    const response = (await sectorExport.loader({
      request: inRussian("/sector/export/dimensions?format=xlsx"),
      params: { table: "dimensions" },
      context: {},
    })) as Response;
    const data = await rows(response);
    expect(data[0]).toEqual(["Измерение", "Среднее", "Медиана"]);
    expect(data.length).toBe(7);
  });
});
