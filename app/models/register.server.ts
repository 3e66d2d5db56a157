// National registers of social enterprises: imports of the official register of a country (by an
// admin, or a ministry official of that country), each logged with its rows, matches and errors,
// and where each identification number stands after the latest one (RegisterListing). An
// enterprise is in the register when its country's latest import lists its taxId; one listed
// before and missing from a later import is shown as removed on that import's date.
// See docs/decisions/021-national-registers.md.
import { Prisma } from "~/generated/prisma/client";
import { ministryCountries } from "~/models/forum-consultation.server";
import type { SessionUser } from "~/utils/auth.server";
import { prisma, type Db, type Tx } from "~/utils/db.server";
import { hasRole } from "~/utils/permissions.server";
import { COUNTRY_CODES, type CountryCode } from "~/utils/reference-data";
import {
  findHeaderRow,
  guessRegisterColumns,
  readRegisterRows,
  REQUIRED_REGISTER_FIELDS,
  type RegisterColumns,
  type RegisterRowError,
} from "~/utils/register-columns";

/** The countries whose register a person may import and read the log of: every one for admins, their own for ministries. */
export function registerCountriesOf(user: Pick<SessionUser, "roles"> | null): CountryCode[] {
  if (hasRole(user, "admin")) return [...COUNTRY_CODES];
  return ministryCountries(user).filter((c): c is CountryCode => (COUNTRY_CODES as readonly string[]).includes(c));
}

export async function listRegisterImports(countries: readonly string[]) {
  return prisma.registerImport.findMany({
    where: { country: { in: [...countries] } },
    select: {
      id: true,
      country: true,
      status: true,
      fileName: true,
      createdAt: true,
      completedAt: true,
      rowsRead: true,
      matched: true,
      unmatched: true,
      removed: true,
      importedBy: { select: { displayName: true } },
    },
    orderBy: [{ createdAt: "desc" }],
    take: 200,
  });
}

/** How many enterprises each country's register lists now. */
export async function registerSizes(countries: readonly string[]) {
  const rows = await prisma.registerListing.groupBy({
    by: ["country"],
    where: { country: { in: [...countries] }, removedAt: null },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.country, r._count._all])) as Record<string, number>;
}

/** A new import waiting for the importer to confirm its columns; the file's cells are kept until then. */
export async function createRegisterImport({
  country,
  fileName,
  rows,
  userId,
}: {
  country: CountryCode;
  fileName: string;
  rows: string[][];
  userId: string;
}) {
  return prisma.registerImport.create({
    data: { country, fileName, table: rows, importedById: userId },
    select: { id: true },
  });
}

/** An import with what its page shows; null when there is none or it is of a country the person may not read. */
export async function getRegisterImport(id: string, countries: readonly string[]) {
  const found = await prisma.registerImport.findUnique({
    where: { id },
    select: {
      id: true,
      country: true,
      status: true,
      fileName: true,
      createdAt: true,
      completedAt: true,
      table: true,
      columns: true,
      rowsRead: true,
      matched: true,
      unmatched: true,
      removed: true,
      problems: true,
      importedBy: { select: { displayName: true } },
    },
  });
  if (!found || !countries.includes(found.country)) return null;
  const { table, columns, problems, ...rest } = found;
  const rows = (table as string[][] | null) ?? [];
  const headerRow = rows.length ? findHeaderRow(rows) : 0;
  const headers = rows[headerRow] ?? [];
  return {
    ...rest,
    problems: problems as unknown as RegisterRowError[],
    columns: (columns as RegisterColumns | null) ?? guessRegisterColumns(headers),
    preview: rows.length
      ? { headers, headerRow, sample: rows.slice(headerRow + 1, headerRow + 6), dataRows: rows.length - headerRow - 1 }
      : null,
  };
}

/** The organisations a completed import listed: the matched enterprises first, then the others, by name. */
export async function listRegisterEntries(importId: string) {
  return prisma.registerEntry.findMany({
    where: { importId },
    select: {
      row: true,
      taxId: true,
      name: true,
      includedOn: true,
      category: true,
      enterprise: { select: { slug: true, name: true, status: true } },
    },
    orderBy: [{ row: "asc" }],
    take: 5_000,
  });
}

