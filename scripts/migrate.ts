// `npm run migrate`: applies the committed migrations to the database DATABASE_URL names, as every
// server does at start-up (under the same advisory lock, so it may run while servers start).
import { applyMigrations } from "../prisma/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate.");
  process.exit(2);
}
try {
  const names = await applyMigrations(url, { log: console.log });
  console.log(names.length ? `${names.length} migration(s) applied` : "database is up to date");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
