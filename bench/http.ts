// `npm run bench:http` (also part of `npm run bench`): pages as people receive them. Starts the
// production build (NODE_ENV=production) on a port of its own and a database filled with the large
// data sets, and beside it a bare `node:http` server answering a fixed 30 KB page; runs autocannon
// (32 connections, after a warm-up, loopback only) against each page, anonymous and with a
// logged-in session, and prints req/s, p50, p99, errors and each page's ratio to the bare server; before the
// load, each page's time alone (one request at a time on one connection, the median of 30). The bare server
// is measured first and again last, and each ratio is to the faster of the two: the machine's speed moves
// within a run, and a ceiling measured in a slow moment alone would flatter every page.
//
//   npm run bench:http -- --scale 0.05 --duration 5     quick run: 5,000 enterprises and posts, 5 s a page
//   flags: --scale N (1 = 100,000 enterprises and 100,000 posts), --duration S (seconds a page, default 10),
//          --warmup S (default 3), --connections N (default 32), --only TEXT (pages whose path contains it),
//          --no-build (use build/ as it is), --anonymous-only
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { largeDataset } from "./large-data";
import { FORUM_POSTS, LONG_THREAD_REPLIES, FORUM_USERS, seedForum } from "./forum";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Options = { scale: number; duration: number; warmup: number; connections: number; only?: string; build: boolean; loggedIn: boolean };

function parseOptions(argv: string[]): Options {
  const options: Options = { scale: 1, duration: 10, warmup: 3, connections: 32, build: true, loggedIn: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const number = (name: string) => {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
      return value;
    };
    if (flag === "--scale") options.scale = Math.min(1, number(flag));
    else if (flag === "--duration") options.duration = number(flag);
    else if (flag === "--warmup") options.warmup = number(flag);
    else if (flag === "--connections") options.connections = Math.round(number(flag));
    else if (flag === "--only") options.only = argv[++i];
    else if (flag === "--no-build") options.build = false;
    else if (flag === "--anonymous-only") options.loggedIn = false;
  }
  return options;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function waitFor(url: string, child: ChildProcess, seconds = 120) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** A bare node:http server in its own process, answering a fixed 30 KB HTML page: the ceiling of this machine. */
async function startBareServer() {
  const port = await freePort();
  const source = `
    const page = Buffer.from("<!doctype html><html><body>" + "<p>Ortaq bare page.</p>".repeat(1300) + "</body></html>");
    require("node:http").createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.length });
      res.end(page);
    }).listen(${port}, "127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", source], { stdio: "inherit" });
  await waitFor(`http://127.0.0.1:${port}/`, child, 10);
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

/**
 * The production build (build/) on a port of its own, against `databaseUrl`. With `seed`, the server fills an
 * empty database with the demo data as it starts (ORTAQ_SEED=auto), which takes longer than answering at once.
 */
export async function startAppServer(databaseUrl: string, { seed = false } = {}) {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), "ortaq-bench-http-"));
  const child = spawn(process.execPath, ["--liftoff-only", "build/server.js"], {
    cwd: ROOT,
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      ORTAQ_SEED: seed ? "auto" : "never",
      // The API's per-client limit would turn most of a benchmark's requests into 429s.
      API_RATE_LIMIT: "100000",
      EVIDENCE_DIR: path.join(dir, "evidence"),
      MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
      SMTP_URL: "",
    },
  });
  await waitFor(`http://127.0.0.1:${port}/healthz`, child, seed ? 600 : 120);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `npm run build`, unless build/ is already current with the sources. */
export async function buildIfNeeded(bench: string) {
  console.log(`${bench}: building the app if its sources changed (npm run build) ...`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--if-needed"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the build failed (exit code ${code})`))));
  });
}

let datasetStarted = false;

type Row = {
  page: string;
  session: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  status: string;
  ratio: number;
  alone?: number;
};

/** One request at a time on one kept-alive connection: the median time from request to the page's last byte, in ms. */
async function alone(url: string, headers: Record<string, string> = {}, requests = 30) {
  const times: number[] = [];
  for (let i = 0; i < requests + 3; i++) {
    const started = performance.now();
    await (await fetch(url, { headers })).arrayBuffer();
    // The first three warm the connection and the page.
    if (i >= 3) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function measure(url: string, options: Options, headers: Record<string, string> = {}) {
  const run = (duration: number) => autocannon({ url, connections: options.connections, duration, headers, timeout: 10 });
  await run(options.warmup);
  const result = await run(options.duration);
  const non2xx = result.non2xx;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    status: non2xx > 0 ? `${non2xx} non-2xx` : "",
  };
}

/** The largest resident memory among the server process and its children (its server processes). */
const residentMegabytes = async (pid: number): Promise<number> => {
  const { readFile } = await import("node:fs/promises");
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const own = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    const children = (await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "")).split(/\s+/).filter(Boolean).map(Number);
    const theirs = await Promise.all(children.map((child) => residentMegabytes(child)));
    return Math.max(own, ...theirs.filter((n) => Number.isFinite(n)));
  } catch {
    return NaN;
  }
};

