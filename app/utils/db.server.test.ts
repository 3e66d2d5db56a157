import { expect, test } from "vitest";
import { createPool, isUniqueViolation, prisma } from "~/utils/db.server";

const email = `twice-${Date.now()}@test.ortaq.org`;
const refusal = (write: () => Promise<unknown>) =>
  write().then(
    () => null,
    (error: unknown) => error,
  );

test("a unique index refusing a model write or a raw query is recognised as a unique violation", async () => {
  const createUser = () => prisma.user.create({ data: { email, displayName: "Twice", passwordHash: "x" }, select: { id: true } });
  await createUser();
  expect(isUniqueViolation(await refusal(createUser))).toBe(true);
  const insertRaw = () =>
    prisma.$executeRaw`INSERT INTO "User" (id, email, "displayName", "passwordHash", "updatedAt") VALUES (${`raw-${Date.now()}`}, ${email}, 'Twice', 'x', now())`;
  expect(isUniqueViolation(await refusal(insertRaw))).toBe(true);
});

test("other failures are not unique violations", async () => {
  expect(isUniqueViolation(await refusal(() => prisma.$executeRaw`SELECT 1/0`))).toBe(false);
  expect(isUniqueViolation(new Error("P2002"))).toBe(false);
  expect(isUniqueViolation(null)).toBe(false);
});

test("a connection cut while checked out with no query on it does not take the process down, and the pool serves again", async () => {
  const pool = createPool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const ended = new Promise((resolve) => client.once("end", resolve));
    // As when the database is killed or restarted: the server ends the connection. Without a listener
    // of its own, the connection's "error" event would be an uncaught exception and fail this run.
    await prisma.$queryRaw`SELECT pg_terminate_backend(${rows[0]!.pid}::int)`;
    await ended;
    client.release(true);
    expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
  } finally {
    await pool.end();
  }
});
