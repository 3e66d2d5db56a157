import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Playwright's global setup, run once its servers are up. `npm test` (tests/run-all.sh) starts the
 * journeys while the unit and integration tests still run, so that the e2e server's fresh database
 * and demo data are ready when they end, and names in E2E_START_AFTER a file it writes then: the
 * journeys wait for it, and do not run when it says the other tests failed. Without the variable
 * (`npm run test:e2e`), nothing waits.
 */
export default async function startAfterTheOtherTests() {
  const file = process.env.E2E_START_AFTER;
  if (!file) return;
  while (!existsSync(file)) await sleep(250);
  const verdict = readFileSync(file, "utf8").trim();
  if (verdict !== "go") throw new Error("The unit and integration tests failed: the journeys were not run.");
}
