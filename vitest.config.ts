import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Two projects: the pure scoring module needs no database; everything else
// runs against a real PostgreSQL database of its own per worker.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      {
        extends: true,
        test: { name: "scoring", include: ["scoring/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "app",
          include: ["app/**/*.test.{ts,tsx}", "prisma/**/*.test.ts", "tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/setup-file.ts"],
        },
      },
    ],
  },
});
