import { expect, test } from "vitest";
import { isUniqueViolation, prisma } from "~/utils/db.server";

const email = `twice-${Date.now()}@test.ortaq.org`;
const refusal = (write: () => Promise<unknown>) =>
  write().then(
    () => null,
    (error: unknown) => error,
  );

test("a unique index refusing a model write or a raw query is recognised as a unique violation", async () => {
  const createUser = () => prisma.user.create({ data: { email, displayName: "Twice", passwordHash: "x" }, select: { id: true } });
  await createUser();
  expect(isUniqueViolation(await refusal(createUser))).toBe(true);
  const insertRaw = () =>
    prisma.$executeRaw`INSERT INTO "User" (id, email, "displayName", "passwordHash", "updatedAt") VALUES (${`raw-${Date.now()}`}, ${email}, 'Twice', 'x', now())`;
  expect(isUniqueViolation(await refusal(insertRaw))).toBe(true);
});

test("other failures are not unique violations", async () => {
  expect(isUniqueViolation(await refusal(() => prisma.$executeRaw`SELECT 1/0`))).toBe(false);
  expect(isUniqueViolation(new Error("P2002"))).toBe(false);
  expect(isUniqueViolation(null)).toBe(false);
});