/** Those the import found gone from the register since the previous one. */
export async function listRemovedBy(importId: string) {
  return prisma.registerListing.findMany({
    where: { removedByImportId: importId },
    select: { taxId: true, name: true, includedOn: true },
    orderBy: { name: "asc" },
    take: 5_000,
  });
}

export async function discardRegisterImport(id: string) {
  const { count } = await prisma.registerImport.deleteMany({ where: { id, status: "pending" } });
  return count > 0;
}

export type CompleteRegisterImportResult =
  { ok: true } | { ok: false; error: "not_found" | "already_completed" | "missing_columns" | "no_valid_rows"; errors?: RegisterRowError[] };

/**
 * Applies a pending import in one transaction, with the columns the importer chose: its rows
 * become entries matched by the country and identification number, the country's listings are
 * brought up to date (numbers no longer listed are marked removed), the rating facts of the
 * country's enterprises take their registration, and the import is logged with its counts and
 * per-row errors. A file with no valid row changes nothing (it would remove every enterprise).
 */
export async function completeRegisterImport({
  id,
  columns,
  now = new Date(),
}: {
  id: string;
  columns: RegisterColumns;
  now?: Date;
}): Promise<CompleteRegisterImportResult> {
  if (REQUIRED_REGISTER_FIELDS.some((field) => columns[field] === undefined)) return { ok: false, error: "missing_columns" };
  return prisma.$transaction((tx) => applyRegisterImport(tx, { id, columns, now }), { timeout: 60_000, maxWait: 10_000 });
}

/** Applies a pending import inside the caller's transaction (completeRegisterImport; the demo data). */
export async function applyRegisterImport(
  tx: Tx,
  { id, columns, now = new Date() }: { id: string; columns: RegisterColumns; now?: Date },
): Promise<CompleteRegisterImportResult> {
  const [locked] = await tx.$queryRaw<{ country: string; status: string; table: string[][] | null }[]>`
        SELECT country, status::text AS status, "table" FROM "RegisterImport" WHERE id = ${id} FOR UPDATE`;
  if (!locked) return { ok: false as const, error: "not_found" as const };
  if (locked.status !== "pending" || !locked.table) return { ok: false as const, error: "already_completed" as const };
  const country = locked.country as CountryCode;
  // Imports of one country are applied one at a time, in the order they are confirmed.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`register:${country}`}))`;
  const rows = locked.table;
  const headerRow = findHeaderRow(rows);
  const { entries, errors } = readRegisterRows({ country, rows, headerRow, columns, today: now });
  if (entries.length === 0) return { ok: false as const, error: "no_valid_rows" as const, errors: errors.slice(0, 20) };

  const taxIds = entries.map((e) => e.taxId);
  // Several profiles may carry one number (a draft and its published copy): the published one, then the oldest, is named.
  const enterprises = await tx.$queryRaw<{ id: string; taxId: string }[]>`
        SELECT DISTINCT ON ("taxId") id, "taxId" FROM "Enterprise"
        WHERE country = ${country} AND "taxId" = ANY(${taxIds})
        ORDER BY "taxId", (status = 'published') DESC, "createdAt" ASC`;
  const enterpriseOf = new Map(enterprises.map((e) => [e.taxId, e.id]));
  await tx.registerEntry.createMany({
    data: entries.map((e) => ({
      importId: id,
      taxId: e.taxId,
      row: e.row,
      name: e.name,
      includedOn: new Date(`${e.includedOn}T00:00:00Z`),
      category: e.category,
      enterpriseId: enterpriseOf.get(e.taxId) ?? null,
    })),
  });
  await tx.$executeRaw`
        INSERT INTO "RegisterListing" (country, "taxId", name, "includedOn", category, "firstImportId", "lastImportId", "removedAt", "removedByImportId")
        SELECT ${country}, e."taxId", e.name, e."includedOn", e.category, ${id}, ${id}, NULL, NULL FROM "RegisterEntry" e WHERE e."importId" = ${id}
        ON CONFLICT (country, "taxId") DO UPDATE SET name = EXCLUDED.name, "includedOn" = EXCLUDED."includedOn", category = EXCLUDED.category,
          "lastImportId" = EXCLUDED."lastImportId", "removedAt" = NULL, "removedByImportId" = NULL`;
  const removed = await tx.$executeRaw`
        UPDATE "RegisterListing" SET "removedAt" = ${now}, "removedByImportId" = ${id}
        WHERE country = ${country} AND "removedAt" IS NULL AND "lastImportId" <> ${id}`;
  await refreshRegistrationFacts(tx, country);
  await tx.registerImport.update({
    where: { id },
    data: {
      status: "completed",
      completedAt: now,
      table: Prisma.DbNull,
      columns,
      rowsRead: entries.length + errors.length,
      matched: enterpriseOf.size,
      unmatched: entries.length - enterpriseOf.size,
      removed,
      problems: errors as unknown as Prisma.InputJsonValue,
    },
  });
  return { ok: true as const };
}

