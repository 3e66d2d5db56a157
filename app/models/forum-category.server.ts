// The forum's categories as an admin manages them, and the standard set every installation starts with.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { FORUM_CATEGORY_SEEDS } from "~/utils/forum-categories";
import { slugify } from "~/utils/slug";

type Db = PrismaClient | Prisma.TransactionClient;

const POSITION_STEP = 10;
// Reordering reads the whole order and rewrites it; one change at a time keeps two admins from interleaving.
const ORDER_LOCK = 4207003;

/**
 * Creates the standard categories (the Vision's themes and one per country) when the forum has
 * none. Existing categories are never touched, so an admin's names and order survive restarts;
 * two processes starting at once both insert with ON CONFLICT (slug) DO NOTHING.
 */
export async function ensureForumCategories(db: Db = prisma): Promise<number> {
  if ((await db.forumCategory.count()) > 0) return 0;
  return insertStandardCategories(db);
}

/** Inserts the standard categories whose slug is free; returns how many it inserted. */
export async function insertStandardCategories(db: Db = prisma): Promise<number> {
  const { count } = await db.forumCategory.createMany({
    data: FORUM_CATEGORY_SEEDS.map((category, index) => ({
      slug: category.slug,
      kind: category.kind,
      country: category.country,
      nameEn: category.name.en,
      nameRu: category.name.ru,
      descriptionEn: category.description.en,
      descriptionRu: category.description.ru,
      position: (index + 1) * POSITION_STEP,
    })),
    skipDuplicates: true,
  });
  return count;
}

export async function listCategoriesForAdmin() {
  const [categories, counts] = await Promise.all([
    prisma.forumCategory.findMany({
      select: { id: true, slug: true, kind: true, country: true, nameEn: true, nameRu: true, descriptionEn: true, descriptionRu: true },
      orderBy: [{ position: "asc" }, { nameEn: "asc" }, { id: "asc" }],
    }),
    prisma.forumThread.groupBy({ by: ["categoryId"], _count: { _all: true } }),
  ]);
  const threadsOf = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  return categories.map((category) => ({ ...category, threadCount: threadsOf.get(category.id) ?? 0 }));
}

export interface CategoryTexts {
  nameEn: string;
  nameRu: string;
  descriptionEn: string;
  descriptionRu: string;
}

/** A new category at the end of the list; its slug comes from the English name and must be free. */
export async function createCategory({
  texts,
  kind,
  country,
}: {
  texts: CategoryTexts;
  kind: "theme" | "country";
  country: string | null;
}): Promise<{ slug: string } | { error: "slug_taken" | "invalid_slug" }> {
  const slug = slugify(texts.nameEn);
  if (!slug) return { error: "invalid_slug" };
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORDER_LOCK})`;
    if (await tx.forumCategory.findUnique({ where: { slug }, select: { id: true } })) return { error: "slug_taken" as const };
    const last = await tx.forumCategory.aggregate({ _max: { position: true } });
    await tx.forumCategory.create({
      data: { slug, kind, country: kind === "country" ? country : null, ...texts, position: (last._max.position ?? 0) + POSITION_STEP },
      select: { id: true },
    });
    return { slug };
  });
}

/** New names and descriptions; the slug (and so every link to the category) stays. */
export async function updateCategory({ id, texts }: { id: string; texts: CategoryTexts }) {
  const { count } = await prisma.forumCategory.updateMany({ where: { id }, data: texts });
  return count > 0;
}

/** Swaps a category with its neighbour above or below; the whole order is renumbered, so equal positions never stick. */
export async function moveCategory({ id, direction }: { id: string; direction: "up" | "down" }) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORDER_LOCK})`;
    const order = await tx.forumCategory.findMany({
      select: { id: true, position: true },
      orderBy: [{ position: "asc" }, { nameEn: "asc" }, { id: "asc" }],
    });
    const index = order.findIndex((c) => c.id === id);
    if (index < 0) return false;
    const other = direction === "up" ? index - 1 : index + 1;
    if (other >= 0 && other < order.length) [order[index], order[other]] = [order[other]!, order[index]!];
    for (const [n, category] of order.entries()) {
      const position = (n + 1) * POSITION_STEP;
      if (category.position !== position) {
        await tx.forumCategory.update({ where: { id: category.id }, data: { position }, select: { id: true } });
      }
    }
    return true;
  });
}
