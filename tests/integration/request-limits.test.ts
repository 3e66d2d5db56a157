// Every refusal that asks someone to wait says how long (Retry-After), and no limit lets one person
// keep another out: the forgotten-password form, the change of address and the forum's new threads.
// The login limits are in accounts.test.ts, the forum replies' in forum.test.ts, the API's in
// directory.test.ts, the server-wide default in app/utils/request-guards.server.test.ts.
import { describe, expect, test } from "vitest";
import { LINKS_PER_HOUR } from "~/models/account-email.server";
import * as forgotPassword from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as newThread from "~/routes/forum_.new";
import * as settingsEmail from "~/routes/settings.email";
import { prisma } from "~/utils/db.server";
import { MAX_POSTS_PER_WINDOW } from "~/utils/forum-limits";
import { recordPasswordResetRequest, RESET_REQUESTS_PER_ADDRESS } from "~/utils/rate-limit.server";
import { createTestCategory } from "../helpers/forum";
import { createTestUser, formRequest, run } from "../helpers/routes";

let addressCounter = 0;
/** A client address of its own for each test: the tests of a file share one database and run in any order. */
const newAddress = () => `198.51.100.${++addressCounter}`;

const askForLink = (email: string, address: string, cookie?: string) =>
  run(forgotPassword.action, formRequest("/forgot-password", { email }, cookie), {}, { clientAddress: address });

const resetLinks = (userId: string) => prisma.emailToken.count({ where: { userId, purpose: "password_reset" } });

describe("asking for a new password", () => {
  test("one client address may ask a limited number of times an hour; then a 429 with Retry-After, alike for registered and unknown addresses", async () => {
    const user = await createTestUser({ email: `limited-${Date.now()}@example.org` });
    const address = newAddress();
    // Requests count whether or not an account has the address.
    for (const email of [user.email, `nobody-${Date.now()}@example.org`, user.email, `nobody-else-${Date.now()}@example.org`]) {
      expect(await askForLink(email, address)).toMatchObject({
        status: 302,
        location: "/forgot-password",
        notice: { message: "forgotPassword.sent" },
      });
    }
    // The rest of the hour's requests, as if made earlier.
    for (let i = 4; i < RESET_REQUESTS_PER_ADDRESS; i++) await recordPasswordResetRequest(address);
    const registered = await askForLink(user.email, address);
    const unknown = await askForLink(`nobody-at-all-${Date.now()}@example.org`, address);
    for (const limited of [registered, unknown]) {
      expect(limited.status).toBe(429);
      expect(JSON.stringify(limited.data)).toContain("forgotPassword.tooMany");
      const retryAfter = Number(limited.headers.get("Retry-After"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect((limited.data as { retryAfter: number }).retryAfter).toBe(retryAfter);
    }
    // Nothing tells the two apart: the same status, wait and message.
    expect(registered.headers.get("Retry-After")).toBe(unknown.headers.get("Retry-After"));
    expect((registered.data as { error: unknown }).error).toEqual((unknown.data as { error: unknown }).error);

    // Another address is not held by this one's requests.
    expect((await askForLink(user.email, newAddress())).status).toBe(302);
  });

  test("nobody can keep an owner from a link: the account's browser is never held, and the links already sent keep working", async () => {
    const user = await createTestUser({ email: `owner-${Date.now()}@example.org`, password: "correct horse battery" });
    const shared = newAddress();
    // The owner logged in from this browser before: it holds the account's known-device cookie.
    const loggedIn = await run(
      login.action,
      formRequest("/login", { email: user.email, password: user.password }),
      {},
      { clientAddress: shared },
    );
    expect(loggedIn.status).toBe(302);
    const device = loggedIn.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith("ortaq_device="))!
      .split(";")[0]!;

    // Someone on the same shared address (an office, a carrier) uses up its requests, on the owner's address too.
    for (let i = 0; i < LINKS_PER_HOUR + 1; i++) await askForLink(user.email, shared);
    for (let i = LINKS_PER_HOUR + 1; i < RESET_REQUESTS_PER_ADDRESS; i++) await recordPasswordResetRequest(shared);
    expect((await askForLink(user.email, shared)).status).toBe(429);
    // The account's own e-mail got no more than its hourly links, and those work.
    expect(await resetLinks(user.id)).toBe(LINKS_PER_HOUR);
    expect(
      await prisma.emailToken.count({ where: { userId: user.id, purpose: "password_reset", usedAt: null, expiresAt: { gt: new Date() } } }),
    ).toBe(LINKS_PER_HOUR);

    // From the owner's own browser the form still answers as usual.
    expect(await askForLink(user.email, shared, device)).toMatchObject({ status: 302, notice: { message: "forgotPassword.sent" } });
  });

  test("one e-mail gets at most a few links an hour, however many addresses ask, and every answer is the same", async () => {
    const user = await createTestUser({ email: `flooded-${Date.now()}@example.org` });
    const answers = [];
    for (let i = 0; i < LINKS_PER_HOUR + 3; i++) answers.push(await askForLink(user.email, newAddress()));
    for (const answer of answers)
      expect(answer).toMatchObject({ status: 302, location: "/forgot-password", notice: { message: "forgotPassword.sent" } });
    expect(await resetLinks(user.id)).toBe(LINKS_PER_HOUR);
  });
});

describe("changing one's address", () => {
  test("past the hourly links, the 429 says when the next link may be sent", async () => {
    const user = await createTestUser({ email: `mover-${Date.now()}@example.org` });
    const ask = (n: number) =>
      run(
        settingsEmail.action,
        formRequest("/settings/email", { email: `moved-${n}-${Date.now()}@example.org`, password: user.password }, user.cookie),
      );
    for (let n = 0; n < LINKS_PER_HOUR; n++) expect((await ask(n)).status).toBe(302);
    // The first link was sent ten minutes ago: the next may go in about fifty.
    const first = await prisma.emailToken.findFirstOrThrow({
      where: { userId: user.id, purpose: "email_confirmation" },
      orderBy: { createdAt: "asc" },
      select: { tokenHash: true },
    });
    await prisma.emailToken.update({ where: { tokenHash: first.tokenHash }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    const refused = await ask(LINKS_PER_HOUR);
    expect(refused.status).toBe(429);
    expect(JSON.stringify(refused.data)).toContain("emailSettings.tooMany");
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(49 * 60);
    expect(retryAfter).toBeLessThanOrEqual(50 * 60);
  });
});

describe("starting forum threads", () => {
  test("past the posting limit, the 429 carries the same wait in Retry-After as the page shows", async () => {
    const newcomer = await createTestUser();
    const category = await createTestCategory();
    const start = (n: number) =>
      run(
        newThread.action,
        formRequest("/forum/new", { categoryId: category.id, title: `Question number ${n}`, body: "Hello, everyone." }, newcomer.cookie),
      );
    for (let n = 0; n < MAX_POSTS_PER_WINDOW.new; n++) expect((await start(n)).status).toBe(302);
    const limited = await start(MAX_POSTS_PER_WINDOW.new);
    expect(limited.status).toBe(429);
    const refusal = (limited.data as { refusal: { reason: string; retryAfterSeconds: number } }).refusal;
    expect(refusal.reason).toBe("rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBe(refusal.retryAfterSeconds);
    expect(refusal.retryAfterSeconds).toBeGreaterThan(0);
  });
});
