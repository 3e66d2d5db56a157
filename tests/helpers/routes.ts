import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { assignHandle } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { readNotice, type Notice } from "~/utils/notice.server";
import { hashPassword } from "~/utils/password.server";
import { createSession } from "~/utils/session.server";
import type { RoleName } from "~/utils/roles";

let counter = 0;

const passwordHashes = new Map<string, Promise<string>>();

/**
 * The real argon2 hash of a test password, computed once per test file: hashing is slow on purpose
 * (~74 ms), and the tests that are about passwords (sign-up, login, changing one) hash through the
 * app's own code anyway.
 */
function testPasswordHash(password: string) {
  let hashed = passwordHashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    passwordHashes.set(password, hashed);
  }
  return hashed;
}

/**
 * A user with the given roles and a live session; `cookie` is the Cookie header that carries it. Their
 * address is confirmed unless `confirmed: false` (an account just signed up), and their language English
 * unless `language` says otherwise.
 */
export interface TestUserOptions {
  roles?: RoleName[];
  country?: string | null;
  password?: string;
  email?: string;
  confirmed?: boolean;
  language?: string;
  displayName?: string;
}

export async function createTestUser({
  roles = ["entrepreneur"],
  country = null,
  password = "correct horse battery",
  email,
  confirmed = true,
  language = "en",
  displayName,
}: TestUserOptions = {}) {
  const n = ++counter;
  const passwordHash = await testPasswordHash(password);
  const user = await prisma.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email: email ?? `user${n}-${Date.now()}@test.ortaq.org`,
        displayName: displayName ?? `Test User ${n}`,
        passwordHash,
        locale: language,
        emailConfirmedAt: confirmed ? new Date() : null,
        roles: { create: roles.map((role) => ({ role, country: role === "ministry" ? (country ?? "KZ") : null })) },
      },
      select: { id: true, email: true },
    });
    await assignHandle(tx, created.id);
    return created;
  });
  const setCookie = await createSession(user.id);
  return { ...user, password, cookie: setCookie.split(";")[0]! };
}

export function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string, method = "POST") {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return new Request(`http://localhost${path}`, {
    method,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body,
  });
}

export function getRequest(path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export interface Outcome {
  status: number;
  location: string | null;
  data: unknown;
  /** The success notice a redirect leaves for the page it leads to. */
  notice?: Notice | null;
  /** The response's headers (Retry-After, Set-Cookie, ...). */
  headers: Headers;
}

/** The notice a response sets (see notice.server.ts), read as the next request would send it back. */
async function noticeOf(response: Response) {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("ortaq_notice="));
  return cookie ? readNotice(new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } })) : null;
}

/** Runs a loader or action as Remix would and reports what the browser would get: a status, a redirect, or data. */
export async function run(
  fn: (args: ActionFunctionArgs & LoaderFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = { clientAddress: "203.0.113.1" },
): Promise<Outcome> {
  let result: unknown;
  try {
    result = await fn({ request, params, context } as ActionFunctionArgs & LoaderFunctionArgs);
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return {
      status: result.status,
      location: result.headers.get("Location"),
      data: null,
      notice: await noticeOf(result),
      headers: result.headers,
    };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const withInit = result as { data: unknown; init: ResponseInit | null };
    return { status: withInit.init?.status ?? 200, location: null, data: withInit.data, headers: new Headers(withInit.init?.headers) };
  }
  if (result instanceof Error) throw result;
  return { status: 200, location: null, data: result, headers: new Headers() };
}
