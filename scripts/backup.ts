// `npm run backup [-- --out FOLDER]` and `npm run restore -- FOLDER [--replace]`.
//
// A backup is one folder: manifest.json, the database's rows (database/<table>.jsonl.gz, read in one
// REPEATABLE READ transaction, so every table is from the same moment while the site keeps running)
// and the evidence files (evidence/). pg_dump is not used: the embedded PostgreSQL package ships no
// pg_dump, and a system pg_dump older than the server (Debian's is 15, the server 18) refuses to dump
// it. The schema is not copied: it is the migrations named in the manifest, applied on restore
// before the rows are loaded, then any newer migrations of this installation.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { embeddedUrl, runningServerOf, startEmbeddedPostgres } from "../app/utils/embedded-postgres.server";
import { getEnv } from "../app/utils/env.server";
import { evidenceStore } from "../app/utils/evidence-store.server";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "../prisma/migrate";

export const BACKUP_FORMAT = "ortaq-backup/1";
const BATCH = 1_000;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  server: string;
  migrations: { name: string; checksum: string }[];
  tables: { name: string; file: string; rows: number; columns: string[] }[];
  sequences: { name: string; value: string; isCalled: boolean }[];
  evidence: { files: { name: string; bytes: number; sha256: string }[]; missing: string[] };
}

type Log = (line: string) => void;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

async function sha256(file: string) {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/**
 * The database to read or fill: DATABASE_URL's, else the embedded one, used where it runs (the
 * site may stay up during a backup) or started for the time of the work.
 */
async function openDatabase(log: Log, { mustBeStopped = false } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const env = getEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, close: async () => {} };
  const running = runningServerOf(env.ORTAQ_DATA_DIR);
  if (running) {
    if (mustBeStopped) throw new Error(`Ortaq's embedded database is running (process ${running.pid}): stop Ortaq before restoring.`);
    return { url: embeddedUrl(running.port, "ortaq"), close: async () => {} };
  }
  log(`Starting the embedded PostgreSQL in ${env.ORTAQ_DATA_DIR} ...`);
  const embedded = await startEmbeddedPostgres({ dataDir: env.ORTAQ_DATA_DIR });
  const admin = new pg.Client({ connectionString: embedded.url("postgres") });
  await admin.connect();
  if ((await admin.query("SELECT 1 FROM pg_database WHERE datname = 'ortaq'")).rowCount === 0) await admin.query("CREATE DATABASE ortaq");
  await admin.end();
  return { url: embedded.url("ortaq"), close: () => embedded.stop() };
}

/** Tables of the public schema (a partitioned table once, by its parent). */
async function listTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

