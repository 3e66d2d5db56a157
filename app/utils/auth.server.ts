import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import { getSessionUserId } from "~/utils/session.server";

/** The signed-in person as every loader and action sees them. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  /** Null until the person follows the link sent to their address: until then they cannot publish or post. */
  emailConfirmedAt: Date | null;
  roles: { role: Role; country: string | null }[];
}

const SESSION_USER_SELECT = {
  id: true,
  email: true,
  displayName: true,
  locale: true,
  emailConfirmedAt: true,
  roles: { select: { role: true, country: true }, orderBy: { role: "asc" as const } },
};

function getUserForSession(id: string): Promise<SessionUser | null> {
  return prisma.user.findUnique({ where: { id }, select: SESSION_USER_SELECT });
}

/** The logged-in user, looked up once per request however many loaders ask. */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return oncePerRequest(request, "user", () => getSessionUserId(request).then((userId) => (userId ? getUserForSession(userId) : null)));
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getSessionUserId(request)) throw redirect("/dashboard");
}

/** Only same-site paths; anything else (another host, `//evil`) falls back to the default. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard") {
  if (!to || typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