/** `forumSeeded`: the forum data is already in the large data set (`npm run bench` seeds it for bench/forum.ts). */
export async function benchHttp(argv: string[] = [], { forumSeeded = false } = {}) {
  const options = parseOptions(argv);
  if (options.build) await buildIfNeeded("http");
  datasetStarted = true;
  const database = await largeDataset({ scale: options.scale });
  const posts = forumSeeded ? FORUM_POSTS : Math.max(1_000, Math.round(FORUM_POSTS * options.scale));
  if (!forumSeeded) {
    const started = performance.now();
    const users = Math.min(FORUM_USERS, database.enterprises);
    await seedForum(database.url, { posts, longThreadReplies: Math.min(LONG_THREAD_REPLIES, Math.round(posts / 10)), users });
    console.log(`http: forum data, ${posts.toLocaleString("en")} posts, seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  // A logged-in person: one of the forum's people, member of an enterprise.
  const { createSession } = await import("../app/utils/session.server");
  const cookie = (await createSession("bu1")).split(";")[0]!;
  const { disconnectPrisma } = await import("../app/utils/db.server");
  await disconnectPrisma();
  const { FORUM_CATEGORY_SEEDS } = await import("../app/utils/forum-categories");

  const bare = await startBareServer();
  const app = await startAppServer(database.url);
  const pages = [
    "/",
    "/ratings",
    "/ratings?country=KZ&tier=leading&sort=score",
    "/ratings?q=enterprise%2012",
    "/forum",
    `/forum/${FORUM_CATEGORY_SEEDS[1]!.slug}`,
    "/forum/threads/bt0",
    "/forum/search?q=solar",
    "/enterprises/bench-12",
    "/sector",
    "/methodology",
    "/api/v1/enterprises?country=KZ",
  ].filter((page) => !options.only || page.includes(options.only));
  const rows: Row[] = [];
  let peakMemory = 0;
  try {
    const first = await measure(`${bare.url}/`, options);
    console.log(`http: bare node:http, 30 KB page, first: ${Math.round(first.rps)} req/s, p50 ${first.p50} ms, p99 ${first.p99} ms`);
    rows.push({ page: "bare node:http (30 KB), first", session: "", ...first, ratio: 0 });
    for (const [session, headers] of [
      ["anonymous", {}],
      ...(options.loggedIn ? [["logged in", { Cookie: cookie }] as const] : []),
    ] as const) {
      for (const page of pages) {
        // What a browser or proxy is told about the page, and whether it can revalidate it.
        const first = await fetch(`${app.url}${page}`, { headers });
        await first.arrayBuffer();
        const etag = first.headers.get("etag");
        const revalidated = etag ? (await fetch(`${app.url}${page}`, { headers: { ...headers, "If-None-Match": etag } })).status : null;
        // Whether the next readers are answered from the pages kept in memory (anonymous readers only). Each
        // server process keeps its own copy, so the first request each process answers is a miss.
        const answers: (string | null)[] = [];
        for (let i = 0; i < 4; i++) {
          const again = await fetch(`${app.url}${page}`, { headers });
          await again.arrayBuffer();
          answers.push(again.headers.get("x-page-cache"));
        }
        const kept = answers.includes("hit") ? "hit" : answers.find((answer) => answer !== null);
        console.log(
          `http: ${session} ${page}: ${first.status}, Cache-Control: ${first.headers.get("cache-control") ?? "(none)"}${revalidated ? `, If-None-Match answered ${revalidated}` : ""}, kept page: ${kept ?? "no"}`,
        );
        const single = await alone(`${app.url}${page}`, headers);
        const result = await measure(`${app.url}${page}`, options, headers);
        peakMemory = Math.max(peakMemory, await residentMegabytes(app.pid));
        const row = { page, session, ...result, ratio: 0, alone: single };
        rows.push(row);
        console.log(
          `http: ${session} ${page}: alone ${single.toFixed(1)} ms; ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.errors} errors ${row.status}`,
        );
      }
    }
    const last = await measure(`${bare.url}/`, options);
    console.log(`http: bare node:http, 30 KB page, last: ${Math.round(last.rps)} req/s, p50 ${last.p50} ms, p99 ${last.p99} ms`);
    rows.push({ page: "bare node:http (30 KB), last", session: "", ...last, ratio: 0 });
    const ceiling = Math.max(first.rps, last.rps);
    for (const row of rows) row.ratio = row.rps / ceiling;
  } finally {
    bare.stop();
    await app.stop();
  }
  const scale = `${database.enterprises.toLocaleString("en")} enterprises, ${posts.toLocaleString("en")} forum posts`;
  console.log(
    `\nHTTP benchmark: ${scale}; ${options.connections} connections, ${options.duration} s a page after ${options.warmup} s of warm-up; ${os.cpus().length} cores`,
  );
  console.log("| page | session | alone | req/s | p50 | p99 | errors | ratio to the faster bare |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) {
    const errors = `${row.errors}${row.status ? ` (${row.status})` : ""}`;
    const single = row.alone === undefined ? "" : `${row.alone.toFixed(1)} ms`;
    console.log(
      `| \`${row.page}\` | ${row.session} | ${single} | ${Math.round(row.rps)} | ${row.p50} ms | ${row.p99} ms | ${errors} | ${(row.ratio * 100).toFixed(2)} % |`,
    );
  }
  console.log(`app server process's resident memory, highest seen: ${peakMemory} MB`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await benchHttp(process.argv.slice(2));
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    if (datasetStarted) await (await largeDataset()).stop();
  }
  process.exit();
}
