import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { ParsedSectorFilters } from "~/utils/sector-filters";
import { TRUST_LABELS, VERIFICATION_VALID_MONTHS } from "~/utils/trust";

/** No figure is shown for fewer rated enterprises than this, so no single enterprise can be singled out. */
export const MIN_GROUP = 5;

const DIMENSION_COLUMNS = {
  social_impact: "socialImpact",
  economic_sustainability: "economic",
  governance_transparency: "governance",
  inclusion: "inclusion",
  ecosystem_partnership: "ecosystem",
  environment_climate: "environment",
} as const;
export const DIMENSIONS = Object.keys(DIMENSION_COLUMNS) as (keyof typeof DIMENSION_COLUMNS)[];

type Db = Prisma.TransactionClient | typeof prisma;

// The verifier's result when the assessment was verified, the self-assessed one otherwise.
const dimensionScore = (dimension: string) =>
  Prisma.sql`COALESCE((jsonb_path_query_first(COALESCE(v.result, a.result), ${`$.dimensions[*] ? (@.id == "${dimension}").score`}::jsonpath))::text::float, 0)`;

/**
 * Rebuilds the facts of one enterprise: every submitted assessment, when both its profile
 * and one of its ratings are published; nothing otherwise. Called whenever either changes.
 */
export async function refreshRatingFacts(enterpriseId: string, db: Db = prisma) {
  summaryCache.clear();
  await db.$executeRaw`DELETE FROM "RatingFact" WHERE "enterpriseId" = ${enterpriseId}`;
  await db.$executeRaw`
    INSERT INTO "RatingFact" ("assessmentId", "enterpriseId", "isCurrent", "submittedAt", country, region, sector, "sizeBand",
      employees, "womenLed", "youthLed", sdgs, eligible, tier, overall, "socialImpact", economic, governance, inclusion, ecosystem,
      environment, beneficiaries, "verifiedAt", "verifierOrganisation")
    SELECT a.id, e.id, a.published, a."submittedAt", e.country, e.region, e.sector,
      CASE WHEN e.employees <= 0 THEN 'none' WHEN e.employees < 10 THEN 'micro' WHEN e.employees < 50 THEN 'small'
           WHEN e.employees < 250 THEN 'medium' ELSE 'large' END,
      e.employees, e."womenLed", e."youthLed", e.sdgs, COALESCE(v.eligible, a.eligible, false), COALESCE(v.tier, a.tier, 'emerging'),
      COALESCE(v.overall, a.overall, 0),
      ${dimensionScore("social_impact")}, ${dimensionScore("economic_sustainability")}, ${dimensionScore("governance_transparency")},
      ${dimensionScore("inclusion")}, ${dimensionScore("ecosystem_partnership")}, ${dimensionScore("environment_climate")},
      CASE WHEN v."completedAt" IS NOT NULL AND v.decisions->'si_beneficiaries'->>'decision' = 'changed'
           THEN CASE WHEN jsonb_typeof(v.decisions->'si_beneficiaries'->'value') = 'number' THEN (v.decisions->'si_beneficiaries'->>'value')::float::int END
           WHEN jsonb_typeof(a.answers->'si_beneficiaries') = 'number' THEN (a.answers->>'si_beneficiaries')::float::int END,
      v."completedAt", v.organisation
    FROM "Assessment" a JOIN "Enterprise" e ON e.id = a."enterpriseId"
    LEFT JOIN "Verification" v ON v."assessmentId" = a.id AND v.status = 'completed'
    WHERE a."enterpriseId" = ${enterpriseId} AND a.status = 'submitted' AND a."submittedAt" IS NOT NULL
      AND e.status = 'published'
      AND EXISTS (SELECT 1 FROM "Assessment" p WHERE p."enterpriseId" = e.id AND p.published)`;
}

/** The trust label of a fact row, computed against the database's clock. */
export const trustSql = (alias: string) =>
  Prisma.raw(`CASE WHEN ${alias}."verifiedAt" IS NULL THEN 'self_assessed' WHEN ${alias}."verifiedAt" <= now() - interval '${VERIFICATION_VALID_MONTHS} months' THEN 'expired' ELSE 'verified' END`);

