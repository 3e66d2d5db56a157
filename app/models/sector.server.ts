import { Prisma } from "~/generated/prisma/client";
import { COMPLETED_VERIFICATION_JOIN, verifiedOrSelfAssessedSql } from "~/models/rating.server";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "~/utils/database-availability.server";
import { prisma, type Db } from "~/utils/db.server";
import { COUNTRY_CODES, sizeBandSql } from "~/utils/reference-data";
import { MIN_GROUP, revealsSmallRemainder, withheldGroups } from "~/utils/sector-disclosure";
import { filtersToSearch, parseSectorFilters, type ParsedSectorFilters } from "~/utils/sector-filters";
import type { SectorSummary } from "~/utils/sector-summary";
import { TRUST_LABELS, verificationExpiresAt, verificationValidSince } from "~/utils/trust";

export { MIN_GROUP };

const DIMENSION_COLUMNS = {
  social_impact: "socialImpact",
  economic_sustainability: "economic",
  governance_transparency: "governance",
  inclusion: "inclusion",
  ecosystem_partnership: "ecosystem",
  environment_climate: "environment",
} as const;
export const DIMENSIONS = Object.keys(DIMENSION_COLUMNS) as (keyof typeof DIMENSION_COLUMNS)[];

// A dimension's score in the result shown.
const dimensionScore = (dimension: string) =>
  Prisma.sql`COALESCE((jsonb_path_query_first(${verifiedOrSelfAssessedSql("result")}, ${`$.dimensions[*] ? (@.id == "${dimension}").score`}::jsonpath))::text::float, 0)`;

// A number answered to a question: the verifier's value when they changed it, the enterprise's otherwise.
const answeredCount = (question: string) => Prisma.sql`
  CASE WHEN v."completedAt" IS NOT NULL AND v.decisions->${question}->>'decision' = 'changed'
       THEN CASE WHEN jsonb_typeof(v.decisions->${question}->'value') = 'number' THEN (v.decisions->${question}->>'value')::float::int END
       WHEN jsonb_typeof(a.answers->${question}) = 'number' THEN (a.answers->>${question})::float::int END`;

// A part of the beneficiaries, counted only while it is asked (there is at least one beneficiary).
const beneficiariesWho = (question: string) =>
  Prisma.sql`CASE WHEN ${answeredCount("si_beneficiaries")} >= 1 THEN ${answeredCount(question)} END`;

/**
 * Rebuilds the facts of one enterprise: every submitted assessment, when both its profile
 * and one of its ratings are published; nothing otherwise. Called whenever either changes,
 * in the same transaction, which also raises the data version so every stored summary is
 * known to be out of date.
 */
export async function refreshRatingFacts(enterpriseId: string, db: Db = prisma) {
  await db.$executeRaw`DELETE FROM "RatingFact" WHERE "enterpriseId" = ${enterpriseId}`;
  await db.$executeRaw`
    INSERT INTO "RatingFact" ("assessmentId", "enterpriseId", "isCurrent", "submittedAt", country, region, sector, "sizeBand",
      employees, "womenLed", "youthLed", sdgs, eligible, tier, overall, "socialImpact", economic, governance, inclusion, ecosystem,
      environment, beneficiaries, "beneficiariesWomen", "beneficiariesDisability", "beneficiariesVulnerable", "verifiedAt", "verifierOrganisation",
      "registeredSince")
    SELECT a.id, e.id, a.published, a."submittedAt", e.country, e.region, e.sector, ${Prisma.raw(sizeBandSql("e.employees"))},
      e.employees, e."womenLed", e."youthLed", e.sdgs, COALESCE(${verifiedOrSelfAssessedSql("eligible")}, false),
      COALESCE(${verifiedOrSelfAssessedSql("tier")}, 'emerging'), COALESCE(${verifiedOrSelfAssessedSql("overall")}, 0),
      ${dimensionScore("social_impact")}, ${dimensionScore("economic_sustainability")}, ${dimensionScore("governance_transparency")},
      ${dimensionScore("inclusion")}, ${dimensionScore("ecosystem_partnership")}, ${dimensionScore("environment_climate")},
      ${answeredCount("si_beneficiaries")}, ${beneficiariesWho("si_beneficiaries_women")}, ${beneficiariesWho("si_beneficiaries_disability")},
      ${beneficiariesWho("si_beneficiaries_vulnerable")}, v."completedAt", v.organisation,
      (SELECT r."includedOn" FROM "RegisterListing" r WHERE r.country = e.country AND r."taxId" = e."taxId" AND r."removedAt" IS NULL)
    FROM "Assessment" a JOIN "Enterprise" e ON e.id = a."enterpriseId"
    ${COMPLETED_VERIFICATION_JOIN}
    WHERE a."enterpriseId" = ${enterpriseId} AND a.status = 'submitted' AND a."submittedAt" IS NOT NULL
      AND e.status = 'published'
      AND EXISTS (SELECT 1 FROM "Assessment" p WHERE p."enterpriseId" = e.id AND p.published)`;
  await markLatestInPeriods(db, enterpriseId);
  await db.$executeRaw`UPDATE "SectorDataVersion" SET version = version + 1 WHERE id = 1`;
}

