import { Prisma } from "~/generated/prisma/client";
import { trustSql } from "~/models/sector.server";
import { lookup, prisma } from "~/utils/db.server";

import { DEFAULT_SHORTLIST_NAME, shortlistName } from "~/utils/shortlist-validation";

export { DEFAULT_SHORTLIST_NAME, shortlistName };

/** The person's shortlists, oldest first, with how many enterprises each holds (read on every directory page they open). */
export function listShortlists(userId: string) {
  return lookup<{ id: string; name: string; createdAt: Date; entries: number }>`
    SELECT s.id, s.name, s."createdAt", (SELECT count(*)::int FROM "ShortlistEntry" e WHERE e."shortlistId" = s.id) AS entries
    FROM "Shortlist" s
    WHERE s."userId" = ${userId}
    ORDER BY s."createdAt", s.id`;
}

export function createShortlist({ userId, name }: { userId: string; name: string }) {
  return prisma.shortlist.create({ data: { userId, name }, select: { id: true } });
}

/** Renames the user's shortlist; false when it is not theirs or does not exist. */
export async function renameShortlist({ id, userId, name }: { id: string; userId: string; name: string }) {
  const { count } = await prisma.shortlist.updateMany({ where: { id, userId }, data: { name } });
  return count > 0;
}

/** Deletes the user's shortlist with its entries and notes; false when it is not theirs or does not exist. */
export async function deleteShortlist({ id, userId }: { id: string; userId: string }) {
  const { count } = await prisma.shortlist.deleteMany({ where: { id, userId } });
  return count > 0;
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
          enterprise: { select: { id: true, slug: true, name: true, country: true, region: true, sector: true, status: true } },
        },
        orderBy: { addedAt: "asc" },
      },
    },
  });
}

/** For each of these enterprises, the user's shortlists holding it (by slug): what the directory's buttons show. */
export async function shortlistsHolding({ userId, slugs }: { userId: string; slugs: string[] }) {
  if (slugs.length === 0) return {};
  const entries = await prisma.shortlistEntry.findMany({
    where: { shortlist: { userId }, enterprise: { slug: { in: slugs } } },
    select: { shortlist: { select: { id: true, name: true, createdAt: true } }, enterprise: { select: { slug: true } } },
    orderBy: { shortlist: { createdAt: "asc" } },
  });
  const held: Record<string, { id: string; name: string }[]> = {};
  for (const e of entries) (held[e.enterprise.slug] ??= []).push({ id: e.shortlist.id, name: e.shortlist.name });
  return held;
}

export interface ShortlistRating {
  overall: number;
  tier: string;
  trust: string;
  eligible: boolean;
  dimensions: Record<string, number>;
}

/** The public (current, verified when it is) rating of each of these enterprises, by enterprise id. */
export async function currentRatings(enterpriseIds: string[]): Promise<Record<string, ShortlistRating>> {
  if (enterpriseIds.length === 0) return {};
  const rows = await prisma.$queryRaw<
    {
      enterpriseId: string;
      overall: number;
      tier: string;
      trust: string;
      eligible: boolean;
      socialImpact: number;
      economic: number;
      governance: number;
      inclusion: number;
      ecosystem: number;
      environment: number;
    }[]
  >`
    SELECT f."enterpriseId", f.overall, f.tier, ${trustSql("f")} AS trust, f.eligible,
      f."socialImpact", f.economic, f.governance, f.inclusion, f.ecosystem, f.environment
    FROM "RatingFact" f
    WHERE f."isCurrent" AND f."enterpriseId" IN (${Prisma.join(enterpriseIds)})`;
  return Object.fromEntries(
    rows.map((r) => [
      r.enterpriseId,
      {
        overall: r.overall,
        tier: r.tier,
        trust: r.trust,
        eligible: r.eligible,
        dimensions: {
          social_impact: r.socialImpact,
          economic_sustainability: r.economic,
          governance_transparency: r.governance,
          inclusion: r.inclusion,
          ecosystem_partnership: r.ecosystem,
          environment_climate: r.environment,
        },
      },
    ]),
  );
}

/** Adds a published enterprise to the user's shortlist (their first one, made on demand, when none is named). */
export async function addToShortlist({ userId, shortlistId, slug }: { userId: string; shortlistId?: string; slug: string }) {
  const enterprise = await prisma.enterprise.findFirst({ where: { slug, status: "published" }, select: { id: true } });
  if (!enterprise) return null;
  let list = shortlistId
    ? await prisma.shortlist.findFirst({ where: { id: shortlistId, userId }, select: { id: true, name: true } })
    : await prisma.shortlist.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
  if (!list && shortlistId) return null;
  list ??= { ...(await createShortlist({ userId, name: DEFAULT_SHORTLIST_NAME })), name: DEFAULT_SHORTLIST_NAME };
  await prisma.shortlistEntry.upsert({
    where: { shortlistId_enterpriseId: { shortlistId: list.id, enterpriseId: enterprise.id } },
    create: { shortlistId: list.id, enterpriseId: enterprise.id },
    update: {},
    select: { shortlistId: true },
  });
  return list;
}

/** Makes a shortlist with this name and adds the enterprise to it, in one transaction; null when the enterprise is not published. */
export async function addToNewShortlist({ userId, name, slug }: { userId: string; name: string; slug: string }) {
  const enterprise = await prisma.enterprise.findFirst({ where: { slug, status: "published" }, select: { id: true } });
  if (!enterprise) return null;
  return prisma.shortlist.create({
    data: { userId, name, entries: { create: { enterpriseId: enterprise.id } } },
    select: { id: true, name: true },
  });
}

/** Takes an enterprise (by slug) off the user's shortlist. */
export async function removeFromShortlist({ userId, shortlistId, slug }: { userId: string; shortlistId: string; slug: string }) {
  const { count } = await prisma.shortlistEntry.deleteMany({ where: { shortlistId, enterprise: { slug }, shortlist: { userId } } });
  return count > 0;
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
