import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { handleStripeEvent } from "~/models/contribution.server";
import { saveEmailPreferences, sendDueDigests } from "~/models/email-notifications.server";
import { createConsultation, publishSummary } from "~/models/forum-consultation.server";
import { createReply, createThread } from "~/models/forum.server";
import { processMailQueue } from "~/models/mail.server";
import { requestVerification, takeVerification } from "~/models/verification.server";
import * as adminMail from "~/routes/admin.mail";
import * as confirmEmail from "~/routes/confirm-email.$token";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as unsubscribeRoute from "~/routes/email.unsubscribe.$token";
import * as forgotPassword from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as notifications from "~/routes/notifications";
import * as resetPassword from "~/routes/reset-password.$token";
import * as settingsEmail from "~/routes/settings.email";
import * as review from "~/routes/verification_.$id";
import * as signup from "~/routes/signup";
import { getOptionalUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { submittedOf } from "../helpers/assessment";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestCategory } from "../helpers/forum";
import { checkoutEvent } from "../helpers/stripe-events";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

const SITE = "https://ortaq.example.org";

// A real SMTP server in this process receives what Ortaq sends; `refuse` makes it turn the next messages away.
const received: ParsedMail[] = [];
let refuse = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    if (refuse > 0) {
      refuse -= 1;
      stream.on("end", () => callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 })));
      stream.resume();
      return;
    }
    simpleParser(stream).then((mail) => {
      received.push(mail);
      callback();
    }, callback);
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = SITE;
  process.env.MAIL_FROM = "Ortaq <no-reply@ortaq.example.org>";
  resetEnvCache();
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  delete process.env.SMTP_URL;
  delete process.env.PUBLIC_URL;
  delete process.env.MAIL_FROM;
  resetEnvCache();
});
beforeEach(() => {
  received.length = 0;
  refuse = 0;
});

const recipients = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));
const mailTo = (address: string) => received.filter((mail) => recipients(mail).includes(address));

/** The one message sent to this address. */
function onlyMailTo(address: string) {
  const mails = mailTo(address);
  expect(mails, `messages to ${address}`).toHaveLength(1);
  return mails[0]!;
}

/** The path of the site's link that starts with `prefix`, as the message's text gives it. */
function linkIn(mail: ParsedMail, prefix: string) {
  const match = new RegExp(`${SITE.replace(/[.]/g, "\\.")}(${prefix}[^\\s<>"]*)`).exec(mail.text ?? "");
  expect(match, `a link to ${prefix} in:\n${mail.text}`).not.toBeNull();
  expect(mail.html).toContain(`${SITE}${match![1]}`);
  return match![1]!;
}

/** A header as the message carries it (mailparser reads List-* headers into objects of its own). */
const rawHeader = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "") ?? null;

/** The List-Unsubscribe link. */
function unsubscribeUrlOf(mail: ParsedMail) {
  const url = /^<(.+)>$/.exec(rawHeader(mail, "List-Unsubscribe") ?? "")?.[1];
  expect(url, "a List-Unsubscribe header").toBeTruthy();
  return url!;
}

/** The session cookie a redirecting action sets (run() reports the redirect, this the cookie it carries). */
async function sessionCookieOf(action: (args: ActionFunctionArgs) => unknown, request: Request, params: Record<string, string> = {}) {
  const response = (await action({ request, params, context: {} })) as Response;
  expect(response.status).toBe(302);
  return {
    location: response.headers.get("Location"),
    cookie: response.headers
      .getSetCookie()
      .find((c) => c.startsWith("ortaq_session="))!
      .split(";")[0]!,
  };
}

