import { defineConfig } from "prisma/config";

// Only the CLI reads this file. The app builds its own connection in app/utils/db.server.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/ortaq" },
});
