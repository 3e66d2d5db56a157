// Needs no database.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/** Routes with an action that the matrix leaves out, and why. */
const NOT_IN_THE_MATRIX: Record<string, string> = {
  $: "the catch-all answers every POST with a 404 and changes nothing",
  "api.v1.enterprises": "read-only: a CORS preflight gets 204, any other method 405 (see directory.test.ts)",
  "api.v1.enterprises_.$slug": "read-only: a CORS preflight gets 204, any other method 405 (see directory.test.ts)",
  "api.v1.openapi[.]json": "read-only: a CORS preflight gets 204, any other method 405 (see directory.test.ts)",
  "webhooks.stripe": "authenticated by Stripe's signature, not a session (see contributions.test.ts)",
  "admin.registers":
    "a multipart upload: who may import (admins, a ministry for its own country, nobody else) is tried in registers.test.ts",
  "admin.registers_.$id": "an import's owner country decides: who may read, apply or discard it is tried in registers.test.ts",
  "enterprises.$slug_.assessments_.$id_.verification_.upload":
    "a multipart upload sharing the verification page's checks: outsiders (403) and people logged out are tried in verification.test.ts",
};

test("every route that accepts a POST is tried by some area of the permission matrix", () => {
  const routesDir = path.join(process.cwd(), "app/routes");
  const withAction = readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file) && !file.includes(".test."))
    .filter((file) => /export (async )?function action/.test(readFileSync(path.join(routesDir, file), "utf8")))
    .map((file) => file.replace(/\.tsx?$/, ""));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const tried = new Set(
    readdirSync(here)
      .filter((file) => file.endsWith(".test.ts"))
      .flatMap((file) => [...readFileSync(path.join(here, file), "utf8").matchAll(/from "~\/routes\/([^"]+)"/g)].map((match) => match[1]!)),
  );
  expect(withAction.length).toBeGreaterThan(30);
  expect(withAction.filter((route) => !tried.has(route) && !(route in NOT_IN_THE_MATRIX))).toEqual([]);
});
