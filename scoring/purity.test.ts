import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

test("the scoring module imports nothing from outside scoring/: no app code, no packages, no node:*", () => {
  const root = import.meta.dirname;
  const files = (readdirSync(root, { recursive: true }) as string[]).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".test-helper.ts"),
  );
  expect(files.length).toBeGreaterThan(3);
  const offenders: string[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)) {
      const target = match[1] ?? match[2] ?? match[3]!;
      const resolved = path.resolve(path.dirname(path.join(root, file)), target);
      if (!target.startsWith(".") || !resolved.startsWith(root + path.sep)) offenders.push(`${file}: ${target}`);
    }
  }
  expect(offenders).toEqual([]);
});
