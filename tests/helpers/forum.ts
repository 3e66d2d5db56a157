import { createReply, createThread } from "~/models/forum.server";
import { prisma } from "~/utils/db.server";

let serial = 0;

/** A forum category of its own for a test. */
export async function createTestCategory(name = "Test category") {
  serial += 1;
  return prisma.forumCategory.create({
    data: { slug: `test-category-${serial}-${Date.now()}`, name: { en: name, ru: `${name} (ru)` } },
    select: { id: true, slug: true },
  });
}

/** A thread started by `userId`, with `replies` more posts by `replierId` (or the same person), made directly. */
export async function createTestThread({
  userId,
  categoryId,
  title = "A thread about funding",
  body = "How do you find your first funder?",
  tags = [] as string[],
}: {
  userId: string;
  categoryId?: string;
  title?: string;
  body?: string;
  tags?: string[];
}) {
  const category = categoryId ?? (await createTestCategory()).id;
  const created = await createThread({ userId, input: { categoryId: category, title, body, tags, enterpriseId: null } });
  if (created.error) throw new Error(`could not create a test thread: ${created.error.reason}`);
  const post = await prisma.forumPost.findFirstOrThrow({ where: { threadId: created.thread!.id, number: 1 }, select: { id: true } });
  return { id: created.thread!.id, categoryId: category, firstPostId: post.id };
}

export async function createTestReply({
  userId,
  threadId,
  body = "A reply with some thoughts.",
}: {
  userId: string;
  threadId: string;
  body?: string;
}) {
  const created = await createReply({ userId, threadId, body, replyToPostId: null });
  if (created.error) throw new Error(`could not create a test reply: ${created.error.reason}`);
  return created.post!;
}
