import { afterEach, beforeEach, inject } from "vitest";
import { disconnectPrisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { createTestDatabase } from "../setup/test-database";

/**
 * Gives each test of the file or describe block that calls it a migrated database of its own, as
 * empty as a new installation's, instead of the one the file's tests share: for tests about what
 * happens on an empty database, which must not depend on which tests ran before them.
 */
export function freshDatabaseForEachTest() {
  const shared = process.env.DATABASE_URL;
  const serverUrl = inject("databaseServerUrl");
  beforeEach(async () => {
    await disconnectPrisma();
    process.env.DATABASE_URL = await createTestDatabase((db) => serverUrl.replace("__DB__", db));
    resetEnvCache();
  });
  afterEach(async () => {
    await disconnectPrisma();
    process.env.DATABASE_URL = shared;
    resetEnvCache();
  });
}
