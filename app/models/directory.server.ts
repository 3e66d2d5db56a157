import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { kept } from "~/utils/kept-data.server";
import { VERIFICATION_FACTS_SELECT, verifiedOrSelfAssessed } from "~/models/rating.server";
import { registrationOf } from "~/models/register.server";
import { ratingFactConditions, trustSql } from "~/models/sector.server";
import type { DirectoryFilters } from "~/utils/directory-filters";

export interface DirectoryItem {
  slug: string;
  name: string;
  country: string;
  region: string;
  sector: string;
  sizeBand: string;
  employees: number;
  womenLed: boolean;
  youthLed: boolean;
  sdgs: number[];
  overall: number;
  tier: string;
  trust: string;
  /** When a verifier verified the scores shown, and for which organisation; null for self-assessed. */
  verifiedAt: string | null;
  verifiedBy: string | null;
  eligible: boolean;
  /** The date of inclusion in the national register of social enterprises of its country (YYYY-MM-DD); null when not in it. */
  registeredSince: string | null;
  ratedAt: string;
  description: string;
}

/** At most this many enterprises match a text search; the page is ranked (by the chosen sort) among them. */
export const SEARCH_MATCH_LIMIT = 2000;
const MAX_SEARCH_WORDS = 8;

/**
 * What a directory text search matches (migration 20261205110000_directory_search_any_script, whose
 * GIN index answers it): the words stemmed in English or Russian, or every word as the start of a
 * word in any script ('simple'), accents ignored — `cafe` finds Café, `Sewing Stud` finds
 * Sewing Studio, a Kazakh or Dari word finds itself.
 */
export function searchMatch(q: string) {
  const words = (
    q
      .normalize("NFC")
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  ).slice(0, MAX_SEARCH_WORDS);
  const queries = [
    Prisma.sql`websearch_to_tsquery('english', ortaq_unaccent(${q}))`,
    Prisma.sql`websearch_to_tsquery('russian', ortaq_unaccent(${q}))`,
  ];
  if (words.length > 0) {
    queries.push(
      Prisma.sql`(${Prisma.join(
        words.map((word) => Prisma.sql`to_tsquery('simple', quote_literal(ortaq_unaccent(${word})) || ':*')`),
        " && ",
      )})`,
    );
  }
  return Prisma.sql`enterprise_search_vector(e.name, e.description, e.mission) @@ (${Prisma.join(queries, " || ")})`;
}

function conditions(filters: DirectoryFilters) {
  const parts: Prisma.Sql[] = [Prisma.sql`f."isCurrent"`, Prisma.sql`e.status = 'published'`, ...ratingFactConditions("f", filters)];
  if (filters.tier) parts.push(Prisma.sql`f.tier = ${filters.tier}`);
  if (filters.minScore !== undefined) parts.push(Prisma.sql`f.overall >= ${filters.minScore}`);
  if (filters.eligible !== undefined) parts.push(Prisma.sql`f.eligible = ${filters.eligible}`);
  if (filters.sdg !== undefined) parts.push(Prisma.sql`${filters.sdg}::int = ANY(f.sdgs)`);
  if (filters.womenLed !== undefined) parts.push(Prisma.sql`f."womenLed" = ${filters.womenLed}`);
  if (filters.youthLed !== undefined) parts.push(Prisma.sql`f."youthLed" = ${filters.youthLed}`);
  if (filters.registered !== undefined) {
    parts.push(filters.registered ? Prisma.sql`f."registeredSince" IS NOT NULL` : Prisma.sql`f."registeredSince" IS NULL`);
  }
  // A text search looks only among the enterprises its index finds (a bounded set, see listDirectory).
  if (filters.q) parts.push(Prisma.sql`e.id IN (SELECT id FROM search_hits)`);
  return parts;
}

type Cursor = [string | number, string];

