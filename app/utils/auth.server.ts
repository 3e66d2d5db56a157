import { hash, verify } from "@node-rs/argon2";
import { redirect } from "@remix-run/node";
import { getUserForSession, type SessionUser } from "~/models/user.server";
import { getSessionUserId } from "~/utils/session.server";

// argon2id (the library's default algorithm) with OWASP's recommended minimum cost.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when no account matches, so a wrong email takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export const getDummyHash = () => (dummyHash ??= hashPassword("ortaq-no-such-account"));

const userOfRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/** The logged-in user, looked up once per request however many loaders ask. */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let user = userOfRequest.get(request);
  if (!user) {
    user = getSessionUserId(request).then((userId) => (userId ? getUserForSession(userId) : null));
    userOfRequest.set(request, user);
  }
  return user;
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
