import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

declare global {
  // eslint-disable-next-line no-var
  var __ortaqPrisma: PrismaClient | undefined;
}

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the platform through server.ts, which provides one");
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) || 10 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client, created on first use and kept across dev reloads. */
export function getPrisma(): PrismaClient {
  globalThis.__ortaqPrisma ??= createClient();
  return globalThis.__ortaqPrisma;
}

export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectPrisma() {
  const client = globalThis.__ortaqPrisma;
  globalThis.__ortaqPrisma = undefined;
  await client?.$disconnect();
}
