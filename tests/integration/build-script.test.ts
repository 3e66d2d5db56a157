// Building is separate from starting: `npm start` builds only when there is no build of these very
// sources, and on a machine installed without the build tools (`npm ci --omit=dev`) it starts a build
// made elsewhere instead of failing, or says what to do. The script runs here in a folder of its own,
// with a stand-in build and no node_modules at all, as on such a machine.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { afterEach, expect, test } from "vitest";
import { asciiSource } from "../../scripts/ascii-source";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The loader `--import tsx` names (tsx's "." export), by its address: the copied folder has no node_modules. */
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the app's build script beside a tiny app, a build of it and its stamp, without node_modules. */
function installation() {
  const dir = mkdtempSync(path.join(tmpdir(), "ortaq-build-"));
  folders.push(dir);
  for (const folder of ["scripts", "app/generated/prisma", "build/server", "scoring", "public"])
    mkdirSync(path.join(dir, folder), { recursive: true });
  for (const script of ["build.ts", "ascii-source.ts"]) copyFileSync(path.join(ROOT, "scripts", script), path.join(dir, "scripts", script));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "ortaq", private: true, type: "module" }));
  writeFileSync(path.join(dir, "app/root.tsx"), "export default function App() { return null; }\n");
  writeFileSync(path.join(dir, "server.ts"), "export {};\n");
  writeFileSync(path.join(dir, "app/generated/prisma/client.ts"), "export {};\n");
  writeFileSync(path.join(dir, "build/server/index.js"), "export const built = true;\n");
  writeFileSync(path.join(dir, "build/server.js"), "export const started = true;\n");
  return dir;
}

/** Runs node with these arguments, without blocking the test worker; its exit code and output. */
function node(args: string[], cwd?: string) {
  return new Promise<{ code: number; stdout: string; output: string }>((resolve) => {
    execFile(process.execPath, args, { cwd, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, output: `${stdout}${stderr}` }),
    );
  });
}

/** Runs the copied script as `npm start` does (`--if-needed`), with tsx loaded from this repository: the folder itself has no node_modules. */
const start = (dir: string) => node(["--import", TSX, path.join(dir, "scripts/build.ts"), "--if-needed"], dir);

/** Stamps the stand-in build with the fingerprint of the folder's sources, as `npm run build` does after building. */
async function stampAsBuilt(dir: string) {
  const script = `const { sourceFingerprint } = await import(${JSON.stringify(pathToFileURL(path.join(dir, "scripts/build.ts")).href)}); process.stdout.write(sourceFingerprint());`;
  const result = await node(["--import", TSX, "--input-type=module", "-e", script]);
  expect(result.stdout).toMatch(/^[0-9a-f]{64}$/);
  writeFileSync(path.join(dir, "build/ortaq-build.json"), JSON.stringify({ sources: result.stdout, builtAt: new Date().toISOString() }));
}

test("npm start runs a build made from these very sources without building, and without the build tools installed", async () => {
  const dir = installation();
  await stampAsBuilt(dir);
  const started = await start(dir);
  expect(started.output).toContain("The build is current: starting it.");
  expect(started.code).toBe(0);
  // Nothing was built again: the stand-in bundle is untouched.
  expect(readFileSync(path.join(dir, "build/server/index.js"), "utf8")).toBe("export const built = true;\n");
  expect(readFileSync(path.join(dir, "build/server.js"), "utf8")).toBe("export const started = true;\n");
}, 120_000);

test("without the build tools, a missing or out-of-date build stops the start with what to do, instead of a failed build", async () => {
  const dir = installation();
  await stampAsBuilt(dir);
  writeFileSync(path.join(dir, "app/root.tsx"), "export default function App() { return 'changed'; }\n");
  const stale = await start(dir);
  expect(stale.code).toBe(1);
  expect(stale.output).toContain("The build in build/ was made from other sources than these");
  expect(stale.output).toContain("npm ci --omit=dev");

  rmSync(path.join(dir, "build"), { recursive: true });
  const missing = await start(dir);
  expect(missing.code).toBe(1);
  expect(missing.output).toContain("There is no build in build/");
  // Node processes on a shared machine: a guard against a hang, not a speed check.
}, 120_000);

test("a change to the server itself or to the demo data's code makes the build out of date, as a change to the app does", async () => {
  const dir = installation();
  mkdirSync(path.join(dir, "prisma"));
  writeFileSync(path.join(dir, "prisma/seed.ts"), "export {};\n");
  for (const [file, text] of [
    ["server.ts", "export const changed = true;\n"],
    ["prisma/seed.ts", "export const changed = true;\n"],
  ]) {
    await stampAsBuilt(dir);
    expect((await start(dir)).code).toBe(0);
    writeFileSync(path.join(dir, file!), text!);
    const stale = await start(dir);
    expect(stale.code, file).toBe(1);
    expect(stale.output).toContain("The build in build/ was made from other sources than these");
  }
}, 120_000);

test("what npm start runs is installed without the development dependencies", () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
  };
  expect(manifest.scripts.start).toMatch(
    /^tsx scripts\/build\.ts --if-needed && cross-env NODE_ENV=production node --liftoff-only build\/server\.js$/,
  );
  for (const needed of ["tsx", "cross-env", "express", "@remix-run/express", "@remix-run/node", "pg", "@prisma/adapter-pg"]) {
    expect(manifest.dependencies, needed).toHaveProperty(needed);
  }
});

test("the server's bundles are written in ASCII alone and leave the translations to the files they are read from", () => {
  const russian = (JSON.parse(readFileSync(path.join(ROOT, "app/locales/ru/common.json"), "utf8")) as { nav: Record<string, string> }).nav;
  const words = Object.values(russian).filter((text) => text.length > 4);
  expect(words.length).toBeGreaterThan(3);
  // The global set-up built them from these sources (scripts/build.ts).
  for (const bundle of ["build/server.js", "build/server/index.js"]) {
    const source = readFileSync(path.join(ROOT, bundle), "utf8");
    expect(source.length, bundle).toBeGreaterThan(100_000);
    expect(/[^\x00-\x7f]/.exec(source)?.[0], bundle).toBeUndefined();
    // Neither as letters nor as escapes: the interface's Russian menu is not in the code.
    for (const word of words) {
      expect(source, `${bundle}: ${word}`).not.toContain(word);
      expect(source, `${bundle}: ${word}`).not.toContain(asciiSource(word));
    }
  }
});

test("code written in ASCII alone means what it meant: strings, templates, regular expressions, names, comments", () => {
  const code = `// Қазақша, دری
    const ʻname = "Тоҷикӣ 😀";
    [ʻname, \`Oʻzbekcha \${ʻname.length}\`, /[ғқ]+|😀/u.exec("бағқ😀")[0], /ۍ/.test("پښتو ۍ"), "😀".codePointAt(0)]`;
  const escaped = asciiSource(code);
  expect(escaped).toMatch(/^[\x00-\x7f]*$/);
  expect(runInNewContext(escaped)).toEqual(runInNewContext(code));
  expect(runInNewContext(escaped)).toEqual(["Тоҷикӣ 😀", "Oʻzbekcha 9", "ғқ", true, 0x1f600]);
  // After a backslash an escape would mean something else: the build stops instead.
  expect(() => asciiSource("/\\ғ/")).toThrow(/follows a backslash/);
});
