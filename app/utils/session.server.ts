import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

const SESSION_DAYS = 30;

/** Whether cookies are sent over HTTPS only: SESSION_SECURE_COOKIE when set, else in production. */
export function secureCookie() {
  const { SESSION_SECURE_COOKIE: setting, NODE_ENV } = getEnv();
  if (setting) return setting === "true";
  return NODE_ENV === "production";
}

const sessionCookie = () =>
  createCookie("ortaq_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookie(),
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a server-side session; the cookie carries a random token, the database only its hash. */
export async function createSession(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: { id: hashToken(token), userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) },
    select: { id: true },
  });
  return sessionCookie().serialize(token);
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The id of the session the request's cookie names (its token's hash), or null without one; it may have ended. */
export async function requestSessionId(request: Request): Promise<string | null> {
  const token = await readToken(request);
  return token ? hashToken(token) : null;
}

/** Ends the request's session in the database and returns the header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await prisma.session.deleteMany({ where: { id: hashToken(token) } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Ends every session of a user but the one making the request (after a password change). */
export async function revokeOtherSessions(request: Request, userId: string) {
  const token = await readToken(request);
  await prisma.session.deleteMany({ where: { userId, ...(token ? { NOT: { id: hashToken(token) } } : {}) } });
}

/** Deletes sessions past their expiry: run on every login and hourly by the server, so none is kept for ever. */
export async function deleteExpiredSessions(now = new Date()) {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
