import path from "node:path";
import { fileURLToPath } from "node:url";
import { time } from "./database";
import { largeDataset } from "./large-data";

export async function benchSector() {
  await largeDataset();
  const { computeSectorSummary, getSectorSummary } = await import("../app/models/sector.server");
  {
    for (const [name, filters] of [
      ["whole region", {}],
      ["one country", { country: "KZ" }],
      ["one country and sector", { country: "KZ", sector: "education" }],
      ["verified only", { trust: "verified" }],
      ["one country, expired only", { country: "KZ", trust: "expired" }],
      ["one year", { period: { label: "2026", from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2027, 0, 1)) } }],
    ] as const) {
      const cold = await time(20, () => computeSectorSummary(filters));
      const served = await time(30, () => getSectorSummary(filters));
      console.log(
        `sector: dashboard, ${name}: computed in the database p50 ${cold.p50.toFixed(1)} ms, p95 ${cold.p95.toFixed(1)} ms; ` +
          `as served (figures kept for a minute) p50 ${served.p50.toFixed(2)} ms, p95 ${served.p95.toFixed(2)} ms (target: p95 under 200 ms)`,
      );
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchSector();
  await (await largeDataset()).stop();
  process.exit(0);
}