export function encodeCursor(cursor: Cursor) {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** A cursor from a URL; null when it is not one this server made. */
export function decodeCursor(text: string | null | undefined, sort: DirectoryFilters["sort"]): Cursor | null {
  if (!text || text.length > 400) return null;
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== "string") return null;
    if (sort === "score" ? typeof value[0] !== "number" : typeof value[0] !== "string") return null;
    if (sort === "date" && Number.isNaN(Date.parse(value[0] as string))) return null;
    return value as Cursor;
  } catch {
    return null;
  }
}

const ORDER: Record<
  DirectoryFilters["sort"],
  { order: Prisma.Sql; after: (c: Cursor) => Prisma.Sql; key: (row: DirectoryItem & { enterpriseId: string }) => Cursor }
> = {
  score: {
    order: Prisma.sql`f.overall DESC, f."enterpriseId" ASC`,
    after: ([v, id]) => Prisma.sql`(f.overall < ${v} OR (f.overall = ${v} AND f."enterpriseId" > ${id}))`,
    key: (row) => [row.overall, row.enterpriseId],
  },
  name: {
    order: Prisma.sql`e.name ASC, f."enterpriseId" ASC`,
    after: ([v, id]) => Prisma.sql`(e.name > ${v} OR (e.name = ${v} AND f."enterpriseId" > ${id}))`,
    key: (row) => [row.name, row.enterpriseId],
  },
  date: {
    order: Prisma.sql`f."submittedAt" DESC, f."enterpriseId" ASC`,
    after: ([v, id]) => Prisma.sql`(f."submittedAt" < ${new Date(v)} OR (f."submittedAt" = ${new Date(v)} AND f."enterpriseId" > ${id}))`,
    key: (row) => [row.ratedAt, row.enterpriseId],
  },
};

/**
 * Enterprises with a published profile and a published rating, filtered and sorted, a page
 * at a time with keyset pagination (fast however deep the page).
 */
export function listDirectory({
  filters,
  cursor = null,
  limit = 20,
}: {
  filters: DirectoryFilters;
  cursor?: Cursor | null;
  limit?: number;
}): Promise<{ items: DirectoryItem[]; nextCursor: string | null }> {
  return kept("directory.page", { filters, cursor, limit }, () => readDirectoryPage(filters, cursor, limit));
}

