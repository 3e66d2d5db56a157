// Runs `prisma generate`. Generating needs no schema engine, but the CLI tries to
// download one unless PRISMA_SCHEMA_ENGINE_BINARY names a file; on machines that
// cannot reach Prisma's binaries host that download would fail the install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// A production install without the dev tools (`npm ci --omit=dev`) has no Prisma CLI: it uses the
// client generated with the build (app/generated/), and npx must not fetch some other CLI version.
if (!existsSync(fileURLToPath(new URL("../node_modules/prisma/package.json", import.meta.url)))) {
  const generated = existsSync(fileURLToPath(new URL("../app/generated/prisma/client.ts", import.meta.url)));
  console.log(
    generated
      ? "The Prisma CLI is not installed (production install): using the generated client in app/generated/."
      : "The Prisma CLI is not installed (production install) and app/generated/ is empty: copy it with the build (see the README).",
  );
  process.exit(0);
}

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
