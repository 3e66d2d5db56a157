import { prisma } from "~/utils/db.server";
import { ensureForumCategories } from "~/models/forum-category.server";

/** The seeded categories (created once per database); `bySlug` maps slug to id. */
export async function forumCategories() {
  await ensureForumCategories();
  const rows = await prisma.forumCategory.findMany({ select: { id: true, slug: true, country: true } });
  return {
    bySlug: new Map(rows.map((r) => [r.slug, r.id])),
    byCountry: new Map(rows.filter((r) => r.country).map((r) => [r.country!, r.id])),
  };
}

let serial = 0;

/** A discussion thread written directly in the database: post 1 by `authorId`, then one reply per entry of `replies`. */
export async function createThreadWithPosts({
  authorId,
  replies = [],
  categorySlug = "social-entrepreneurship",
}: {
  authorId: string;
  replies?: string[];
  categorySlug?: string;
}) {
  serial += 1;
  const { bySlug } = await forumCategories();
  const authors = [authorId, ...replies];
  const thread = await prisma.forumThread.create({
    data: {
      categoryId: bySlug.get(categorySlug)!,
      authorId,
      title: `A thread to moderate ${serial}`,
      postCount: authors.length,
      posts: {
        create: authors.map((author, index) => ({ authorId: author, number: index + 1, body: `Post ${index + 1} of thread ${serial}` })),
      },
    },
    select: { id: true, categoryId: true, posts: { select: { id: true, number: true, authorId: true }, orderBy: { number: "asc" } } },
  });
  return thread;
}
