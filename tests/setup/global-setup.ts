import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startTestServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // The production build, which the tests of a production server run (build/server.js): built once
  // here when the sources changed since the last build, before any test file starts (already current
  // when the whole suite runs, which builds first).
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--if-needed"], { stdio: ["ignore", "ignore", "inherit"] });
  const server = await startTestServer();
  // A URL with a placeholder database name; each test file swaps in its own database.
  project.provide("databaseServerUrl", server.serverUrl("__DB__"));
  return async () => {
    await server.stop();
  };
}
