import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../app/utils/embedded-postgres.server";
import { applyMigrations } from "../../prisma/migrate";

export const TEMPLATE_DATABASE = "ortaq_template";

/**
 * A PostgreSQL server for a test run: TEST_DATABASE_URL's server when set (its
 * database is used only to create others), or a fresh embedded one in a temp folder.
 * Creates a migrated template database that every test database is cloned from.
 */
export async function startTestServer(): Promise<{ serverUrl: (db: string) => string; stop: () => Promise<void> }> {
  let serverUrl: (db: string) => string;
  let stop: () => Promise<void>;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    serverUrl = (db) => {
      const url = new URL(external);
      url.pathname = `/${db}`;
      return url.toString();
    };
    stop = async () => {};
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ortaq-test-pg-"));
    // mkdtemp makes the folder private to root; the database runs as the postgres user.
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    serverUrl = server.url;
    // A server thrown away after the run: nothing is waited for on disk (about 2 ms a commit here).
    await withAdminClient(serverUrl, async (client) => {
      await client.query("ALTER SYSTEM SET fsync = off");
      await client.query("ALTER SYSTEM SET synchronous_commit = off");
      await client.query("ALTER SYSTEM SET full_page_writes = off");
      await client.query("SELECT pg_reload_conf()");
    });
    stop = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await withAdminClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await applyMigrations(serverUrl(TEMPLATE_DATABASE));
  return { serverUrl, stop };
}

export async function withAdminClient<T>(serverUrl: (db: string) => string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new database cloned from the migrated template; its name is unique to the caller. */
export async function createTestDatabase(serverUrl: (db: string) => string): Promise<string> {
  const name = `ortaq_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return serverUrl(name);
}
