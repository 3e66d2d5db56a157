import type { Role } from "~/generated/prisma/client";
import { enqueueAddressConfirmation } from "~/models/account-email.server";
import { isUniqueViolation, prisma, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { handleBase } from "~/utils/forum-mentions";
import type { Language } from "~/utils/i18n";
import { getDummyHash, hashPassword, verifyPassword } from "~/utils/password.server";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function createUser({
  email,
  password,
  displayName,
  language,
  role,
}: {
  email: string;
  password: string;
  displayName: string;
  language: Language;
  role: "entrepreneur" | "funder";
}): Promise<{ id: string } | { error: "email_taken" }> {
  const passwordHash = await hashPassword(password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: normaliseEmail(email),
          displayName: displayName.trim(),
          passwordHash,
          locale: language,
          roles: { create: { role } },
        },
        select: { id: true, email: true, displayName: true, locale: true },
      });
      await assignHandle(tx, user.id);
      // The link that confirms the address leaves with the account, or not at all.
      await enqueueAddressConfirmation(tx, { user });
      return { id: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { error: "email_taken" };
    throw error;
  }
}

// Handles are given in one transaction at a time (under this advisory lock), so two people
// with the same name signing up at once get "name" and "name-2" rather than a unique violation.
const HANDLE_LOCK = 4207002;

/**
 * Gives a person their @mention handle if they have none: derived from the display name, with
 * "-2", "-3"... when taken. Every place that creates users calls it, in the creating transaction.
 */
export async function assignHandle(tx: Tx, userId: string): Promise<string> {
  const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true } });
  if (current.handle) return current.handle;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HANDLE_LOCK})`;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true, displayName: true } });
  if (user.handle) return user.handle;
  const base = handleBase(user.displayName);
  const taken = new Set(
    (await tx.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((u) => u.handle),
  );
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  await tx.user.update({ where: { id: userId }, data: { handle: candidate }, select: { id: true } });
  return candidate;
}

/** Gives a handle to every account that has none (accounts made before handles were given at sign-up). */
export async function backfillHandles({ log = () => {} }: { log?: (message: string) => void } = {}) {
  let count = 0;
  for (;;) {
    const batch = await prisma.user.findMany({ where: { handle: null }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 100 });
    if (batch.length === 0) break;
    for (const { id } of batch) await prisma.$transaction((tx) => assignHandle(tx, id));
    count += batch.length;
  }
  if (count > 0) log(`Gave @mention handles to ${count} existing account${count === 1 ? "" : "s"}.`);
  return count;
}

export function getOwnHandle(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { handle: true } }).then((u) => u?.handle ?? null);
}

/** Checks a password; gives the same answer, in about the same time, for an unknown email and a wrong password. */
export async function verifyLogin({ email, password }: { email: string; password: string }) {
  const user = await prisma.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, passwordHash: true, locale: true },
  });
  if (!user) {
    await verifyPassword(await getDummyHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, language: user.locale };
}

export async function changePassword({
  userId,
  currentPassword,
  newPassword,
}: {
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  await prisma.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword) },
    select: { id: true },
  });
  return true;
}

// The column keeps its first name, `locale`; it holds the person's language.
export function setUserLanguage({ userId, language }: { userId: string; language: Language }) {
  return prisma.user.update({ where: { id: userId }, data: { locale: language }, select: { id: true } });
}

export function findUserIdByEmail(email: string) {
  return prisma.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } });
}

export async function listUsers({ query, page, pageSize = 50 }: { query?: string; page: number; pageSize?: number }) {
  const where = query
    ? {
        OR: [
          { email: { contains: query, mode: "insensitive" as const } },
          { displayName: { contains: query, mode: "insensitive" as const } },
        ],
      }
    : {};
  const [users, total] = await Promise.all([
    prisma.user.findMany({
      where,
      select: {
        id: true,
        email: true,
        displayName: true,
        organisation: true,
        createdAt: true,
        roles: { select: { role: true, country: true }, orderBy: { role: "asc" } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.user.count({ where }),
  ]);
  return { users, total, pageSize };
}

export async function grantRole({ userId, role, country }: { userId: string; role: Role; country: string | null }) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return false;
  await prisma.userRole.upsert({
    where: { userId_role: { userId, role } },
    create: { userId, role, country },
    update: { country },
    select: { role: true },
  });
  return true;
}

export async function removeRole({ userId, role }: { userId: string; role: Role }) {
  const { count } = await prisma.userRole.deleteMany({ where: { userId, role } });
  return count > 0;
}

export function countAdmins() {
  return prisma.userRole.count({ where: { role: "admin" } });
}

/** ADMIN_EMAIL and ADMIN_PASSWORD make sure that account exists and is an admin (the first admin of a new installation). */
export async function ensureAdminFromEnv() {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = getEnv();
  if (!email || !password) return;
  const existing = await findUserIdByEmail(email);
  const passwordHash = await hashPassword(password);
  const userId =
    existing?.id ??
    (await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        // The operator gave this address: it counts as confirmed.
        data: { email: normaliseEmail(email), displayName: "Administrator", passwordHash, emailConfirmedAt: new Date() },
        select: { id: true },
      });
      await assignHandle(tx, user.id);
      return user.id;
    }));
  await grantRole({ userId, role: "admin", country: null });
}
