// Needs no database.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { projectRoot } from "./project-root.server";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

test("is this project's folder, from its sources as from its build folder", () => {
  const root = projectRoot();
  expect((JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { name: string }).name).toBe("ortaq");
  expect(projectRoot(path.join(root, "build"))).toBe(root);
  expect(projectRoot(path.join(root, "prisma", "migrations"))).toBe(root);
});

test("is the nearest folder above with a package.json, and an error where there is none", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ortaq-root-"));
  folders.push(dir);
  mkdirSync(path.join(dir, "a", "b", "c"), { recursive: true });
  writeFileSync(path.join(dir, "a", "package.json"), "{}");
  expect(projectRoot(path.join(dir, "a", "b", "c"))).toBe(path.join(dir, "a"));
  expect(() => projectRoot(path.parse(dir).root)).toThrow(/no package.json/);
});
