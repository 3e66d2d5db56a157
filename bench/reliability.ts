// `npm run bench:reliability`: many people using the site at once, and the database killed under them.
//
// Starts the production build (NODE_ENV=production) on the demo data, with its own embedded
// PostgreSQL in a temporary folder, listening on 127.0.0.1 only. Then `--users` people, each in a
// loop with a pause between steps, for `--duration` seconds: most read anonymously (home, ratings,
// enterprise pages, the forum, methodology, sector), the others are signed in and also write:
// forum replies (within the forum's posting limit), assessment autosaves and shortlist additions.
// Every write the server acknowledged (a redirect or 200) is checked in the database at the end:
// a write acknowledged and not there is a lost write.
// With `--kill-db`, the embedded PostgreSQL is killed with SIGKILL half-way through (or at
// `--kill-at` seconds): the figures then say how long the service took to answer /healthz again
// (it must be within 30 s, without a person) and what the people saw meanwhile.
//
//   npm run bench:reliability                                  200 people, 10 minutes
//   npm run bench:reliability -- --users 40 --duration 60      a short run
//   npm run bench:reliability -- --users 40 --duration 90 --kill-db
//   flags: --users N (200), --duration S (600), --writers F (share signed in, 0.3), --think-ms MS (pause
//          between steps, 1000, varied ±50 %), --kill-db, --kill-at S, --no-build (use build/ as it is),
//          --server-log FILE (write the server's whole log there)
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const AUTOSAVE_QUESTION = "ep_training_hours";
const AUTOSAVE_SECTION = "ecosystem_partnership";
// The forum allows an established account 10 posts in 10 minutes: a person here replies at most every 75 s.
const REPLY_EVERY_MS = 75_000;
const REQUEST_TIMEOUT_MS = 60_000;
const RECOVERY_LIMIT_S = 30;

