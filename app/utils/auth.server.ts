import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client";
import { lookup } from "~/utils/db.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import { requestSessionId } from "~/utils/session.server";

/** The signed-in person as every loader and action sees them. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  /** Null until the person follows the link sent to their address: until then they cannot publish or post. */
  emailConfirmedAt: Date | null;
  roles: { role: Role; country: string | null }[];
  /**
   * Whether any of their notifications is unread. Some may be about threads they no longer read, so
   * the count shown is `countUnreadNotifications`; when this is false there is nothing to count.
   */
  hasUnreadNotifications: boolean;
}

/**
 * The person of a session that has not ended, with their roles and whether a notification awaits
 * them: one query, as every signed-in page asks for them (three with Prisma's relation loading, and
 * the notifications' count a fourth on every page, needed only when something is unread).
 */
async function getUserForSession(sessionId: string): Promise<SessionUser | null> {
  const [user] = await lookup<SessionUser>`
    SELECT u.id, u.email, u."displayName", u.locale, u."emailConfirmedAt",
      COALESCE((SELECT json_agg(json_build_object('role', r.role, 'country', r.country) ORDER BY r.role)
                FROM "UserRole" r WHERE r."userId" = u.id), '[]'::json) AS roles,
      EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) AS "hasUnreadNotifications"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId} AND s."expiresAt" > now()`;
  return user ?? null;
}

/** The logged-in user, looked up once per request however many loaders ask. */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return oncePerRequest(request, "user", () => requestSessionId(request).then((id) => (id ? getUserForSession(id) : null)));
}

/**
 * The longest address the login page is asked to return to: encoded once more in the login page's own
 * address, a longer one could pass the server's limit on a request's head (Node's 16 KB) and answer 431.
 */
export const MAX_RETURN_ADDRESS = 2_000;

/** The logged-in user, or the login page, which leads back here (without the query if the address is very long). */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = [`${url.pathname}${url.search}`, url.pathname].find((address) => address.length <= MAX_RETURN_ADDRESS);
    throw redirect(redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login");
  }
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getOptionalUser(request)) throw redirect("/dashboard");
}

/** Only same-site paths; anything else (another host, `//evil`) falls back to the default. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard") {
  if (!to || typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
