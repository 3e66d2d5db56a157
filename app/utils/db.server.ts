import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/utils/env.server";

declare global {
  var __ortaqPrisma: PrismaClient | undefined;
  var __ortaqLookups: Lookups | undefined;
}

/** The pool the client's queries go through, and how the lookups on it are named (`lookup`; none when not prepared). */
interface Lookups {
  pool: pg.Pool;
  names: ReturnType<typeof statementNames> | null;
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
  const pool = createPool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    allowExitOnIdle: true,
  });
  globalThis.__ortaqLookups = { pool, names: prepared ? statementNames() : null };
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

/**
 * A lookup by key whose best plan is the same whatever its values (decision 037), such as the session's
 * that every signed-in page makes, written as `` lookup<Row>`SELECT …` `` (values and `Prisma.sql`
 * fragments as in `$queryRaw`). It goes straight to the pool the client's queries use: prepared once on
 * each connection under a name, the same for the same SQL, and its plan kept there by PostgreSQL after
 * five runs, at less than half the processor time the client's raw query costs the server process.
 * Other queries go through the client, parsed and planned for their values on each run, so a plan chosen
 * for one value never serves another badly. Timestamps come back as `Date`s (the columns hold UTC);
 * numbers of eight bytes and decimals as text, so a lookup casts a count to `int`.
 */
export async function lookup<Row>(strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]> {
  getPrisma();
  const { pool, names } = globalThis.__ortaqLookups!;
  const query = Prisma.sql(strings, ...values);
  // "" (past the limit of names) and no names at all both send the statement unnamed.
  const run = async (statement: string | undefined) =>
    (await pool.query({ name: statement || undefined, text: query.text, values: query.values.map(lookupValue), types: LOOKUP_TYPES }))
      .rows as Row[];
  try {
    return await run(names?.name(query.text));
  } catch (error) {
    // A migration changed the type of a column the lookup answers with after it was prepared (a process
    // still running through a deploy): PostgreSQL refuses that prepared statement from then on, on every
    // connection holding it. Prepared again under a new name, on each connection as it is next used.
    if (!isChangedResultType(error)) throw error;
    return run(names?.rename(query.text));
  }
}

/** PostgreSQL refusing a prepared statement whose result's types changed since it was prepared. */
function isChangedResultType(error: unknown) {
  return error instanceof pg.DatabaseError && error.code === "0A000" && error.message.includes("cached plan must not change result type");
}

/** A value as the columns hold it: a moment in UTC, as Prisma writes it (pg would write the server's local time). */
const lookupValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const TIMESTAMP_WITHOUT_TIME_ZONE_ARRAY = 1115;
/** A moment as a `timestamp` column holds it, in UTC (pg would read it as the process's local time). */
const utcMoment = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
/** A list read as `text[]` (the notation of a list of moments is the same). */
const textList = pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0], "text") as (
  text: string,
) => (string | null)[];
const LOOKUP_TYPES = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === TIMESTAMP_WITHOUT_TIME_ZONE) return utcMoment;
    if (oid === TIMESTAMP_WITHOUT_TIME_ZONE_ARRAY) return (text: string) => textList(text).map((moment) => moment && utcMoment(moment));
    return pg.types.getTypeParser(oid, format as "text");
  }) as typeof pg.types.getTypeParser,
};

/** How many different lookups one server process prepares under a name; past that they are sent unnamed. */
export const MAX_NAMED_STATEMENTS = 200;

/**
 * The name under which a lookup's SQL is prepared (decision 037): the same for the same SQL, and ""
 * (unnamed: parsed and planned for this run alone) once `limit` names are given. `rename` gives SQL a
 * new name (or "" past the limit), for when its statement prepared under the old one can no longer run.
 */
export function statementNames(limit = MAX_NAMED_STATEMENTS) {
  const names = new Map<string, string>();
  let given = 0;
  const rename = (sql: string) => {
    if (given >= limit) {
      // Only SQL named before is remembered (as unnamed now): the map stays within the limit.
      if (names.has(sql)) names.set(sql, "");
      return "";
    }
    const name = `ortaq_${(given++).toString(36)}`;
    names.set(sql, name);
    return name;
  };
  return { name: (sql: string) => names.get(sql) ?? rename(sql), rename };
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
  globalThis.__ortaqLookups = undefined;
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