/**
 * The registration on the rating facts of a country's enterprises (what the directory, the API
 * and the sector summaries read), and a new data version for the stored sector figures.
 */
async function refreshRegistrationFacts(tx: Tx, country: string) {
  await tx.$executeRaw`
    UPDATE "RatingFact" f SET "registeredSince" = r."includedOn"
    FROM "Enterprise" e LEFT JOIN "RegisterListing" r ON r.country = e.country AND r."taxId" = e."taxId" AND r."removedAt" IS NULL
    WHERE f."enterpriseId" = e.id AND e.country = ${country} AND f."registeredSince" IS DISTINCT FROM r."includedOn"`;
  await tx.$executeRaw`UPDATE "SectorDataVersion" SET version = version + 1 WHERE id = 1`;
}

export interface Registration {
  status: "registered" | "removed";
  /** YYYY-MM-DD: the date of inclusion the register gives. */
  since: string;
  /** When the import that no longer listed it was made. */
  removedAt: string | null;
  category: string | null;
}

/** Where an enterprise stands in its country's register: listed, removed, or never listed (null). */
export async function registrationOf({ country, taxId }: { country: string; taxId: string | null }, db: Db = prisma) {
  if (!taxId) return null;
  const listing = await db.registerListing.findUnique({
    where: { country_taxId: { country, taxId } },
    select: { includedOn: true, removedAt: true, category: true },
  });
  if (!listing) return null;
  return {
    status: listing.removedAt ? "removed" : "registered",
    since: listing.includedOn.toISOString().slice(0, 10),
    removedAt: listing.removedAt?.toISOString() ?? null,
    category: listing.category,
  } satisfies Registration;
}

/**
 * For exports of chosen enterprises (a funder's shortlist): each one's identification number as its
 * public page shows it (an individual entrepreneur's, a person's own number, is left out) and the
 * date since when its country's register lists it (null when it does not), by enterprise id.
 */
export async function registerColumnsOf(
  enterpriseIds: string[],
): Promise<Record<string, { taxId: string | null; registeredSince: string | null }>> {
  if (enterpriseIds.length === 0) return {};
  const rows = await prisma.$queryRaw<{ id: string; taxId: string | null; legalForm: string; includedOn: Date | null }[]>`
    SELECT e.id, e."taxId", e."legalForm", r."includedOn"
    FROM "Enterprise" e
    LEFT JOIN "RegisterListing" r ON r.country = e.country AND r."taxId" = e."taxId" AND r."removedAt" IS NULL
    WHERE e.id IN (${Prisma.join(enterpriseIds)})`;
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      {
        taxId: r.legalForm === "sole_proprietor" ? null : r.taxId,
        registeredSince: r.includedOn?.toISOString().slice(0, 10) ?? null,
      },
    ]),
  );
}
