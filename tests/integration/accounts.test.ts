import { describe, expect, test } from "vitest";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as changePassword from "~/routes/settings.password";
import * as signup from "~/routes/signup";
import { getOptionalUser, MAX_RETURN_ADDRESS, requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { deleteExpiredSessions } from "~/utils/session.server";
import {
  deleteStaleLoginRecords,
  FREE_FAILURES_PER_PAIR,
  isKnownDevice,
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  MAX_PAIR_DELAY_S,
  pairDelaySeconds,
  recordLoginFailure,
} from "~/utils/rate-limit.server";
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
    const response = await signUp({
      email: "Aida@Example.org",
      password: "a long enough password",
      displayName: "Aida",
      language: "ru",
      role: "funder",
    });
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
      formRequest("/signup", {
        email: "taken@example.org",
        password: "a long enough password",
        displayName: "X Y",
        language: "en",
        role: "funder",
      }),
    );
    expect(taken.status).toBe(400);
    expect(JSON.stringify(taken.data)).toContain("errors.emailTaken");
    expect(JSON.stringify(taken.data)).toContain("X Y");
    const short = await run(
      signup.action,
      formRequest("/signup", { email: "new@example.org", password: "short", displayName: "Someone", language: "en", role: "admin" }),
    );
    expect(short.status).toBe(400);
    const text = JSON.stringify(short.data);
    expect(text).toContain("errors.passwordTooShort");
    expect(text).toContain("errors.chooseOne");
    expect(text).not.toContain('"short"');
    expect(await prisma.user.count({ where: { email: "new@example.org" } })).toBe(0);
  });
});

describe("choosing a password", () => {
  test("sign-up refuses a common password and one made of the person's e-mail or name, next to the password field", async () => {
    const fields = { email: "timur.bekov@example.kz", displayName: "Timur Bekov", language: "ru", role: "funder" };
    const common = await run(signup.action, formRequest("/signup", { ...fields, password: "qwerty123456" }));
    expect(common.status).toBe(400);
    expect((common.data as { error: Record<string, string[]> }).error.password).toEqual(["errors.passwordCommon"]);
    const personal = await run(signup.action, formRequest("/signup", { ...fields, password: "timur.bekov.2026" }));
    expect(personal.status).toBe(400);
    expect((personal.data as { error: Record<string, string[]> }).error.password).toEqual(["errors.passwordPersonal"]);
    const named = await run(signup.action, formRequest("/signup", { ...fields, password: "I am Timur Bekov!" }));
    expect((named.data as { error: Record<string, string[]> }).error.password).toEqual(["errors.passwordPersonal"]);
    expect(JSON.stringify(named.data)).not.toContain("I am Timur");
    expect(await prisma.user.count({ where: { email: "timur.bekov@example.kz" } })).toBe(0);
  });

  test("changing the password refuses a common new password and keeps the old one", async () => {
    const user = await createTestUser();
    const outcome = await run(
      changePassword.action,
      formRequest(
        "/settings/password",
        { currentPassword: user.password, newPassword: "password1234", confirmPassword: "password1234" },
        user.cookie,
      ),
    );
    expect(outcome.status).toBe(400);
    expect((outcome.data as { error: Record<string, string[]> }).error.newPassword).toEqual(["errors.passwordCommon"]);
    const again = await run(
      login.action,
      formRequest("/login", { email: user.email, password: user.password }),
      {},
      { clientAddress: "198.51.100.77" },
    );
    expect(again.status).toBe(302);
  });
});

