import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, inject, vi } from "vitest";
import { disconnectPrisma } from "../../app/utils/db.server";
import { createTestDatabase } from "./test-database";

// Every test file gets a database of its own, cloned from the migrated template.
const serverUrl = inject("databaseServerUrl");
process.env.DATABASE_URL = await createTestDatabase((db) => serverUrl.replace("__DB__", db));
process.env.NODE_ENV = "test";
// Evidence files uploaded by tests go to a folder of their own, never the app's data folder.
process.env.EVIDENCE_DIR ??= mkdtempSync(path.join(tmpdir(), "ortaq-test-evidence-"));

afterAll(async () => {
  await disconnectPrisma();
});

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
