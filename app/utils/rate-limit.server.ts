import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { secureCookie } from "~/utils/session.server";

/**
 * Guessing passwords is slowed down, never made a way to lock someone out (see docs/decisions/010-login-limits.md):
 * - one account from one address gets FREE_FAILURES_PER_PAIR wrong passwords, then waits 1 s, 2 s, 4 s, ...
 *   (at most MAX_PAIR_DELAY_S) after each further one;
 * - an account stops being tried from anywhere after MAX_FAILURES_PER_ACCOUNT failures in the window, and an
 *   address after MAX_FAILURES_PER_ADDRESS failures over every account: high ceilings that only a
 *   distributed or spraying attack reaches;
 * - none of this applies in a browser where the account last logged in successfully (a known device):
 *   the right password always works there.
 * Failures are counted for any e-mail, registered or not, so the limits reveal nothing.
 */
export const LOGIN_WINDOW_MS = 60 * 60 * 1000;
export const FREE_FAILURES_PER_PAIR = 5;
export const MAX_PAIR_DELAY_S = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 100;
export const MAX_FAILURES_PER_ADDRESS = 300;

const KNOWN_DEVICE_DAYS = 365;

const normalise = (email: string) => email.trim().toLowerCase();
const keys = (email: string, address: string) => ({
  pair: `login:pair:${normalise(email)} ${address}`,
  account: `login:email:${normalise(email)}`,
  address: `login:ip:${address}`,
});

/** The wait after the nth failure of one account from one address: none for the first few, then doubling. */
export function pairDelaySeconds(failures: number) {
  if (failures < FREE_FAILURES_PER_PAIR) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES_PER_PAIR), MAX_PAIR_DELAY_S);
}

async function ceilingWait(key: string, ceiling: number, since: Date, now: number) {
  const failures = await prisma.loginFailure.findMany({
    where: { key, createdAt: { gte: since } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: ceiling,
  });
  return failures.length >= ceiling ? failures.at(-1)!.createdAt.getTime() + LOGIN_WINDOW_MS - now : 0;
}

/** The seconds to wait before another login attempt for this e-mail from this address, or 0. */
export async function loginRetryAfter(email: string, address: string): Promise<number> {
  const now = Date.now();
  const since = new Date(now - LOGIN_WINDOW_MS);
  const key = keys(email, address);
  const [pairFailures, latest, accountWait, addressWait] = await Promise.all([
    prisma.loginFailure.count({ where: { key: key.pair, createdAt: { gte: since } } }),
    prisma.loginFailure.findFirst({
      where: { key: key.pair, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
    ceilingWait(key.account, MAX_FAILURES_PER_ACCOUNT, since, now),
    ceilingWait(key.address, MAX_FAILURES_PER_ADDRESS, since, now),
  ]);
  const pairWait = latest ? latest.createdAt.getTime() + pairDelaySeconds(pairFailures) * 1000 - now : 0;
  const wait = Math.max(pairWait, accountWait, addressWait);
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export async function recordLoginFailure(email: string, address: string) {
  const key = keys(email, address);
  await prisma.loginFailure.createMany({ data: [{ key: key.pair }, { key: key.account }, { key: key.address }] });
}

/**
 * After a successful login the waits of that account from that address start again. The account's
 * and the address's counts stay: someone guessing from elsewhere gains nothing from the owner's login.
 */
export async function clearLoginFailures(email: string, address: string) {
  await prisma.loginFailure.deleteMany({ where: { key: keys(email, address).pair } });
}

/** The client's address: Express's view of it (which honours TRUST_PROXY), passed in the load context. */
export function clientAddress(request: Request, context: unknown): string {
  const fromContext = (context as { clientAddress?: string } | undefined)?.clientAddress;
  return fromContext ?? "unknown";
}

const knownDeviceCookie = () =>
  createCookie("ortaq_device", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookie(),
    maxAge: KNOWN_DEVICE_DAYS * 24 * 60 * 60,
  });

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function deviceToken(request: Request): Promise<string | null> {
  const value = await knownDeviceCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[\w-]{43}$/.test(value) ? value : null;
}

/** Whether the account of this e-mail logged in successfully from this browser before (and not since its password changed). */
export async function isKnownDevice(request: Request, email: string): Promise<boolean> {
  const token = await deviceToken(request);
  if (!token) return false;
  const device = await prisma.knownDevice.findFirst({
    where: { tokenHash: hashToken(token), user: { email: normalise(email) }, expiresAt: { gt: new Date() } },
    select: { userId: true },
  });
  return device !== null;
}

/** Remembers this browser as one where the user logged in; returns the Set-Cookie header that carries (or renews) its token. */
export async function rememberDevice(request: Request, userId: string): Promise<string> {
  const token = (await deviceToken(request)) ?? randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + KNOWN_DEVICE_DAYS * 86_400_000);
  await prisma.knownDevice.upsert({
    where: { tokenHash_userId: { tokenHash: hashToken(token), userId } },
    create: { tokenHash: hashToken(token), userId, expiresAt },
    update: { lastUsedAt: now, expiresAt },
    select: { userId: true },
  });
  return knownDeviceCookie().serialize(token);
}

/** After a password change only the browser that made it stays known: one that knew the old password proves nothing now. */
export async function forgetOtherDevices(request: Request, userId: string) {
  const token = await deviceToken(request);
  await prisma.knownDevice.deleteMany({ where: { userId, ...(token ? { NOT: { tokenHash: hashToken(token) } } : {}) } });
}

/** Drops login failures too old to count and known devices past their time. */
export async function deleteStaleLoginRecords(now = new Date()) {
  const [failures, devices] = await Promise.all([
    prisma.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_WINDOW_MS) } } }),
    prisma.knownDevice.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return { failures: failures.count, devices: devices.count };
}

/**
 * "Forgot your password?" requests from one client address in LOGIN_WINDOW_MS, whatever the e-mail and
 * whether or not an account has it: enough for a whole office, too few to mail-bomb many accounts or
 * to probe addresses by timing. Each account also gets at most LINKS_PER_HOUR links an hour
 * (account-email.server.ts), silently, so that limit reveals nothing and leaves the links already sent
 * working. The requests are kept as keyed rows beside the login failures and swept with them.
 */
export const RESET_REQUESTS_PER_ADDRESS = 30;

const resetKey = (address: string) => `reset:ip:${address}`;

/** The seconds this client address must wait before asking for another reset link, or 0. */
export async function passwordResetRetryAfter(address: string): Promise<number> {
  const now = Date.now();
  const wait = await ceilingWait(resetKey(address), RESET_REQUESTS_PER_ADDRESS, new Date(now - LOGIN_WINDOW_MS), now);
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export async function recordPasswordResetRequest(address: string) {
  await prisma.loginFailure.create({ data: { key: resetKey(address) }, select: { id: true } });
}
