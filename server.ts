import cluster, { type Worker } from "node:cluster";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { watchDataChanges } from "./app/utils/data-changes.server";
import { guardDatabaseOutages, RETRY_AFTER_SECONDS } from "./app/utils/database-availability.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./app/utils/embedded-postgres.server";
import { getEnv, resetEnvCache } from "./app/utils/env.server";
import { httpCache } from "./app/utils/http-cache.server";
import { keptData } from "./app/utils/kept-data.server";
import { markOwnChanges, mustReadAfresh } from "./app/utils/own-change.server";
import { PageCache } from "./app/utils/page-cache.server";
import { projectRoot } from "./app/utils/project-root.server";
import {
  answerClientErrors,
  defaultRetryAfter,
  discardUnreadBodies,
  guardRoutes,
  refuseCrossSiteRequests,
  refuseLegacyDataRequests,
  refuseMalformedPaths,
} from "./app/utils/request-guards.server";
import { runInRequestScope } from "./app/utils/request-scope.server";
import { createNonce, securityHeaders } from "./app/utils/security-headers.server";
import { checkoutOrigins } from "./app/utils/stripe.server";
import { applyMigrations } from "./prisma/migrate";

installGlobals({ nativeFetch: true });

// A server process that served this long before it stopped is replaced without waiting.
const RESTART_CALM_MS = 60_000;

// Module-wide, so that a start-up that fails after starting it stops it instead of leaving it running.
let embedded: EmbeddedDatabase | undefined;

/**
 * The primary process prepares the database (starting the embedded one if no DATABASE_URL is
 * given, migrating, seeding) and runs the background work (sector figures, e-mail, housekeeping)
 * once. In production it then starts WEB_CONCURRENCY server processes (default: one per core)
 * that share one port and the database; a process that dies is replaced. One process too is a
 * server process of its own, with its heap bounded and replaced if it dies; in development the
 * primary serves the pages itself.
 */
async function main() {
  const env = getEnv();
  const production = env.NODE_ENV === "production";

  if (!env.DATABASE_URL) {
    delete process.env.DATABASE_URL;
    console.log(`Starting the embedded PostgreSQL in ${env.ORTAQ_DATA_DIR} ...`);
    // Supervised: killed or crashed, it is started again on the same port and data, without a person.
    embedded = await startEmbeddedPostgres({ dataDir: env.ORTAQ_DATA_DIR, supervise: true });
    const pg = await import("pg");
    const admin = new pg.default.Client({ connectionString: embedded.url("postgres") });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'ortaq'");
    if (exists.rowCount === 0) await admin.query("CREATE DATABASE ortaq");
    await admin.end();
    // The app reads its settings from the checked environment: parse it again with the embedded database's address.
    process.env.DATABASE_URL = embedded.url("ortaq");
    resetEnvCache();
  }
  const databaseUrl = getEnv().DATABASE_URL!;

  await applyMigrations(databaseUrl, { log: (message) => console.log(message) });

  const { disconnectPrisma, prisma } = await import("./app/utils/db.server");
  // The standard forum categories are the platform's own reference content, demo data or not.
  const { ensureForumCategories } = await import("./app/models/forum-category.server");
  const created = await ensureForumCategories(prisma);
  if (created > 0) console.log(`Added ${created} standard forum categories.`);
  if (env.ORTAQ_SEED === "auto") {
    const { seedIfEmpty } = await import("./prisma/seed");
    await seedIfEmpty(prisma, { log: (message) => console.log(message) });
  }
  const { backfillHandles, ensureAdminFromEnv } = await import("./app/models/user.server");
  await ensureAdminFromEnv();
  await backfillHandles({ log: (message) => console.log(message) });

  if (production && !process.env.PUBLIC_URL) {
    console.warn(
      `PUBLIC_URL is not set: links in feeds, exports and the API description use ${env.PUBLIC_URL}. Set it to the address people reach the site at.`,
    );
  }

  const processes = production ? (env.WEB_CONCURRENCY ?? availableParallelism()) : 1;
  const web = production ? startWorkers(processes) : await serve();
  const port = await web.port;
  if (env.PORT === 0) {
    // A port chosen by the system: the default PUBLIC_URL names it.
    process.env.PORT = String(port);
    resetEnvCache();
  }

  // Sector figures are stored in the database and kept current in the background.
  const { startSectorSummaryRefresher } = await import("./app/models/sector.server");
  const sectorSummaries = startSectorSummaryRefresher();
  // The queued e-mail (each message once, whatever the number of servers) and the daily digests.
  const { startMailWorker } = await import("./app/models/mail.server");
  const { sendDueDigests } = await import("./app/models/email-notifications.server");
  const { deleteExpiredEmailTokens } = await import("./app/models/account-email.server");
  const { outboxDir, smtpConfigured } = await import("./app/utils/mail.server");
  const mail = startMailWorker({ periodic: [() => sendDueDigests(), () => deleteExpiredEmailTokens()] });
  console.log(
    smtpConfigured()
      ? "E-mail is sent through SMTP_URL."
      : `E-mail is written to ${outboxDir()} (no SMTP_URL); admins read it on /admin/mail.`,
  );
  // Expired sessions, old login failures and forgotten devices are deleted now and hourly (and sessions on every login too).
  const { startHousekeeping } = await import("./app/utils/housekeeping.server");
  const housekeeping = startHousekeeping();

  onStopSignal(async (signal) => {
    console.log(`${signal} received: finishing requests in flight ...`);
    // The database stays up until the last request has finished; a stop now is part of the shutdown.
    embedded?.stopSupervising();
    sectorSummaries.stop();
    housekeeping.stop();
    await web.close();
    await mail.stop();
    await disconnectPrisma();
    await embedded?.stop();
    console.log("Stopped.");
    process.exit(0);
  });
  const processNote = !production ? "" : processes > 1 ? ` (${processes} server processes)` : " (1 server process)";
  console.log(`Ortaq is running at http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}${processNote}`);
}

