import pg from "pg";
import { sizeBandSql } from "../app/utils/reference-data";
import { benchDatabase } from "./database";

export const ENTERPRISES = 100_000;
export const ASSESSMENTS_PER_ENTERPRISE = 3;

/** Fills the database with 100,000 published enterprises and 300,000 rated assessments (their summary facts). */
export async function seedLarge(url: string, enterprises = ENTERPRISES) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    INSERT INTO "Enterprise" (id, slug, name, "legalForm", country, region, city, sector, "foundedYear", employees, "womenLed", "youthLed",
      description, mission, sdgs, "beneficiaryGroups", status, "publishedAt", "updatedAt")
    SELECT 'e' || i, 'bench-' || i, 'Bench enterprise ' || i, 'llp',
      (ARRAY['KZ','KG','TJ','TM','UZ','AF','MN'])[1 + i % 7], 'R' || (i % 7) || '-' || (i % 13), 'City', 
      (ARRAY['agriculture_food','crafts_textiles','education','health_care','social_services','employment_training','tourism_culture'])[1 + (i / 7) % 7],
      2010 + i % 15, (i * 7919) % 300, i % 2 = 0, i % 3 = 0, 'Benchmark enterprise', 'Benchmark mission',
      ARRAY[1 + i % 17, 1 + (i * 3) % 17], ARRAY['women'], 'published', now(), now()
    FROM generate_series(1, ${enterprises}) AS i`);
  await client.query(`
    INSERT INTO "RatingFact" ("assessmentId", "enterpriseId", "isCurrent", "submittedAt", country, region, sector, "sizeBand", employees,
      "womenLed", "youthLed", sdgs, eligible, tier, overall, "socialImpact", economic, governance, inclusion, ecosystem, environment, beneficiaries,
      "verifiedAt", "verifierOrganisation")
    SELECT 'a' || e.id || '-' || n, e.id, n = ${ASSESSMENTS_PER_ENTERPRISE}, now() - ((${ASSESSMENTS_PER_ENTERPRISE} - n) * 200 + (random() * 90)::int) * interval '1 day',
      e.country, e.region, e.sector,
      ${sizeBandSql("e.employees")},
      e.employees, e."womenLed", e."youthLed", e.sdgs, random() < 0.8, s.tier, s.overall,
      random() * 100, random() * 100, random() * 100, random() * 100, random() * 100, random() * 100, (random() * 2000)::int,
      v.at, CASE WHEN v.at IS NOT NULL THEN 'Bench Audit' END
    FROM "Enterprise" e CROSS JOIN generate_series(1, ${ASSESSMENTS_PER_ENTERPRISE}) AS n
    CROSS JOIN LATERAL (SELECT o AS overall, CASE WHEN o >= 80 THEN 'leading' WHEN o >= 60 THEN 'established' WHEN o >= 40 THEN 'developing' ELSE 'emerging' END AS tier
                        FROM (SELECT random() * 100 + 0 * n AS o) x) s
    -- A third of the ratings verified, some of them more than 24 months ago (expired).
    CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.33 + 0 * n THEN now() - ((${ASSESSMENTS_PER_ENTERPRISE} - n) * 200 + 30) * interval '1 day' END AS at) v`);
  await client.query(`ANALYZE`);
  await client.end();
}

let shared: Promise<{ url: string; stop: () => Promise<void>; enterprises: number }> | undefined;

/** One large database for every benchmark of a run: 100,000 enterprises, 300,000 rated assessments (a `scale` below 1 fills fewer, for quick runs). */
export function largeDataset({ scale = 1 }: { scale?: number } = {}) {
  const enterprises = Math.max(100, Math.round(ENTERPRISES * scale));
  shared ??= (async () => {
    const database = await benchDatabase("ortaq_bench_large");
    const started = performance.now();
    await seedLarge(database.url, enterprises);
    console.log(
      `large data set: ${enterprises.toLocaleString("en")} enterprises and ${(enterprises * ASSESSMENTS_PER_ENTERPRISE).toLocaleString("en")} rated assessments, seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    process.env.DATABASE_URL = database.url;
    // As the rating model does when it rebuilds an enterprise's facts.
    const { markLatestInPeriods } = await import("../app/models/sector.server");
    await markLatestInPeriods();
    // Marking rewrote most rows: reclaim them and refresh the statistics, as autovacuum would in time.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`VACUUM ANALYZE "RatingFact"`);
    await client.end();
    return { ...database, enterprises };
  })();
  return shared;
}
