import type { ServerBuild } from "@remix-run/node";

/** Seconds a client is asked to wait (Retry-After) while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

// Driver adapter error kinds and PostgreSQL codes that mean "the server is not there right now":
// refused or reset connections, a server shutting down or starting up (57P01-57P03), lost
// connections (class 08), too many connections.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_CODES = new Set(["57P01", "57P02", "57P03", "53300", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// "Unable to start a transaction in the given time": no connection came free for an interactive
// transaction (a server so loaded that the pool stays busy); nothing was written, so it is a 503 too.
const UNAVAILABLE_MESSAGES =
  /Unable to start a transaction in the given time|Connection terminated|not queryable|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|the database system is (?:starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

/**
 * Whether an error only says the database cannot be reached at the moment (it is restarting,
 * or an external server is down), as opposed to a fault of the query or the code.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    originalCode?: unknown;
    meta?: { driverAdapterError?: { cause?: unknown } };
  };
  if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || UNAVAILABLE_PRISMA_CODES.has(e.code) || e.code.startsWith("08"))) {
    return true;
  }
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.originalCode === "string" && (UNAVAILABLE_CODES.has(e.originalCode) || e.originalCode.startsWith("08"))) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  // Prisma's P2010 (a raw query failed) and the like carry the driver's reason in their meta.
  return isDatabaseUnavailable(e.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** The answer while the database is away: 503 with Retry-After, and no trace of the error. */
export function databaseUnavailableResponse() {
  return new Response("Service temporarily unavailable: the database is restarting. Try again in a few seconds.", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

let lastLogged = 0;

/** One log line every 10 seconds at most while the database is away, instead of a stack trace per request. */
export function logDatabaseUnavailable(error: unknown, log: (line: string) => void = (line) => console.warn(line)) {
  const now = Date.now();
  if (now - lastLogged < 10_000) return;
  lastLogged = now;
  const message = error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error);
  log(`database unavailable, answering 503: ${message}`);
}

function rethrowUnavailable(error: unknown): never {
  if (isDatabaseUnavailable(error)) {
    logDatabaseUnavailable(error);
    throw databaseUnavailableResponse();
  }
  throw error;
}

/**
 * The server build with every loader and action answering a database outage with a thrown 503
 * response: pages show the error boundary's "temporarily unavailable" message in the reader's
 * language, resource routes and data requests get the 503 itself, and nothing is logged as a crash.
 */
export function guardDatabaseOutages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader
          ? {
              loader: (args: Parameters<typeof loader>[0]) =>
                Promise.resolve()
                  .then(() => loader(args))
                  .catch(rethrowUnavailable),
            }
          : {}),
        ...(action
          ? {
              action: (args: Parameters<typeof action>[0]) =>
                Promise.resolve()
                  .then(() => action(args))
                  .catch(rethrowUnavailable),
            }
          : {}),
      },
    };
  }
  return { ...build, routes };
}
