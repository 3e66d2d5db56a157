// What an account's address is for: getting back in (password reset) and being known to be real
// (confirmation after sign-up and after a change of address). Every link carries a random token of which
// only the sha256 is stored; it works once and for a limited time.
import { createHash, randomBytes } from "node:crypto";
import type { EmailTokenPurpose } from "~/generated/prisma/client";
import { enqueueEmail, RECIPIENT_SELECT, type Recipient } from "~/models/mail.server";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { getDummyHash, hashPassword, verifyPassword } from "~/utils/password.server";

export const PASSWORD_RESET_VALID_MS = 60 * 60 * 1000;
export const CONFIRMATION_VALID_MS = 7 * 24 * 60 * 60 * 1000;
/** Links of one purpose sent to one account in an hour: enough for a lost message, too few to flood a mailbox. */
export const LINKS_PER_HOUR = 3;

const HOUR_MS = 60 * 60 * 1000;
const normalise = (email: string) => email.trim().toLowerCase();
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** A token as it appears in a link: 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

async function issueToken(
  tx: Tx,
  { userId, purpose, email, validMs, now }: { userId: string; purpose: EmailTokenPurpose; email: string; validMs: number; now: Date },
) {
  const token = randomBytes(32).toString("base64url");
  await tx.emailToken.create({
    data: { tokenHash: hashToken(token), userId, purpose, email, expiresAt: new Date(now.getTime() + validMs), createdAt: now },
    select: { tokenHash: true },
  });
  return token;
}

async function recentLinks(tx: Tx, userId: string, purpose: EmailTokenPurpose, now: Date) {
  // One request at a time per account, so the count below cannot be raced past.
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  return tx.emailToken.count({ where: { userId, purpose, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } });
}

/**
 * Seconds until one more link of this purpose may be sent to the account (the oldest of the last hour's
 * links turns an hour old), or 0: the Retry-After of a "too many links" refusal.
 */
export async function linksRetryAfter({ userId, purpose, now = new Date() }: { userId: string; purpose: EmailTokenPurpose; now?: Date }) {
  const recent = await prisma.emailToken.findMany({
    where: { userId, purpose, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: LINKS_PER_HOUR,
  });
  if (recent.length < LINKS_PER_HOUR) return 0;
  return Math.max(1, Math.ceil((recent.at(-1)!.createdAt.getTime() + HOUR_MS - now.getTime()) / 1000));
}

/** A usable token of this purpose (unused, unexpired), or null; its row is locked until the transaction ends. */
async function takeToken(tx: Tx, token: string, purpose: EmailTokenPurpose, now: Date) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await tx.$queryRaw<{ userId: string; email: string }[]>`
    UPDATE "EmailToken" SET "usedAt" = ${now}
    WHERE "tokenHash" = ${hashToken(token)} AND purpose = ${purpose}::"EmailTokenPurpose" AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "userId", email`;
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Confirming an address

/**
 * Queues the confirmation link for an account's address, in the caller's transaction (sign-up, or
 * "send it again"). For a change of address see requestEmailChange.
 */
export async function enqueueAddressConfirmation(tx: Tx, { user, now = new Date() }: { user: Recipient; now?: Date }) {
  const token = await issueToken(tx, {
    userId: user.id,
    purpose: "email_confirmation",
    email: user.email,
    validMs: CONFIRMATION_VALID_MS,
    now,
  });
  await enqueueEmail(tx, { to: user, kind: "confirmSignup", topic: null, values: { email: user.email }, path: `/confirm-email/${token}` });
}

export type ResendOutcome = "sent" | "already_confirmed" | "too_many";

/** "Send the confirmation again": a new link to the account's address, a few times an hour at most. */
export async function resendConfirmation({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<ResendOutcome> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { ...RECIPIENT_SELECT, emailConfirmedAt: true } });
    if (user.emailConfirmedAt) return "already_confirmed";
    if ((await recentLinks(tx, userId, "email_confirmation", now)) >= LINKS_PER_HOUR) return "too_many";
    await enqueueAddressConfirmation(tx, { user, now });
    return "sent";
  });
}

/** What a confirmation link would do, without doing it: for the page that asks to confirm. */
export async function readConfirmationLink({ token, now = new Date() }: { token: string; now?: Date }) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await prisma.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, email: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!row || row.purpose !== "email_confirmation" || row.usedAt || row.expiresAt <= now) return null;
  return { email: row.email, change: row.email !== row.user.email };
}

export type ConfirmOutcome = { ok: true; change: boolean; userId: string } | { ok: false; reason: "invalid" | "taken" };

/**
 * Follows a confirmation link: the account's address is confirmed, or, for a change of address, the
 * account takes the new address (confirmed) and every other pending link of the account stops working.
 */
export async function confirmEmail({ token, now = new Date() }: { token: string; now?: Date }): Promise<ConfirmOutcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const taken = await takeToken(tx, token, "email_confirmation", now);
      if (!taken) return { ok: false, reason: "invalid" } as const;
      const user = await tx.user.findUniqueOrThrow({ where: { id: taken.userId }, select: { email: true, emailConfirmedAt: true } });
      if (taken.email === user.email) {
        if (!user.emailConfirmedAt)
          await tx.user.update({ where: { id: taken.userId }, data: { emailConfirmedAt: now }, select: { id: true } });
        return { ok: true, change: false, userId: taken.userId } as const;
      }
      await tx.user.update({ where: { id: taken.userId }, data: { email: taken.email, emailConfirmedAt: now }, select: { id: true } });
      // Links sent to the old address, or for another new one, are void now.
      await tx.emailToken.updateMany({ where: { userId: taken.userId, usedAt: null }, data: { usedAt: now } });
      return { ok: true, change: true, userId: taken.userId } as const;
    });
  } catch (error) {
    // Someone else made an account with that address since the link was sent.
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}