/** Marks each enterprise's latest rating in every quarter and year (one enterprise, or all when none is given). */
export async function markLatestInPeriods(db: Db = prisma, enterpriseId?: string) {
  const only = enterpriseId ? Prisma.sql`WHERE "enterpriseId" = ${enterpriseId}` : Prisma.empty;
  await db.$executeRaw`
    UPDATE "RatingFact" f SET "latestInQuarter" = x.q = 1, "latestInYear" = x.y = 1
    FROM (
      SELECT "assessmentId",
        row_number() OVER (PARTITION BY "enterpriseId", date_trunc('quarter', "submittedAt") ORDER BY "submittedAt" DESC, "assessmentId" DESC) AS q,
        row_number() OVER (PARTITION BY "enterpriseId", date_trunc('year', "submittedAt") ORDER BY "submittedAt" DESC, "assessmentId" DESC) AS y
      FROM "RatingFact" ${only}
    ) x
    WHERE f."assessmentId" = x."assessmentId" AND (f."latestInQuarter" <> (x.q = 1) OR f."latestInYear" <> (x.y = 1))`;
}

/** The trust label of a fact row; `since` is the oldest verification date still valid (see trust.ts). */
export const trustSql = (alias: string, since: Date = verificationValidSince()) => {
  const column = Prisma.raw(`${alias}."verifiedAt"`);
  return Prisma.sql`CASE WHEN ${column} IS NULL THEN 'self_assessed' WHEN ${column} <= ${since} THEN 'expired' ELSE 'verified' END`;
};

/** Fact rows with the trust label, as a condition on the stored verification date (index friendly). */
function trustCondition(alias: string, label: string, since: Date) {
  const column = Prisma.raw(`${alias}."verifiedAt"`);
  if (label === "self_assessed") return Prisma.sql`${column} IS NULL`;
  if (label === "verified") return Prisma.sql`${column} > ${since}`;
  return Prisma.sql`${column} <= ${since}`;
}

export async function refreshAllRatingFacts(db: Db = prisma) {
  const enterprises = await db.enterprise.findMany({ select: { id: true } });
  for (const { id } of enterprises) await refreshRatingFacts(id, db);
}

export type SectorFilters = Omit<ParsedSectorFilters, "ignored">;

/** The filters the dashboard and the directory share, over the rating facts. */
export type RatingFactFilters = Pick<SectorFilters, "country" | "region" | "sector" | "size" | "trust">;