/** Writes a backup of the database and the evidence files into `out` (a new folder); returns its manifest. */
export async function backup({ out, log = console.log }: { out: string; log?: Log }): Promise<BackupManifest> {
  const target = path.resolve(out);
  if (existsSync(target)) throw new Error(`${target} already exists: name a new folder.`);
  const partial = `${target}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.join(partial, "database"), { recursive: true });
  // The rows and files may hold personal data: the folder is the operator's alone.
  await chmod(partial, 0o700);
  const database = await openDatabase(log);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    server: "",
    migrations: [],
    tables: [],
    sequences: [],
    evidence: { files: [], missing: [] },
  };
  try {
    // One snapshot for every table: rows written while the backup runs are all in it or all out.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    manifest.server = (await client.query<{ version: string }>("SHOW server_version")).rows[0]!.version;
    manifest.migrations = (
      await client.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    for (const table of await listTables(client)) {
      if (table === "_prisma_migrations") continue;
      const columns = (
        await client.query<{ name: string }>(
          `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
          [quote(table)],
        )
      ).rows.map((row) => row.name);
      const file = `database/${table}.jsonl.gz`;
      const gzip = createGzip();
      const written = pipeline(gzip, createWriteStream(path.join(partial, file), { mode: 0o600 }));
      await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quote(table)} t`);
      let rows = 0;
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${BATCH} FROM dump`);
        for (const { row } of batch.rows) if (!gzip.write(`${row}\n`)) await new Promise((resolve) => gzip.once("drain", resolve));
        rows += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query("CLOSE dump");
      gzip.end();
      await written;
      manifest.tables.push({ name: table, file, rows, columns });
    }
    const sequences = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
    );
    for (const { name } of sequences.rows) {
      const { rows } = await client.query<{ value: string; isCalled: boolean }>(
        `SELECT last_value::text AS value, is_called AS "isCalled" FROM ${quote(name)}`,
      );
      manifest.sequences.push({ name, ...rows[0]! });
    }
    // The evidence rows of this snapshot say which files must be in the backup.
    const referenced = manifest.tables.some((table) => table.name === "EvidenceItem")
      ? (await client.query<{ name: string }>(`SELECT "storageName" AS name FROM "EvidenceItem" WHERE "storageName" IS NOT NULL`)).rows.map(
          (row) => row.name,
        )
      : [];
    await client.query("COMMIT");

    // Files are copied after the snapshot: each file is written before its row commits, so every
    // file the snapshot names is already there; one deleted since is reported as missing.
    const store = evidenceStore();
    await mkdir(path.join(partial, "evidence"), { recursive: true, mode: 0o700 });
    for (const name of await store.list()) {
      const stored = await store.open(name);
      // Deleted since the listing: its row is gone from the snapshot too, or it is reported below.
      if (!stored) continue;
      const copy = path.join(partial, "evidence", name);
      await pipeline(stored.content, createWriteStream(copy, { mode: 0o600 }));
      manifest.evidence.files.push({ name, bytes: (await stat(copy)).size, sha256: await sha256(copy) });
    }
    const copied = new Set(manifest.evidence.files.map((file) => file.name));
    manifest.evidence.missing = referenced.filter((name) => !copied.has(name));
    for (const name of manifest.evidence.missing)
      log(`warning: evidence file ${name} is named in the database but was not in ${store.where}`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await database.close();
  }
  await writeFile(path.join(partial, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  // Complete or absent: the folder gets its name only once everything is in it.
  await rename(partial, target);
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  log(`Backup written to ${target}: ${rows} rows in ${manifest.tables.length} tables, ${manifest.evidence.files.length} evidence files.`);
  return manifest;
}

/** Referenced tables before the tables that reference them (foreign keys), so rows load in an order the keys accept. */
async function loadOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
     JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1").replace(/""/g, '"');
  const parents = new Map<string, Set<string>>(tables.map((table) => [table, new Set()]));
  for (const { child, parent } of rows) if (unquote(child) !== unquote(parent)) parents.get(unquote(child))?.add(unquote(parent));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) visit(parent);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/**
 * Brings a backup back: into an empty installation (no accounts yet), or over an existing one with
 * `replace`. The schema is rebuilt from the backup's migrations, the rows and sequences are loaded in
 * one transaction, the installation's newer migrations run, and the evidence files are copied back
 * and checked against their checksums.
 */