export type EmailChangeOutcome = "sent" | "wrong_password" | "same" | "taken" | "too_many";

/**
 * A signed-in person asks to use another address. Their password is asked again (a session left open
 * must not be enough); the account keeps its address until the link sent to the new one is followed,
 * and the current address is told, in case it was not them.
 */
export async function requestEmailChange({
  userId,
  newEmail,
  password,
  now = new Date(),
}: {
  userId: string;
  newEmail: string;
  password: string;
  now?: Date;
}): Promise<EmailChangeOutcome> {
  const email = normalise(newEmail);
  const current = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, email: true } });
  if (!(await verifyPassword(current.passwordHash, password))) return "wrong_password";
  if (email === current.email) return "same";
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) return "taken";
  return prisma.$transaction(async (tx) => {
    if ((await recentLinks(tx, userId, "email_confirmation", now)) >= LINKS_PER_HOUR) return "too_many";
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: RECIPIENT_SELECT });
    const token = await issueToken(tx, { userId, purpose: "email_confirmation", email, validMs: CONFIRMATION_VALID_MS, now });
    await enqueueEmail(tx, {
      to: user,
      address: email,
      kind: "confirmChange",
      topic: null,
      values: { email },
      path: `/confirm-email/${token}`,
    });
    await enqueueEmail(tx, {
      to: user,
      kind: "addressChangeRequested",
      topic: null,
      values: { email, oldEmail: user.email },
      path: "/forgot-password",
    });
    return "sent";
  });
}

/** The address waiting to be confirmed as the account's new one, if any. */
export async function pendingEmailChange({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailConfirmedAt: true } });
  const pending = await prisma.emailToken.findFirst({
    where: { userId, purpose: "email_confirmation", usedAt: null, expiresAt: { gt: now }, email: { not: user.email } },
    select: { email: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  return { email: user.email, confirmed: Boolean(user.emailConfirmedAt), pending };
}

// ---------------------------------------------------------------------------------------------
// Resetting a forgotten password

/**
 * "Forgot your password?": a link valid for an hour goes to the address if an account has it. The
 * caller answers the same in every case, and this takes about as long whether or not there is one.
 */
export async function requestPasswordReset({ email, now = new Date() }: { email: string; now?: Date }) {
  const user = await prisma.user.findUnique({ where: { email: normalise(email) }, select: RECIPIENT_SELECT });
  if (!user) {
    // As long as composing and queueing a message takes, roughly: an argon2 round.
    await verifyPassword(await getDummyHash(), "no account");
    return;
  }
  await prisma.$transaction(async (tx) => {
    if ((await recentLinks(tx, user.id, "password_reset", now)) >= LINKS_PER_HOUR) return;
    const token = await issueToken(tx, {
      userId: user.id,
      purpose: "password_reset",
      email: user.email,
      validMs: PASSWORD_RESET_VALID_MS,
      now,
    });
    await enqueueEmail(tx, {
      to: user,
      kind: "passwordReset",
      topic: null,
      values: { email: user.email },
      path: `/reset-password/${token}`,
    });
  });
  await verifyPassword(await getDummyHash(), "no account").catch(() => false);
}

/** The account a reset link can still be used for (its address and name, which a new password must not contain), or null. */
export async function passwordResetAccount({ token, now = new Date() }: { token: string; now?: Date }) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await prisma.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, email: true, usedAt: true, expiresAt: true, user: { select: { email: true, displayName: true } } },
  });
  const usable = row && row.purpose === "password_reset" && !row.usedAt && row.expiresAt > now && row.email === row.user.email;
  return usable ? row.user : null;
}

/**
 * Sets a new password from a reset link. The link works once; every session of the account ends and
 * every other reset link stops working. Following it proves the address, so an unconfirmed one is confirmed.
 */
export async function resetPassword({
  token,
  newPassword,
  now = new Date(),
}: {
  token: string;
  newPassword: string;
  now?: Date;
}): Promise<{ userId: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const passwordHash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    const taken = await takeToken(tx, token, "password_reset", now);
    if (!taken) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id: taken.userId }, select: { email: true, emailConfirmedAt: true } });
    // A link sent to an address the account no longer has is void.
    if (user.email !== taken.email) return null;
    await tx.user.update({
      where: { id: taken.userId },
      data: { passwordHash, ...(user.emailConfirmedAt ? {} : { emailConfirmedAt: now }) },
      select: { id: true },
    });
    await tx.emailToken.updateMany({ where: { userId: taken.userId, purpose: "password_reset", usedAt: null }, data: { usedAt: now } });
    await tx.session.deleteMany({ where: { userId: taken.userId } });
    return { userId: taken.userId };
  });
}

/** Drops links past their time (run with the other clean-ups). */
export async function deleteExpiredEmailTokens(now = new Date()) {
  const { count } = await prisma.emailToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * HOUR_MS) } } });
  return count;
}
