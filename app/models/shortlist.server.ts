import { prisma } from "~/utils/db.server";

export const DEFAULT_SHORTLIST_NAME = "My shortlist";

export function listShortlists(userId: string) {
  return prisma.shortlist.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true, _count: { select: { entries: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export function createShortlist({ userId, name }: { userId: string; name: string }) {
  return prisma.shortlist.create({ data: { userId, name }, select: { id: true } });
}

/** The shortlist if it belongs to the user; null for anyone else's, so it cannot be told apart from a missing one. */
export function getShortlist({ id, userId }: { id: string; userId: string }) {
  return prisma.shortlist.findFirst({
    where: { id, userId },
    select: {
      id: true,
      name: true,
      entries: {
        select: {
          note: true,
          addedAt: true,
          enterprise: { select: { id: true, slug: true, name: true, country: true, sector: true, status: true } },
        },
        orderBy: { addedAt: "asc" },
      },
    },
  });
}

/** Adds a published enterprise to the user's shortlist (their first one, made on demand, when none is named). */
export async function addToShortlist({ userId, shortlistId, slug }: { userId: string; shortlistId?: string; slug: string }) {
  const enterprise = await prisma.enterprise.findFirst({ where: { slug, status: "published" }, select: { id: true } });
  if (!enterprise) return null;
  let list = shortlistId
    ? await prisma.shortlist.findFirst({ where: { id: shortlistId, userId }, select: { id: true } })
    : await prisma.shortlist.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!list && shortlistId) return null;
  list ??= await createShortlist({ userId, name: DEFAULT_SHORTLIST_NAME });
  await prisma.shortlistEntry.upsert({
    where: { shortlistId_enterpriseId: { shortlistId: list.id, enterpriseId: enterprise.id } },
    create: { shortlistId: list.id, enterpriseId: enterprise.id },
    update: {},
    select: { shortlistId: true },
  });
  return list;
}

export async function updateEntry({
  userId,
  shortlistId,
  enterpriseId,
  note,
}: {
  userId: string;
  shortlistId: string;
  enterpriseId: string;
  note: string;
}) {
  const { count } = await prisma.shortlistEntry.updateMany({ where: { shortlistId, enterpriseId, shortlist: { userId } }, data: { note } });
  return count > 0;
}

export async function removeEntry({ userId, shortlistId, enterpriseId }: { userId: string; shortlistId: string; enterpriseId: string }) {
  const { count } = await prisma.shortlistEntry.deleteMany({ where: { shortlistId, enterpriseId, shortlist: { userId } } });
  return count > 0;
}
