import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, expect, inject, vi } from "vitest";

/**
 * The first line of a test file whose tests read and write no database: it gets none, and neither
 * creates one nor loads the database's clients (together about 0.7 s of a worker's time per file). Its
 * tests fail at their first query if it does need one: the address they are given cannot be reached.
 */
const NO_DATABASE = "// Needs no database.";

const testFile = expect.getState().testPath;
const needsDatabase = !testFile || !readFileSync(testFile, "utf8").startsWith(NO_DATABASE);

if (needsDatabase) {
  // Every other test file gets a database of its own, cloned from the migrated template.
  const serverUrl = inject("databaseServerUrl");
  const { createTestDatabase } = await import("./test-database");
  process.env.DATABASE_URL = await createTestDatabase((db) => serverUrl.replace("__DB__", db));
  const { disconnectPrisma } = await import("../../app/utils/db.server");
  afterAll(async () => {
    await disconnectPrisma();
  });
} else {
  process.env.DATABASE_URL = "postgresql://no-database-for-this-test-file.invalid/none";
}
process.env.NODE_ENV = "test";
// Evidence files uploaded by tests go to a folder of their own, never the app's data folder.
process.env.EVIDENCE_DIR ??= mkdtempSync(path.join(tmpdir(), "ortaq-test-evidence-"));

// A console.error during a test is a failure: it means something went wrong that no assertion saw.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) {
    throw new Error(`console.error was called during the test:\n${errors.map((e) => e.map(String).join(" ")).join("\n")}`);
  }
});
