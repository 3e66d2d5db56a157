import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { startEmbeddedPostgres } from "~/utils/embedded-postgres.server";
import { getEnv } from "~/utils/env.server";
import { seedIfEmpty } from "../../prisma/seed";
import { restore } from "../../scripts/backup";
import { makeDataFolder } from "../helpers/server-process";

// The timeouts guard against a hung process on a shared machine; they are not speed checks.

const folder = makeDataFolder("ortaq-backup-");
afterAll(() => folder.remove());

/** Runs `npm run backup` / `npm run restore` as an operator would (the same script), with these settings. */
function script(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/backup.ts", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

/** Every table's rows (as JSON, sorted) and every sequence's position: equal fingerprints mean equal data. */
async function fingerprint(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ count: string; digest: string | null }>(
        `SELECT count(*)::text AS count, md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text)) AS digest FROM "${name}" t`,
      );
      result[name] = `${rows[0]!.count} rows ${rows[0]!.digest ?? ""}`;
    }
    const sequences = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
    );
    for (const { name } of sequences.rows) {
      const { rows } = await client.query<{ value: string; called: boolean }>(
        `SELECT last_value::text AS value, is_called AS called FROM "${name}"`,
      );
      result[`sequence ${name}`] = `${rows[0]!.value} ${rows[0]!.called}`;
    }
    const migrations = await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY 1`);
    result.migrations = migrations.rows.map((row) => row.name).join(",");
    return result;
  } finally {
    await client.end();
  }
}

const evidenceFiles = new Map<string, Buffer>();

beforeAll(async () => {
  await seedIfEmpty(prisma);
  // Two evidence files, stored as uploads are: random names in EVIDENCE_DIR, one row each.
  const assessment = await prisma.assessment.findFirstOrThrow({ select: { id: true } });
  const dir = path.resolve(getEnv().EVIDENCE_DIR);
  mkdirSync(dir, { recursive: true });
  for (const n of [1, 2]) {
    const storageName = randomBytes(18).toString("hex");
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(5000 * n)]);
    writeFileSync(path.join(dir, storageName), bytes);
    evidenceFiles.set(storageName, bytes);
    await prisma.evidenceItem.create({
      data: {
        assessmentId: assessment.id,
        questionId: "q1",
        kind: "file",
        fileName: `report-${n}.pdf`,
        storageName,
        contentType: "application/pdf",
        size: bytes.length,
      },
      select: { id: true },
    });
  }
}, 180_000);

test("npm run backup, then npm run restore into an empty installation: the same rows, sequences and evidence files", async () => {
  const out = path.join(folder.dir, "backups", "nightly");
  const made = await script(["backup", "--out", out], {});
  expect(made.code, made.output).toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
  expect(manifest.evidence.files.map((file: { name: string }) => file.name).sort()).toEqual([...evidenceFiles.keys()].sort());
  expect(manifest.evidence.missing).toEqual([]);

  // A new machine: an empty data folder for the embedded database and an empty evidence folder.
  const installation = {
    DATABASE_URL: "",
    ORTAQ_DATA_DIR: path.join(folder.dir, "restored", "postgres"),
    EVIDENCE_DIR: path.join(folder.dir, "restored", "evidence"),
  };
  const restored = await script(["restore", out], installation);
  expect(restored.code, restored.output).toBe(0);

  const embedded = await startEmbeddedPostgres({ dataDir: installation.ORTAQ_DATA_DIR });
  try {
    const [original, copy] = await Promise.all([fingerprint(process.env.DATABASE_URL!), fingerprint(embedded.url("ortaq"))]);
    expect(Object.keys(copy).length).toBeGreaterThan(30);
    expect(copy).toEqual(original);
    expect(Number(original.User!.split(" ")[0])).toBeGreaterThan(5);
  } finally {
    await embedded.stop();
  }
  const files = readdirSync(installation.EVIDENCE_DIR).sort();
  expect(files).toEqual([...evidenceFiles.keys()].sort());
  for (const name of files) expect(readFileSync(path.join(installation.EVIDENCE_DIR, name)).equals(evidenceFiles.get(name)!)).toBe(true);

  // The installation now holds accounts: a second restore must be asked for explicitly.
  const again = await script(["restore", out], installation);
  expect(again.code).toBe(1);
  expect(again.output).toMatch(/already holds (accounts|evidence files).*--replace/);
}, 300_000);

test("a backup made by a newer version, or a folder that is not a backup, is refused with a message", async () => {
  const fake = path.join(folder.dir, "newer");
  mkdirSync(fake, { recursive: true });
  writeFileSync(
    path.join(fake, "manifest.json"),
    JSON.stringify({
      format: "ortaq-backup/1",
      createdAt: new Date().toISOString(),
      migrations: [{ name: "29990101000000_future", checksum: "x" }],
      tables: [],
      sequences: [],
      evidence: { files: [], missing: [] },
    }),
  );
  await expect(restore({ from: fake, log: () => {} })).rejects.toThrow(/newer Ortaq .*29990101000000_future/);
  await expect(restore({ from: folder.dir, log: () => {} })).rejects.toThrow(/not an Ortaq backup/);
});
