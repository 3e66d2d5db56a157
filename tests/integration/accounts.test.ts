import { describe, expect, test } from "vitest";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as changePassword from "~/routes/settings.password";
import * as signup from "~/routes/signup";
import { getOptionalUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { MAX_FAILURES_PER_ACCOUNT } from "~/utils/rate-limit.server";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

const cookieFrom = (setCookie: string | null) => setCookie?.split(";")[0] ?? "";

async function signUp(fields: Record<string, string>) {
  const request = formRequest("/signup", fields);
  let response: Response | undefined;
  try {
    response = (await signup.action({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    response = thrown as Response;
  }
  return response;
}

describe("signing up", () => {
  test("creates an account with an argon2id hash, the chosen role and language, and logs the person in", async () => {
    const response = await signUp({ email: "Aida@Example.org", password: "a long enough password", displayName: "Aida", language: "ru", role: "funder" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dashboard");
    const user = await prisma.user.findUnique({
      where: { email: "aida@example.org" },
      select: { passwordHash: true, locale: true, roles: { select: { role: true } } },
    });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.locale).toBe("ru");
    expect(user?.roles.map((r) => r.role)).toEqual(["funder"]);
    const cookies = response.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("ortaq_session=") && /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c))).toBe(true);
    expect(cookies.some((c) => c.startsWith("lng="))).toBe(true);
    const session = cookies.find((c) => c.startsWith("ortaq_session="))!;
    const me = await getOptionalUser(getRequest("/", cookieFrom(session)));
    expect(me?.displayName).toBe("Aida");
  });

  test("refuses a registered email, a short password and a role that cannot be chosen, keeping what was typed", async () => {
    await createTestUser({ email: "taken@example.org" });
    const taken = await run(
      signup.action,
      formRequest("/signup", { email: "taken@example.org", password: "a long enough password", displayName: "X Y", language: "en", role: "funder" }),
    );
    expect(taken.status).toBe(400);
    expect(JSON.stringify(taken.data)).toContain("errors.emailTaken");
    expect(JSON.stringify(taken.data)).toContain("X Y");
    const short = await run(signup.action, formRequest("/signup", { email: "new@example.org", password: "short", displayName: "Someone", language: "en", role: "admin" }));
    expect(short.status).toBe(400);
    const text = JSON.stringify(short.data);
    expect(text).toContain("errors.passwordTooShort");
    expect(text).toContain("errors.chooseOne");
    expect(text).not.toContain('"short"');
    expect(await prisma.user.count({ where: { email: "new@example.org" } })).toBe(0);
  });
});

describe("logging in", () => {
  test("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await createTestUser();
    const unknown = await run(login.action, formRequest("/login", { email: "nobody@example.org", password: "whatever it is" }));
    const wrong = await run(login.action, formRequest("/login", { email: user.email, password: "not the password" }));
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(unknown.data).replace("nobody@example.org", "EMAIL")).toBe(JSON.stringify(wrong.data).replace(user.email, "EMAIL"));
  });

  test("is rate limited per account after repeated failures, even with the right password", async () => {
    const user = await createTestUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await run(login.action, formRequest("/login", { email: user.email, password: "wrong password" }), {}, { clientAddress: `198.51.100.${i}` });
    }
    const limited = await run(login.action, formRequest("/login", { email: user.email, password: user.password }), {}, { clientAddress: "198.51.100.200" });
    expect(limited.status).toBe(429);
    expect(JSON.stringify(limited.data)).toContain("errors.tooManyAttempts");
  });

  test("limits an unregistered email exactly like a registered one", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await run(login.action, formRequest("/login", { email: "ghost@example.org", password: "wrong password" }), {}, { clientAddress: `198.51.100.${i}` });
    }
    const limited = await run(login.action, formRequest("/login", { email: "ghost@example.org", password: "wrong password" }));
    expect(limited.status).toBe(429);
  });

  test("is rate limited per address across many accounts", async () => {
    for (let i = 0; i < 20; i++) {
      await run(login.action, formRequest("/login", { email: `someone${i}@example.org`, password: "wrong" }), {}, { clientAddress: "192.0.2.99" });
    }
    const user = await createTestUser();
    const limited = await run(login.action, formRequest("/login", { email: user.email, password: user.password }), {}, { clientAddress: "192.0.2.99" });
    expect(limited.status).toBe(429);
  });

  test("redirects only to paths on this site", async () => {
    const user = await createTestUser();
    const outcome = await run(login.action, formRequest("/login", { email: user.email, password: user.password, redirectTo: "//evil.example.com/x" }));
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/dashboard");
  });
});

describe("sessions", () => {
  test("logging out ends the session on the server, so the old cookie no longer works", async () => {
    const user = await createTestUser();
    expect(await getOptionalUser(getRequest("/", user.cookie))).not.toBeNull();
    await run(logout.action, formRequest("/logout", {}, user.cookie));
    expect(await getOptionalUser(getRequest("/", user.cookie))).toBeNull();
  });

  test("changing the password keeps this session and revokes the others", async () => {
    const user = await createTestUser();
    const { createSession } = await import("~/utils/session.server");
    const otherDevice = cookieFrom(await createSession(user.id));
    const outcome = await run(
      changePassword.action,
      formRequest("/settings/password", { currentPassword: user.password, newPassword: "another long password", confirmPassword: "another long password" }, user.cookie),
    );
    expect(outcome.status).toBe(302);
    expect(await getOptionalUser(getRequest("/", user.cookie))).not.toBeNull();
    expect(await getOptionalUser(getRequest("/", otherDevice))).toBeNull();
  });

  test("a wrong current password changes nothing", async () => {
    const user = await createTestUser();
    const outcome = await run(
      changePassword.action,
      formRequest("/settings/password", { currentPassword: "not it at all", newPassword: "another long password", confirmPassword: "another long password" }, user.cookie),
    );
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.data)).toContain("errors.wrongPassword");
  });
});