describe("logging in", () => {
  test("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await createTestUser();
    const unknown = await run(login.action, formRequest("/login", { email: "nobody@example.org", password: "whatever it is" }));
    const wrong = await run(login.action, formRequest("/login", { email: user.email, password: "not the password" }));
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(unknown.data).replace("nobody@example.org", "EMAIL")).toBe(
      JSON.stringify(wrong.data).replace(user.email, "EMAIL"),
    );
  });

  test("wrong passwords for one account from one address are slowed down with a growing wait, and every 429 says how long", async () => {
    const user = await createTestUser();
    const from = { clientAddress: "198.51.100.7" };
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) {
      expect((await run(login.action, formRequest("/login", { email: user.email, password: "wrong password" }), {}, from)).status).toBe(
        400,
      );
    }
    // Three more failures, as if each wait had been sat out: the next wait is 8 s (a margin no slow machine eats up).
    for (let i = 0; i < 3; i++) await recordLoginFailure(user.email, from.clientAddress);
    const slowed = await run(login.action, formRequest("/login", { email: user.email, password: user.password }), {}, from);
    expect(slowed.status).toBe(429);
    expect(JSON.stringify(slowed.data)).toContain("errors.tooManyAttempts");
    expect(Number(slowed.headers.get("Retry-After"))).toBeGreaterThan(pairDelaySeconds(FREE_FAILURES_PER_PAIR + 2));
    expect(Number(slowed.headers.get("Retry-After"))).toBeLessThanOrEqual(pairDelaySeconds(FREE_FAILURES_PER_PAIR + 3));
    expect((slowed.data as { retryAfter: number }).retryAfter).toBe(Number(slowed.headers.get("Retry-After")));
    // Each failure after the free ones doubles the wait, up to a quarter of an hour.
    expect([5, 6, 7, 8, 30].map(pairDelaySeconds)).toEqual([1, 2, 4, 8, MAX_PAIR_DELAY_S]);
    expect(pairDelaySeconds(FREE_FAILURES_PER_PAIR - 1)).toBe(0);
  });

  test("someone guessing from one address does not lock the owner out: the right password works from another address", async () => {
    const user = await createTestUser();
    for (let i = 0; i < FREE_FAILURES_PER_PAIR + 3; i++) {
      await run(
        login.action,
        formRequest("/login", { email: user.email, password: "wrong password" }),
        {},
        { clientAddress: "198.51.100.66" },
      );
    }
    const owner = await run(
      login.action,
      formRequest("/login", { email: user.email, password: user.password }),
      {},
      { clientAddress: "198.51.100.200" },
    );
    expect(owner.status).toBe(302);
    expect(owner.location).toBe("/dashboard");
  });

  test("past the account's ceiling, guesses from everywhere wait, but the right password still works in a browser that logged in before", async () => {
    const user = await createTestUser();
    const first = await run(
      login.action,
      formRequest("/login", { email: user.email, password: user.password }),
      {},
      { clientAddress: "198.51.100.1" },
    );
    expect(first.status).toBe(302);
    const device = first.headers.getSetCookie().find((cookie) => cookie.startsWith("ortaq_device="))!;
    expect(device).toMatch(/HttpOnly/i);
    // A distributed attack: the account's ceiling reached from many addresses.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await recordLoginFailure(user.email, `10.${Math.floor(i / 250)}.${i % 250}.9`);
    const elsewhere = await run(
      login.action,
      formRequest("/login", { email: user.email, password: user.password }),
      {},
      { clientAddress: "198.51.100.2" },
    );
    expect(elsewhere.status).toBe(429);
    expect(Number(elsewhere.headers.get("Retry-After"))).toBeGreaterThan(0);
    const known = await run(
      login.action,
      new Request("http://localhost/login", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieFrom(device) },
        body: new URLSearchParams({ email: user.email, password: user.password }),
      }),
      {},
      { clientAddress: "198.51.100.3" },
    );
    expect(known.status).toBe(302);
    // The browser's cookie is for this account only: another account's guessers gain nothing from it.
    expect(await isKnownDevice(getRequest("/login", cookieFrom(device)), user.email)).toBe(true);
    expect(await isKnownDevice(getRequest("/login", cookieFrom(device)), "someone-else@example.org")).toBe(false);
  });

  test("limits an unregistered email exactly like a registered one", async () => {
    const user = await createTestUser();
    const from = { clientAddress: "198.51.100.9" };
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) {
      await run(login.action, formRequest("/login", { email: "ghost@example.org", password: "wrong password" }), {}, from);
      await run(login.action, formRequest("/login", { email: user.email, password: "wrong password" }), {}, from);
    }
    for (let i = 0; i < 3; i++) {
      await recordLoginFailure("ghost@example.org", from.clientAddress);
      await recordLoginFailure(user.email, from.clientAddress);
    }
    const ghost = await run(login.action, formRequest("/login", { email: "ghost@example.org", password: "wrong password" }), {}, from);
    const registered = await run(login.action, formRequest("/login", { email: user.email, password: "wrong password" }), {}, from);
    expect(ghost.status).toBe(429);
    expect(registered.status).toBe(429);
    expect(JSON.stringify(ghost.data).replace("ghost@example.org", "EMAIL")).toBe(
      JSON.stringify(registered.data).replace(user.email, "EMAIL"),
    );
  });

  test("many people failing from one shared address (an office, a carrier) do not lock the others out; only a spraying attack reaches the address's ceiling", async () => {
    for (let i = 0; i < 20; i++) {
      await run(
        login.action,
        formRequest("/login", { email: `someone${i}@example.org`, password: "wrong" }),
        {},
        { clientAddress: "192.0.2.99" },
      );
    }
    const colleague = await createTestUser();
    const fine = await run(
      login.action,
      formRequest("/login", { email: colleague.email, password: colleague.password }),
      {},
      { clientAddress: "192.0.2.99" },
    );
    expect(fine.status).toBe(302);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await recordLoginFailure(`sprayed${i}@example.org`, "192.0.2.100");
    const sprayed = await createTestUser();
    const limited = await run(
      login.action,
      formRequest("/login", { email: sprayed.email, password: sprayed.password }),
      {},
      { clientAddress: "192.0.2.100" },
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  test("redirects only to paths on this site", async () => {
    const user = await createTestUser();
    const outcome = await run(
      login.action,
      formRequest("/login", { email: user.email, password: user.password, redirectTo: "//evil.example.com/x" }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/dashboard");
  });
});

describe("a page that needs a login", () => {
  const loginFor = async (path: string) => {
    const refused = await requireUser(getRequest(path)).catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(302);
    return (refused as Response).headers.get("Location")!;
  };

  test("sends a visitor to the login page, which leads back to the page with its query", async () => {
    const location = await loginFor("/shortlists?sort=name&q=%D0%B6");
    expect(new URL(location, "http://localhost").searchParams.get("redirectTo")).toBe("/shortlists?sort=name&q=%D0%B6");
  });

  test("leads back without the query when the address is too long to be sent again inside the login page's", async () => {
    const query = `?q=${"%D0%B6".repeat(2_000)}`;
    const location = await loginFor(`/shortlists${query}`);
    expect(new URL(location, "http://localhost").searchParams.get("redirectTo")).toBe("/shortlists");
    expect(location.length).toBeLessThan(MAX_RETURN_ADDRESS);
    // A path alone too long to return to: the login page, then the dashboard.
    expect(await loginFor(`/enterprises/${"x".repeat(MAX_RETURN_ADDRESS)}`)).toBe("/login");
  });
});

describe("sessions", () => {
  test("a session signs in its person with their roles until it ends, and not after", async () => {
    const user = await createTestUser({ roles: ["ministry", "funder", "entrepreneur"], country: "TJ", confirmed: false });
    const me = await getOptionalUser(getRequest("/", user.cookie));
    expect(me).toMatchObject({ id: user.id, email: user.email, emailConfirmedAt: null });
    // In the roles' declared order, a ministry's with its country.
    expect(me?.roles).toEqual([
      { role: "entrepreneur", country: null },
      { role: "funder", country: null },
      { role: "ministry", country: "TJ" },
    ]);
    expect(await getOptionalUser(getRequest("/", "ortaq_session=not-a-session"))).toBeNull();
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getOptionalUser(getRequest("/", user.cookie))).toBeNull();
  });

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
      formRequest(
        "/settings/password",
        { currentPassword: user.password, newPassword: "another long password", confirmPassword: "another long password" },
        user.cookie,
      ),
    );
    expect(outcome.status).toBe(302);
    expect(await getOptionalUser(getRequest("/", user.cookie))).not.toBeNull();
    expect(await getOptionalUser(getRequest("/", otherDevice))).toBeNull();
  });

  test("expired sessions are deleted when someone logs in, not kept for ever", async () => {
    const user = await createTestUser();
    const expired = await prisma.session.create({
      data: { id: `expired-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() - 60_000) },
      select: { id: true },
    });
    const live = await prisma.session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } });
    const outcome = await run(
      login.action,
      formRequest("/login", { email: user.email, password: user.password }),
      {},
      { clientAddress: "198.51.100.44" },
    );
    expect(outcome.status).toBe(302);
    expect(await prisma.session.findUnique({ where: { id: expired.id }, select: { id: true } })).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } })).toBe(live + 1);
  });

  test("the hourly sweep deletes expired sessions, old login failures and expired known browsers", async () => {
    const user = await createTestUser();
    await prisma.session.create({
      data: { id: `old-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() - 1000) },
      select: { id: true },
    });
    await prisma.loginFailure.create({
      data: { key: "login:email:old@example.org", createdAt: new Date(Date.now() - 2 * LOGIN_WINDOW_MS) },
      select: { id: true },
    });
    await prisma.knownDevice.create({
      data: { tokenHash: "old", userId: user.id, expiresAt: new Date(Date.now() - 1000) },
      select: { userId: true },
    });
    expect(await deleteExpiredSessions()).toBeGreaterThanOrEqual(1);
    const swept = await deleteStaleLoginRecords();
    expect(swept.failures).toBeGreaterThanOrEqual(1);
    expect(swept.devices).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.count({ where: { expiresAt: { lt: new Date() } } })).toBe(0);
    expect(await prisma.knownDevice.count({ where: { userId: user.id } })).toBe(0);
  });

  test("a wrong current password changes nothing", async () => {
    const user = await createTestUser();
    const outcome = await run(
      changePassword.action,
      formRequest(
        "/settings/password",
        { currentPassword: "not it at all", newPassword: "another long password", confirmPassword: "another long password" },
        user.cookie,
      ),
    );
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.data)).toContain("errors.wrongPassword");
  });
});
