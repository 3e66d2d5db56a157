import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import { httpCache } from "./app/utils/http-cache.server";
import express from "express";
import { guardDatabaseOutages, RETRY_AFTER_SECONDS } from "./app/utils/database-availability.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./app/utils/embedded-postgres.server";
import { getEnv, resetEnvCache } from "./app/utils/env.server";
import { defaultRetryAfter, guardRoutes, refuseCrossSiteRequests } from "./app/utils/request-guards.server";
import { createNonce, securityHeaders } from "./app/utils/security-headers.server";
import { checkoutOrigins } from "./app/utils/stripe.server";
import { applyMigrations } from "./prisma/migrate";

installGlobals({ nativeFetch: true });

// Module-wide, so that a start-up that fails after starting it stops it instead of leaving it running.
let embedded: EmbeddedDatabase | undefined;

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
  // Sector figures are stored in the database and kept current in the background.
  const { startSectorSummaryRefresher } = await import("./app/models/sector.server");
  const sectorSummaries = startSectorSummaryRefresher();
  // Every app server sends the queued e-mail (each message once, whatever the number of servers) and the daily digests.
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

  const vite = production ? undefined : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

  if (production && !process.env.PUBLIC_URL) {
    console.warn(
      `PUBLIC_URL is not set: links in feeds, exports and the API description use ${env.PUBLIC_URL}. Set it to the address people reach the site at.`,
    );
  }

  const formTargets = checkoutOrigins();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(compression());
  // Cache-Control, ETag and 304 for public pages; private, no-store for anything personal.
  app.use(httpCache());
  // Every 503 (the database away, a health check failing) and every 429 says when to try again.
  app.use(defaultRetryAfter({ unavailableSeconds: RETRY_AFTER_SECONDS, tooManySeconds: 60 }));
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

  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
  }

  // Every action reads its form through one guard: a body that is not a form gets 415, a broken one 400.
  // A loader or action that finds the database away answers 503 ("temporarily unavailable"), not a 500.
  const guard = (build: ServerBuild) => guardRoutes(guardDatabaseOutages(build));
  const build = vite
    ? () => (vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>).then(guard)
    : guard((await import(new URL("./build/server/index.js", import.meta.url).href)) as ServerBuild);

  let draining = false;
  app.use((_req, res, next) => {
    if (draining) res.setHeader("Connection", "close");
    next();
  });
  // A state-changing request from another site is refused here, for resource routes too, with 403 and one log line.
  // With PUBLIC_URL set, a form must come from a page of that address.
  app.use(refuseCrossSiteRequests(undefined, { publicUrl: env.PUBLIC_URL_SET ? env.PUBLIC_URL : null }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? "unknown" }),
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    if (env.PORT === 0) {
      // A port chosen by the system: the default PUBLIC_URL names it.
      process.env.PORT = String(port);
      resetEnvCache();
    }
    console.log(`Ortaq is running at http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    draining = true;
    console.log(`${signal} received: finishing requests in flight ...`);
    server.closeIdleConnections?.();
    // The database stays up until the last request has finished; a stop now is part of the shutdown.
    embedded?.stopSupervising();
    const force = setTimeout(() => server.closeAllConnections?.(), 30_000);
    sectorSummaries.stop();
    housekeeping.stop();
    server.close(async () => {
      clearTimeout(force);
      await vite?.close();
      await mail.stop();
      await disconnectPrisma();
      await embedded?.stop();
      console.log("Stopped.");
      process.exit(0);
    });
  };
  // embedded-postgres installs signal hooks that exit at once; this server drains first, then stops the database itself.
  process.removeAllListeners("SIGTERM");
  process.removeAllListeners("SIGINT");
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