async function readDirectoryPage(
  filters: DirectoryFilters,
  cursor: Cursor | null,
  limit: number,
): Promise<{ items: DirectoryItem[]; nextCursor: string | null }> {
  const order = ORDER[filters.sort];
  const where = conditions(filters);
  if (cursor) where.push(order.after(cursor));
  // A word found in every name must not make the page scan and sort 100,000 rows: the index gives
  // at most SEARCH_MATCH_LIMIT matches, and the page is ranked among them.
  const hits = filters.q
    ? Prisma.sql`WITH search_hits AS MATERIALIZED (
        SELECT e.id FROM "Enterprise" e WHERE e.status = 'published' AND ${searchMatch(filters.q)} LIMIT ${SEARCH_MATCH_LIMIT}
      )`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<
    (Omit<DirectoryItem, "verifiedAt" | "registeredSince"> & {
      enterpriseId: string;
      ratedAtDate: Date;
      verifiedAtDate: Date | null;
      registeredSinceDate: Date | null;
    })[]
  >`
    ${hits}
    SELECT f."enterpriseId", e.slug, e.name, f.country, f.region, f.sector, f."sizeBand", f.employees, f."womenLed", f."youthLed", f.sdgs,
      f.overall, f.tier, ${trustSql("f")} AS trust, f."verifiedAt" AS "verifiedAtDate", f."verifierOrganisation" AS "verifiedBy",
      f.eligible, f."registeredSince" AS "registeredSinceDate", f."submittedAt" AS "ratedAtDate", e.description
    FROM "RatingFact" f JOIN "Enterprise" e ON e.id = f."enterpriseId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order.order}
    LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map(({ ratedAtDate, verifiedAtDate, registeredSinceDate, ...row }) => ({
    ...row,
    verifiedAt: verifiedAtDate?.toISOString() ?? null,
    registeredSince: registeredSinceDate?.toISOString().slice(0, 10) ?? null,
    ratedAt: ratedAtDate.toISOString(),
  }));
  const last = items.at(-1);
  return {
    items: items.map(({ enterpriseId: _id, ...item }) => item),
    nextCursor: rows.length > limit && last ? encodeCursor(order.key(last)) : null,
  };
}

/**
 * Every matching row (at most `max`), a page of `pageSize` at a time, for exports that send each page
 * as it is read. Read, not kept: an export's thousands of rows are wanted once.
 */
export async function* readDirectoryInPages(filters: DirectoryFilters, { max = 100_000, pageSize = 1000 } = {}) {
  let cursor: Cursor | null = null;
  let read = 0;
  for (;;) {
    const page = await readDirectoryPage(filters, cursor, Math.min(pageSize, max - read));
    read += page.items.length;
    yield page.items;
    if (!page.nextCursor || read >= max) return;
    cursor = decodeCursor(page.nextCursor, filters.sort);
  }
}

/** Every matching row, in one list. */
export async function listDirectoryAll(filters: DirectoryFilters, max = 100_000) {
  const all: DirectoryItem[] = [];
  for await (const page of readDirectoryInPages(filters, { max })) all.push(...page);
  return all;
}

/** A published profile with its published ratings (current first), as the open data API shows it. */
export async function getPublicEnterprise(slug: string) {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return null;
  const enterprise = await prisma.enterprise.findFirst({
    where: { slug, status: "published" },
    select: {
      id: true,
      slug: true,
      name: true,
      legalForm: true,
      country: true,
      region: true,
      city: true,
      sector: true,
      foundedYear: true,
      employees: true,
      womenLed: true,
      youthLed: true,
      description: true,
      mission: true,
      website: true,
      sdgs: true,
      beneficiaryGroups: true,
      taxId: true,
    },
  });
  if (!enterprise) return null;
  const nationalRegister = await registrationOf(enterprise);
  const ratings = await prisma.assessment.findMany({
    where: { enterpriseId: enterprise.id, published: true, status: "submitted" },
    select: {
      methodologyVersion: true,
      submittedAt: true,
      result: true,
      verification: { select: { ...VERIFICATION_FACTS_SELECT, result: true } },
    },
    orderBy: { submittedAt: "desc" },
  });
  const { id: _id, taxId: _taxId, ...profile } = enterprise;
  return {
    ...profile,
    nationalRegister,
    ratings: ratings.map((r) => {
      const shown = verifiedOrSelfAssessed({ result: r.result }, r.verification);
      const result = shown.result as unknown as {
        overall: number;
        tier: string;
        eligible: boolean;
        dimensions: { id: string; score: number }[];
      };
      return {
        methodologyVersion: r.methodologyVersion,
        ratedAt: r.submittedAt!.toISOString(),
        trust: shown.trust.label,
        verifiedAt: shown.trust.verifiedAt?.toISOString() ?? null,
        verifiedBy: shown.trust.organisation,
        overall: result.overall,
        tier: result.tier,
        eligible: result.eligible,
        dimensions: result.dimensions.map((d) => ({ id: d.id, score: d.score })),
      };
    }),
  };
}

/** Up to four published, rated enterprises side by side, in the order asked. */
export async function getComparison(slugs: string[]) {
  const found = await Promise.all(slugs.map((slug) => getPublicEnterprise(slug)));
  return found.filter((e): e is NonNullable<typeof e> => e !== null && e.ratings.length > 0);
}

/** Up to this many matches the directory counts exactly; beyond, it says "about" the planner's estimate. */
export const EXACT_COUNT_LIMIT = 1000;

/**
 * How many enterprises match the filters, without counting 100,000 rows per request: exact up to
 * EXACT_COUNT_LIMIT (a count that stops there), beyond that PostgreSQL's own estimate from its
 * statistics (EXPLAIN), which the page labels as one.
 */
export function countDirectory(filters: DirectoryFilters, exactUpTo = EXACT_COUNT_LIMIT): Promise<{ count: number; exact: boolean }> {
  return kept("directory.count", { filters, exactUpTo }, () => readDirectoryCount(filters, exactUpTo));
}

async function readDirectoryCount(filters: DirectoryFilters, exactUpTo: number): Promise<{ count: number; exact: boolean }> {
  const where = Prisma.join(conditions(filters), " AND ");
  const hits = filters.q
    ? Prisma.sql`WITH search_hits AS MATERIALIZED (
        SELECT e.id FROM "Enterprise" e WHERE e.status = 'published' AND ${searchMatch(filters.q)} LIMIT ${SEARCH_MATCH_LIMIT}
      )`
    : Prisma.empty;
  const [bounded] = await prisma.$queryRaw<{ n: number }[]>`
    ${hits}
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "RatingFact" f JOIN "Enterprise" e ON e.id = f."enterpriseId" WHERE ${where} LIMIT ${exactUpTo + 1}
    ) x`;
  const n = bounded?.n ?? 0;
  if (n <= exactUpTo) return { count: n, exact: true };
  const [plan] = await prisma.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) ${hits} SELECT 1 FROM "RatingFact" f JOIN "Enterprise" e ON e.id = f."enterpriseId" WHERE ${where}`;
  const estimate = Math.round(plan?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
  // The estimate can fall below what was just counted: never say fewer than that.
  return { count: Math.max(exactUpTo + 1, estimate), exact: false };
}

