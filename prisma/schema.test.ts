import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyMigrations } from "./migrate";

// Indexes the Prisma schema language cannot express (expression and full-text
// indexes), created by hand in a migration. Each must be listed here on purpose.
const HAND_MADE_INDEXES = new Set<string>([
  "Assessment_one_draft_per_enterprise", // partial unique index: one draft per enterprise
  "Enterprise_search_idx", // full-text search expression index, English and Russian
  "ForumThread_search_idx", // forum full-text search expression indexes, each text in its language's configuration
  "ForumPost_search_idx",
  "RatingFact_current_overall_idx", // partial indexes for the directory's keyset pagination
  "RatingFact_current_submitted_idx",
]);

interface DmmfField {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  dbName?: string | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  /** A native database type (`@db.Date` is ["Date", []]), or null. */
  nativeType?: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] }[];
  };
}

const schema = readFileSync(path.join(import.meta.dirname, "schema.prisma"), "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema }))) as Dmmf;
const tableOf = (model: DmmfModel) => model.dbName ?? model.name;

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  DateTime: "timestamp",
  Float: "float8",
  Json: "jsonb",
  Decimal: "numeric",
  Bytes: "bytea",
};

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

describe("the migrated database", () => {
  test("has exactly the tables the Prisma schema declares", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  test("has exactly the enums and values the Prisma schema declares", async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  test.each(dmmf.datamodel.models.map((m) => [m.name, m] as const))(
    "gives %s the columns, types, nullability and defaults of the schema",
    async (_name, model) => {
      const { rows } = await client.query<{
        column_name: string;
        udt_name: string;
        is_nullable: "YES" | "NO";
        column_default: string | null;
        datetime_precision: number | null;
      }>(
        `SELECT column_name, udt_name, is_nullable, column_default, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [tableOf(model)],
      );
      const actual = Object.fromEntries(
        rows.map((r) => [
          r.column_name,
          {
            type: r.udt_name,
            nullable: r.is_nullable === "YES",
            hasDefault: r.column_default !== null,
            ...(r.udt_name === "timestamp" ? { precision: r.datetime_precision } : {}),
          },
        ]),
      );
      const expected = Object.fromEntries(
        model.fields
          .filter((f) => f.kind !== "object")
          .map((f) => {
            // A DateTime stored as @db.Date is a date column, without a time or a precision.
            const base = f.kind === "enum" ? f.type : f.nativeType?.[0] === "Date" ? "date" : SCALAR_TYPES[f.type];
            const databaseDefault =
              f.hasDefaultValue &&
              !(typeof f.default === "object" && f.default !== null && ["cuid", "uuid"].includes((f.default as { name: string }).name));
            return [
              f.dbName ?? f.name,
              {
                type: f.isList ? `_${base}` : base,
                // Prisma Migrate leaves list columns nullable.
                nullable: f.isList || !f.isRequired,
                hasDefault: databaseDefault,
                ...(base === "timestamp" ? { precision: 3 } : {}),
              },
            ];
          }),
      );
      expect(actual).toEqual(expected);
    },
  );

  test("has exactly the primary keys, unique constraints and indexes the schema declares", async () => {
    const { rows } = await client.query<{ table: string; name: string; primary: boolean; unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
       FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
       WHERE ns.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
    );
    const actual = rows
      .filter((r) => !HAND_MADE_INDEXES.has(r.name))
      .map((r) => `${r.table} ${r.primary ? "id" : r.unique ? "unique" : "normal"} (${r.columns.join(",")})`)
      .sort();
    const columnOf = (model: DmmfModel, field: string) => model.fields.find((f) => f.name === field)?.dbName ?? field;
    const expected = dmmf.datamodel.indexes
      .map((index) => {
        const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
        return `${tableOf(model)} ${index.type} (${index.fields.map((f) => columnOf(model, f.name)).join(",")})`;
      })
      .sort();
    expect(actual).toEqual(expected);
    for (const name of HAND_MADE_INDEXES) expect(rows.map((r) => r.name)).toContain(name);
  });

  test("has exactly the foreign keys and delete rules of the schema's relations", async () => {
    const { rows } = await client.query<{ from_table: string; to_table: string; columns: string[]; on_delete: string }>(
      `SELECT c.conrelid::regclass::text AS from_table, c.confrelid::regclass::text AS to_table,
              array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns,
              c.confdeltype AS on_delete
       FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
       WHERE c.contype = 'f' AND ns.nspname = 'public'`,
    );
    const deleteRules: Record<string, string> = { c: "Cascade", r: "Restrict", n: "SetNull", a: "NoAction", d: "SetDefault" };
    const actual = rows
      .map(
        (r) =>
          `${r.from_table.replaceAll('"', "")}(${r.columns.join(",")}) -> ${r.to_table.replaceAll('"', "")} ${deleteRules[r.on_delete]}`,
      )
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
          .map((f) => {
            const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
            const target = dmmf.datamodel.models.find((m) => m.name === f.type)!;
            return `${tableOf(model)}(${f.relationFromFields!.join(",")}) -> ${tableOf(target)} ${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});

describe("the migration runner", () => {
  test("records every migration in _prisma_migrations the way Prisma Migrate does", async () => {
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    const { readMigrations } = await import("./migrate");
    const migrations = await readMigrations();
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(migrations.map((m) => [m.name, m.checksum, 1]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  test("applies nothing twice, even when two processes run it at once", async () => {
    const results = await Promise.all([applyMigrations(process.env.DATABASE_URL!), applyMigrations(process.env.DATABASE_URL!)]);
    expect(results).toEqual([[], []]);
  });

  test("applies pending migrations on an empty database exactly once when started concurrently", async () => {
    const name = `ortaq_concurrent_${Date.now()}`;
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const results = await Promise.all([applyMigrations(url.toString()), applyMigrations(url.toString())]);
      const { readMigrations } = await import("./migrate");
      const all = (await readMigrations()).map((m) => m.name);
      expect(results.flat().sort()).toEqual(all.sort());
    } finally {
      await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });
});
