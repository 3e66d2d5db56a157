// Who may read what in the forum. Every category is public but a cohort's own category, which only
// the cohort's organisation, the members of the enterprises that accepted its invitation, and the
// forum's moderators (who must be able to act on flags there) read and write. Lists and searches
// narrow themselves with `readableCategoryWhere` / `readableCategorySql`; a page or an action about
// one thread or post asks `requireReadableThread` / `requireReadablePost` first (the thread page
// checks `mayReadCategory` on the thread it reads), so a private thread is "not found" to everyone
// else, whatever the address.
import { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "~/utils/auth.server";
import { lookup, prisma, type Db } from "~/utils/db.server";
import { isForumModerator, notFound } from "~/utils/permissions.server";

export type ForumAccessReader = Pick<SessionUser, "id" | "roles"> | null;

/** The cohorts whose categories `reader` may read: all of them (moderators), or a list (often empty). */
export type ReadableCohorts = "all" | string[];

/** Where a cohort's category is open to: its organisation and the members of its accepted enterprises. */
export function cohortReaderWhere(userId: string): Prisma.CohortWhereInput {
  return {
    OR: [{ ownerId: userId }, { members: { some: { status: "accepted", enterprise: { members: { some: { userId } } } } } }],
  };
}

/** The same condition in SQL, on a Cohort row aliased `c`. */
function cohortReaderSql(userId: string): Prisma.Sql {
  return Prisma.sql`(c."ownerId" = ${userId} OR EXISTS (
    SELECT 1 FROM "CohortMember" m JOIN "EnterpriseMember" em ON em."enterpriseId" = m."enterpriseId"
    WHERE m."cohortId" = c.id AND m.status = 'accepted' AND em."userId" = ${userId}))`;
}

/** Asked by every signed-in page of lists and searches: a lookup by the reader's key with a kept plan (decision 037). */
export async function readableCohorts(reader: ForumAccessReader): Promise<ReadableCohorts> {
  if (isForumModerator(reader)) return "all";
  if (!reader) return [];
  const cohorts = await lookup<{ id: string }>`
    SELECT c.id FROM "Cohort" c
    WHERE EXISTS (SELECT 1 FROM "ForumCategory" f WHERE f."cohortId" = c.id) AND ${cohortReaderSql(reader.id)}
    ORDER BY c.id`;
  return cohorts.map((cohort) => cohort.id);
}

/** The categories `readable` lets one read, as a Prisma condition on ForumCategory. */
export function readableCategoryWhere(readable: ReadableCohorts): Prisma.ForumCategoryWhereInput {
  if (readable === "all") return {};
  return readable.length === 0 ? { cohortId: null } : { OR: [{ cohortId: null }, { cohortId: { in: readable } }] };
}

/** The same condition in SQL, on a ForumCategory row aliased `alias`. */
export function readableCategorySql(readable: ReadableCohorts, alias: string): Prisma.Sql {
  if (readable === "all") return Prisma.sql`TRUE`;
  const column = Prisma.raw(`${alias}."cohortId"`);
  return readable.length === 0 ? Prisma.sql`${column} IS NULL` : Prisma.sql`(${column} IS NULL OR ${column} = ANY(${readable}))`;
}

/** Only the categories everyone may read: for feeds, the sitemap and public pages, which are the same for every reader. */
export const PUBLIC_CATEGORY: Prisma.ForumCategoryWhereInput = { cohortId: null };

/** Whether `reader` may read a category with this cohort (null: a public category). */
export async function mayReadCategory(cohortId: string | null, reader: ForumAccessReader, db: Db = prisma) {
  if (cohortId === null || isForumModerator(reader)) return true;
  if (!reader) return false;
  return (await db.cohort.count({ where: { id: cohortId, ...cohortReaderWhere(reader.id) } })) > 0;
}

/**
 * Answers 404 unless `reader` may read the thread (or it does not exist: the caller answers that as it
 * does); says whether the thread is in a cohort's private category.
 */
export async function requireReadableThread(threadId: string, reader: ForumAccessReader): Promise<{ private: boolean }> {
  const thread = await prisma.forumThread.findUnique({ where: { id: threadId }, select: { category: { select: { cohortId: true } } } });
  if (thread && !(await mayReadCategory(thread.category.cohortId, reader))) notFound();
  return { private: Boolean(thread?.category.cohortId) };
}

/** Answers 404 unless `reader` may read the post's thread (or the post does not exist). */
export async function requireReadablePost(postId: string, reader: ForumAccessReader) {
  const post = await prisma.forumPost.findUnique({
    where: { id: postId },
    select: { thread: { select: { category: { select: { cohortId: true } } } } },
  });
  if (post && !(await mayReadCategory(post.thread.category.cohortId, reader))) notFound();
}

/** Of `userIds`, those who may read a category with this cohort: who hears of a post there. */
export async function filterCategoryReaders(db: Db, cohortId: string | null, userIds: string[]): Promise<Set<string>> {
  if (cohortId === null || userIds.length === 0) return new Set(userIds);
  const users = await db.user.findMany({
    where: {
      id: { in: userIds },
      OR: [
        { roles: { some: { role: { in: ["moderator", "admin"] } } } },
        { cohorts: { some: { id: cohortId } } },
        { memberships: { some: { enterprise: { cohortMemberships: { some: { cohortId, status: "accepted" } } } } } },
      ],
    },
    select: { id: true },
  });
  return new Set(users.map((user) => user.id));
}