/** The conditions of the shared filters on the fact rows named `alias` (one per filter set). */
export function ratingFactConditions(alias: string, filters: RatingFactFilters, since: Date = verificationValidSince()): Prisma.Sql[] {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [];
  if (filters.country) parts.push(Prisma.sql`${column("country")} = ${filters.country}`);
  if (filters.region) parts.push(Prisma.sql`${column("region")} = ${filters.region}`);
  if (filters.sector) parts.push(Prisma.sql`${column("sector")} = ${filters.sector}`);
  if (filters.size) parts.push(Prisma.sql`${column("sizeBand")} = ${filters.size}`);
  if (filters.trust) parts.push(trustCondition(alias, filters.trust, since));
  return parts;
}

// The selection's condition on rows named like the table, so it applies as it is to every subquery below.
function where(filters: SectorFilters, since: Date) {
  const parts = ratingFactConditions(`"RatingFact"`, filters, since);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/**
 * The rated enterprises of the selection: their current ratings or, for a period, each
 * enterprise's latest rating made in it (with a trust filter: when that rating has the label).
 */
function baseSet(filters: SectorFilters, since: Date, condition: Prisma.Sql = where(filters, since)) {
  if (filters.period) {
    const latest = Prisma.raw(filters.period.label.includes("Q") ? `"latestInQuarter"` : `"latestInYear"`);
    return Prisma.sql`(SELECT * FROM "RatingFact"
      WHERE ${latest} AND "submittedAt" >= ${filters.period.from} AND "submittedAt" < ${filters.period.to} AND (${condition}))`;
  }
  return Prisma.sql`(SELECT * FROM "RatingFact" WHERE "isCurrent" AND (${condition}))`;
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/**
 * The mean of a score column, the same whatever order the rows are read in: each score is counted
 * in millionths as an integer, whose sum is exact. A floating-point sum depends on the order, so a
 * mean at a half cent could read one cent higher or lower after a rating's facts were rebuilt. On the
 * benchmark's 300,000 ratings the whole region's figures took 0.8 s with floating-point sums, 1.0 s
 * so, and 1.4 s with exact `numeric` sums.
 */
const exactMean = (column: string, only?: Prisma.Sql) => {
  const filter = only ? Prisma.sql` FILTER (WHERE ${only})` : Prisma.empty;
  return Prisma.sql`(sum((${Prisma.raw(column)} * 1000000)::bigint)${filter} / NULLIF(count(*)${filter}, 0) / 1000000.0)`;
};

// Raised whenever the figures are computed differently, so figures stored by an earlier release
// are never read again (and are forgotten with the unread ones).
const FIGURES_FORMAT = "v3";

/** The key a selection's figures are stored under: the figures' format and the dashboard's query string. */
export const summaryKey = (filters: SectorFilters) => `${FIGURES_FORMAT}|${filtersToSearch(filters)}`;

function filtersOfKey(key: string): SectorFilters {
  const { ignored: _ignored, ...filters } = parseSectorFilters(new URLSearchParams(key.slice(key.indexOf("|") + 1)));
  return filters;
}

// Figures are computed once per selection and data version and kept in the database, so every
// app server shares them; reading them is one indexed lookup. Several requests for the same
// missing selection in one process share one computation.
const computing = new Map<string, Promise<SectorSummary>>();

/**
 * After a rating changes, the figures of a large selection (one rating moves them by a hair)
 * are still served for a short while, as they were, while the background refresh computes them
 * again; a smaller selection is always computed at once, so an enterprise sees its own change.
 */
export const SERVED_WHILE_REFRESHING = { minRated: 1_000, maxAgeMs: 120_000 };

/** Every figure of the dashboard for the filters: the stored figures when current, else computed and stored. */
export async function getSectorSummary(filters: SectorFilters): Promise<SectorSummary> {
  const key = summaryKey(filters);
  const [stored] = await prisma.$queryRaw<{ summary: SectorSummary; viewedAt: Date; current: boolean; recent: boolean }[]>`
    SELECT s.summary, s."viewedAt", s.version = v.version AS current,
      s."computedAt" > now() - make_interval(secs => ${SERVED_WHILE_REFRESHING.maxAgeMs / 1000}) AS recent
    FROM "SectorSummary" s JOIN "SectorDataVersion" v ON v.id = 1
    WHERE s.key = ${key} AND (s."validUntil" IS NULL OR s."validUntil" > now())`;
  if (stored && (stored.current || (stored.recent && stored.summary.rated >= SERVED_WHILE_REFRESHING.minRated))) {
    // Which selections people read decides which are kept and refreshed; noted at most hourly.
    if (Date.now() - stored.viewedAt.getTime() > 3_600_000) {
      await prisma.$executeRaw`UPDATE "SectorSummary" SET "viewedAt" = now() WHERE key = ${key}`;
    }
    return stored.summary;
  }
  let pending = computing.get(key);
  if (!pending) {
    pending = storeSectorSummary(key, filters, { read: true }).finally(() => computing.delete(key));
    computing.set(key, pending);
  }
  return pending;
}

/** Computes a selection's figures and stores them with the data version they were computed from. */
async function storeSectorSummary(key: string, filters: SectorFilters, { read = false } = {}): Promise<SectorSummary> {
  // Read before computing: a change committed meanwhile raises the version, so these figures
  // are stored as already out of date and computed again on the next read.
  const [{ version }] = (await prisma.$queryRaw<{ version: bigint }[]>`SELECT version FROM "SectorDataVersion" WHERE id = 1`) as [
    { version: bigint },
  ];
  const { summary, validUntil } = await computeSectorSummaryWithExpiry(filters);
  await prisma.$executeRaw`
    INSERT INTO "SectorSummary" (key, summary, version, "validUntil", "computedAt", "viewedAt")
    VALUES (${key}, ${JSON.stringify(summary)}::jsonb, ${version}, ${validUntil}, now(), now())
    ON CONFLICT (key) DO UPDATE SET summary = EXCLUDED.summary, version = EXCLUDED.version, "validUntil" = EXCLUDED."validUntil",
      "computedAt" = EXCLUDED."computedAt", "viewedAt" = CASE WHEN ${read} THEN now() ELSE "SectorSummary"."viewedAt" END
    WHERE "SectorSummary".version <= EXCLUDED.version`;
  return summary;
}

// Stored figures (s) computed from an older data version (v), or past a verification's expiry.
const OUT_OF_DATE = Prisma.sql`(s.version <> v.version OR s."validUntil" <= now())`;

/** Selections nobody has read for this long are no longer kept. */
const KEEP_UNREAD_DAYS = 30;

/**
 * Computes again the stored selections that are out of date (a rating changed, or a
 * verification in them expired), most recently read first, and forgets those nobody read
 * for a month. Returns how many were computed.
 */
export async function refreshSectorSummaries({ limit = 50 }: { limit?: number } = {}): Promise<number> {
  await prisma.$executeRaw`DELETE FROM "SectorSummary" WHERE "viewedAt" < now() - make_interval(days => ${KEEP_UNREAD_DAYS})`;
  const stale = await prisma.$queryRaw<{ key: string }[]>`
    SELECT s.key FROM "SectorSummary" s JOIN "SectorDataVersion" v ON v.id = 1
    WHERE starts_with(s.key, ${`${FIGURES_FORMAT}|`}) AND ${OUT_OF_DATE}
    ORDER BY s."viewedAt" DESC LIMIT ${limit}`;
  let computed = 0;
  for (const { key } of stale) {
    // A reader may have computed it meanwhile.
    const [{ outdated }] = (await prisma.$queryRaw<{ outdated: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "SectorSummary" s JOIN "SectorDataVersion" v ON v.id = 1 WHERE s.key = ${key} AND ${OUT_OF_DATE}) AS outdated`) as [
      { outdated: boolean },
    ];
    if (!outdated) continue;
    await storeSectorSummary(key, filtersOfKey(key));
    computed++;
  }
  return computed;
}

/**
 * Refreshes the out-of-date selections unless another app server is doing it now (an advisory
 * lock held for the refresh), so each selection is computed once however many servers run.
 * Whether this server did.
 */
export async function refreshSectorSummariesOnce(): Promise<boolean> {
  return prisma.$transaction(
    async (tx) => {
      const [{ locked }] = (await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(hashtext('sector-summaries:refresh')) AS locked`) as [{ locked: boolean }];
      if (!locked) return false;
      await refreshSectorSummaries();
      return true;
    },
    { maxWait: 10_000, timeout: 10 * 60_000 },
  );
}

/** The selections most people open first: stored ahead of the first reader. */
export const COMMON_SELECTIONS: SectorFilters[] = [{}, ...COUNTRY_CODES.map((country) => ({ country }))];

/**
 * Keeps the stored figures current in the background: at start the common selections, then
 * every few seconds whatever a rating change or an expired verification made out of date.
 */
export function startSectorSummaryRefresher({ intervalMs = 5_000 }: { intervalMs?: number } = {}) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await refreshSectorSummariesOnce();
    } catch (error) {
      // While the database is away (restarting) one line says so; the next tick tries again.
      if (isDatabaseUnavailable(error)) logDatabaseUnavailable(error);
      else console.error("Refreshing the sector summaries failed:", error);
    } finally {
      running = false;
    }
  };
  const warm = (async () => {
    for (const filters of COMMON_SELECTIONS) await getSectorSummary(filters);
  })().catch((error) =>
    isDatabaseUnavailable(error) ? logDatabaseUnavailable(error) : console.error("Preparing the sector summaries failed:", error),
  );
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    ready: warm,
    stop: () => clearInterval(timer),
  };
}

