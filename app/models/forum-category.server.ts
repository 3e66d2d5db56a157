// The forum's categories as an admin manages them, and the standard set every installation starts with.
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type Db, type Tx } from "~/utils/db.server";
import { FORUM_CATEGORY_SEEDS, forumCategorySeedTexts } from "~/utils/forum-categories";
import { isReservedCategorySlug } from "~/utils/forum-category-validation";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { toLocalizedText, type LocalizedText } from "~/utils/localized-text";
import { slugify } from "~/utils/slug";

const POSITION_STEP = 10;
// Reordering reads the whole order and rewrites it; one change at a time keeps two admins from interleaving.
const ORDER_LOCK = 4207003;

/**
 * Adds every standard category (the Vision's themes and one per country) whose slug the forum
 * does not have yet, after the last category, so a release that adds one brings it to existing
 * installations; two processes starting at once both insert with ON CONFLICT (slug) DO NOTHING.
 * A standard category already there only gains the languages it has no entry for (a language
 * whose translation arrived since): a text an admin wrote, or cleared (an empty entry), stays as
 * it is, and so does the order. Returns how many categories it added.
 */
export async function ensureForumCategories(db: Db = prisma): Promise<number> {
  const existing = await db.forumCategory.findMany({ select: { id: true, slug: true, position: true, name: true, description: true } });
  const bySlug = new Map(existing.map((category) => [category.slug, category]));
  for (const seed of FORUM_CATEGORY_SEEDS) {
    const category = bySlug.get(seed.slug);
    if (!category) continue;
    const texts = forumCategorySeedTexts(seed);
    const lacks = (stored: unknown, standard: Record<string, string>) =>
      Object.keys(standard).some((language) => !(stored && typeof stored === "object" && language in stored));
    if (lacks(category.name, texts.name) || lacks(category.description, texts.description)) {
      // `standard || stored`: the stored entries win, so only absent languages are added.
      await db.$executeRaw`
        UPDATE "ForumCategory"
        SET name = ${JSON.stringify(texts.name)}::jsonb || name, description = ${JSON.stringify(texts.description)}::jsonb || description
        WHERE id = ${category.id}`;
    }
  }
  const missing = FORUM_CATEGORY_SEEDS.filter((category) => !bySlug.has(category.slug));
  if (missing.length === 0) return 0;
  const last = Math.max(0, ...existing.map((category) => category.position));
  const { count } = await db.forumCategory.createMany({
    data: missing.map((category, index) => ({
      slug: category.slug,
      kind: category.kind,
      country: category.country,
      ...forumCategorySeedTexts(category),
      position: last + (index + 1) * POSITION_STEP,
    })),
    skipDuplicates: true,
  });
  return count;
}

export async function listCategoriesForAdmin() {
  const [categories, counts] = await Promise.all([
    prisma.forumCategory.findMany({
      select: { id: true, slug: true, kind: true, country: true, name: true, description: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    prisma.forumThread.groupBy({ by: ["categoryId"], _count: { _all: true } }),
  ]);
  const threadsOf = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  return categories.map((category) => ({
    ...category,
    name: toLocalizedText(category.name),
    description: toLocalizedText(category.description),
    threadCount: threadsOf.get(category.id) ?? 0,
  }));
}

/** A category's name and description in the languages that have them (English always). */
export interface CategoryTexts {
  name: LocalizedText;
  description: LocalizedText;
}

/**
 * A new category after the last one of its kind (the forum lists themes and countries apart);
 * its slug comes from the English name and must be free and not one a forum page uses.
 */
export async function createCategory({
  texts,
  kind,
  country,
}: {
  texts: CategoryTexts;
  kind: "theme" | "country";
  country: string | null;
}): Promise<{ slug: string } | { error: "slug_taken" | "slug_reserved" | "invalid_slug" }> {
  const slug = slugify(texts.name.en);
  if (!slug) return { error: "invalid_slug" };
  if (isReservedCategorySlug(slug)) return { error: "slug_reserved" };
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORDER_LOCK})`;
    if (await tx.forumCategory.findUnique({ where: { slug }, select: { id: true } })) return { error: "slug_taken" as const };
    const created = await tx.forumCategory.create({
      data: { slug, kind, country: kind === "country" ? country : null, ...texts, position: 0 },
      select: { id: true, kind: true, position: true },
    });
    const order = (await currentOrder(tx)).filter((c) => c.id !== created.id);
    const lastOfKind = order.findLastIndex((c) => c.kind === kind);
    order.splice(lastOfKind < 0 ? order.length : lastOfKind + 1, 0, created);
    await renumber(tx, order);
    return { slug };
  });
}

function currentOrder(tx: Tx) {
  return tx.forumCategory.findMany({
    select: { id: true, kind: true, position: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
}

/** Writes positions 10, 20, 30... in the given order, touching only the rows that change. */
async function renumber(tx: Tx, order: { id: string; position: number }[]) {
  for (const [n, category] of order.entries()) {
    const position = (n + 1) * POSITION_STEP;
    if (category.position !== position) {
      await tx.forumCategory.update({ where: { id: category.id }, data: { position }, select: { id: true } });
    }
  }
}

/**
 * New names and descriptions; the slug (and so every link to the category) stays. A language the
 * admin emptied keeps an empty entry (readers see the English text, and start-up does not fill it
 * in again from the translation files); one that never had a text stays absent.
 */
export async function updateCategory({ id, texts }: { id: string; texts: CategoryTexts }) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.forumCategory.findUnique({ where: { id }, select: { name: true, description: true } });
    if (!current) return false;
    await tx.forumCategory.update({
      where: { id },
      data: { name: keepCleared(current.name, texts.name), description: keepCleared(current.description, texts.description) },
      select: { id: true },
    });
    return true;
  });
}

function keepCleared(stored: Prisma.JsonValue, next: LocalizedText): Record<string, string> {
  const merged: Record<string, string> = { ...next };
  const had = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  for (const language of SUPPORTED_LANGUAGES) {
    if (merged[language] === undefined && language in had) merged[language] = "";
  }
  return merged;
}

/**
 * Swaps a category with its nearest neighbour of the same kind above or below (the forum lists
 * themes and countries apart); the whole order is renumbered, so equal positions never stick.
 */
export async function moveCategory({ id, direction }: { id: string; direction: "up" | "down" }) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORDER_LOCK})`;
    const order = await currentOrder(tx);
    const index = order.findIndex((c) => c.id === id);
    if (index < 0) return false;
    const step = direction === "up" ? -1 : 1;
    let other = index + step;
    while (other >= 0 && other < order.length && order[other]!.kind !== order[index]!.kind) other += step;
    if (other >= 0 && other < order.length) [order[index], order[other]] = [order[other]!, order[index]!];
    await renumber(tx, order);
    return true;
  });
}
