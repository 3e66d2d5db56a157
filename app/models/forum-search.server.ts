// Forum search: words in titles and visible posts (full-text, English and Russian stemming), and
// threads by category or tag.
import { Prisma } from "~/generated/prisma/client";
import { THREAD_LIST_SELECT } from "~/models/forum.server";
import { prisma } from "~/utils/db.server";

const POST_VECTOR = Prisma.sql`(to_tsvector('english', p.body) || to_tsvector('russian', p.body))`;
const TITLE_VECTOR = Prisma.sql`(to_tsvector('english', t.title) || to_tsvector('russian', t.title))`;
export const SEARCH_PAGE_SIZE = 20;
const SEARCH_CANDIDATES = 400;

export interface SearchHit {
  threadId: string;
  title: string;
  tags: string[];
  categorySlug: string;
  categoryNameEn: string;
  categoryNameRu: string;
  postId: string;
  number: number;
  body: string;
  createdAt: Date;
  rank: number;
}

/**
 * Threads whose title or any visible post matches, best match first, one hit per thread (its
 * best-matching post). English and Russian stemming both apply, so either language finds word forms.
 */
export async function searchForum({ q, categoryId, tag, page = 1 }: { q: string; categoryId?: string; tag?: string; page?: number }) {
  const query = Prisma.sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('russian', ${q}))`;
  const threadFilter = [Prisma.sql`TRUE`];
  if (categoryId) threadFilter.push(Prisma.sql`t."categoryId" = ${categoryId}`);
  if (tag) threadFilter.push(Prisma.sql`${tag} = ANY(t.tags)`);
  const where = Prisma.join(threadFilter, " AND ");
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const rows = await prisma.$queryRaw<SearchHit[]>`
    WITH q AS (SELECT ${query} AS query),
    -- Ranking needs each match's text vector, which is computed, not stored: only the newest
    -- matches are ranked, so a common word costs a bounded amount of work.
    post_matches AS (
      SELECT p."threadId", p.id AS "postId", p.number, p.body
      FROM "ForumPost" p, q
      WHERE ${POST_VECTOR} @@ q.query AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL
      ORDER BY p."createdAt" DESC
      LIMIT ${SEARCH_CANDIDATES}
    ),
    matches AS (
      SELECT m."threadId", m."postId", m.number, ts_rank(to_tsvector('english', m.body) || to_tsvector('russian', m.body), q.query) AS rank
      FROM post_matches m, q
      UNION ALL
      SELECT t.id, fp.id, 1, ts_rank(${TITLE_VECTOR}, q.query) * 2
      FROM "ForumThread" t JOIN "ForumPost" fp ON fp."threadId" = t.id AND fp.number = 1, q
      WHERE ${TITLE_VECTOR} @@ q.query
    ),
    best AS (
      SELECT DISTINCT ON (m."threadId") m."threadId", m."postId", m.number, m.rank
      FROM matches m ORDER BY m."threadId", m.rank DESC, m.number ASC
    )
    SELECT t.id AS "threadId", t.title, t.tags, c.slug AS "categorySlug", c."nameEn" AS "categoryNameEn", c."nameRu" AS "categoryNameRu",
      b."postId", b.number, CASE WHEN p."deletedAt" IS NULL AND p."hiddenAt" IS NULL THEN left(p.body, 2000) ELSE '' END AS body,
      p."createdAt", b.rank::float8 AS rank
    FROM best b
      JOIN "ForumThread" t ON t.id = b."threadId"
      JOIN "ForumCategory" c ON c.id = t."categoryId"
      JOIN "ForumPost" p ON p.id = b."postId"
    WHERE ${where}
    ORDER BY b.rank DESC, t."lastPostAt" DESC, t.id
    LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}`;
  return { hits: rows.slice(0, SEARCH_PAGE_SIZE), hasMore: rows.length > SEARCH_PAGE_SIZE };
}

/** Threads with a tag and/or in a category, latest activity first (search without words). */
export async function listFilteredThreads({ categoryId, tag, page = 1 }: { categoryId?: string; tag?: string; page?: number }) {
  const rows = await prisma.forumThread.findMany({
    where: { ...(categoryId ? { categoryId } : {}), ...(tag ? { tags: { has: tag } } : {}) },
    select: THREAD_LIST_SELECT,
    orderBy: [{ lastPostAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * SEARCH_PAGE_SIZE,
    take: SEARCH_PAGE_SIZE + 1,
  });
  return { threads: rows.slice(0, SEARCH_PAGE_SIZE), hasMore: rows.length > SEARCH_PAGE_SIZE };
}