async function enterpriseOwnedBy(ownerId: string, { memberId }: { memberId?: string } = {}) {
  const fields = validEnterpriseFields();
  return prisma.enterprise.create({
    data: {
      ...fields,
      slug: `mail-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
      name: "Altyn Felt",
      status: "published",
      publishedAt: new Date(),
      members: { create: [{ userId: ownerId, role: "owner" }, ...(memberId ? [{ userId: memberId, role: "member" as const }] : [])] },
    },
    select: { id: true, slug: true, name: true },
  });
}

describe("a forgotten password", () => {
  test("is reset from the e-mail's link, once, ending every session, and the person logs in with the new one", async () => {
    const user = await createTestUser({ email: "forgetful@example.org", password: "the old password" });
    const known = await run(forgotPassword.action, formRequest("/forgot-password", { email: "Forgetful@Example.org" }));
    const unknown = await run(forgotPassword.action, formRequest("/forgot-password", { email: "nobody@example.org" }));
    // The same answer whether or not an account has the address.
    expect(known).toMatchObject({ status: 302, location: "/forgot-password", notice: { message: "forgotPassword.sent" } });
    expect(unknown).toMatchObject({ status: 302, location: "/forgot-password", notice: { message: "forgotPassword.sent" } });

    await processMailQueue();
    expect(mailTo("nobody@example.org")).toHaveLength(0);
    const mail = onlyMailTo("forgetful@example.org");
    expect(mail.subject).toBe("Choose a new password for Ortaq");
    expect(mail.from?.text).toContain("no-reply@ortaq.example.org");
    // About the account's security: no unsubscribe link.
    expect(rawHeader(mail, "List-Unsubscribe")).toBeNull();
    const link = linkIn(mail, "/reset-password/");
    const token = link.split("/").pop()!;
    // The database keeps only a hash of the token.
    expect(JSON.stringify(await prisma.emailToken.findMany({ select: { tokenHash: true } }))).not.toContain(token);

    const page = await run(resetPassword.loader, getRequest(link), { token });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ usable: true });
    const newPassword = { newPassword: "a brand new password", confirmPassword: "a brand new password" };
    const tooShort = await run(resetPassword.action, formRequest(link, { newPassword: "short", confirmPassword: "short" }), { token });
    expect(tooShort.status).toBe(400);
    const personal = await run(
      resetPassword.action,
      formRequest(link, { newPassword: "forgetful2026!", confirmPassword: "forgetful2026!" }),
      { token },
    );
    expect(personal.status).toBe(400);
    expect(JSON.stringify(personal.data)).toContain("errors.passwordPersonal");
    const reset = await sessionCookieOf(resetPassword.action, formRequest(link, newPassword), { token });
    expect(reset.location).toBe("/dashboard");
    expect((await getOptionalUser(getRequest("/dashboard", reset.cookie)))?.id).toBe(user.id);
    // The session that was open before the reset is over.
    expect(await getOptionalUser(getRequest("/dashboard", user.cookie))).toBeNull();

    const again = await run(
      resetPassword.action,
      formRequest(link, { newPassword: "yet another password", confirmPassword: "yet another password" }),
      { token },
    );
    expect(again.status).toBe(410);
    expect((await run(resetPassword.loader, getRequest(link), { token })).status).toBe(410);

    const oldPassword = await run(login.action, formRequest("/login", { email: user.email, password: "the old password" }));
    expect(oldPassword.status).toBe(400);
    const loggedIn = await run(login.action, formRequest("/login", { email: user.email, password: "a brand new password" }));
    expect(loggedIn).toMatchObject({ status: 302, location: "/dashboard" });
  });

  test("a link older than an hour no longer works", async () => {
    const user = await createTestUser({ email: "slow-reader@example.org" });
    await run(forgotPassword.action, formRequest("/forgot-password", { email: user.email }));
    await processMailQueue();
    const link = linkIn(onlyMailTo(user.email), "/reset-password/");
    await prisma.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const token = link.split("/").pop()!;
    const late = await run(
      resetPassword.action,
      formRequest(link, { newPassword: "a brand new password", confirmPassword: "a brand new password" }),
      { token },
    );
    expect(late.status).toBe(410);
    expect(await getOptionalUser(getRequest("/", user.cookie))).not.toBeNull();
  });
});

describe("a new account", () => {
  test("confirms its address from the e-mail's link, and may post in the forum only then", async () => {
    const category = await createTestCategory();
    const { cookie: session } = await sessionCookieOf(
      signup.action,
      formRequest("/signup", {
        email: "newcomer@example.org",
        password: "a long enough password",
        displayName: "Newcomer",
        language: "en",
        role: "entrepreneur",
      }),
    );
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "newcomer@example.org" },
      select: { id: true, emailConfirmedAt: true },
    });
    expect(user.emailConfirmedAt).toBeNull();
    const input = { categoryId: category.id, title: "Hello from a newcomer", body: "My first thread.", tags: [], enterpriseId: null };
    expect(await createThread({ userId: user.id, input })).toEqual({ error: { reason: "unconfirmed" } });

    await processMailQueue();
    const mail = onlyMailTo("newcomer@example.org");
    expect(mail.subject).toBe("Confirm your e-mail address for Ortaq");
    expect(mail.text).toContain("Hello Newcomer,");
    const link = linkIn(mail, "/confirm-email/");
    const token = link.split("/").pop()!;
    const page = await run(confirmEmail.loader, getRequest(link), { token });
    expect(page).toMatchObject({ status: 200, data: { link: { email: "newcomer@example.org", change: false } } });
    // Opening the link changes nothing by itself (mail scanners open links too): the button does.
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailConfirmedAt: true } })).emailConfirmedAt,
    ).toBeNull();

    const confirmed = await run(confirmEmail.action, formRequest(link, {}, session), { token });
    expect(confirmed).toMatchObject({ status: 302, location: "/dashboard", notice: { message: "confirmEmail.confirmed" } });
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailConfirmedAt: true } })).emailConfirmedAt,
    ).not.toBeNull();
    expect(await createThread({ userId: user.id, input })).toMatchObject({ thread: { id: expect.any(String) } });
  });
});

describe("a change of address", () => {
  test("takes effect when the link sent to the new address is followed; the old address is told", async () => {
    const user = await createTestUser({ email: "old-address@example.org", password: "correct horse battery" });
    const wrong = await run(
      settingsEmail.action,
      formRequest("/settings/email", { intent: "change", email: "new-address@example.org", password: "not my password" }, user.cookie),
    );
    expect(wrong.status).toBe(400);
    const asked = await run(
      settingsEmail.action,
      formRequest(
        "/settings/email",
        { intent: "change", email: "New-Address@example.org", password: "correct horse battery" },
        user.cookie,
      ),
    );
    expect(asked).toMatchObject({ status: 302, notice: { message: "emailSettings.sent" } });
    // Nothing changes until the new address is confirmed.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } })).email).toBe(
      "old-address@example.org",
    );
    await processMailQueue();
    const warning = onlyMailTo("old-address@example.org");
    expect(warning.subject).toBe("Your Ortaq account's address is being changed");
    expect(warning.text).toContain("new-address@example.org");
    const link = linkIn(onlyMailTo("new-address@example.org"), "/confirm-email/");
    const token = link.split("/").pop()!;
    expect((await run(confirmEmail.loader, getRequest(link), { token })).data).toMatchObject({
      link: { email: "new-address@example.org", change: true },
    });
    const done = await run(confirmEmail.action, formRequest(link, {}, user.cookie), { token });
    expect(done).toMatchObject({ status: 302, location: "/settings/email", notice: { message: "confirmEmail.changed" } });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, emailConfirmedAt: true } })).toMatchObject({
      email: "new-address@example.org",
      emailConfirmedAt: expect.any(Date),
    });
  });

  test("an unconfirmed account may not publish its enterprise, and can ask for the link again", async () => {
    const owner = await createTestUser({ confirmed: false, email: "unconfirmed-owner@example.org" });
    const enterprise = await enterpriseOwnedBy(owner.id);
    await prisma.enterprise.update({ where: { id: enterprise.id }, data: { status: "draft" } });
    const refused = await run(enterprisePage.action, formRequest(`/enterprises/${enterprise.slug}`, { intent: "publish" }, owner.cookie), {
      slug: enterprise.slug,
    });
    expect(refused.status).toBe(403);
    expect((await prisma.enterprise.findUniqueOrThrow({ where: { id: enterprise.id }, select: { status: true } })).status).toBe("draft");
    const resent = await run(
      settingsEmail.action,
      formRequest("/settings/email", { intent: "resend", redirectTo: `/enterprises/${enterprise.slug}` }, owner.cookie),
    );
    expect(resent).toMatchObject({ status: 302, location: `/enterprises/${enterprise.slug}`, notice: { message: "confirmEmail.resent" } });
    await processMailQueue();
    const link = linkIn(onlyMailTo(owner.email), "/confirm-email/");
    await run(confirmEmail.action, formRequest(link, {}), { token: link.split("/").pop()! });
    const published = await run(
      enterprisePage.action,
      formRequest(`/enterprises/${enterprise.slug}`, { intent: "publish" }, owner.cookie),
      { slug: enterprise.slug },
    );
    expect(published.status).toBe(302);
    expect((await prisma.enterprise.findUniqueOrThrow({ where: { id: enterprise.id }, select: { status: true } })).status).toBe(
      "published",
    );
  });
});

describe("consultations by e-mail", () => {
  test("people of the country hear when a ministry opens one, and everyone who heard gets its summary", async () => {
    await prisma.forumCategory.create({
      data: { slug: `kazakhstan-${Date.now()}`, kind: "country", country: "KZ", name: { en: "Kazakhstan" } },
      select: { id: true },
    });
    const ministry = await createTestUser({ roles: ["ministry"], country: "KZ", displayName: "Ministry of National Economy" });
    const local = await createTestUser({ email: "kz-entrepreneur@example.org" });
    await enterpriseOwnedBy(local.id);
    const elsewhere = await createTestUser({ email: "kg-entrepreneur@example.org" });
    const kg = await enterpriseOwnedBy(elsewhere.id);
    await prisma.enterprise.update({ where: { id: kg.id }, data: { country: "KG", region: "KG-C" } });
    const chose = await createTestUser({ email: "chose-kz@example.org" });
    await saveEmailPreferences({
      userId: chose.id,
      forum: "immediately",
      verification: true,
      consultations: true,
      contributions: true,
      mentorship: true,
      countries: ["KZ"],
    });

    const opened = await createConsultation({
      userId: ministry.id,
      country: "KZ",
      title: "Tax relief for social enterprises",
      question: "Which tax relief would help your enterprise most?",
      closesAt: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
    });
    expect(opened.ok).toBe(true);
    await processMailQueue();
    const invitation = onlyMailTo(local.email);
    expect(invitation.subject).toBe("New consultation in Kazakhstan: Tax relief for social enterprises");
    expect(invitation.text).toContain("> Which tax relief would help your enterprise most?");
    onlyMailTo(chose.email);
    expect(mailTo(elsewhere.email)).toHaveLength(0);

    const threadId = (opened as { threadId: string }).threadId;
    await prisma.forumConsultation.update({ where: { threadId }, data: { closesAt: new Date(Date.now() - 1000) } });
    received.length = 0;
    expect((await publishSummary({ threadId, userId: ministry.id, summary: "Most asked for a lower VAT rate on services." })).ok).toBe(
      true,
    );
    await processMailQueue();
    expect(onlyMailTo(local.email).subject).toBe("Summary published: Tax relief for social enterprises");
    expect(mailTo(elsewhere.email)).toHaveLength(0);
  });
});

describe("verification by e-mail", () => {
  test("a verifier's message reaches the entrepreneur in Russian, by e-mail and in the site", async () => {
    const owner = await createTestUser({ email: "aigerim@example.org", language: "ru", displayName: "Айгерим" });
    const verifier = await createTestUser({ roles: ["verifier"], email: "verifier@example.org", displayName: "Daniyar" });
    await prisma.user.update({ where: { id: verifier.id }, data: { organisation: "Steppe Audit" } });
    const enterprise = await enterpriseOwnedBy(owner.id);
    const assessment = await submittedOf(enterprise.id);
    expect((await requestVerification({ assessmentId: assessment.id, userId: owner.id, role: "owner" })).ok).toBe(true);
    const verification = await prisma.verification.findUniqueOrThrow({ where: { assessmentId: assessment.id }, select: { id: true } });
    expect((await takeVerification({ id: verification.id, verifierId: verifier.id })).ok).toBe(true);

    const sent = await run(
      review.action,
      formRequest(
        `/verification/${verification.id}`,
        { intent: "message", body: "Please add the 2025 payroll as evidence for the jobs question." },
        verifier.cookie,
      ),
      { id: verification.id },
    );
    expect(sent.status).toBe(302);
    await processMailQueue();

    const toOwner = mailTo(owner.email);
    expect(toOwner.map((m) => m.subject).sort()).toEqual([
      "Верификатор проверяет оценку «Altyn Felt»",
      "Сообщение от верификатора «Altyn Felt»",
    ]);
    const message = toOwner.find((m) => m.subject === "Сообщение от верификатора «Altyn Felt»");
    expect(message!.text).toContain("Здравствуйте, Айгерим!");
    expect(message!.text).toContain("Daniyar пишет о проверке оценки предприятия «Altyn Felt»:");
    expect(message!.text).toContain("> Please add the 2025 payroll as evidence for the jobs question.");
    expect(message!.html).toMatch(/<html lang="ru" dir="ltr">/);
    expect(linkIn(message!, "/enterprises/")).toBe(`/enterprises/${enterprise.slug}/assessments/${assessment.id}/verification`);
    expect(rawHeader(message!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(unsubscribeUrlOf(message!)).toMatch(new RegExp(`^${SITE}/email/unsubscribe/`));
    // The verifier does not hear of their own message.
    expect(mailTo(verifier.email)).toHaveLength(0);

    const inSite = await run(notifications.loader, getRequest("/notifications", owner.cookie));
    const kinds = (inSite.data as { notifications: { kind: string }[] }).notifications.map((n) => n.kind);
    expect(kinds).toEqual(["verification_message", "verification_taken"]);
    const latest = (inSite.data as { notifications: { id: string }[] }).notifications[0]!;
    const opened = await run(notifications.action, formRequest("/notifications", { intent: "open", id: latest.id }, owner.cookie));
    expect(opened.location).toBe(`/enterprises/${enterprise.slug}/assessments/${assessment.id}/verification`);

    // The entrepreneur's answer goes to the verifier holding the review, who opens the review from it.
    await run(
      (await import("~/routes/enterprises.$slug_.assessments_.$id_.verification")).action,
      formRequest(
        `/enterprises/${enterprise.slug}/assessments/${assessment.id}/verification`,
        { intent: "message", body: "Added, see the files." },
        owner.cookie,
      ),
      { slug: enterprise.slug, id: assessment.id },
    );
    await processMailQueue();
    const reply = onlyMailTo(verifier.email);
    expect(reply.subject).toBe("A message from Altyn Felt about your review");
    expect(linkIn(reply, "/verification/")).toBe(`/verification/${verification.id}`);
  });
});

describe("the forum by e-mail", () => {
  test("a reply reaches the thread's author at once, with a one-click unsubscribe that works", async () => {
    const author = await createTestUser({ email: "author@example.org" });
    const replier = await createTestUser({ displayName: "Bolat" });
    const category = await createTestCategory();
    const created = await createThread({
      userId: author.id,
      input: { categoryId: category.id, title: "Finding a first funder", body: "Where do you start?", tags: [], enterpriseId: null },
    });
    const threadId = created.thread!.id;
    await createReply({ userId: replier.id, threadId, body: "Start with the local business associations.", replyToPostId: null });
    await processMailQueue();
    const mail = onlyMailTo(author.email);
    expect(mail.subject).toBe("Bolat replied to you: Finding a first funder");
    expect(mail.text).toContain("> Start with the local business associations.");
    const url = unsubscribeUrlOf(mail);
    expect(url.startsWith(`${SITE}/email/unsubscribe/`)).toBe(true);
    expect(mail.text).toContain(url);

    // A mail program's one-click unsubscribe: a POST with List-Unsubscribe=One-Click, no session.
    const token = url.split("/").pop()!;
    const oneClick = await run(unsubscribeRoute.action, formRequest(new URL(url).pathname, { "List-Unsubscribe": "One-Click" }), { token });
    expect(oneClick.status).toBe(200);
    expect(await prisma.emailPreference.findUnique({ where: { userId: author.id }, select: { forum: true } })).toEqual({ forum: "never" });
    // A forged token unsubscribes nobody.
    const forged = await run(unsubscribeRoute.action, formRequest("/email/unsubscribe/x", {}), {
      token: `${author.id}.verification.${"A".repeat(43)}`,
    });
    expect(forged.status).toBe(404);

    received.length = 0;
    await createReply({ userId: replier.id, threadId, body: "And the regional development fund.", replyToPostId: null });
    await processMailQueue();
    expect(mailTo(author.email)).toHaveLength(0);
  });

  test("a daily digest gathers a day's replies into one message", async () => {
    const author = await createTestUser({ email: "digest@example.org" });
    const others = [await createTestUser({ displayName: "Gulnara" }), await createTestUser({ displayName: "Timur" })];
    const category = await createTestCategory();
    const created = await createThread({
      userId: author.id,
      input: { categoryId: category.id, title: "Women-led co-operatives", body: "What helped you most?", tags: [], enterpriseId: null },
    });
    // The digest was chosen a day ago.
    await saveEmailPreferences({
      userId: author.id,
      forum: "daily",
      verification: true,
      consultations: true,
      contributions: true,
      mentorship: true,
      countries: [],
      now: new Date(Date.now() - 24 * 60 * 60 * 1000 - 60_000),
    });
    const bodies = ["A mentor who had done it before.", "A first order from a school canteen.", "Training in bookkeeping."];
    for (const [i, body] of bodies.entries())
      await createReply({ userId: others[i % 2]!.id, threadId: created.thread!.id, body, replyToPostId: null });
    await processMailQueue();
    expect(mailTo(author.email)).toHaveLength(0);

    expect(await sendDueDigests()).toBe(1);
    // Already sent today: a second run sends nothing.
    expect(await sendDueDigests()).toBe(0);
    await processMailQueue();
    const digest = onlyMailTo(author.email);
    expect(digest.subject).toBe("Your Ortaq forum digest: 3 new posts");
    for (const body of bodies) expect(digest.text).toContain(body);
    expect(digest.text).toContain("Gulnara replied to you in “Women-led co-operatives”");
    expect(digest.text).toContain("Timur replied to you in “Women-led co-operatives”");
  });
});

describe("contributions by e-mail", () => {
  test("when Stripe confirms a payment the contributor gets a receipt and the owners a notice, once", async () => {
    const owner = await createTestUser({ email: "owner-contrib@example.org" });
    const funder = await createTestUser({ roles: ["funder"], email: "funder-contrib@example.org", displayName: "Saule" });
    const enterprise = await enterpriseOwnedBy(owner.id);
    const event = checkoutEvent("checkout.session.completed", {
      id: `cs_mail_${Date.now()}`,
      amount_total: 250000,
      currency: "kzt",
      metadata: { enterpriseId: enterprise.id, userId: funder.id, anonymous: "false" },
    });
    const receiptUrlFor = async () => "https://pay.stripe.com/receipts/test";
    expect(await handleStripeEvent(event as never, { receiptUrlFor })).toBe("recorded");
    expect(await handleStripeEvent(event as never, { receiptUrlFor })).toBe("duplicate");
    await processMailQueue();
    const receipt = onlyMailTo(funder.email);
    expect(receipt.subject).toBe("Thank you for your contribution to Altyn Felt");
    expect(receipt.text).toMatch(/2[\s,.\u00a0\u202f]?500/);
    expect(receipt.text).toContain("https://pay.stripe.com/receipts/test");
    const notice = onlyMailTo(owner.email);
    expect(notice.subject).toMatch(/^Altyn Felt received a contribution of /);
    expect(notice.text).toContain("Saule contributed");
  });
});

describe("sending", () => {
  test("a message the SMTP server refuses at first is retried later and delivered once", async () => {
    const user = await createTestUser({ email: "patient@example.org" });
    refuse = 1;
    await run(forgotPassword.action, formRequest("/forgot-password", { email: user.email }));
    const first = await processMailQueue();
    expect(first).toEqual({ sent: 0, retry: 1, failed: 0 });
    expect(received).toHaveLength(0);
    const waiting = await prisma.outgoingEmail.findFirstOrThrow({
      where: { userId: user.id },
      select: { status: true, attempts: true, lastError: true, nextAttemptAt: true },
    });
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toContain("Mailbox busy");
    // Not before its time (backoff) ...
    expect(await processMailQueue()).toEqual({ sent: 0, retry: 0, failed: 0 });
    // ... and once it is due, sent, and never again.
    expect(await processMailQueue({ now: new Date(waiting.nextAttemptAt.getTime() + 1) })).toEqual({ sent: 1, retry: 0, failed: 0 });
    expect(await processMailQueue({ now: new Date(Date.now() + 24 * 60 * 60 * 1000) })).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(mailTo(user.email)).toHaveLength(1);
    const sent = await prisma.outgoingEmail.findFirstOrThrow({
      where: { userId: user.id },
      select: { status: true, attempts: true, textBody: true },
    });
    // Sent: the body (with its one-time link) is no longer kept.
    expect(sent).toEqual({ status: "sent", attempts: 2, textBody: "" });
  });

  test("two workers at once send each message exactly once", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, (_, i) => createTestUser({ email: `twice-${i}@example.org` })));
    for (const user of users) await run(forgotPassword.action, formRequest("/forgot-password", { email: user.email }));
    const [a, b] = await Promise.all([processMailQueue(), processMailQueue()]);
    expect(a.sent + b.sent).toBe(6);
    for (const user of users) expect(mailTo(user.email)).toHaveLength(1);
  });
});

describe("without SMTP_URL", () => {
  test("messages are written to the outbox folder and admins read them on the admin page", async () => {
    const outbox = mkdtempSync(path.join(tmpdir(), "ortaq-outbox-"));
    process.env.SMTP_URL = "";
    process.env.MAIL_OUTBOX_DIR = outbox;
    resetEnvCache();
    try {
      const user = await createTestUser({ email: "local@example.org" });
      await run(forgotPassword.action, formRequest("/forgot-password", { email: user.email }));
      expect(await processMailQueue()).toEqual({ sent: 1, retry: 0, failed: 0 });
      expect(received).toHaveLength(0);
      const files = readdirSync(outbox).filter((f) => f.endsWith(".eml"));
      expect(files).toHaveLength(1);
      const parsed = await simpleParser(readFileSync(path.join(outbox, files[0]!)));
      expect(parsed.subject).toBe("Choose a new password for Ortaq");
      expect(parsed.text).toContain(`${SITE}/reset-password/`);

      const admin = await createTestUser({ roles: ["admin"] });
      const page = await run(adminMail.loader, getRequest("/admin/mail", admin.cookie));
      expect(page.status).toBe(200);
      const { outbox: shown, smtp: usesSmtp } = page.data as { outbox: { to: string; subject: string; text: string }[]; smtp: boolean };
      expect(usesSmtp).toBe(false);
      expect(shown[0]).toMatchObject({ subject: "Choose a new password for Ortaq" });
      expect(shown[0]!.to).toContain("local@example.org");
      expect(shown[0]!.text).toContain(`${SITE}/reset-password/`);
      // Only admins read it.
      expect((await run(adminMail.loader, getRequest("/admin/mail", user.cookie))).status).toBe(403);
    } finally {
      process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
      delete process.env.MAIL_OUTBOX_DIR;
      resetEnvCache();
    }
  });

  test("a message that fails for good is shown to admins, who can send it again", async () => {
    const user = await createTestUser({ email: "bounce@example.org" });
    await run(forgotPassword.action, formRequest("/forgot-password", { email: user.email }));
    const message = await prisma.outgoingEmail.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
    await prisma.outgoingEmail.update({
      where: { id: message.id },
      data: { status: "failed", attempts: 10, lastError: "550 No such user" },
    });
    const admin = await createTestUser({ roles: ["admin"] });
    const page = await run(adminMail.loader, getRequest("/admin/mail", admin.cookie));
    expect((page.data as { troubled: { id: string; lastError: string }[] }).troubled).toContainEqual(
      expect.objectContaining({ id: message.id, lastError: "550 No such user" }),
    );
    const retried = await run(adminMail.action, formRequest("/admin/mail", { intent: "retry", id: message.id }, admin.cookie));
    expect(retried).toMatchObject({ status: 302, notice: { message: "adminMail.retried" } });
    await processMailQueue();
    expect(mailTo(user.email)).toHaveLength(1);
  });
});
