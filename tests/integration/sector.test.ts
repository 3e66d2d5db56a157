import { beforeAll, describe, expect, test } from "vitest";
import type { ScoreResult } from "../../scoring";
import {
  getSectorSummary,
  MIN_GROUP,
  refreshRatingFacts,
  refreshSectorSummaries,
  refreshSectorSummariesOnce,
  SERVED_WHILE_REFRESHING,
  summaryKey,
  type SectorFilters,
} from "~/models/sector.server";
import * as sector from "~/routes/sector";
import * as sectorExport from "~/routes/sector_.export.$table";
import { prisma } from "~/utils/db.server";
import { SIZE_BAND_LIMITS, sizeBand, sizeBandSql } from "~/utils/reference-data";
import { parseSectorFilters } from "~/utils/sector-filters";
import { withheldGroups } from "~/utils/sector-disclosure";
import { trustLabel, verificationExpiresAt, verificationValidSince } from "~/utils/trust";
import { seedIfEmpty } from "../../prisma/seed";
import { createTestUser, getRequest, run } from "../helpers/routes";

beforeAll(async () => {
  await seedIfEmpty(prisma);
});

/** The plain way: load every published rating and compute each figure in JavaScript. */
async function expected(filters: SectorFilters) {
  const enterprises = await prisma.enterprise.findMany({
    where: { status: "published" },
    select: {
      id: true,
      country: true,
      region: true,
      sector: true,
      employees: true,
      womenLed: true,
      youthLed: true,
      sdgs: true,
      assessments: {
        select: {
          id: true,
          published: true,
          status: true,
          result: true,
          submittedAt: true,
          answers: true,
          verification: { select: { status: true, completedAt: true } },
        },
      },
    },
  });
  type Enterprise = (typeof enterprises)[number];
  type Rating = {
    e: Enterprise;
    id: string;
    current: boolean;
    submittedAt: Date;
    result: ScoreResult;
    answers: Record<string, unknown>;
    trust: string;
  };
  // Every submitted rating of an enterprise that has published one, newest first.
  const ratings = (e: Enterprise): Rating[] =>
    e.assessments.some((a) => a.published && a.status === "submitted")
      ? e.assessments
          .filter((a) => a.status === "submitted" && a.submittedAt)
          .map((a) => ({
            e,
            id: a.id,
            current: a.published,
            submittedAt: a.submittedAt!,
            result: a.result as unknown as ScoreResult,
            answers: a.answers as Record<string, unknown>,
            trust: trustLabel(a.verification?.status === "completed" ? a.verification.completedAt : null),
          }))
          .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || (b.id < a.id ? -1 : 1))
      : [];
  const quarterOf = (d: Date) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  /** The enterprises, the rated ones and (each quarter once per enterprise) the trend's ratings of a selection. */
  const select = (f: SectorFilters) => {
    const trusted = (r: Rating | undefined): r is Rating => Boolean(r) && (!f.trust || r!.trust === f.trust);
    const selected = enterprises.filter(
      (e) =>
        (!f.country || e.country === f.country) &&
        (!f.region || e.region === f.region) &&
        (!f.sector || e.sector === f.sector) &&
        (!f.size || sizeBand(e.employees) === f.size),
    );
    const rated = selected
      .map((e) =>
        f.period
          ? ratings(e).find((r) => r.submittedAt >= f.period!.from && r.submittedAt < f.period!.to)
          : ratings(e).find((r) => r.current),
      )
      .filter(trusted);
    const trendSet = selected
      .flatMap((e) => {
        const seen = new Set<string>();
        return ratings(e).filter((r) => !seen.has(quarterOf(r.submittedAt)) && seen.add(quarterOf(r.submittedAt)));
      })
      .filter(trusted);
    return { selected, rated, trendSet };
  };
  // Each one filter wider: a page of its own, whose difference from this one must not describe a few.
  const wider = (
    [
      ...(filters.region
        ? [
            { ...filters, region: undefined },
            { ...filters, country: undefined, region: undefined },
          ]
        : filters.country
          ? [{ ...filters, country: undefined }]
          : []),
      ...(["sector", "size", "trust"] as const).filter((k) => filters[k]).map((k) => ({ ...filters, [k]: undefined })),
    ] as SectorFilters[]
  ).map(select);
  const { selected, rated, trendSet } = select(filters);
  const suppressedBecause =
    rated.length < MIN_GROUP
      ? "too_few"
      : wider.some((w) => w.rated.length - rated.length > 0 && w.rated.length - rated.length < MIN_GROUP)
        ? "small_remainder"
        : null;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const count = <K extends string | number>(keys: K[]) => {
    const counts = {} as Record<K, number>;
    for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
    return counts;
  };
  const groups = (key: (r: Rating) => string, rows: Rating[], widerRows: Rating[][], { partsOfTotal }: { partsOfTotal: boolean }) => {
    const byKey = new Map<string, Rating[]>();
    for (const r of rows) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
    const entries = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const withheld = partsOfTotal ? withheldGroups(entries.map(([, rs]) => rs.length)) : new Set<number>();
    return entries.map(([k, rs], i) => {
      const remainders = widerRows.map((w) => w.filter((r) => key(r) === k).length - rs.length);
      const shown =
        rs.length >= MIN_GROUP &&
        !withheld.has(i) &&
        !remainders.some((d) => d > 0 && d < MIN_GROUP) &&
        !(partsOfTotal && suppressedBecause);
      return shown ? { key: k, rated: rs.length, mean: r2(mean(rs.map((r) => r.result.overall))) } : { key: k, rated: null, mean: null };
    });
  };
  // Each quarter: every enterprise once, with its latest rating made in that quarter.
  const trend = groups(
    (r) => quarterOf(r.submittedAt),
    trendSet,
    wider.map((w) => w.trendSet),
    { partsOfTotal: false },
  ).map(({ key, ...figures }) => ({ quarter: key, ...figures }));
  const byCountry = groups(
    (r) => r.e.country,
    rated,
    wider.map((w) => w.rated),
    { partsOfTotal: true },
  );
  const byRegion = filters.country
    ? groups(
        (r) => r.e.region,
        rated,
        wider.map((w) => w.rated),
        { partsOfTotal: true },
      )
    : [];
  const dims = rated[0]?.result.dimensions.map((d) => d.id) ?? [];
  return {
    enterprises: selected.length,
    rated: rated.length,
    overall: { mean: r2(mean(rated.map((r) => r.result.overall))), median: r2(median(rated.map((r) => r.result.overall))) },
    dimensions: dims.map((id) => {
      const xs = rated.map((r) => r.result.dimensions.find((d) => d.id === id)!.score);
      return { id, mean: r2(mean(xs)), median: r2(median(xs)) };
    }),
    tiers: count(rated.map((r) => r.result.tier)),
    trust: count(rated.map((r) => r.trust)),
    jobs: rated.reduce((s, r) => s + r.e.employees, 0),
    beneficiaries: rated.reduce(
      (s, r) => s + (typeof r.answers.si_beneficiaries === "number" ? Math.round(r.answers.si_beneficiaries) : 0),
      0,
    ),
    beneficiaryParts: (() => {
      // Asked from methodology v2 on, and only of enterprises with at least one beneficiary.
      const parts = ["si_beneficiaries_women", "si_beneficiaries_disability", "si_beneficiaries_vulnerable"] as const;
      const asked = rated.filter(
        (r) =>
          typeof r.answers.si_beneficiaries === "number" &&
          r.answers.si_beneficiaries >= 1 &&
          parts.some((p) => typeof r.answers[p] === "number"),
      );
      const total = (p: (typeof parts)[number]) =>
        asked.reduce((s, r) => s + (typeof r.answers[p] === "number" ? Math.round(r.answers[p] as number) : 0), 0);
      const shown = asked.length >= MIN_GROUP;
      return {
        reportedBy: asked.length,
        women: shown ? total("si_beneficiaries_women") : null,
        disability: shown ? total("si_beneficiaries_disability") : null,
        vulnerable: shown ? total("si_beneficiaries_vulnerable") : null,
      };
    })(),
    shares: {
      womenLed: r2(mean(rated.map((r) => (r.e.womenLed ? 1 : 0)))),
      youthLed: r2(mean(rated.map((r) => (r.e.youthLed ? 1 : 0)))),
      eligible: r2(mean(rated.map((r) => (r.result.eligible ? 1 : 0)))),
    },
    sdgs: count(rated.flatMap((r) => r.e.sdgs)),
    suppressedBecause,
    trend,
    byCountry,
    byRegion,
  };
}