const LIFTOFF_ONLY = "--liftoff-only";

/**
 * The V8 flags of a server process (decision 032): the primary's own, then the heap bound (the last
 * of a flag given twice counts), and the database client's WebAssembly (Prisma's query compiler)
 * compiled once by V8's baseline compiler, never again by its optimising one, whose work memory
 * stays in the process (about 40 MB).
 */
function serverProcessFlags(own: string[], heapMb: number) {
  return [...own.filter((flag) => flag !== LIFTOFF_ONLY), LIFTOFF_ONLY, ...(heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : [])];
}

interface Web {
  /** The port listened on, once listening. */
  port: Promise<number>;
  /** Finishes the requests in flight (at most 30 s), then stops serving. */
  close: () => Promise<void>;
}

/**
 * The C library's memory arenas of a server process (decision 032): two unless MALLOC_ARENA_MAX says
 * otherwise. glibc gives each thread that allocates at the same time as another an arena of its own
 * (up to eight per core), and V8's background threads leave freed memory in theirs: two kept a busy
 * process's resident memory 5–10 MB lower, with the same throughput.
 */
function mallocArenas(own: NodeJS.ProcessEnv): { MALLOC_ARENA_MAX?: string } {
  return own.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: "2" };
}

/** Starts `count` server processes on the one port, replacing any that dies until the server stops. */
function startWorkers(count: number): Web {
  let stopping = false;
  let restarts = 0;
  const workers = new Set<Worker>();
  const env = { DATABASE_URL: process.env.DATABASE_URL!, PORT: String(getEnv().PORT), ...mallocArenas(process.env) };
  const port = new Promise<number>((resolve) => {
    let listening = 0;
    cluster.on("listening", (_worker, address) => {
      listening++;
      if (listening === count) resolve(address.port);
    });
  });
  // A busy process's heap grows as far as V8 lets it (a quarter of the machine's memory) unless bounded.
  const heapMb = getEnv().SERVER_HEAP_MB;
  cluster.setupPrimary({ execArgv: serverProcessFlags(process.execArgv, heapMb) });
  const started = new Map<Worker, number>();
  let chosenPort: number | undefined;
  void port.then((number) => (chosenPort = number));
  const fork = () => {
    // A process started later asks for the same PORT as the first ones, 0 included: the primary hands
    // it the same listening socket (with the chosen port, asking for it by number would fail). When no
    // process is left, the primary has closed that socket: from then on they ask for the chosen port.
    if (workers.size === 0 && chosenPort !== undefined) env.PORT = String(chosenPort);
    const worker = cluster.fork(env);
    workers.add(worker);
    started.set(worker, Date.now());
    worker.once("online", () => console.log(`Server process ${worker.id} (pid ${worker.process.pid}) started.`));
  };
  cluster.on("exit", (worker, code, signal) => {
    workers.delete(worker);
    const lived = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) return;
    // A process that keeps failing is started again at most every few seconds; one that served a
    // while before it stopped is replaced at once.
    restarts = lived > RESTART_CALM_MS ? 0 : restarts + 1;
    console.error(`Server process ${worker.id} (pid ${worker.process.pid}) stopped (${signal ?? `exit code ${code}`}); starting another.`);
    setTimeout(fork, Math.min(restarts, 5) * 1_000);
  });
  for (let i = 0; i < count; i++) fork();
  return {
    port,
    close: async () => {
      stopping = true;
      const exits = [...workers].map((worker) => new Promise<void>((resolve) => worker.once("exit", () => resolve())));
      for (const worker of workers) worker.process.kill("SIGTERM");
      const force = setTimeout(() => workers.forEach((worker) => worker.process.kill("SIGKILL")), 35_000);
      await Promise.all(exits);
      clearTimeout(force);
    },
  };
}

