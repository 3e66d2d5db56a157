import path from "node:path";
import { fileURLToPath } from "node:url";
import { percentiles, time } from "./database";
import { largeDataset } from "./large-data";

export async function benchSector() {
  await largeDataset();
  const { computeSectorSummary, getSectorSummary, refreshSectorSummaries, startSectorSummaryRefresher } =
    await import("../app/models/sector.server");
  const { prisma } = await import("../app/utils/db.server");
  const selections = [
    ["whole region", {}],
    ["one country", { country: "KZ" }],
    ["one country and sector", { country: "KZ", sector: "education" }],
    ["verified only", { trust: "verified" }],
    ["one country, expired only", { country: "KZ", trust: "expired" }],
    ["one year", { period: { label: "2026", from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2027, 0, 1)) } }],
  ] as const;
  for (const [name, filters] of selections) {
    const computed = await time(10, () => computeSectorSummary(filters));
    const served = await time(50, () => getSectorSummary(filters));
    console.log(
      `sector: dashboard, ${name}: as served (stored figures) p50 ${served.p50.toFixed(1)} ms, p95 ${served.p95.toFixed(1)} ms (target: p95 under 200 ms); ` +
        `computing them in the database p50 ${computed.p50.toFixed(0)} ms, p95 ${computed.p95.toFixed(0)} ms`,
    );
  }
  // A rating changes: every stored selection is out of date until the background refresh has run.
  await prisma.sectorDataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
  const started = performance.now();
  const refreshed = await refreshSectorSummaries();
  console.log(
    `sector: after a rating changes, the background refresh computes the ${refreshed} stored selections again in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // Readers while ratings keep changing (one change every 2 s) and the background refresh runs.
  const refresher = startSectorSummaryRefresher({ intervalMs: 1_000 });
  await refresher.ready;
  const changes = setInterval(() => void prisma.sectorDataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } }), 2_000);
  for (const [name, filters] of [selections[0], selections[2]] as const) {
    const samples: number[] = [];
    const until = performance.now() + 20_000;
    while (performance.now() < until) {
      const begun = performance.now();
      await getSectorSummary(filters);
      samples.push(performance.now() - begun);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { p50, p95 } = percentiles(samples);
    console.log(
      `sector: dashboard, ${name}, while a rating changes every 2 s: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${samples.length} views (target: p95 under 200 ms)`,
    );
  }
  clearInterval(changes);
  refresher.stop();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchSector();
  await (await largeDataset()).stop();
  process.exit(0);
}
