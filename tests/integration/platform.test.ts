import { spawn } from "node:child_process";
import http from "node:http";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { ensureAdminFromEnv } from "~/models/user.server";
import * as healthz from "~/routes/healthz";
import { prisma } from "~/utils/db.server";
import { getEnv, resetEnvCache } from "~/utils/env.server";

describe("configuration", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  test("names a malformed variable in its message", () => {
    process.env.DATABASE_URL = "mysql://nope";
    process.env.PORT = "not-a-port";
    resetEnvCache();
    expect(() => getEnv()).toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
    expect(() => getEnv()).toThrow(/PORT: /);
  });

  test("treats an empty DATABASE_URL as unset", () => {
    process.env.DATABASE_URL = "";
    resetEnvCache();
    expect(getEnv().DATABASE_URL).toBeUndefined();
  });

  test("ADMIN_EMAIL and ADMIN_PASSWORD make the first administrator", async () => {
    process.env.ADMIN_EMAIL = "First.Admin@example.org";
    process.env.ADMIN_PASSWORD = "a strong admin password";
    resetEnvCache();
    await ensureAdminFromEnv();
    await ensureAdminFromEnv();
    const admin = await prisma.user.findUnique({
      where: { email: "first.admin@example.org" },
      select: { roles: { select: { role: true } } },
    });
    expect(admin?.roles.map((r) => r.role)).toEqual(["admin"]);
  });
});

describe("GET /healthz", () => {
  test("answers 200 when the database is reachable and 503 when it is not", async () => {
    expect(((await healthz.loader()) as Response).status).toBe(200);
    const working = globalThis.__ortaqPrisma;
    const broken = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://nobody:nothing@127.0.0.1:1/none", connectionTimeoutMillis: 500 }),
    });
    globalThis.__ortaqPrisma = broken;
    try {
      expect(((await healthz.loader()) as Response).status).toBe(503);
    } finally {
      globalThis.__ortaqPrisma = working;
      await broken.$disconnect();
    }
  });
});

/** Static and dynamic import specifiers of a module (or of a page's inline scripts) that are paths on the server. */
function serverImports(source: string) {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?\(?\s*["'](\/[^"']+)["']/g)) found.add(match[1]!);
  return [...found];
}

/**
 * The modules of a page in the development server that do not load (path and status): every module its
 * inline scripts import, followed to the end as a browser would, the dependencies Vite prepares for the
 * browser among them (when that preparation fails, they answer 504 and the page is never hydrated).
 */
async function unloadableModules(origin: string, pagePath: string) {
  const seen = new Set<string>();
  const failures: string[] = [];
  const visit = async (modulePath: string) => {
    if (seen.has(modulePath)) return;
    seen.add(modulePath);
    const response = await fetch(`${origin}${modulePath}`);
    const source = await response.text();
    if (response.status !== 200) return void failures.push(`${modulePath}: ${response.status}`);
    for (const next of serverImports(source)) await visit(next);
  };
  const listed = serverImports(await (await fetch(`${origin}${pagePath}`)).text());
  expect(
    listed.some((modulePath) => modulePath.startsWith("/app/")),
    "the page imports its route modules",
  ).toBe(true);
  for (const modulePath of listed) await visit(modulePath);
  expect(
    [...seen].some((modulePath) => modulePath.startsWith("/node_modules/.vite/")),
    "prepared dependencies",
  ).toBe(true);
  return failures;
}

describe("the server process", () => {
  // The timeout guards against a hung server on a shared machine; it is not a speed check.
  test("starts on an external database, serves pages whose scripts load, and on SIGTERM finishes a request in flight before it exits", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...process.env, NODE_ENV: "development", PORT: "0", ORTAQ_SEED: "never", DATABASE_URL: process.env.DATABASE_URL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        output += chunk;
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on("exit", () => reject(new Error(`server exited early:\n${output}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // The page's scripts load: every module it imports, and every module those import.
    expect(await unloadableModules(url, "/login")).toEqual([]);
    // A request on a connection of its own, under way when the signal arrives.
    const inFlight = new Promise<{ status: number }>((resolve, reject) => {
      http
        .get(`${url}/login`, { agent: false }, (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
        })
        .on("error", reject);
    });
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    expect(output).toContain("Stopped.");
  }, 180_000);
});

test("a program that starts and stops an embedded database keeps the exit code it set", async () => {
  // The embedded database package would exit with 0 when the event loop empties; a test run
  // with failures must still exit with its own code.
  const script = `
    import { chmodSync, mkdtempSync, rmSync } from "node:fs";
    import { tmpdir } from "node:os";
    import path from "node:path";
    import { startEmbeddedPostgres } from "./app/utils/embedded-postgres.server.ts";
    const dir = mkdtempSync(path.join(tmpdir(), "ortaq-exit-code-"));
    chmodSync(dir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exitCode = 3;
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: process.cwd(),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code, errors).toBe(3);
}, 120_000);
