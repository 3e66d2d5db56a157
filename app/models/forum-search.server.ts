// Forum search: words in titles and visible posts (full-text, each text with its language's
// configuration), and threads by category, tag or language.
import { Prisma } from "~/generated/prisma/client";
import { readableCategorySql, readableCategoryWhere, type ReadableCohorts } from "~/models/forum-access.server";
import { THREAD_LIST_SELECT } from "~/models/forum.server";
import { prisma } from "~/utils/db.server";
import { kept } from "~/utils/kept-data.server";
import type { Language } from "~/utils/i18n";

// Each text is indexed with its language's configuration: English and Russian stemming, `simple`
// (lower-cased words, no stemming) for the languages PostgreSQL has no stemmer for. These are the
// expressions of the GIN indexes ForumPost_search_idx and ForumThread_search_idx (migration
// 20261203120000_forum_languages); the query must use them unchanged for the indexes to serve it.
const POST_VECTOR = Prisma.sql`to_tsvector(forum_search_config(p."language"), p.body)`;
const TITLE_VECTOR = Prisma.sql`to_tsvector(forum_search_config(t."language"), t.title)`;
export const SEARCH_PAGE_SIZE = 20;
const SEARCH_CANDIDATES = 400;

export interface SearchHit {
  threadId: string;
  title: string;
  tags: string[];
  categorySlug: string;
  /** The category's name in each language (see toLocalizedText). */
  categoryName: Prisma.JsonValue;
  postId: string;
  number: number;
  body: string;
  language: string;
  createdAt: Date;
  rank: number;
}

/**
 * Threads whose title or any visible post (in `language`, if given) matches, best match first, one
 * hit per thread (its best-matching post). The words are looked for as English and Russian word
 * forms and as they are typed, so a post in any language is found by a word from it.
 */
export function searchForum(search: ForumSearch) {
  return kept("forum.search", search, () => readSearchHits(search));
}

interface ForumSearch {
  q: string;
  /** The private categories the reader may read (others are left out); none by default. */
  readable?: ReadableCohorts;
  categoryId?: string;
  tag?: string;
  language?: Language;
  page?: number;
}

async function readSearchHits({ q, readable = [], categoryId, tag, language, page = 1 }: ForumSearch) {
  const query = Prisma.sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('simple', ${q}))`;
  const postLanguage = language ? Prisma.sql`AND p."language" = ${language}` : Prisma.empty;
  const titleLanguage = language ? Prisma.sql`AND t."language" = ${language}` : Prisma.empty;
  const threadFilter = [readableCategorySql(readable, "c")];
  if (categoryId) threadFilter.push(Prisma.sql`t."categoryId" = ${categoryId}`);
  if (tag) threadFilter.push(Prisma.sql`${tag} = ANY(t.tags)`);
  const where = Prisma.join(threadFilter, " AND ");
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const rows = await prisma.$queryRaw<SearchHit[]>`
    WITH q AS (SELECT ${query} AS query),
    -- Ranking needs each match's text vector, which is computed, not stored: only the newest
    -- matches are ranked, so a common word costs a bounded amount of work.
    post_matches AS (
      SELECT p."threadId", p.id AS "postId", p.number, p.body, p."language"
      FROM "ForumPost" p, q
      WHERE ${POST_VECTOR} @@ q.query AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL ${postLanguage}
      ORDER BY p."createdAt" DESC
      LIMIT ${SEARCH_CANDIDATES}
    ),
    matches AS (
      SELECT p."threadId", p."postId", p.number, ts_rank(${POST_VECTOR}, q.query) AS rank
      FROM post_matches p, q
      UNION ALL
      SELECT t.id, fp.id, 1, ts_rank(${TITLE_VECTOR}, q.query) * 2
      FROM "ForumThread" t JOIN "ForumPost" fp ON fp."threadId" = t.id AND fp.number = 1, q
      WHERE ${TITLE_VECTOR} @@ q.query ${titleLanguage}
    ),
    best AS (
      SELECT DISTINCT ON (m."threadId") m."threadId", m."postId", m.number, m.rank
      FROM matches m ORDER BY m."threadId", m.rank DESC, m.number ASC
    )
    SELECT t.id AS "threadId", t.title, t.tags, c.slug AS "categorySlug", c.name AS "categoryName",
      b."postId", b.number, CASE WHEN p."deletedAt" IS NULL AND p."hiddenAt" IS NULL THEN left(p.body, 2000) ELSE '' END AS body,
      p."language", p."createdAt", b.rank::float8 AS rank
    FROM best b
      JOIN "ForumThread" t ON t.id = b."threadId"
      JOIN "ForumCategory" c ON c.id = t."categoryId"
      JOIN "ForumPost" p ON p.id = b."postId"
    WHERE ${where}
    ORDER BY b.rank DESC, t."lastPostAt" DESC, t.id
    LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${offset}`;
  return { hits: rows.slice(0, SEARCH_PAGE_SIZE), hasMore: rows.length > SEARCH_PAGE_SIZE };
}

/** Threads with a tag, in a category and/or in a language, latest activity first (search without words). */
export async function listFilteredThreads({
  readable = [],
  categoryId,
  tag,
  language,
  page = 1,
}: {
  readable?: ReadableCohorts;
  categoryId?: string;
  tag?: string;
  language?: Language;
  page?: number;
}) {
  const rows = await prisma.forumThread.findMany({
    where: {
      category: readableCategoryWhere(readable),
      ...(categoryId ? { categoryId } : {}),
      ...(tag ? { tags: { has: tag } } : {}),
      ...(language ? { language } : {}),
    },
    select: THREAD_LIST_SELECT,
    orderBy: [{ lastPostAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * SEARCH_PAGE_SIZE,
    take: SEARCH_PAGE_SIZE + 1,
  });
  return { threads: rows.slice(0, SEARCH_PAGE_SIZE), hasMore: rows.length > SEARCH_PAGE_SIZE };
}
