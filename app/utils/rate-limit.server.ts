import { prisma } from "~/utils/db.server";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const keys = (email: string, address: string) => ({
  account: `login:email:${email.trim().toLowerCase()}`,
  address: `login:ip:${address}`,
});

/**
 * Failed logins are counted per email (whether or not it is registered, so the limit
 * reveals nothing) and per client address. Returns the seconds to wait, or 0.
 */
export async function loginRetryAfter(email: string, address: string): Promise<number> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const { account, address: addressKey } = keys(email, address);
  const [accountFailures, addressFailures] = await Promise.all([
    prisma.loginFailure.findMany({
      where: { key: account, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_ACCOUNT,
    }),
    prisma.loginFailure.findMany({
      where: { key: addressKey, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_ADDRESS,
    }),
  ]);
  const waits = [
    accountFailures.length >= MAX_FAILURES_PER_ACCOUNT ? accountFailures.at(-1)! : null,
    addressFailures.length >= MAX_FAILURES_PER_ADDRESS ? addressFailures.at(-1)! : null,
  ]
    .filter((failure) => failure !== null)
    .map((failure) => failure.createdAt.getTime() + LOGIN_WINDOW_MS - Date.now());
  return waits.length ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : 0;
}

export async function recordLoginFailure(email: string, address: string) {
  const { account, address: addressKey } = keys(email, address);
  await prisma.loginFailure.createMany({ data: [{ key: account }, { key: addressKey }] });
  // Old rows are of no use to the limit; drop them now and then.
  if (Math.random() < 0.05) {
    await prisma.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - LOGIN_WINDOW_MS) } } });
  }
}

export async function clearLoginFailures(email: string) {
  await prisma.loginFailure.deleteMany({ where: { key: keys(email, "").account } });
}

/** The client's address: Express's view of it (which honours TRUST_PROXY), passed in the load context. */
export function clientAddress(request: Request, context: unknown): string {
  const fromContext = (context as { clientAddress?: string } | undefined)?.clientAddress;
  return fromContext ?? "unknown";
}
