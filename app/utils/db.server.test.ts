import { spawn } from "node:child_process";
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

test("a connection stays open through a quiet spell longer than pg's default 10 seconds, so the next request opens none", async () => {
  const backend = async () => (await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
  const before = await backend();
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  expect(await backend()).toBe(before);
}, 30_000);

test("a script that reads the database ends when it is done, without closing its connections", async () => {
  const script = 'import { prisma } from "~/utils/db.server"; console.log(await prisma.user.count() >= 0);';
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // A kept connection would hold the script for IDLE_CONNECTION_MS (five minutes): far beyond this.
  const code = await new Promise((resolve) => child.once("exit", resolve));
  expect(code).toBe(0);
  expect(output.trim()).toBe("true");
}, 60_000);