export async function restore({ from, replace = false, log = console.log }: { from: string; replace?: boolean; log?: Log }): Promise<void> {
  const source = path.resolve(from);
  const manifest = JSON.parse(await readFile(path.join(source, "manifest.json"), "utf8").catch(() => "null")) as BackupManifest | null;
  if (!manifest || manifest.format !== BACKUP_FORMAT)
    throw new Error(`${source} is not an Ortaq backup (no manifest.json of format ${BACKUP_FORMAT}).`);
  const local = new Map((await readMigrations()).map((migration) => [migration.name, migration]));
  const unknown = manifest.migrations.filter((migration) => !local.has(migration.name));
  if (unknown.length > 0) {
    throw new Error(
      `The backup was made by a newer Ortaq (migrations ${unknown.map((m) => m.name).join(", ")} are not in this installation): install that version first.`,
    );
  }
  const store = evidenceStore();
  const existingFiles = await store.list();
  if (existingFiles.length > 0 && !replace)
    throw new Error(`${store.where} already holds evidence files: restore into an empty installation, or add --replace.`);

  const database = await openDatabase(log, { mustBeStopped: true });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const hasUsers = (
      await client.query(
        `SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'User'`,
      )
    ).rowCount
      ? ((await client.query(`SELECT EXISTS (SELECT 1 FROM "User") AS some`)).rows[0] as { some: boolean }).some
      : false;
    if (hasUsers && !replace)
      throw new Error(
        "The database already holds accounts: restore into an empty installation, or add --replace to replace everything in it.",
      );
    // The schema as it was when the backup was made: what a fresh start made (its categories, its keys) goes.
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
    const dir = await mkdtemp(path.join(os.tmpdir(), "ortaq-restore-migrations-"));
    try {
      for (const { name } of manifest.migrations) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
      await applyMigrations(database.url, { dir });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    await client.query("BEGIN");
    // Foreign keys and triggers are checked by the rows' own order where this role may not turn them off.
    const triggersOff = await client.query("SET LOCAL session_replication_role = replica").then(
      () => true,
      async () => {
        await client.query("ROLLBACK");
        await client.query("BEGIN");
        return false;
      },
    );
    const byName = new Map(manifest.tables.map((table) => [table.name, table]));
    // What the migrations themselves wrote (keys, reference rows) gives way to the backup's rows.
    if (byName.size > 0) await client.query(`TRUNCATE ${[...byName.keys()].map(quote).join(", ")} CASCADE`);
    for (const name of await loadOrder(client, [...byName.keys()])) {
      const table = byName.get(name)!;
      const columns = table.columns.map(quote).join(", ");
      const insert = `INSERT INTO ${quote(name)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${quote(name)}, $1::json)`;
      const lines = readline.createInterface({
        input: createReadStream(path.join(source, table.file)).pipe(createGunzip()),
        crlfDelay: Infinity,
      });
      let batch: string[] = [];
      let loaded = 0;
      for await (const line of lines) {
        if (!line) continue;
        batch.push(line);
        if (batch.length === BATCH) {
          await client.query(insert, [`[${batch.join(",")}]`]);
          loaded += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) await client.query(insert, [`[${batch.join(",")}]`]);
      loaded += batch.length;
      if (loaded !== table.rows)
        throw new Error(`${table.file} holds ${loaded} rows, the manifest says ${table.rows}: the backup is damaged.`);
    }
    for (const sequence of manifest.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [quote(sequence.name), sequence.value, sequence.isCalled]);
    }
    await client.query("COMMIT");
    if (!triggersOff) log("note: this database role may not set session_replication_role; rows were loaded with their triggers on.");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  try {
    const applied = await applyMigrations(database.url, { log });
    if (applied.length > 0) log(`Brought the restored database up to date (${applied.length} newer migrations).`);
  } finally {
    await database.close();
  }

  for (const name of existingFiles) await store.remove(name);
  // Each file is checked against its checksum, then handed to the store (the folder, or the bucket).
  const staging = path.resolve(getEnv().EVIDENCE_DIR);
  await mkdir(path.dirname(staging), { recursive: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  for (const file of manifest.evidence.files) {
    const name = path.basename(file.name);
    const copy = path.join(staging, `${name}.part`);
    await copyFile(path.join(source, "evidence", name), copy);
    await chmod(copy, 0o600);
    if ((await sha256(copy)) !== file.sha256) {
      await rm(copy, { force: true });
      throw new Error(`Evidence file ${file.name} differs from the one backed up: the backup is damaged.`);
    }
    await store.keep(name, copy, "application/octet-stream");
  }
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  log(
    `Restored ${rows} rows in ${manifest.tables.length} tables and ${manifest.evidence.files.length} evidence files from ${source} (made ${manifest.createdAt}).`,
  );
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const valueOf = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  if (command === "backup") {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    await backup({ out: valueOf("--out") ?? path.join("backups", `ortaq-${stamp}`) });
  } else if (command === "restore") {
    const from = args.find((arg) => !arg.startsWith("--"));
    if (!from) throw new Error("Name the backup folder: npm run restore -- backups/ortaq-... [--replace]");
    await restore({ from, replace: flag("--replace") });
  } else {
    throw new Error("Usage: tsx scripts/backup.ts backup [--out FOLDER] | restore FOLDER [--replace]");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
