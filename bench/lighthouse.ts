// `npm run bench:lighthouse` (also part of `npm run bench`): the public pages as a phone receives them. Starts the
// production build (NODE_ENV=production, bench/http.ts's server) on a fresh database with the demo data, and runs
// Lighthouse's mobile preset (its default: a mid-range phone's screen, a slow 4G network and a 4× slower CPU,
// simulated) in Debian's Chromium against each public page; prints performance, accessibility, best practices and
// SEO per page, and under the table every audit that kept a page's accessibility or best practices below 100.
//
//   npm run bench:lighthouse                       every page once
//   npm run bench:lighthouse -- --runs 3           each page's median of three runs (the performance score is noisy)
//   flags: --runs N (default 1), --only TEXT (pages whose path contains it), --no-build (use build/ as it is),
//          --details (also list the performance audits that cost points)
//   CHROME_PATH: the browser (default /usr/bin/chromium); Lighthouse never downloads one.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import lighthouse, { type Result } from "lighthouse";
import pg from "pg";
import { benchDatabase } from "./database";
import { buildIfNeeded, startAppServer } from "./http";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];

type Options = { runs: number; only?: string; build: boolean; details: boolean };

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 1, build: true, details: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === "--runs") {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value <= 0) throw new Error("--runs needs a positive whole number");
      options.runs = value;
    } else if (flag === "--only") options.only = argv[++i];
    else if (flag === "--no-build") options.build = false;
    else if (flag === "--details") options.details = true;
  }
  return options;
}

/** Debian's Chromium, headless, with its DevTools port for Lighthouse; stopped with its profile folder. */
async function startChromium() {
  const profile = await mkdtemp(path.join(os.tmpdir(), "ortaq-lighthouse-chrome-"));
  const child = spawn(
    process.env.CHROME_PATH || "/usr/bin/chromium",
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      "--no-default-browser-check",
      "--remote-debugging-address=127.0.0.1",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port within 60 s:\n${output}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with code ${code}:\n${output}`));
    });
  });
  child.stderr!.resume();
  return {
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Demo pages whose address depends on the data: a rated enterprise (verified if one is) and the busiest thread. */
async function demoPaths(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const enterprise = await client.query<{ slug: string }>(
      `SELECT e.slug FROM "Enterprise" e JOIN "RatingFact" r ON r."enterpriseId" = e.id AND r."isCurrent"
       WHERE e.status = 'published' ORDER BY r."verifiedAt" IS NULL, e.slug LIMIT 1`,
    );
    const thread = await client.query<{ id: string }>(`SELECT id FROM "ForumThread" ORDER BY "postCount" DESC, id LIMIT 1`);
    if (!enterprise.rows[0] || !thread.rows[0]) throw new Error("the demo data has no published rated enterprise or no forum thread");
    return { enterprise: `/enterprises/${enterprise.rows[0].slug}`, thread: `/forum/threads/${thread.rows[0].id}` };
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

type Row = { page: string; scores: Record<Category, number>; metrics: string; failing: string[] };

/** Audits of a category that cost it points, as "category: audit id (title)". */
function failingAudits(lhr: Result, category: Category) {
  return lhr.categories[category]!.auditRefs.filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => {
      // What the audit found, briefly (an issue's kind, an element, an address), to know what to fix.
      const items = audit.details && "items" in audit.details ? (audit.details.items as Record<string, unknown>[]) : [];
      const found = items.slice(0, 3).map((item) => JSON.stringify(item).slice(0, 300));
      return [`${category}: ${audit.id} (${audit.title})${audit.displayValue ? ` ${audit.displayValue}` : ""}`, ...found].join("\n    ");
    });
}

export async function benchLighthouse(argv: string[] = []) {
  const options = parseOptions(argv);
  if (options.build) await buildIfNeeded("lighthouse");
  const database = await benchDatabase("ortaq_bench_lighthouse");
  let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
  let chromium: Awaited<ReturnType<typeof startChromium>> | undefined;
  const rows: Row[] = [];
  let version = "";
  try {
    console.log("lighthouse: starting the production build on the demo data (seeded as the server starts) ...");
    app = await startAppServer(database.url, { seed: true });
    const demo = await demoPaths(database.url);
    const pages = ["/", "/ratings", demo.enterprise, "/sector", "/methodology", "/forum", demo.thread, "/legal", "/learn"].filter(
      (page) => !options.only || page.includes(options.only),
    );
    chromium = await startChromium();
    for (const page of pages) {
      const runs: Result[] = [];
      for (let run = 0; run < options.runs; run++) {
        const result = await lighthouse(`${app.url}${page}`, {
          port: chromium.port,
          logLevel: "error",
          output: "json",
          onlyCategories: [...CATEGORIES],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
        if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${page}: ${result.lhr.runtimeError.message}`);
        runs.push(result.lhr);
        version = result.lhr.lighthouseVersion;
      }
      // The run with the median performance score stands for the page; the other categories do not vary between runs.
      const performance = median(runs.map((lhr) => lhr.categories.performance!.score ?? 0));
      const lhr = runs.find((candidate) => (candidate.categories.performance!.score ?? 0) === performance)!;
      const scores = Object.fromEntries(
        CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]!.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? "?";
      const metrics = `FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`;
      const failing = [
        ...failingAudits(lhr, "accessibility"),
        ...failingAudits(lhr, "best-practices"),
        ...failingAudits(lhr, "seo"),
        ...(options.details ? failingAudits(lhr, "performance") : []),
      ];
      rows.push({ page, scores, metrics, failing });
      console.log(
        `lighthouse: ${page}: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores["best-practices"]}, SEO ${scores.seo} (${metrics})`,
      );
    }
  } finally {
    await chromium?.stop();
    await app?.stop();
    await database.stop();
  }
  console.log(
    `\nLighthouse ${version}, mobile preset (simulated slow 4G, 4× CPU slowdown), ${options.runs === 1 ? "one run" : `median of ${options.runs} runs`} a page; ${os.cpus().length} cores`,
  );
  console.log("| page | performance | accessibility | best practices | SEO | metrics |");
  console.log("| --- | ---: | ---: | ---: | ---: | --- |");
  for (const row of rows) {
    console.log(
      `| \`${row.page}\` | ${row.scores.performance} | ${row.scores.accessibility} | ${row.scores["best-practices"]} | ${row.scores.seo} | ${row.metrics} |`,
    );
  }
  for (const row of rows.filter((candidate) => candidate.failing.length > 0)) {
    console.log(`\n${row.page}:`);
    for (const line of row.failing) console.log(`  ${line}`);
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await benchLighthouse(process.argv.slice(2));
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
  process.exit();
}
