import { beforeAll, describe, expect, test } from "vitest";
import type { ScoreResult } from "../../scoring";
import { getSectorSummary, MIN_GROUP, type SectorFilters } from "~/models/sector.server";
import * as sector from "~/routes/sector";
import * as sectorExport from "~/routes/sector_.export.$table";
import { prisma } from "~/utils/db.server";
import { sizeBand } from "~/utils/reference-data";
import { parseSectorFilters } from "~/utils/sector-filters";
import { seedIfEmpty } from "../../prisma/seed";
import { createTestUser, getRequest, run } from "../helpers/routes";

beforeAll(async () => {
  await seedIfEmpty(prisma);
});

/** The plain way: load every published rating and compute each figure in JavaScript. */
async function expected(filters: SectorFilters) {
  const enterprises = await prisma.enterprise.findMany({
    where: { status: "published" },
    select: { id: true, country: true, region: true, sector: true, employees: true, womenLed: true, youthLed: true, sdgs: true, assessments: { select: { published: true, status: true, result: true, submittedAt: true, answers: true } } },
  });
  const match = (e: (typeof enterprises)[number]) =>
    (!filters.country || e.country === filters.country) &&
    (!filters.region || e.region === filters.region) &&
    (!filters.sector || e.sector === filters.sector) &&
    (!filters.size || sizeBand(e.employees) === filters.size);
  const rated = enterprises.filter(match).flatMap((e) => {
    const current = e.assessments.find((a) => a.published && a.status === "submitted");
    return current ? [{ e, result: current.result as unknown as ScoreResult, answers: current.answers as Record<string, unknown> }] : [];
  });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const tiers: Record<string, number> = {};
  for (const r of rated) tiers[r.result.tier] = (tiers[r.result.tier] ?? 0) + 1;
  const sdgs: Record<number, number> = {};
  for (const r of rated) for (const g of r.e.sdgs) sdgs[g] = (sdgs[g] ?? 0) + 1;
  const dims = rated[0]?.result.dimensions.map((d) => d.id) ?? [];
  return {
    enterprises: enterprises.filter(match).length,
    rated: rated.length,
    overall: { mean: r2(mean(rated.map((r) => r.result.overall))), median: r2(median(rated.map((r) => r.result.overall))) },
    dimensions: dims.map((id) => {
      const xs = rated.map((r) => r.result.dimensions.find((d) => d.id === id)!.score);
      return { id, mean: r2(mean(xs)), median: r2(median(xs)) };
    }),
    tiers,
    jobs: rated.reduce((s, r) => s + r.e.employees, 0),
    beneficiaries: rated.reduce((s, r) => s + (typeof r.answers.si_beneficiaries === "number" ? Math.round(r.answers.si_beneficiaries) : 0), 0),
    shares: {
      womenLed: r2(mean(rated.map((r) => (r.e.womenLed ? 1 : 0)))),
      youthLed: r2(mean(rated.map((r) => (r.e.youthLed ? 1 : 0)))),
      eligible: r2(mean(rated.map((r) => (r.result.eligible ? 1 : 0)))),
    },
    sdgs,
  };
}

describe("sector summaries", () => {
  test.each<[string, SectorFilters]>([
    ["the whole region", {}],
    ["one country", { country: "KZ" }],
    ["one size band", { size: "micro" }],
  ])("match a straightforward computation over the seeded data for %s", async (_name, filters) => {
    const summary = await getSectorSummary(filters);
    const plain = await expected(filters);
    expect(summary.enterprises).toBe(plain.enterprises);
    expect(summary.rated).toBe(plain.rated);
    expect(plain.rated).toBeGreaterThanOrEqual(MIN_GROUP);
    expect(summary.overall).toEqual(plain.overall);
    expect(summary.dimensions).toEqual(plain.dimensions);
    expect(Object.fromEntries(summary.tiers.map((t) => [t.tier, t.count]))).toEqual(plain.tiers);
    expect(summary.jobs).toBe(plain.jobs);
    expect(summary.beneficiaries).toBe(plain.beneficiaries);
    expect(summary.shares).toEqual(plain.shares);
    expect(Object.fromEntries(summary.sdgs.map((s) => [s.goal, s.count]))).toEqual(plain.sdgs);
    const weakest = [...summary.dimensions].sort((a, b) => a.mean - b.mean).slice(0, 3).map((d) => d.id);
    expect(summary.weakest).toEqual(weakest);
  });

  test("show nothing for a group of fewer than 5 rated enterprises, in the page and in the export", async () => {
    const rows = await prisma.ratingFact.groupBy({ by: ["country", "sector"], where: { isCurrent: true }, _count: { _all: true } });
    const small = rows.find((r) => r._count._all > 0 && r._count._all < MIN_GROUP)!;
    expect(small).toBeDefined();
    const summary = await getSectorSummary({ country: small.country, sector: small.sector });
    expect(summary.suppressed).toBe(true);
    expect(summary.overall).toBeNull();
    expect(summary.dimensions).toEqual([]);
    expect(summary.byCountry.every((c) => c.rated === null && c.mean === null)).toBe(true);
    expect(summary.trend.every((q) => q.rated === null || q.rated >= MIN_GROUP)).toBe(true);
    const response = await sectorExport.loader({ request: getRequest(`/sector/export/dimensions?country=${small.country}&sector=${small.sector}`), params: { table: "dimensions" }, context: {} });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("too few to show");
    expect(text).not.toMatch(/\d+\.\d+/);
  });

  test("exports every table as CSV with a header row; an unknown table is a 404", async () => {
    for (const table of ["overview", "tiers", "dimensions", "sdgs", "trend", "countries"]) {
      const response = await sectorExport.loader({ request: getRequest(`/sector/export/${table}`), params: { table }, context: {} });
      expect(response.headers.get("Content-Type")).toContain("text/csv");
      const lines = (await response.text()).replace("\uFEFF", "").trim().split("\r\n");
      expect(lines.length).toBeGreaterThan(1);
    }
    expect((await run(sectorExport.loader, getRequest("/sector/export/secrets"), { table: "secrets" })).status).toBe(404);
  });

  test("a malformed filter is ignored with a notice, never an error", async () => {
    const parsed = parseSectorFilters(new URLSearchParams("country=XX&sector=water'--&period=2026-Q9&size=huge&region=KZ-19"));
    expect(parsed).toMatchObject({ ignored: ["country", "region", "sector", "size", "period"] });
    const page = await run(sector.loader, getRequest("/sector?country=%00&period=abc"));
    expect(page.status).toBe(200);
    expect((page.data as { filters: { ignored: string[] } }).filters.ignored).toEqual(["country", "period"]);
  });

  test("a ministry official opens their own country by default", async () => {
    const ministry = await createTestUser({ roles: ["ministry"], country: "UZ" });
    const outcome = await run(sector.loader, getRequest("/sector", ministry.cookie));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/sector?country=UZ");
  });

  test("a rating leaves the summaries when its enterprise unpublishes the profile", async () => {
    const before = await getSectorSummary({});
    const fact = await prisma.ratingFact.findFirstOrThrow({ where: { isCurrent: true }, select: { enterpriseId: true } });
    const { setPublished } = await import("~/models/enterprise.server");
    await setPublished({ id: fact.enterpriseId, published: false });
    expect((await getSectorSummary({})).rated).toBe(before.rated - 1);
    await setPublished({ id: fact.enterpriseId, published: true });
    expect((await getSectorSummary({})).rated).toBe(before.rated);
  });
});