/** Serves the pages in this process: the only one, or one of the primary's server processes. */
async function serve(): Promise<Web> {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  const vite = production ? undefined : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

  // Public pages kept for anonymous readers, dropped as soon as the data they show changes (production only).
  const pages = new PageCache({ maxAgeMs: production ? env.PAGE_CACHE_SECONDS * 1000 : 0, maxBytes: env.PAGE_CACHE_MB * 1024 * 1024 });
  // The results of the heavier public queries, kept for every reader on the same terms (decision 028).
  keptData.maxAgeMs = production ? env.PAGE_CACHE_SECONDS * 1000 : 0;
  const dataChanges =
    production && env.PAGE_CACHE_SECONDS > 0
      ? watchDataChanges({
          connectionString: env.DATABASE_URL!,
          onChange: () => [pages, keptData].forEach((kept) => kept.invalidate()),
          onListening: (listening) => [pages, keptData].forEach((kept) => kept.setListening(listening)),
        })
      : undefined;

  const formTargets = checkoutOrigins();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  // A request answered before its body was read through has the rest read and thrown away, so that its
  // connection goes on (otherwise it stalls, and is reset under a browser still sending).
  app.use(discardUnreadBodies());
  app.use(compression());
  // Every 503 (the database away, a health check failing) and every 429 says when to try again.
  app.use(defaultRetryAfter({ unavailableSeconds: RETRY_AFTER_SECONDS, tooManySeconds: 60 }));
  if (cluster.isWorker) {
    const worker = String(cluster.worker!.id);
    app.use((_req, res, next) => {
      res.setHeader("X-Server-Process", worker);
      next();
    });
  }
  app.use((req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    const headers = securityHeaders({ nonce, production, devOrigins: vite ? ["ws:", "wss:"] : [], formTargets });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // A route may give its own value for one of these headers: it replaces the default, never doubles it.
    const defaults = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
    const append = res.append.bind(res);
    res.append = (name: string, value?: string | string[]) => {
      if (defaults.has(name.toLowerCase()) && value !== undefined) {
        defaults.delete(name.toLowerCase());
        res.setHeader(name, value);
        return res;
      }
      return append(name, value);
    };
    next();
  });
  // An address with a malformed escape in its path: 400, without a stack trace in the log.
  app.use(refuseMalformedPaths());

  if (vite) {
    app.use(vite.middlewares);
  } else {
    const client = "build/client";
    app.use("/assets", express.static(`${client}/assets`, { immutable: true, maxAge: "1y" }));
    // The files of public/ (icons, the sharing image), listed once from build/client: a page's address is
    // not looked for on disk first.
    const publicEntries = readdirSync(client, { withFileTypes: true }).filter((entry) => entry.name !== "assets");
    const publicFiles = new Set(publicEntries.filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`));
    const publicFolders = publicEntries.filter((entry) => entry.isDirectory()).map((entry) => `/${entry.name}/`);
    const servePublicFile = express.static(client, { maxAge: "1h" });
    app.use((req, res, next) =>
      publicFiles.has(req.path) || publicFolders.some((folder) => req.path.startsWith(folder)) ? servePublicFile(req, res, next) : next(),
    );
  }

  // Every action reads its form through one guard: a body that is not a form gets 415, a broken one 400.
  // A loader or action that finds the database away answers 503 ("temporarily unavailable"), not a 500.
  const guard = (build: ServerBuild) => guardRoutes(guardDatabaseOutages(build));
  const build = vite
    ? () => (vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>).then(guard)
    : guard((await import(pathToFileURL(path.join(projectRoot(), "build", "server", "index.js")).href)) as ServerBuild);

  let draining = false;
  app.use((_req, res, next) => {
    if (draining) res.setHeader("Connection", "close");
    next();
  });
  // Remix's data requests from before single fetch (?_data=): 400, without the warning Remix logs.
  app.use(refuseLegacyDataRequests());
  // A state-changing request from another site is refused here, for resource routes too, with 403 and one log line.
  // With PUBLIC_URL set, a form must come from a page of that address.
  app.use(refuseCrossSiteRequests(undefined, { publicUrl: env.PUBLIC_URL_SET ? env.PUBLIC_URL : null }));
  // A visitor who changes something reads the next pages afresh, not from anything kept.
  app.use(markOwnChanges());
  // Cache-Control, ETag and 304 for public pages, kept pages for anonymous readers; private, no-store for anything personal.
  app.use(httpCache({ pages }));
  // What a request works out once (the signed-in person, the language) is kept for that request alone.
  app.use((req, _res, next) => runInRequestScope(next, { afresh: mustReadAfresh(req) }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? "unknown" }),
    }),
  );

  // An error passed on with a 4xx status (a file's range past its end) is answered with it, and not logged.
  app.use(answerClientErrors());

  const server = app.listen(env.PORT, env.HOST);
  const port = new Promise<number>((resolve, reject) => {
    server.once("listening", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : env.PORT);
    });
    server.once("error", reject);
  });
  if (cluster.isWorker) {
    // The port is known once listening (PORT=0): the default PUBLIC_URL names it.
    void port.then((chosen) => {
      process.env.PORT = String(chosen);
      resetEnvCache();
    });
  }

  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        draining = true;
        server.closeIdleConnections?.();
        const force = setTimeout(() => server.closeAllConnections?.(), 30_000);
        server.close(async () => {
          clearTimeout(force);
          await vite?.close();
          await dataChanges?.stop();
          resolve();
        });
      }),
  };
}

/** One of the primary's server processes: serves until told to stop, then finishes the requests in flight. */
async function worker() {
  const web = await serve();
  await web.port;
  const { disconnectPrisma } = await import("./app/utils/db.server");
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await web.close();
      await disconnectPrisma();
      process.exit(0);
    })());
  onStopSignal(stop);
  // The primary is gone (killed without its stop): nobody hands this process connections any more.
  cluster.worker!.on("disconnect", () => void stop());
}

/** Runs `stop` once, on the first SIGTERM or SIGINT. */
function onStopSignal(stop: (signal: string) => Promise<void>) {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    stop(signal).catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
  };
  // embedded-postgres installs signal hooks that exit at once; this server drains first, then stops the database itself.
  process.removeAllListeners("SIGTERM");
  process.removeAllListeners("SIGINT");
  process.on("SIGTERM", () => handle("SIGTERM"));
  process.on("SIGINT", () => handle("SIGINT"));
}

(cluster.isWorker ? worker() : main()).catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
