// Runs `prisma generate`. Generating needs no schema engine, but the CLI tries to
// download one unless PRISMA_SCHEMA_ENGINE_BINARY names a file; on machines that
// cannot reach Prisma's binaries host that download would fail the install.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
