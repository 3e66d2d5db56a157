import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";
import { asciiSource } from "./scripts/ascii-source";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The server bundle in ASCII alone (see scripts/ascii-source.ts); the browser's stay as they are. Done
 * once the chunks are final: Vite's own last pass over them (esbuild) writes such escapes back as letters.
 */
function asciiServerBundle(): Plugin {
  let server = false;
  return {
    name: "ortaq-ascii-server-bundle",
    apply: "build",
    configResolved(config) {
      server = Boolean(config.build.ssr);
    },
    generateBundle(_options, bundle) {
      if (!server) return;
      for (const output of Object.values(bundle)) if (output.type === "chunk") output.code = asciiSource(output.code);
    },
  };
}

export default defineConfig({
  plugins: [remix(remixConfig), tsconfigPaths(), asciiServerBundle()],
  build: { target: "es2022" },
  // Vite's scan of the routes for the browser's dependencies also reads their .server modules, which the
  // browser never loads; the password hashing package they import has no browser build to prepare.
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
});
