import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// The tests of a file run in a different order each time, so none can rely on another having run
// first; the order comes from this seed, which is printed so that a failure can be repeated with
// --sequence.seed=N (or ORTAQ_TEST_SEED=N). Files keep Vitest's order, which starts the slowest first.
// (This file is read once per project: the seed is chosen and printed once.)
const shuffle = globalThis as { ortaqSeedShown?: boolean };
if (!shuffle.ortaqSeedShown) {
  const flag = process.argv.findIndex((arg) => arg.startsWith("--sequence.seed"));
  const given = flag < 0 ? undefined : (process.argv[flag]!.split("=")[1] ?? process.argv[flag + 1]);
  process.env.ORTAQ_TEST_SEED = given ?? process.env.ORTAQ_TEST_SEED ?? String(Date.now() % 1_000_000);
  console.info(
    `Tests run in shuffled order, seed ${process.env.ORTAQ_TEST_SEED} (--sequence.seed=${process.env.ORTAQ_TEST_SEED} repeats it)`,
  );
  shuffle.ortaqSeedShown = true;
}
const seed = Number(process.env.ORTAQ_TEST_SEED);

// Two projects: the pure scoring module needs no database; everything else
// runs against a real PostgreSQL database of its own per test file.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    sequence: { shuffle: { files: false, tests: true }, seed },
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Each test file in a worker thread of its own (its own modules, globals and copy of the
    // environment, so its own DATABASE_URL): a fifth quicker here than a child process per file.
    pool: "threads",
    poolOptions: { threads: { maxThreads: 2, minThreads: 1 } },
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
