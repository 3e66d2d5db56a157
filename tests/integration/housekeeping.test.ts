// The server's hourly clean-up (started by server.ts): expired sessions are deleted on a schedule, not
// only when someone logs in.
import { afterEach, expect, test, vi } from "vitest";
import { prisma } from "~/utils/db.server";
import { HOUSEKEEPING_EVERY_MS, startHousekeeping } from "~/utils/housekeeping.server";
import { LOGIN_WINDOW_MS } from "~/utils/rate-limit.server";
import { createTestUser } from "../helpers/routes";

afterEach(() => {
  vi.useRealTimers();
});

test("expired sessions, old login failures and expired known browsers are deleted at start and then every hour, and live ones kept", async () => {
  // Only the schedule's timers are simulated; the database and its driver keep real time.
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  const user = await createTestUser();
  const expiredAtStart = await prisma.session.create({
    data: { id: `expired-at-start-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() - 60_000) },
    select: { id: true },
  });
  const logged: string[] = [];
  const housekeeping = startHousekeeping({ log: (line) => logged.push(line) });
  try {
    await housekeeping.idle();
    expect(logged).toEqual([]);
    expect(await prisma.session.findUnique({ where: { id: expiredAtStart.id }, select: { id: true } })).toBeNull();

    // Things that expire after the first sweep stay until the next turn of the schedule.
    const expiredLater = await prisma.session.create({
      data: { id: `expired-later-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() - 1000) },
      select: { id: true },
    });
    const oldFailure = await prisma.loginFailure.create({
      data: { key: "login:email:swept@example.org", createdAt: new Date(Date.now() - 2 * LOGIN_WINDOW_MS) },
      select: { id: true },
    });
    await prisma.knownDevice.create({
      data: { tokenHash: `expired-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() - 1000) },
      select: { userId: true },
    });
    await vi.advanceTimersByTimeAsync(HOUSEKEEPING_EVERY_MS - 1000);
    await housekeeping.idle();
    expect(await prisma.session.findUnique({ where: { id: expiredLater.id }, select: { id: true } })).not.toBeNull();

    await vi.advanceTimersByTimeAsync(1000);
    await housekeeping.idle();
    expect(await prisma.session.findUnique({ where: { id: expiredLater.id }, select: { id: true } })).toBeNull();
    expect(await prisma.loginFailure.findUnique({ where: { id: oldFailure.id }, select: { id: true } })).toBeNull();
    expect(await prisma.knownDevice.count({ where: { userId: user.id } })).toBe(0);
    // The session the user is logged in with is live and stays.
    expect(await prisma.session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } })).toBe(1);
  } finally {
    housekeeping.stop();
  }
});

test("a sweep that fails (the database away) is logged in one line and the schedule goes on", async () => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  const logged: string[] = [];
  let sweeps = 0;
  const housekeeping = startHousekeeping({
    log: (line) => logged.push(line),
    tasks: [
      async () => {
        sweeps += 1;
        if (sweeps === 1) throw new Error("Connection terminated unexpectedly");
      },
    ],
  });
  try {
    await housekeeping.idle();
    expect(logged).toEqual(["Deleting expired sessions failed: Connection terminated unexpectedly"]);
    await vi.advanceTimersByTimeAsync(HOUSEKEEPING_EVERY_MS);
    await housekeeping.idle();
    expect(sweeps).toBe(2);
    expect(logged).toHaveLength(1);
  } finally {
    housekeeping.stop();
  }
});
