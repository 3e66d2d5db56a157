// `npm run build`: builds the app (the Prisma client, then Remix's client and server bundles, then the
// server itself, server.ts, as plain JavaScript in build/server.js, which `npm start` runs with node) and
// stamps the build with a fingerprint of the sources it was made from.
// `npm start` runs it with --if-needed: nothing is built when the build in build/ was made from
// these very sources, so a restart takes seconds, and a machine installed without the build tools
// (`npm ci --omit=dev`) starts a build made elsewhere.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asciiSource } from "./ascii-source";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = path.join(ROOT, "build", "ortaq-build.json");
const SERVER_BUNDLE = path.join(ROOT, "build", "server", "index.js");
const SERVER_START = path.join(ROOT, "build", "server.js");
const PRISMA_CLIENT = path.join(ROOT, "app", "generated", "prisma", "client.ts");

/** What the build is made from: the app, the rating, static files and the build's own settings. */
const SOURCE_DIRS = ["app", "scoring", "public", "prisma"];
const SOURCE_FILES = ["server.ts", "vite.config.ts", "scripts/ascii-source.ts", "remix.config.js", "tsconfig.json", "package-lock.json"];
const NOT_SOURCES = [/^app\/generated\//, /\.test\.tsx?$/];

function listFiles(dir: string): string[] {
  if (!existsSync(path.join(ROOT, dir))) return [];
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/** A SHA-256 over every source file's path and content, in a fixed order. */
export function sourceFingerprint(): string {
  const files = [...SOURCE_DIRS.flatMap(listFiles), ...SOURCE_FILES.filter((file) => existsSync(path.join(ROOT, file)))]
    .filter((file) => !NOT_SOURCES.some((pattern) => pattern.test(file)))
    .sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(ROOT, file)))
      .update("\0");
  return hash.digest("hex");
}

function stampedFingerprint(): string | null {
  try {
    return (JSON.parse(readFileSync(STAMP, "utf8")) as { sources?: string }).sources ?? null;
  } catch {
    return null;
  }
}

const installed = (name: string) => existsSync(path.join(ROOT, "node_modules", name, "package.json"));

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function build(fingerprint: string) {
  if (installed("prisma")) run(process.execPath, ["prisma/generate.mjs"]);
  run(process.execPath, [path.join(ROOT, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"]);
  await buildServer();
  writeFileSync(STAMP, `${JSON.stringify({ sources: fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

/**
 * server.ts and what it imports from app/ and prisma/, as one JavaScript file that node runs without
 * a TypeScript loader (which would cost each server process a thread of its own and its memory);
 * packages stay in node_modules, where the Remix bundle finds the same ones. Written in ASCII alone
 * (decision 033), as Vite writes Remix's server bundle (vite.config.ts).
 */
async function buildServer() {
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ["server.ts"],
    outfile: SERVER_START,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  writeFileSync(SERVER_START, asciiSource(readFileSync(SERVER_START, "utf8")));
}

async function main() {
  const ifNeeded = process.argv.includes("--if-needed");
  const fingerprint = sourceFingerprint();
  const current =
    existsSync(SERVER_BUNDLE) && existsSync(SERVER_START) && existsSync(PRISMA_CLIENT) && stampedFingerprint() === fingerprint;
  if (ifNeeded && current) {
    console.log("The build is current: starting it.");
    return;
  }
  if (!installed("@remix-run/dev") || !installed("vite")) {
    const what = existsSync(SERVER_BUNDLE) ? "The build in build/ was made from other sources than these" : "There is no build in build/";
    console.error(
      `${what}, and the build tools are not installed (npm ci --omit=dev).\n` +
        "Either build where they are (npm ci && npm run build) and copy build/ and app/generated/ here, or install them here (npm ci) and run npm run build.",
    );
    process.exit(1);
  }
  if (ifNeeded)
    console.log(existsSync(SERVER_BUNDLE) ? "The sources changed since the last build: building again ..." : "No build yet: building ...");
  await build(fingerprint);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
