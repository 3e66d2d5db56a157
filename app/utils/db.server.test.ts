import { spawn } from "node:child_process";
import { expect, test, vi } from "vitest";
import { getOptionalUser } from "~/utils/auth.server";
import { createPool, disconnectPrisma, isUniqueViolation, lookup, prisma, statementNames } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { createSession } from "~/utils/session.server";

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
  // The pool's clock is a fake one while the connection goes back to it, moved on 11 seconds at once.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"], shouldAdvanceTime: true });
  try {
    const before = await backend();
    vi.advanceTimersByTime(11_000);
    vi.useRealTimers();
    expect(await backend()).toBe(before);
  } finally {
    vi.useRealTimers();
  }
});

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

/** The statements prepared so far on the one connection of a client limited to one, read on that connection. */
const preparedOnTheConnection = () =>
  prisma.$queryRaw<{ name: string; statement: string }[]>`
    SELECT name, statement FROM pg_prepared_statements WHERE statement NOT LIKE '%pg_prepared_statements%' ORDER BY prepare_time`;

/** Runs `check` with a Prisma client of one connection and the given settings, then restores the usual client. */
async function withOneConnection(settings: Record<string, string>, check: () => Promise<void>) {
  Object.assign(process.env, { DATABASE_POOL_SIZE: "1", ...settings });
  resetEnvCache();
  await disconnectPrisma();
  try {
    await check();
  } finally {
    for (const name of ["DATABASE_POOL_SIZE", ...Object.keys(settings)]) delete process.env[name];
    resetEnvCache();
    await disconnectPrisma();
  }
}

const displayNames = (ids: string[]) =>
  Promise.all(
    ids.map(
      async (id) => (await lookup<{ displayName: string }>`SELECT "displayName" FROM "User" WHERE id = ${id}`)[0]?.displayName ?? null,
    ),
  );

test("a lookup is parsed once on its connection, under one name whatever its values, and answers each value; other queries are not kept", async () => {
  const users = await Promise.all(
    ["kept-a", "kept-b"].map((displayName) =>
      prisma.user.create({
        data: { email: `${displayName}-${Date.now()}@test.ortaq.org`, displayName, passwordHash: "x" },
        select: { id: true },
      }),
    ),
  );
  await withOneConnection({}, async () => {
    expect(await displayNames([...users.map((user) => user.id), "nobody"])).toEqual(["kept-a", "kept-b", null]);
    await prisma.user.findUnique({ where: { id: users[0]!.id }, select: { email: true } });
    await prisma.$queryRaw`SELECT ${users[0]!.id} AS unmarked`;
    const prepared = await preparedOnTheConnection();
    expect(prepared.map((statement) => statement.statement)).toEqual([
      expect.stringContaining('SELECT "displayName" FROM "User" WHERE id = $1'),
    ]);
    expect(prepared[0]!.name).toMatch(/^ortaq_/);
  });
});

test("every signed-in page's lookup of its session is prepared once per connection", async () => {
  const { id } = await prisma.user.create({
    data: { email: `session-${Date.now()}@test.ortaq.org`, displayName: "Kept", passwordHash: "x" },
    select: { id: true },
  });
  const cookie = await createSession(id);
  await withOneConnection({}, async () => {
    for (let page = 0; page < 3; page++) {
      expect((await getOptionalUser(new Request("http://localhost/legal", { headers: { Cookie: cookie } })))?.displayName).toBe("Kept");
    }
    const prepared = await preparedOnTheConnection();
    expect(prepared.filter((statement) => statement.statement.includes('FROM "Session"'))).toHaveLength(1);
  });
});

test("a named query that fails once still answers the next time", async () => {
  const divide = (by: number) => lookup<{ q: number }>`SELECT 10 / ${by}::int AS q`;
  expect(await refusal(() => divide(0))).not.toBeNull();
  expect((await divide(5))[0]!.q).toBe(2);
});

