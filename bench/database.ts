import { mkdtemp, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../app/utils/embedded-postgres.server";
import { applyMigrations } from "../prisma/migrate";

/** A throw-away migrated database for a benchmark: BENCH_DATABASE_URL's server when set, else an embedded one. */
export async function benchDatabase(name: string) {
  let url: string;
  let stop = async () => {};
  if (process.env.BENCH_DATABASE_URL) {
    url = process.env.BENCH_DATABASE_URL;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ortaq-bench-"));
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    const admin = new pg.Client({ connectionString: server.url("postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = server.url(name);
    stop = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await applyMigrations(url);
  return { url, stop };
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

export async function time<T>(runs: number, fn: () => Promise<T>) {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}
