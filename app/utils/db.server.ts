import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/utils/env.server";

declare global {
  var __ortaqPrisma: PrismaClient | undefined;
}

/** How long a connection no request uses stays open. */
export const IDLE_CONNECTION_MS = 5 * 60_000;

function createClient() {
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE: max, DATABASE_PREPARED_STATEMENTS: prepared } = getEnv();
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the platform through server.ts, which provides one");
  }
  // A connection that fails or breaks is dropped by the pool (pg-pool discards a client released
  // with an error or no longer queryable), and each new query opens a new one: when the database
  // comes back, embedded and restarted or an external server returning, the app works again by
  // itself. Connecting gives up after a few seconds, so a request meets a clean 503, not a hang;
  // keep-alive notices a server that vanished without closing its connections. An idle connection is
  // kept for minutes, not pg's 10 seconds: opening one (with SCRAM authentication) cost the first page
  // after a quiet spell 80-130 ms more than the next; idle connections never keep a script from ending.
  const adapter = new PrismaPg(
    createPool({
      connectionString,
      max,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      idleTimeoutMillis: IDLE_CONNECTION_MS,
      allowExitOnIdle: true,
    }),
    { disposeExternalPool: true, ...(prepared ? { statementNameGenerator: statementNames() } : {}) },
  );
  return new PrismaClient({ adapter });
}

/**
 * Marks a raw query whose best plan is the same whatever its values, a lookup by key such as the session's
 * that every signed-in page makes: written first in its SQL (`` $queryRaw`${KEPT_PLAN} SELECT …` ``), it
 * makes the query prepared once on each connection and its plan kept there (decision 037). Other queries
 * are parsed and planned for each run, so a plan chosen for one value never serves another badly.
 */
export const KEPT_PLAN = Prisma.raw("/* kept plan */");

/** How many different marked queries one server process prepares under a name; past that they are sent unnamed. */
export const MAX_NAMED_STATEMENTS = 200;

/**
 * The name under which the adapter prepares a query (decision 037): the same for the same SQL, for the
 * queries marked with `KEPT_PLAN` only; "" (unnamed: parsed and planned for this run alone) for the rest,
 * and for any marked query past the first `limit` different ones.
 */
export function statementNames(limit = MAX_NAMED_STATEMENTS): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    if (!sql.startsWith(KEPT_PLAN.sql)) return "";
    let name = names.get(sql);
    if (name === undefined) {
      if (names.size >= limit) return "";
      name = `ortaq_${names.size.toString(36)}`;
      names.set(sql, name);
    }
    return name;
  };
}

/**
 * A pool whose connections never take the process down when the database goes away: a connection
 * that breaks while checked out between two uses (a transaction just finished, not yet back in the
 * pool) emits an "error" with nobody listening, which Node turns into a crash. Each connection keeps
 * a listener of its own for its whole life; the failure itself still reaches the query that meets it,
 * and the pool drops the broken connection.
 */
export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("connect", (client) => client.on("error", () => undefined));
  pool.on("error", () => undefined);
  return pool;
}

/** The one Prisma client, created on first use and kept across dev reloads. */
export function getPrisma(): PrismaClient {
  globalThis.__ortaqPrisma ??= createClient();
  return globalThis.__ortaqPrisma;
}

export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectPrisma() {
  const client = globalThis.__ortaqPrisma;
  globalThis.__ortaqPrisma = undefined;
  await client?.$disconnect();
}

/** The client of an open transaction: model functions that must run inside their caller's transaction take one. */
export type Tx = Prisma.TransactionClient;

/** Either the client or an open transaction: for model functions that run on their own or inside a caller's transaction. */
export type Db = Tx | PrismaClient;

/**
 * A write refused by a unique index: Prisma's P2002 for a model query, or PostgreSQL's own
 * 23505 that a raw query's error carries from the driver adapter (Prisma calls that one P2010).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause;
  return error.code === "P2002" || cause?.originalCode === "23505";
}
