// Needs no database.
import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "~/utils/database-availability.server";

describe("an error that only says the database cannot serve now (answered 503 with Retry-After, not 500)", () => {
  test("a refused or lost connection, the pool's wait for a connection, and a transaction that found no connection in time", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    // Prisma's P2028 when an interactive transaction waited longer than its maxWait for a connection (seen under heavy load).
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }),
      ),
    ).toBe(true);
  });

  test("a fault of the query or the code is not", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed on the fields: (`email`)"), { code: "P2002" }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