const BEFORE_OR_AT: Record<DirectoryFilters["sort"], { order: Prisma.Sql; atOrBefore: (c: Cursor) => Prisma.Sql }> = {
  score: {
    order: Prisma.sql`f.overall ASC, f."enterpriseId" DESC`,
    atOrBefore: ([v, id]) => Prisma.sql`(f.overall > ${v} OR (f.overall = ${v} AND f."enterpriseId" <= ${id}))`,
  },
  name: {
    order: Prisma.sql`e.name DESC, f."enterpriseId" DESC`,
    atOrBefore: ([v, id]) => Prisma.sql`(e.name < ${v} OR (e.name = ${v} AND f."enterpriseId" <= ${id}))`,
  },
  date: {
    order: Prisma.sql`f."submittedAt" ASC, f."enterpriseId" DESC`,
    atOrBefore: ([v, id]) =>
      Prisma.sql`(f."submittedAt" > ${new Date(v)} OR (f."submittedAt" = ${new Date(v)} AND f."enterpriseId" <= ${id}))`,
  },
};

/**
 * The way back from a page reached with `cursor` (the last row of the page before it): that page's
 * own cursor, or null when it is the first page. One bounded query, walking the order backwards.
 */
export function previousCursor({
  filters,
  cursor,
  limit = 20,
}: {
  filters: DirectoryFilters;
  cursor: Cursor;
  limit?: number;
}): Promise<{ cursor: string | null }> {
  return kept("directory.previous", { filters, cursor, limit }, () => readPreviousCursor(filters, cursor, limit));
}

async function readPreviousCursor(filters: DirectoryFilters, cursor: Cursor, limit: number): Promise<{ cursor: string | null }> {
  const back = BEFORE_OR_AT[filters.sort];
  const where = [...conditions(filters), back.atOrBefore(cursor)];
  const hits = filters.q
    ? Prisma.sql`WITH search_hits AS MATERIALIZED (
        SELECT e.id FROM "Enterprise" e WHERE e.status = 'published' AND ${searchMatch(filters.q)} LIMIT ${SEARCH_MATCH_LIMIT}
      )`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ enterpriseId: string; overall: number; name: string; submittedAt: Date }[]>`
    ${hits}
    SELECT f."enterpriseId", f.overall, e.name, f."submittedAt"
    FROM "RatingFact" f JOIN "Enterprise" e ON e.id = f."enterpriseId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${back.order}
    LIMIT ${limit + 1}`;
  const before = rows[limit];
  if (!before) return { cursor: null };
  const key: Cursor =
    filters.sort === "score"
      ? [before.overall, before.enterpriseId]
      : filters.sort === "name"
        ? [before.name, before.enterpriseId]
        : [before.submittedAt.toISOString(), before.enterpriseId];
  return { cursor: encodeCursor(key) };
}
