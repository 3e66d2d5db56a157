import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const STRIPE_STANDIN_PORT = Number(process.env.E2E_STRIPE_PORT ?? 12111);
export const E2E_WEBHOOK_SECRET = "whsec_e2e_ortaq";

export default defineConfig({
  testDir: "tests/e2e",
  // Once the servers below are up; under `npm test` it waits for the unit and integration tests.
  globalSetup: "./tests/e2e/start-after.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Long journeys on a shared two-core machine: a generous guard against a hung test, not a speed check.
  timeout: 300_000,
  expect: { timeout: 10_000 },
  // A run on another port (E2E_PORT) keeps its results and report apart, so that a run started
  // meanwhile on the default port, which empties its own folders, leaves them alone.
  outputDir: process.env.E2E_PORT ? `test-results-${PORT}` : "test-results",
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: process.env.E2E_PORT ? `playwright-report-${PORT}` : "playwright-report" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A click or fill waits this long for its element at most: one that never comes fails the test in a
    // minute rather than when the test's own guard runs out.
    actionTimeout: 60_000,
    // No trace by default: recording one (even of passing journeys, to keep a failed one's) costs a quarter of
    // the run's time. A failure reports the page's accessibility tree (error-context.md) and its console; for
    // the steps themselves run the journey again with --trace=retain-on-failure (or --trace=on).
    trace: "off",
    launchOptions: {
      // Debian's headless shell (tests/ensure-chromium.sh installs it): the same engine without windows.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "npx tsx tests/stand-ins/stripe-api.ts",
      url: `http://127.0.0.1:${STRIPE_STANDIN_PORT}/__sessions`,
      reuseExistingServer: false,
      env: { STRIPE_STANDIN_PORT: String(STRIPE_STANDIN_PORT) },
    },
    {
      // A fresh embedded database for every run, seeded with the demo data; one folder per port, so two runs never share one.
      command: `rm -rf data/e2e-${PORT} data/e2e-evidence-${PORT} data/e2e-outbox-${PORT} && node build/server.js`,
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      // Long journeys on a shared two-core machine: a generous guard against a hung test, not a speed check.
      timeout: 300_000,
      env: {
        NODE_ENV: "production",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        ORTAQ_DATA_DIR: `data/e2e-${PORT}`,
        EVIDENCE_DIR: `data/e2e-evidence-${PORT}`,
        // No SMTP_URL: e-mail is written here, where the journeys read their links (tests/e2e/outbox.ts).
        MAIL_OUTBOX_DIR: `data/e2e-outbox-${PORT}`,
        EVIDENCE_MAX_BYTES: String(1024 * 1024),
        DATABASE_URL: "",
        STRIPE_SECRET_KEY: "sk_test_e2e",
        STRIPE_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
        STRIPE_API_BASE: `http://127.0.0.1:${STRIPE_STANDIN_PORT}`,
        STRIPE_CHECKOUT_ORIGIN: `http://127.0.0.1:${STRIPE_STANDIN_PORT}`,
      },
    },
  ],
});