interface Options {
  users: number;
  duration: number;
  writers: number;
  thinkMs: number;
  killDb: boolean;
  killAt?: number;
  build: boolean;
  serverLog?: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { users: 200, duration: 600, writers: 0.3, thinkMs: 1000, killDb: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number`);
      return value;
    };
    if (flag === "--users") options.users = Math.min(2000, Math.round(number()));
    else if (flag === "--duration") options.duration = Math.min(3600, number());
    else if (flag === "--writers") options.writers = Math.min(1, number());
    else if (flag === "--think-ms") options.thinkMs = number();
    else if (flag === "--kill-db") options.killDb = true;
    else if (flag === "--kill-at") {
      options.killDb = true;
      options.killAt = number();
    } else if (flag === "--no-build") options.build = false;
    else if (flag === "--server-log") options.serverLog = argv[++i];
    else throw new Error(`unknown flag ${flag}`);
  }
  return options;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

function run(command: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

/** The production server on a fresh embedded database with the demo data. */
async function startServer(dir: string) {
  const port = await freePort();
  const dataDir = path.join(dir, "postgres");
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: "",
      ORTAQ_DATA_DIR: dataDir,
      ORTAQ_SEED: "auto",
      EVIDENCE_DIR: path.join(dir, "evidence"),
      MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
      SESSION_SECURE_COOKIE: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 300_000;
  while (!/running at/.test(output)) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    if (Date.now() > until) throw new Error(`the server did not start within 300 s:\n${output}`);
    await sleep(250);
  }
  return { url, child, dataDir, output: () => output };
}

async function postmaster(dataDir: string) {
  const lines = (await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/** CPU seconds used so far by a process and all its descendants (the app server and its PostgreSQL), from /proc. */
async function treeCpuSeconds(rootPid: number): Promise<number> {
  const stats: { pid: number; ppid: number; ticks: number }[] = [];
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const text = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => null);
    if (!text) continue;
    // Fields after the command name (which may hold spaces) start at state, the third field.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    stats.push({ pid: Number(entry), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const stat of stats)
      if (!tree.has(stat.pid) && tree.has(stat.ppid)) {
        tree.add(stat.pid);
        grew = true;
      }
  }
  // Linux counts in clock ticks of 1/100 s.
  return stats.filter((stat) => tree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks, 0) / 100;
}

/** The machine's 1-minute load average, sampled every 10 s while the people run. */
const loadSamples: number[] = [];
const sampleLoad = () => loadSamples.push(os.loadavg()[0]!);

interface Sample {
  kind: string;
  ms: number;
  status: number;
  at: number;
}

const samples: Sample[] = [];
/** A few examples of each 5xx answer other than 503 (what was asked, how long it took, the body's start). */
const serverErrors = new Map<number, string[]>();
let outage: { from: number; to?: number } | undefined;

async function request(
  kind: string,
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: string; location: string | null }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...init });
    const body = await response.text();
    samples.push({ kind, ms: performance.now() - started, status: response.status, at: Date.now() });
    if (response.status >= 500 && response.status !== 503) {
      const example = serverErrors.get(response.status) ?? [];
      if (example.length < 3)
        example.push(
          `${init.method ?? "GET"} ${new URL(url).pathname} after ${(performance.now() - started).toFixed(0)} ms: ${body.slice(0, 160).replace(/\s+/g, " ") || "(empty body)"}`,
        );
      serverErrors.set(response.status, example);
    }
    return { status: response.status, body, location: response.headers.get("Location") };
  } catch {
    // No answer at all (refused, reset, timed out): recorded as status 0.
    samples.push({ kind, ms: performance.now() - started, status: 0, at: Date.now() });
    return { status: 0, body: "", location: null };
  }
}

const form = (url: string, cookie: string, fields: Record<string, string>) =>
  ({
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: url },
    body: new URLSearchParams(fields).toString(),
  }) satisfies RequestInit;

interface Writer {
  cookie: string;
  userId: string;
  enterpriseSlug: string;
  assessmentId: string;
  revision: number;
  client: string;
  lastReplyAt: number;
}

/** What the server acknowledged, and what was sent without an answer (it may or may not be there). */
const acknowledged = {
  replies: [] as string[],
  shortlist: [] as { userId: string; slug: string }[],
  autosave: new Map<string, { acked: number | null; sentAfter: number[] }>(),
};

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.build) await run(process.execPath, ["--import", "tsx", "scripts/build.ts", "--if-needed"]);
  const dir = await mkdtemp(path.join(os.tmpdir(), "ortaq-reliability-"));
  // The database runs as another system user: the folder must be readable.
  await chmod(dir, 0o755);
  console.log(`Starting the production server on the demo data (${dir}) ...`);
  const server = await startServer(dir);
  const { url } = server;
  let stopped = false;
  const stopServer = async () => {
    if (stopped) return;
    stopped = true;
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await Promise.race([exited, sleep(60_000)]);
  };
  try {
    // The bench reads and prepares data beside the server, in its database.
    const db = await postmaster(server.dataDir);
    process.env.DATABASE_URL = `postgresql://ortaq:ortaq-local@127.0.0.1:${db.port}/ortaq`;
    process.env.EVIDENCE_DIR = path.join(dir, "evidence");
    process.env.MAIL_OUTBOX_DIR = path.join(dir, "outbox");
    const { prisma, disconnectPrisma } = await import("../app/utils/db.server");
    const { PUBLIC_CATEGORY } = await import("../app/models/forum-access.server");
    const { createUser } = await import("../app/models/user.server");
    const { startAssessment } = await import("../app/models/assessment.server");
    const { createSession } = await import("../app/utils/session.server");

    const enterprises = (
      await prisma.enterprise.findMany({ where: { status: "published" }, select: { slug: true, country: true, sector: true } })
    ).map((e) => e.slug);
    // Public categories only: a cohort's own forum answers 404 to everyone outside it, as it should.
    const categories = (await prisma.forumCategory.findMany({ where: PUBLIC_CATEGORY, select: { slug: true } })).map((c) => c.slug);
    const threads = (await prisma.forumThread.findMany({ where: { locked: false, category: PUBLIC_CATEGORY }, select: { id: true } })).map(
      (t) => t.id,
    );
    const openThreads = (
      await prisma.forumThread.findMany({
        where: { locked: false, consultation: { is: null }, category: PUBLIC_CATEGORY },
        select: { id: true },
      })
    ).map((t) => t.id);
    const readPages = [
      "/",
      "/ratings",
      "/ratings?country=KZ",
      "/ratings?country=UZ&sort=score",
      "/ratings?sector=agriculture_food",
      "/forum",
      "/methodology",
      "/sector",
      "/sector?country=KG",
      ...enterprises.slice(0, 30).map((slug) => `/enterprises/${slug}`),
      ...categories.map((slug) => `/forum/${slug}`),
      ...threads.map((id) => `/forum/threads/${id}`),
    ];

    const writerCount = Math.round(options.users * options.writers);
    console.log(`Preparing ${writerCount} signed-in people (accounts, enterprises, draft assessments) ...`);
    const writers: Writer[] = [];
    const runId = randomUUID().slice(0, 8);
    for (let n = 0; n < writerCount; n++) {
      const email = `writer-${runId}-${n}@reliability.example`;
      const created = await createUser({
        email,
        password: `Reliable-${runId}-Quasar-${n}`,
        displayName: `Writer ${n}`,
        language: "en",
        role: "entrepreneur",
      });
      if ("error" in created) throw new Error(`could not create ${email}`);
      // Established, confirmed accounts: the forum's limits for new accounts are not what this measures.
      await prisma.user.update({
        where: { id: created.id },
        data: { emailConfirmedAt: new Date(), createdAt: new Date(Date.now() - 30 * 86_400_000) },
        select: { id: true },
      });
      const enterprise = await prisma.enterprise.create({
        data: {
          slug: `reliability-${runId}-${n}`,
          name: `Reliability Workshop ${runId} ${n}`,
          legalForm: "llp",
          country: "KZ",
          region: "KZ-19",
          city: "Almaty",
          sector: "crafts_textiles",
          foundedYear: 2018,
          employees: 12,
          womenLed: true,
          youthLed: false,
          description: "A workshop that exists to be written to by the reliability benchmark.",
          mission: "Fair jobs through traditional crafts.",
          sdgs: [5, 8],
          beneficiaryGroups: ["women"],
          members: { create: { userId: created.id, role: "owner" } },
        },
        select: { id: true, slug: true },
      });
      const assessment = await startAssessment({ enterpriseId: enterprise.id, userId: created.id, prefill: false });
      const cookie = (await createSession(created.id)).split(";")[0]!;
      writers.push({
        cookie,
        userId: created.id,
        enterpriseSlug: enterprise.slug,
        assessmentId: assessment.id,
        revision: 0,
        client: randomUUID(),
        lastReplyAt: 0,
      });
      acknowledged.autosave.set(assessment.id, { acked: null, sentAfter: [] });
    }
    await disconnectPrisma();

    // Warm up every page once, so the figures are of a running site, not of its first requests.
    for (const page of readPages) await request("warm-up", `${url}${page}`);
    samples.length = 0;

    const deadline = Date.now() + options.duration * 1000;
    const think = () => sleep(options.thinkMs * (0.5 + Math.random()));

    const reader = async () => {
      while (Date.now() < deadline) {
        await request("read", `${url}${pick(readPages)}`, { headers: { "Accept-Language": pick(["en", "ru", "kk", "uz", "fa-AF"]) } });
        await think();
      }
    };

    const writer = async (me: Writer) => {
      const base = `${url}/enterprises/${me.enterpriseSlug}/assessments/${me.assessmentId}`;
      let value = 0;
      while (Date.now() < deadline) {
        const roll = Math.random();
        if (roll < 0.35) {
          await request("read-signed-in", `${url}${pick(["/dashboard", "/shortlists", "/forum", ...readPages.slice(0, 12)])}`, {
            headers: { Cookie: me.cookie },
          });
        } else if (roll < 0.7) {
          value = (value % 1999) + 1;
          const state = acknowledged.autosave.get(me.assessmentId)!;
          state.sentAfter.push(value);
          const answer = await request(
            "autosave",
            base,
            form(url, me.cookie, {
              intent: "autosave",
              revision: String(me.revision),
              client: me.client,
              section: AUTOSAVE_SECTION,
              shown: AUTOSAVE_QUESTION,
              [`q.${AUTOSAVE_QUESTION}`]: String(value),
            }),
          );
          if (answer.status === 200) {
            state.acked = value;
            state.sentAfter = [];
            const revision = /name="revision" value="(\d+)"/.exec(answer.body);
            if (revision) me.revision = Number(revision[1]);
          }
        } else if (roll < 0.9 || Date.now() - me.lastReplyAt < REPLY_EVERY_MS) {
          const slug = pick(enterprises);
          const answer = await request("shortlist-add", `${url}/shortlists`, form(url, me.cookie, { intent: "add", enterprise: slug }));
          if (answer.status === 302 || answer.status === 303) acknowledged.shortlist.push({ userId: me.userId, slug });
        } else {
          me.lastReplyAt = Date.now();
          const token = `reliability-${randomUUID()}`;
          const answer = await request(
            "forum-reply",
            `${url}/forum/threads/${pick(openThreads)}`,
            form(url, me.cookie, { intent: "reply", body: `A reply from the reliability run (${token}): the figures look steady.` }),
          );
          if (answer.status === 302 || answer.status === 303) acknowledged.replies.push(token);
        }
        await think();
      }
    };

    let recovery: number | null = null;
    const fault = async () => {
      if (!options.killDb) return;
      await sleep((options.killAt ?? options.duration / 2) * 1000);
      const { pid } = await postmaster(server.dataDir);
      console.log(`Killing the embedded PostgreSQL (pid ${pid}) with SIGKILL ...`);
      outage = { from: Date.now() };
      process.kill(pid, "SIGKILL");
      const limit = Date.now() + 120_000;
      while (Date.now() < limit) {
        await sleep(250);
        const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
        if (health?.status === 200) {
          outage.to = Date.now();
          recovery = (outage.to - outage.from) / 1000;
          console.log(`The service answered /healthz again after ${recovery.toFixed(1)} s.`);
          return;
        }
      }
    };

    console.log(
      `Running: ${options.users} people (${writerCount} signed in) for ${options.duration} s${options.killDb ? ", the database killed mid-way" : ""} ...`,
    );
    const startedAt = Date.now();
    const cpuBefore = await treeCpuSeconds(server.child.pid!);
    sampleLoad();
    const loadSampler = setInterval(sampleLoad, 10_000);
    await Promise.all([
      ...Array.from({ length: options.users - writerCount }, () => reader()),
      ...writers.map((me) => writer(me)),
      fault(),
    ]);
    const elapsed = (Date.now() - startedAt) / 1000;
    clearInterval(loadSampler);
    sampleLoad();
    // Processes of a PostgreSQL killed mid-run take their CPU time with them: a lower bound then.
    const serverCpu = (await treeCpuSeconds(server.child.pid!)) - cpuBefore;

    // Every acknowledged write, looked for in the database.
    process.env.DATABASE_URL = `postgresql://ortaq:ortaq-local@127.0.0.1:${(await postmaster(server.dataDir)).port}/ortaq`;
    const check = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await check.connect();
    let lost = 0;
    const found = new Set(
      (
        await check.query<{ token: string }>(
          `SELECT substring(body from 'reliability-[0-9a-f-]{36}') AS token FROM "ForumPost" WHERE body LIKE 'A reply from the reliability run%'`,
        )
      ).rows.map((row) => row.token),
    );
    const lostReplies = acknowledged.replies.filter((token) => !found.has(token)).length;
    const entries = new Set(
      (
        await check.query<{ key: string }>(
          `SELECT s."userId" || ' ' || e.slug AS key FROM "ShortlistEntry" se JOIN "Shortlist" s ON s.id = se."shortlistId" JOIN "Enterprise" e ON e.id = se."enterpriseId"`,
        )
      ).rows.map((row) => row.key),
    );
    const lostShortlist = acknowledged.shortlist.filter((add) => !entries.has(`${add.userId} ${add.slug}`)).length;
    const answers = new Map(
      (
        await check.query<{ id: string; value: unknown }>(`SELECT id, answers -> $1 AS value FROM "Assessment" WHERE id = ANY($2)`, [
          AUTOSAVE_QUESTION,
          [...acknowledged.autosave.keys()],
        ])
      ).rows.map((row) => [row.id, row.value]),
    );
    let lostAutosaves = 0;
    let autosaved = 0;
    for (const [id, state] of acknowledged.autosave) {
      if (state.acked === null) continue;
      autosaved += 1;
      const stored = Number(answers.get(id));
      // The last acknowledged value, or one sent after it whose answer never came: nothing older.
      if (stored !== state.acked && !state.sentAfter.includes(stored)) lostAutosaves += 1;
    }
    lost = lostReplies + lostShortlist + lostAutosaves;
    await check.end();

    report({ options, elapsed, writerCount, recovery, lost, lostReplies, lostShortlist, lostAutosaves, autosaved });
    const loads = [...loadSamples].sort((a, b) => a - b);
    console.log(
      `  machine: ${os.cpus().length} cores, 1-minute load average ${loads[0]!.toFixed(1)} to ${loads.at(-1)!.toFixed(1)} (median ${percentile(loads, 0.5).toFixed(1)}) during the run; the app server and its PostgreSQL used ${serverCpu.toFixed(0)} CPU-seconds in ${elapsed.toFixed(0)} s (${((100 * serverCpu) / elapsed).toFixed(0)} % of one core)`,
    );
    const log = server.output();
    if (options.serverLog) await writeFile(options.serverLog, log);
    // What the server logged as failures, grouped by their first line.
    const failures = new Map<string, number>();
    for (const line of log.split("\n")) {
      if (!/error|unavailable|failed|timed? ?out/i.test(line) || /^\s+at /.test(line)) continue;
      const key = line.replace(/\d+/g, "N").slice(0, 160);
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    for (const [line, count] of [...failures].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  server log ×${count}: ${line}`);
    for (const line of log.split("\n").filter((text) => /embedded PostgreSQL|postmaster/.test(text))) console.log(`  server: ${line}`);
    const crashes = log.split("\n").filter((line) => /PrismaClient\w*Error|Unexpected Server Error/.test(line)).length;
    if (crashes > 0) console.log(`Server log: ${crashes} lines of request errors (see above).`);
    const failed = lost > 0 || (options.killDb && (recovery === null || recovery > RECOVERY_LIMIT_S));
    await stopServer();
    await rm(dir, { recursive: true, force: true });
    process.exit(failed ? 1 : 0);
  } catch (error) {
    console.error(server.output().split("\n").slice(-30).join("\n"));
    await stopServer();
    throw error;
  }
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0;
}

function report({
  options,
  elapsed,
  writerCount,
  recovery,
  lost,
  lostReplies,
  lostShortlist,
  lostAutosaves,
  autosaved,
}: {
  options: Options;
  elapsed: number;
  writerCount: number;
  recovery: number | null;
  lost: number;
  lostReplies: number;
  lostShortlist: number;
  lostAutosaves: number;
  autosaved: number;
}) {
  // A request under way at any moment of the outage (from the kill until /healthz answered again).
  const inOutage = (sample: Sample) => outage !== undefined && sample.at >= outage.from && sample.at - sample.ms <= (outage.to ?? Infinity);
  // 4xx answers count as errors too: every request this benchmark sends is a valid one.
  const isError = (sample: Sample) => sample.status === 0 || sample.status >= 400;
  const rows: string[][] = [["kind", "requests", "errors", "p50 ms", "p99 ms", "max ms"]];
  const kinds = ["read", "read-signed-in", "autosave", "shortlist-add", "forum-reply", "all"];
  for (const kind of kinds) {
    const of = samples.filter((sample) => (kind === "all" || sample.kind === kind) && !inOutage(sample));
    const times = of.map((sample) => sample.ms).sort((a, b) => a - b);
    rows.push([
      kind,
      String(of.length),
      String(of.filter(isError).length),
      percentile(times, 0.5).toFixed(0),
      percentile(times, 0.99).toFixed(0),
      (times.at(-1) ?? 0).toFixed(0),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log(
    `\nReliability: ${options.users} people (${writerCount} signed in), ${elapsed.toFixed(0)} s, pause ${options.thinkMs} ms ±50 %`,
  );
  for (const row of rows)
    console.log(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")}`);
  const total = samples.length;
  console.log(`  throughput: ${(total / elapsed).toFixed(1)} requests/s`);
  const statuses = new Map<number, number>();
  for (const sample of samples.filter(isError)) statuses.set(sample.status, (statuses.get(sample.status) ?? 0) + 1);
  if (statuses.size > 0)
    console.log(`  error answers by status (0 = no answer): ${[...statuses].map(([status, count]) => `${status}: ${count}`).join(", ")}`);
  for (const [status, examples] of serverErrors) for (const example of examples) console.log(`  a ${status}: ${example}`);
  console.log(
    `  acknowledged writes: ${acknowledged.replies.length} forum replies, ${acknowledged.shortlist.length} shortlist additions, ${autosaved} assessments autosaved; lost: ${lost} (replies ${lostReplies}, shortlist ${lostShortlist}, autosaves ${lostAutosaves})`,
  );
  if (options.killDb) {
    const during = samples.filter(inOutage);
    const by = (test: (sample: Sample) => boolean) => during.filter(test).length;
    console.log(
      `  database killed: service back after ${recovery === null ? "never (over 120 s)" : `${recovery.toFixed(1)} s`} (target ${RECOVERY_LIMIT_S} s); during the outage ${during.length} requests: ${by((s) => s.status === 503)} answered 503, ${by((s) => s.status === 0)} no answer, ${by((s) => s.status === 500)} answered 500, ${by((s) => s.status > 0 && s.status < 400)} served`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
