import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixConfig), tsconfigPaths()],
  build: { target: "es2022" },
  // Vite's scan of the routes for the browser's dependencies also reads their .server modules, which the
  // browser never loads; the password hashing package they import has no browser build to prepare.
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
});
