import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// Tests and their helpers may use node:* and fast-check; the module itself may not.
const isModuleFile = (file: string) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".test-helper.ts");
const SPECIFIERS = [
  /\b(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g, // import x from "y"; export { x } from "y"; import type
  /\bimport\s*["']([^"']+)["']/g, // import "y" (for its side effects)
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, // import("y")
  /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g, // require("y")
];

test("the scoring module imports nothing from outside scoring/: no app code, no packages, no node:*", () => {
  const root = import.meta.dirname;
  const files = (readdirSync(root, { recursive: true }) as string[]).filter(isModuleFile);
  expect(files).toEqual(expect.arrayContaining(["index.ts", "engine.ts", "validate.ts", "types.ts", path.join("methodologies", "v1.ts")]));
  const offenders: string[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    for (const pattern of SPECIFIERS) {
      for (const match of source.matchAll(pattern)) {
        const target = match[1]!;
        const resolved = path.resolve(path.dirname(path.join(root, file)), target);
        if (!target.startsWith("./") && !target.startsWith("../")) offenders.push(`${file}: ${target}`);
        else if (!resolved.startsWith(root + path.sep)) offenders.push(`${file}: ${target}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});

test("the scoring module uses no I/O or process globals", () => {
  const root = import.meta.dirname;
  const files = (readdirSync(root, { recursive: true }) as string[]).filter(isModuleFile);
  const offenders = files.filter((file) =>
    /\b(process|require|fetch|Deno|Bun|globalThis|localStorage|setTimeout|setInterval|Date\.now|Math\.random)\b/.test(
      readFileSync(path.join(root, file), "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""),
    ),
  );
  expect(offenders).toEqual([]);
});