/** Fact rows with the trust label, as a condition on the stored verification date (index friendly). */
export function trustCondition(alias: string, label: string) {
  const column = Prisma.raw(`${alias}."verifiedAt"`);
  const limit = Prisma.raw(`now() - interval '${VERIFICATION_VALID_MONTHS} months'`);
  if (label === "self_assessed") return Prisma.sql`${column} IS NULL`;
  if (label === "verified") return Prisma.sql`${column} > ${limit}`;
  return Prisma.sql`${column} <= ${limit}`;
}

export async function refreshAllRatingFacts(db: Db = prisma) {
  const enterprises = await db.enterprise.findMany({ select: { id: true } });
  for (const { id } of enterprises) await refreshRatingFacts(id, db);
}

export type SectorFilters = Omit<ParsedSectorFilters, "ignored">;

function where(filters: SectorFilters) {
  const parts: Prisma.Sql[] = [];
  if (filters.country) parts.push(Prisma.sql`country = ${filters.country}`);
  if (filters.region) parts.push(Prisma.sql`region = ${filters.region}`);
  if (filters.sector) parts.push(Prisma.sql`sector = ${filters.sector}`);
  if (filters.size) parts.push(Prisma.sql`"sizeBand" = ${filters.size}`);
  if (filters.trust) parts.push(trustCondition(`"RatingFact"`, filters.trust));
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The rated enterprises of the selection: current ratings, or in a period the latest rating made in it. */
function baseSet(filters: SectorFilters) {
  if (filters.period) {
    return Prisma.sql`(SELECT DISTINCT ON ("enterpriseId") * FROM "RatingFact"
      WHERE ${where(filters)} AND "submittedAt" >= ${filters.period.from} AND "submittedAt" < ${filters.period.to}
      ORDER BY "enterpriseId", "submittedAt" DESC)`;
  }
  return Prisma.sql`(SELECT * FROM "RatingFact" WHERE "isCurrent" AND ${where(filters)})`;
}

export interface Stat {
  mean: number;
  median: number;
}

export interface SectorSummary {
  enterprises: number;
  rated: number;
  suppressed: boolean;
  tiers: { tier: string; count: number }[];
  trust: { label: string; count: number }[];
  overall: Stat | null;
  dimensions: { id: string; mean: number; median: number }[];
  jobs: number | null;
  beneficiaries: number | null;
  shares: { womenLed: number; youthLed: number; eligible: number } | null;
  sdgs: { goal: number; count: number }[];
  trend: { quarter: string; rated: number | null; mean: number | null }[];
  byCountry: { key: string; rated: number | null; mean: number | null }[];
  byRegion: { key: string; rated: number | null; mean: number | null }[];
  weakest: string[];
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

// Figures change only when ratings or profiles do: they are kept for a minute, and dropped at
// once when this process changes a rating (other processes see changes within the minute).
const SUMMARY_TTL_MS = 60_000;
const summaryCache = new Map<string, { at: number; summary: Promise<SectorSummary> }>();

/** Every figure of the dashboard for the filters (cached for a minute); see computeSectorSummary. */
export function getSectorSummary(filters: SectorFilters): Promise<SectorSummary> {
  const key = JSON.stringify([filters.country, filters.region, filters.sector, filters.size, filters.trust, filters.period?.label]);
  const cached = summaryCache.get(key);
  if (cached && Date.now() - cached.at < SUMMARY_TTL_MS) return cached.summary;
  if (summaryCache.size > 500) summaryCache.clear();
  const summary = computeSectorSummary(filters);
  summaryCache.set(key, { at: Date.now(), summary });
  summary.catch(() => summaryCache.delete(key));
  return summary;
}

/** Every figure of the dashboard, computed in the database. Groups under MIN_GROUP are suppressed. */
export async function computeSectorSummary(filters: SectorFilters): Promise<SectorSummary> {
  const base = baseSet(filters);
  const enterpriseWhere: Prisma.Sql[] = [Prisma.sql`status = 'published'`];
  if (filters.country) enterpriseWhere.push(Prisma.sql`country = ${filters.country}`);
  if (filters.region) enterpriseWhere.push(Prisma.sql`region = ${filters.region}`);
  if (filters.sector) enterpriseWhere.push(Prisma.sql`sector = ${filters.sector}`);
  if (filters.size) {
    const bounds: Record<string, [number, number]> = { none: [0, 0], micro: [1, 9], small: [10, 49], medium: [50, 249], large: [250, 2_000_000_000] };
    const [lo, hi] = bounds[filters.size] ?? [0, -1];
    enterpriseWhere.push(Prisma.sql`employees BETWEEN ${lo} AND ${hi}`);
  }

  const medians = DIMENSIONS.map((d) => Prisma.raw(`percentile_cont(0.5) WITHIN GROUP (ORDER BY "${DIMENSION_COLUMNS[d]}") AS "median_${d}", avg("${DIMENSION_COLUMNS[d]}") AS "mean_${d}"`));
  const [[totals], [enterprises], tiers, trust, sdgs, trend, byCountry, byRegion] = await Promise.all([
    prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT count(*) AS rated, avg(overall) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY overall) AS median,
        sum(employees) AS jobs, sum(beneficiaries) AS beneficiaries,
        avg("womenLed"::int) AS "womenLed", avg("youthLed"::int) AS "youthLed", avg(eligible::int) AS eligible,
        ${Prisma.join(medians, ", ")}
      FROM ${base} b`,
    prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "Enterprise" WHERE ${Prisma.join(enterpriseWhere, " AND ")}`,
    prisma.$queryRaw<{ tier: string; count: bigint }[]>`SELECT tier, count(*) AS count FROM ${base} b GROUP BY tier`,
    prisma.$queryRaw<{ label: string; count: bigint }[]>`SELECT ${trustSql("b")} AS label, count(*) AS count FROM ${base} b GROUP BY 1`,
    prisma.$queryRaw<{ goal: number; count: bigint }[]>`SELECT g AS goal, count(*) AS count FROM ${base} b, unnest(b.sdgs) g GROUP BY g ORDER BY g`,
    prisma.$queryRaw<{ quarter: Date; rated: bigint; mean: number }[]>`
      SELECT date_trunc('quarter', "submittedAt") AS quarter, count(DISTINCT "enterpriseId") AS rated, avg(overall) AS mean
      FROM "RatingFact" WHERE ${where(filters)} GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ key: string; rated: bigint; mean: number }[]>`SELECT country AS key, count(*) AS rated, avg(overall) AS mean FROM ${base} b GROUP BY country ORDER BY country`,
    filters.country
      ? prisma.$queryRaw<{ key: string; rated: bigint; mean: number }[]>`SELECT region AS key, count(*) AS rated, avg(overall) AS mean FROM ${base} b GROUP BY region ORDER BY region`
      : Promise.resolve([]),
  ]);

  const rated = num(totals!.rated);
  const suppressed = rated < MIN_GROUP;
  const round = (x: unknown) => Math.round(num(x) * 100) / 100;
  const group = (rows: { key: string; rated: bigint; mean: number }[]) =>
    rows.map((r) => {
      const shown = Number(r.rated) >= MIN_GROUP;
      return { key: r.key, rated: shown ? Number(r.rated) : null, mean: shown ? round(r.mean) : null };
    });
  const dimensions = DIMENSIONS.map((d) => ({ id: d, mean: round(totals![`mean_${d}`]), median: round(totals![`median_${d}`]) }));
  return {
    enterprises: Number(enterprises!.count),
    rated,
    suppressed,
    tiers: suppressed ? [] : tiers.map((t) => ({ tier: t.tier, count: Number(t.count) })),
    trust: suppressed ? [] : TRUST_LABELS.map((label) => ({ label, count: Number(trust.find((r) => r.label === label)?.count ?? 0) })),
    overall: suppressed ? null : { mean: round(totals!.mean), median: round(totals!.median) },
    dimensions: suppressed ? [] : dimensions,
    jobs: suppressed ? null : num(totals!.jobs),
    beneficiaries: suppressed ? null : num(totals!.beneficiaries),
    shares: suppressed ? null : { womenLed: round(totals!.womenLed), youthLed: round(totals!.youthLed), eligible: round(totals!.eligible) },
    sdgs: suppressed ? [] : sdgs.map((s) => ({ goal: Number(s.goal), count: Number(s.count) })),
    trend: trend.map((q) => {
      const n = Number(q.rated);
      const d = new Date(q.quarter);
      return { quarter: `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`, rated: n >= MIN_GROUP ? n : null, mean: n >= MIN_GROUP ? round(q.mean) : null };
    }),
    byCountry: group(byCountry),
    byRegion: group(byRegion),
    weakest: suppressed ? [] : [...dimensions].sort((a, b) => a.mean - b.mean).slice(0, 3).map((d) => d.id),
  };
}
