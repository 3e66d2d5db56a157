// Needs no database.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const APP = path.resolve(import.meta.dirname, "..");
const SPECIFIERS = [
  /\b(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g, // import x from "y"; export { x } from "y"; import type
  /\bimport\s*["']([^"']+)["']/g, // import "y" (for its side effects)
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, // import("y")
];

const sourceFiles = (folder: string) =>
  (readdirSync(path.join(APP, folder), { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));

/** Where an import in `file` points, as a path inside app/ (`~/x` and relative paths); null for a package. */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith("~/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(APP, path.resolve(APP, path.dirname(file), specifier));
  return null;
}

test("nothing in app/utils imports from app/models: helpers sit below the models, never beside them", () => {
  const files = sourceFiles("utils");
  expect(files).toEqual(expect.arrayContaining([path.join("utils", "auth.server.ts"), path.join("utils", "permissions.server.ts")]));
  const offenders = files.flatMap((file) => {
    const source = readFileSync(path.join(APP, file), "utf8");
    return SPECIFIERS.flatMap((pattern) => [...source.matchAll(pattern)])
      .map((match) => match[1]!)
      .filter((specifier) => target(file, specifier)?.split(path.sep)[0] === "models")
      .map((specifier) => `${file}: ${specifier}`);
  });
  expect(offenders).toEqual([]);
});

test("settings are read only through the checked environment (env.server.ts), never from process.env", () => {
  const files = ["models", "routes", "utils", "components"].flatMap(sourceFiles);
  const offenders = files.filter(
    (file) => file !== path.join("utils", "env.server.ts") && /\bprocess\.env\b/.test(readFileSync(path.join(APP, file), "utf8")),
  );
  expect(offenders).toEqual([]);
});
