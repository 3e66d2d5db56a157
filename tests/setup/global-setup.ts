import type { TestProject } from "vitest/node";
import { startTestServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  // A URL with a placeholder database name; each test file swaps in its own database.
  project.provide("databaseServerUrl", server.serverUrl("__DB__"));
  return async () => {
    await server.stop();
  };
}