test("with DATABASE_PREPARED_STATEMENTS=false (a pooler in transaction mode) lookups are sent unnamed, and answered alike", async () => {
  const { id } = await prisma.user.create({
    data: { email: `unnamed-${Date.now()}@test.ortaq.org`, displayName: "Unnamed", passwordHash: "x" },
    select: { id: true },
  });
  await withOneConnection({ DATABASE_PREPARED_STATEMENTS: "false" }, async () => {
    expect(await displayNames([id, id, "nobody"])).toEqual(["Unnamed", "Unnamed", null]);
    expect(await preparedOnTheConnection()).toEqual([]);
  });
});

test("each lookup's SQL keeps its own name; past the limit a new one is sent unnamed while the named ones keep theirs", () => {
  const { name } = statementNames(2);
  const first = name("SELECT 1");
  const second = name("SELECT 2");
  expect(first).not.toBe(second);
  expect(name("SELECT 1")).toBe(first);
  expect(name("SELECT 3")).toBe("");
  expect(name("SELECT 2")).toBe(second);
});

test("SQL renamed gets a name no other SQL had, keeps it, and past the limit is sent unnamed", () => {
  const { name, rename } = statementNames(3);
  const first = name("SELECT 1");
  const second = name("SELECT 2");
  const renamed = rename("SELECT 1");
  expect([first, second]).not.toContain(renamed);
  expect(renamed).not.toBe("");
  expect(name("SELECT 1")).toBe(renamed);
  expect(rename("SELECT 2")).toBe("");
  expect(name("SELECT 2")).toBe("");
  expect(name("SELECT 4")).toBe("");
});

test("a lookup prepared before a migration changed the type of a column it answers with answers with the new type", async () => {
  await prisma.$executeRawUnsafe(`CREATE TABLE "LookupTypeChange" (id int PRIMARY KEY, amount int)`);
  await prisma.$executeRawUnsafe(`INSERT INTO "LookupTypeChange" VALUES (1, 5)`);
  const amount = async () => (await lookup<{ amount: unknown }>`SELECT amount FROM "LookupTypeChange" WHERE id = ${1}`)[0]!.amount;
  await withOneConnection({}, async () => {
    // Prepared on the one connection, its plan kept by PostgreSQL after five runs.
    for (let run = 0; run < 6; run++) expect(await amount()).toBe(5);
    await prisma.$executeRawUnsafe(`ALTER TABLE "LookupTypeChange" ALTER COLUMN amount TYPE text USING amount::text || ' som'`);
    expect(await amount()).toBe("5 som");
    expect(await amount()).toBe("5 som");
  });
});

test("a lookup reads and compares moments in UTC, alone or in a list, as the client does, whatever the server's time zone", async () => {
  const { id, createdAt } = await prisma.user.create({
    data: { email: `zone-${Date.now()}@test.ortaq.org`, displayName: "Zone", passwordHash: "x" },
    select: { id: true, createdAt: true },
  });
  // A server five hours ahead of UTC (the time zone is the process's): a moment read or written as local time moves by five hours.
  const script = `import { lookup } from "~/utils/db.server";
    const at = new Date(${createdAt.getTime()});
    const found = (moment) => lookup\`SELECT id FROM "User" WHERE id = \${"${id}"} AND "createdAt" = \${moment}\`;
    const [row] = await lookup\`SELECT "createdAt", ARRAY["createdAt", NULL] AS moments FROM "User" WHERE id = \${"${id}"}\`;
    const moments = row.moments.map((moment) => moment && moment.getTime());
    console.log(JSON.stringify({ read: row.createdAt.getTime(), moments, same: (await found(at)).length, later: (await found(new Date(at.getTime() + 1))).length }));`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: { ...process.env, TZ: "Asia/Almaty" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(0);
  expect(JSON.parse(output)).toEqual({ read: createdAt.getTime(), moments: [createdAt.getTime(), null], same: 1, later: 0 });
}, 60_000);