/**
 * Means and medians to the cent: the database adds in another order than JavaScript, so a
 * figure ending in exactly half a cent may round either way; anything further off fails.
 */
function toTheCent<T>(value: T): T {
  if (Array.isArray(value)) return value.map(toTheCent) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        (k === "mean" || k === "median") && typeof v === "number" ? expect.closeTo(v, 1.5) : toTheCent(v),
      ]),
    ) as T;
  }
  return value;
}

/** The year and the quarter in which the most demo ratings were made. */
async function busiestPeriods() {
  const dates = (
    await prisma.assessment.findMany({ where: { status: "submitted", submittedAt: { not: null } }, select: { submittedAt: true } })
  ).map((a) => a.submittedAt!);
  const busiest = (label: (d: Date) => string) => {
    const counts = new Map<string, number>();
    for (const d of dates) counts.set(label(d), (counts.get(label(d)) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const period = (label: string) => parseSectorFilters(new URLSearchParams({ period: label })).period!;
  return {
    year: period(busiest((d) => String(d.getUTCFullYear()))),
    quarter: period(busiest((d) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`)),
  };
}

describe("sector summaries", () => {
  test.each<[string, SectorFilters | "year" | "quarter"]>([
    ["the whole region", {}],
    ["one country", { country: "KZ" }],
    ["one size band", { size: "micro" }],
    ["self-assessed ratings only", { trust: "self_assessed" }],
    ["the busiest year", "year"],
    ["the busiest quarter", "quarter"],
  ])("match a straightforward computation over the seeded data for %s", async (_name, selection) => {
    const filters = typeof selection === "string" ? { period: (await busiestPeriods())[selection] } : selection;
    const summary = await getSectorSummary(filters);
    const plain = await expected(filters);
    expect(summary.enterprises).toBe(plain.enterprises);
    expect(summary.rated).toBe(plain.rated);
    expect(summary.suppressedBecause).toBe(plain.suppressedBecause);
    expect(plain.suppressedBecause).toBeNull();
    expect(summary.overall).toEqual(toTheCent(plain.overall));
    expect(summary.dimensions).toEqual(toTheCent(plain.dimensions));
    expect(Object.fromEntries(summary.tiers.map((t) => [t.tier, t.count]))).toEqual(plain.tiers);
    expect(Object.fromEntries(summary.trust.filter((t) => t.count > 0).map((t) => [t.label, t.count]))).toEqual(plain.trust);
    expect(summary.jobs).toBe(plain.jobs);
    expect(summary.beneficiaries).toBe(plain.beneficiaries);
    expect(summary.beneficiaryParts).toEqual(plain.beneficiaryParts);
    expect(summary.shares).toEqual(plain.shares);
    expect(Object.fromEntries(summary.sdgs.map((s) => [s.goal, s.count]))).toEqual(plain.sdgs);
    expect(summary.trend).toEqual(toTheCent(plain.trend));
    expect(summary.byCountry).toEqual(toTheCent(plain.byCountry));
    expect(summary.byRegion).toEqual(toTheCent(plain.byRegion));
    const weakest = [...summary.dimensions]
      .sort((a, b) => a.mean - b.mean)
      .slice(0, 3)
      .map((d) => d.id);
    expect(summary.weakest).toEqual(weakest);
  });

  test("a size band is the same in the database as in TypeScript, at every band's edges", async () => {
    const employees = [0, ...SIZE_BAND_LIMITS.flatMap(({ below }) => (below === null ? [] : [below - 1, below])), 100_000];
    const rows = await prisma.$queryRawUnsafe<{ employees: number; band: string }[]>(
      `SELECT n AS employees, ${sizeBandSql("n")} AS band FROM unnest($1::int[]) AS n`,
      employees,
    );
    expect(rows.map((row) => [row.employees, row.band])).toEqual(employees.map((n) => [n, sizeBand(n)]));
    expect(employees.map(sizeBand)).toEqual(["none", "none", "micro", "micro", "small", "small", "medium", "medium", "large", "large"]);
  });

  test("counts who the beneficiaries are, from the ratings that were asked", async () => {
    const { beneficiaryParts, beneficiaries } = await getSectorSummary({});
    expect(beneficiaryParts!.reportedBy).toBeGreaterThanOrEqual(MIN_GROUP);
    for (const part of [beneficiaryParts!.women, beneficiaryParts!.disability, beneficiaryParts!.vulnerable]) {
      expect(part).toBeGreaterThan(0);
      expect(part).toBeLessThanOrEqual(beneficiaries!);
    }
  });

  test("the figures of a quarter in the trend are those of the dashboard for that quarter", async () => {
    const { quarter } = await busiestPeriods();
    const point = (await getSectorSummary({})).trend.find((q) => q.quarter === quarter.label)!;
    const alone = await getSectorSummary({ period: quarter });
    expect(point).toEqual({ quarter: quarter.label, rated: alone.rated, mean: alone.overall!.mean });
  });

  test("the figures are kept in the database and computed again when a rating changes", async () => {
    const filters = { country: "KZ" };
    const before = await getSectorSummary(filters);
    const stored = await prisma.sectorSummary.findUniqueOrThrow({ where: { key: summaryKey(filters) } });
    expect(stored.summary).toEqual(before);
    // A change made behind the rating model's back is not seen: the stored figures are served.
    const fact = await prisma.ratingFact.findFirstOrThrow({
      where: { isCurrent: true, country: "KZ" },
      select: { assessmentId: true, enterpriseId: true },
    });
    await prisma.ratingFact.update({ where: { assessmentId: fact.assessmentId }, data: { isCurrent: false } });
    expect(await getSectorSummary(filters)).toEqual(before);
    // Once the data version is raised (any process, any app server), they are computed again.
    await prisma.sectorDataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
    expect((await getSectorSummary(filters)).rated).toBe(before.rated - 1);
    // Rebuilding the enterprise's facts, as every rating or profile change does, raises it too.
    await refreshRatingFacts(fact.enterpriseId);
    expect(await getSectorSummary(filters)).toEqual(before);
  });

  test("a large selection is served as it was for a short while after a change, a small one never", async () => {
    const real = await getSectorSummary({});
    // Make the stored whole region look like a large selection, then change a rating.
    const large = { ...real, rated: SERVED_WHILE_REFRESHING.minRated };
    await prisma.sectorSummary.update({ where: { key: summaryKey({}) }, data: { summary: JSON.parse(JSON.stringify(large)) as object } });
    await prisma.sectorDataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
    expect(await getSectorSummary({})).toEqual(large);
    // Past the grace period it is computed again, whether or not a background refresh ran.
    await prisma.sectorSummary.update({
      where: { key: summaryKey({}) },
      data: { computedAt: new Date(Date.now() - SERVED_WHILE_REFRESHING.maxAgeMs - 1000) },
    });
    expect(await getSectorSummary({})).toEqual(real);
    // Below the size, an out-of-date selection is computed at once (see the test above).
    expect(real.rated).toBeLessThan(SERVED_WHILE_REFRESHING.minRated);
  });

  test("stored figures are computed again when a verification counted in them expires", async () => {
    const filters = { trust: "verified" };
    const summary = await getSectorSummary(filters);
    const verified = await prisma.ratingFact.findMany({
      where: { OR: [{ isCurrent: true }, { latestInQuarter: true }], verifiedAt: { gt: verificationValidSince() } },
      select: { assessmentId: true, verifiedAt: true },
      orderBy: { verifiedAt: "asc" },
    });
    const first = verified[0]!;
    const stored = await prisma.sectorSummary.findUniqueOrThrow({ where: { key: summaryKey(filters) } });
    expect(stored.validUntil).toEqual(verificationExpiresAt(first.verifiedAt!));
    // Time passes: the first verification expires. Until the stored figures' time is up they are served...
    await prisma.ratingFact.update({ where: { assessmentId: first.assessmentId }, data: { verifiedAt: verificationValidSince() } });
    expect(await getSectorSummary(filters)).toEqual(summary);
    // ...then computed again, without the expired rating.
    await prisma.sectorSummary.update({ where: { key: summaryKey(filters) }, data: { validUntil: new Date(Date.now() - 1000) } });
    expect((await getSectorSummary(filters)).rated).toBe(summary.rated - 1);
    await prisma.ratingFact.update({ where: { assessmentId: first.assessmentId }, data: { verifiedAt: first.verifiedAt } });
    await prisma.sectorDataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
    expect(await getSectorSummary(filters)).toEqual(summary);
  });

  test("the background refresh computes again what people read, and forgets what nobody read for a month", async () => {
    await getSectorSummary({ country: "KG" });
    await getSectorSummary({ country: "TJ" });
    await prisma.sectorSummary.update({
      where: { key: summaryKey({ country: "TJ" }) },
      data: { viewedAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    const { version } = await prisma.sectorDataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
    expect(await refreshSectorSummaries()).toBeGreaterThanOrEqual(1);
    const kept = await prisma.sectorSummary.findUniqueOrThrow({ where: { key: summaryKey({ country: "KG" }) } });
    expect(kept.version).toBe(version);
    expect(await prisma.sectorSummary.findUnique({ where: { key: summaryKey({ country: "TJ" }) } })).toBeNull();
    expect(await refreshSectorSummaries()).toBe(0);
  });

  test("with several app servers, one refreshes the stored figures at a time: the others skip the refresh while it runs", async () => {
    await getSectorSummary({ country: "UZ" });
    await prisma.sectorDataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
    const stale = () => prisma.sectorSummary.findUniqueOrThrow({ where: { key: summaryKey({ country: "UZ" }) } });
    const before = (await stale()).computedAt;
    // Another server is refreshing: it holds the lock until its transaction ends.
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sector-summaries:refresh'))`;
      expect(await refreshSectorSummariesOnce()).toBe(false);
    });
    expect((await stale()).computedAt).toEqual(before);
    expect(await refreshSectorSummariesOnce()).toBe(true);
    expect((await stale()).computedAt.getTime()).toBeGreaterThan(before.getTime());
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
    const response = await sectorExport.loader({
      request: getRequest(`/sector/export/dimensions?country=${small.country}&sector=${small.sector}`),
      params: { table: "dimensions" },
      context: {},
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("too few to show");
    expect(text).not.toMatch(/\d+\.\d+/);
  });

  test("a selection is not shown when a wider one differs from it by only a few enterprises", async () => {
    const [largest] = await prisma.ratingFact.groupBy({
      by: ["country"],
      where: { isCurrent: true },
      _count: { _all: true },
      orderBy: { _count: { assessmentId: "desc" } },
      take: 1,
    });
    const country = largest!.country;
    const current = await prisma.ratingFact.findMany({
      where: { isCurrent: true, country },
      select: { enterpriseId: true },
      orderBy: { enterpriseId: "asc" },
    });
    expect(current.length).toBeGreaterThanOrEqual(MIN_GROUP + 2);
    // All but two of the country's rated enterprises work in education.
    const moved = current.slice(2).map((f) => f.enterpriseId);
    await prisma.ratingFact.updateMany({ where: { enterpriseId: { in: moved } }, data: { sector: "education" } });
    await prisma.ratingFact.updateMany({
      where: { enterpriseId: { in: current.slice(0, 2).map((f) => f.enterpriseId) } },
      data: { sector: "tourism_culture" },
    });
    await prisma.sectorDataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
    try {
      const whole = await getSectorSummary({ country });
      expect(whole.suppressed).toBe(false);
      // The country's education figures minus the country's would describe the other two.
      const narrow = await getSectorSummary({ country, sector: "education" });
      expect(narrow).toMatchObject({
        rated: moved.length,
        suppressed: true,
        suppressedBecause: "small_remainder",
        overall: null,
        dimensions: [],
      });
      expect(narrow.byRegion.every((r) => r.rated === null)).toBe(true);
      // So would the country's row of the education breakdown, next to the same row of the whole region.
      const education = await getSectorSummary({ sector: "education" });
      expect(education.byCountry.find((c) => c.key === country)).toEqual({ key: country, rated: null, mean: null });
      const response = await sectorExport.loader({
        request: getRequest(`/sector/export/overview?country=${country}&sector=education`),
        params: { table: "overview" },
        context: {},
      });
      const text = await response.text();
      expect(text).toContain("too few to show");
      expect(text).not.toMatch(/\d+\.\d+/);
      const page = await run(sector.loader, getRequest(`/sector?country=${country}&sector=education`));
      expect((page.data as { summary: { suppressedBecause: string } }).summary.suppressedBecause).toBe("small_remainder");
    } finally {
      for (const { enterpriseId } of current) await refreshRatingFacts(enterpriseId);
    }
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