/** Every figure of the dashboard, computed in the database. Groups under MIN_GROUP are suppressed. */
export async function computeSectorSummary(filters: SectorFilters): Promise<SectorSummary> {
  return (await computeSectorSummaryWithExpiry(filters)).summary;
}

/**
 * The selections one filter wider than this one (the period stays: another period holds other
 * ratings). Each is a page of its own; its difference from this one must not describe a few.
 */
function widerSelections(filters: SectorFilters): SectorFilters[] {
  const wider: SectorFilters[] = [];
  if (filters.region) wider.push({ ...filters, region: undefined }, { ...filters, country: undefined, region: undefined });
  else if (filters.country) wider.push({ ...filters, country: undefined });
  for (const key of ["sector", "size", "trust"] as const) if (filters[key]) wider.push({ ...filters, [key]: undefined });
  return wider;
}

type GroupRow = { key: string; rated: bigint; mean: number | null } & Record<`w${number}`, bigint>;

/** The figures, and when the first verification counted in them expires (they must be computed again then). */
async function computeSectorSummaryWithExpiry(filters: SectorFilters): Promise<{ summary: SectorSummary; validUntil: Date | null }> {
  const since = verificationValidSince();
  const base = baseSet(filters, since);
  const selection = where(filters, since);
  const wider = widerSelections(filters);
  // The ratings of the period in this selection or a wider one, for the breakdowns and the
  // wider selections' counts; named like the table so the conditions apply as they are.
  const reach = wider.length
    ? Prisma.join(
        wider.map((w) => Prisma.sql`(${where(w, since)})`),
        " OR ",
      )
    : selection;
  const everything = Prisma.sql`${baseSet(filters, since, reach)} AS "RatingFact"`;
  const widerCounts = Prisma.join(
    [
      Prisma.sql`count(*) FILTER (WHERE ${selection}) AS rated`,
      ...wider.map((w, i) => Prisma.sql`count(*) FILTER (WHERE ${where(w, since)}) AS ${Prisma.raw(`"w${i}"`)}`),
    ],
    ", ",
  );
  const widerOf = (row: Record<string, unknown>) => wider.map((_, i) => num(row[`w${i}`]));
  // With a trust filter, the wider selections' figures (and so what may be shown) change as verifications expire.
  const expiring = filters.trust ? Prisma.sql`TRUE` : selection;
  const firstValidSql = Prisma.sql`min("verifiedAt") FILTER (WHERE "verifiedAt" > ${since} AND ${expiring}) AS "firstValid"`;
  const enterpriseWhere: Prisma.Sql[] = [Prisma.sql`status = 'published'`];
  if (filters.country) enterpriseWhere.push(Prisma.sql`country = ${filters.country}`);
  if (filters.region) enterpriseWhere.push(Prisma.sql`region = ${filters.region}`);
  if (filters.sector) enterpriseWhere.push(Prisma.sql`sector = ${filters.sector}`);
  if (filters.size) enterpriseWhere.push(Prisma.sql`${Prisma.raw(sizeBandSql("employees"))} = ${filters.size}`);
  const breakdown = (column: string) => prisma.$queryRaw<GroupRow[]>`
    SELECT ${Prisma.raw(column)} AS key, ${widerCounts}, ${exactMean("overall", selection)} AS mean
    FROM ${everything} GROUP BY 1 HAVING count(*) FILTER (WHERE ${selection}) > 0 ORDER BY 1`;

  const medians = DIMENSIONS.map(
    (d) =>
      Prisma.sql`${Prisma.raw(`percentile_cont(0.5) WITHIN GROUP (ORDER BY "${DIMENSION_COLUMNS[d]}") AS "median_${d}"`)}, ${exactMean(`"${DIMENSION_COLUMNS[d]}"`)} AS ${Prisma.raw(`"mean_${d}"`)}`,
  );
  const [[totals], [widerTotals], [enterprises], tiers, trust, sdgs, trend, byCountry, byRegion, byRegistration] = await Promise.all([
    prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT count(*) AS rated, ${exactMean("overall")} AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY overall) AS median,
        sum(employees) AS jobs, sum(beneficiaries) AS beneficiaries,
        count(*) FILTER (WHERE "beneficiariesWomen" IS NOT NULL OR "beneficiariesDisability" IS NOT NULL OR "beneficiariesVulnerable" IS NOT NULL) AS "partsReportedBy",
        sum("beneficiariesWomen") AS "beneficiariesWomen", sum("beneficiariesDisability") AS "beneficiariesDisability",
        sum("beneficiariesVulnerable") AS "beneficiariesVulnerable",
        avg("womenLed"::int) AS "womenLed", avg("youthLed"::int) AS "youthLed", avg(eligible::int) AS eligible,
        ${Prisma.join(medians, ", ")}, ${firstValidSql}
      FROM ${base} AS "RatingFact"`,
    wider.length
      ? prisma.$queryRaw<Record<string, unknown>[]>`SELECT ${widerCounts}, ${firstValidSql} FROM ${everything}`
      : Promise.resolve([{} as Record<string, unknown>]),
    prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "Enterprise" WHERE ${Prisma.join(enterpriseWhere, " AND ")}`,
    prisma.$queryRaw<{ tier: string; count: bigint }[]>`SELECT tier, count(*) AS count FROM ${base} b GROUP BY tier ORDER BY tier`,
    prisma.$queryRaw<
      { label: string; count: bigint }[]
    >`SELECT ${trustSql("b", since)} AS label, count(*) AS count FROM ${base} b GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<
      { goal: number; count: bigint }[]
    >`SELECT g AS goal, count(*) AS count FROM ${base} b, unnest(b.sdgs) g GROUP BY g ORDER BY g`,
    // Each quarter counts every enterprise once, with its latest rating made in the quarter.
    prisma.$queryRaw<(GroupRow & { quarter: Date; firstValid: Date | null })[]>`
      SELECT date_trunc('quarter', "submittedAt") AS quarter, ${widerCounts}, ${exactMean("overall", selection)} AS mean, ${firstValidSql}
      FROM "RatingFact" WHERE "latestInQuarter" AND (${reach}) GROUP BY 1 HAVING count(*) FILTER (WHERE ${selection}) > 0 ORDER BY 1`,
    breakdown("country"),
    filters.country ? breakdown("region") : Promise.resolve([]),
    breakdown(`CASE WHEN "registeredSince" IS NOT NULL THEN 'registered' ELSE 'not_registered' END`),
  ]);

  const firstValid = [
    totals!.firstValid as Date | null,
    widerTotals!.firstValid as Date | null | undefined,
    ...trend.map((q) => q.firstValid),
  ].filter((d): d is Date => d instanceof Date);
  const earliest = firstValid.length ? new Date(Math.min(...firstValid.map((d) => d.getTime()))) : null;
  // Never sooner than a minute away, so figures at the edge of the rule are not recomputed on every read.
  const validUntil = earliest ? new Date(Math.max(verificationExpiresAt(earliest).getTime(), Date.now() + 60_000)) : null;

  const rated = num(totals!.rated);
  const suppressedBecause = rated < MIN_GROUP ? "too_few" : revealsSmallRemainder(rated, widerOf(widerTotals!)) ? "small_remainder" : null;
  const suppressed = suppressedBecause !== null;
  const round = (x: unknown) => Math.round(num(x) * 100) / 100;
  // A group is shown when it is large enough, cannot be worked out from the total and the other
  // groups, and does not differ by only a few from the same group of a wider selection.
  const groups = (rows: GroupRow[]) => {
    const withheld = withheldGroups(rows.map((r) => Number(r.rated)));
    return rows.map((r, i) => {
      const shown = !suppressed && !withheld.has(i) && !revealsSmallRemainder(Number(r.rated), widerOf(r));
      return { key: r.key, rated: shown ? Number(r.rated) : null, mean: shown ? round(r.mean) : null };
    });
  };
  const dimensions = DIMENSIONS.map((d) => ({ id: d, mean: round(totals![`mean_${d}`]), median: round(totals![`median_${d}`]) }));
  const summary: SectorSummary = {
    enterprises: Number(enterprises!.count),
    rated,
    suppressed,
    suppressedBecause,
    tiers: suppressed ? [] : tiers.map((t) => ({ tier: t.tier, count: Number(t.count) })),
    trust: suppressed ? [] : TRUST_LABELS.map((label) => ({ label, count: Number(trust.find((r) => r.label === label)?.count ?? 0) })),
    overall: suppressed ? null : { mean: round(totals!.mean), median: round(totals!.median) },
    dimensions: suppressed ? [] : dimensions,
    jobs: suppressed ? null : num(totals!.jobs),
    beneficiaries: suppressed ? null : num(totals!.beneficiaries),
    beneficiaryParts: suppressed
      ? null
      : {
          reportedBy: num(totals!.partsReportedBy),
          ...(num(totals!.partsReportedBy) >= MIN_GROUP
            ? {
                women: num(totals!.beneficiariesWomen),
                disability: num(totals!.beneficiariesDisability),
                vulnerable: num(totals!.beneficiariesVulnerable),
              }
            : { women: null, disability: null, vulnerable: null }),
        },
    shares: suppressed ? null : { womenLed: round(totals!.womenLed), youthLed: round(totals!.youthLed), eligible: round(totals!.eligible) },
    sdgs: suppressed ? [] : sdgs.map((s) => ({ goal: Number(s.goal), count: Number(s.count) })),
    // Quarters are not parts of one total: each is checked on its own and against the wider selections.
    trend: trend.map((q) => {
      const n = Number(q.rated);
      const shown = n >= MIN_GROUP && !revealsSmallRemainder(n, widerOf(q));
      const d = new Date(q.quarter);
      return {
        quarter: `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`,
        rated: shown ? n : null,
        mean: shown ? round(q.mean) : null,
      };
    }),
    byCountry: groups(byCountry),
    byRegion: groups(byRegion),
    byRegistration: groups(byRegistration),
    weakest: suppressed
      ? []
      : [...dimensions]
          .sort((a, b) => a.mean - b.mean)
          .slice(0, 3)
          .map((d) => d.id),
  };
  return { summary, validUntil };
}
