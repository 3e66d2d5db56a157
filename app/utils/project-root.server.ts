import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's folder (the one holding package.json), found upwards from where this code runs:
 * app/utils in the sources, build/ once `npm run build` has bundled the server into build/server.js.
 * Files the server reads beside its code (the migrations, the demo registers, the app's build) are
 * found from here, so they are found the same way in both.
 */
export function projectRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json in ${from} or any folder above it`);
    dir = parent;
  }
  return dir;
}
