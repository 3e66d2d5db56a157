import { afterAll, beforeAll, expect, test } from "vitest";
import { SILENT_TABLES, watchDataChanges, type DataChangeWatch } from "~/utils/data-changes.server";
import { prisma } from "~/utils/db.server";
import { validEnterpriseFields } from "../helpers/enterprise";
import { waitFor } from "../helpers/server-process";

// What one listener heard, in commit order.
let heard: string[] = [];
let listening = false;
let watch: DataChangeWatch;
beforeAll(async () => {
  watch = watchDataChanges({
    connectionString: process.env.DATABASE_URL!,
    onChange: (table) => heard.push(table),
    onListening: (now) => (listening = now),
  });
  expect(await waitFor(async () => listening, 10)).toBe(true);
});
afterAll(() => watch.stop());

let marks = 0;
/** What was heard up to a change made now to a table that always sends a notice (commits arrive in order). */
async function heardUntilNow(): Promise<string[]> {
  marks++;
  const name = `Mark ${marks} ${Date.now()}`;
  await prisma.user.create({ data: { email: `mark-${marks}-${Date.now()}@changes.test`, passwordHash: "x", displayName: name } });
  expect(await waitFor(async () => heard.includes("User"), 10)).toBe(true);
  const before = heard.slice(0, heard.indexOf("User"));
  heard = heard.slice(heard.indexOf("User") + 1);
  return before;
}

test("every table either tells the server processes when it changes, or is listed as silent", async () => {
  const rows = await prisma.$queryRaw<{ table: string; notifies: boolean }[]>`
    SELECT c.relname AS table,
      EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname LIKE 'ortaq_data_changed%') AS notifies
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`;
  const listed = new Set<string>(SILENT_TABLES);
  const wrong = rows.filter((row) => row.notifies === listed.has(row.table)).map((row) => row.table);
  expect(wrong).toEqual([]);
  expect(rows.length).toBeGreaterThan(50);
});

test("a committed change is heard, once per transaction and table; a change rolled back, or one that changes no row, is not", async () => {
  await heardUntilNow();
  const enterprise = await prisma.enterprise.create({
    data: { ...validEnterpriseFields(), slug: `changes-${Date.now()}`, status: "draft" },
  });
  await prisma.$transaction([
    prisma.enterprise.update({ where: { id: enterprise.id }, data: { city: "Shymkent" } }),
    prisma.enterprise.update({ where: { id: enterprise.id }, data: { city: "Taraz" } }),
  ]);
  // The enterprise's creation and its two-statement update: one notice each.
  expect((await heardUntilNow()).filter((table) => table === "Enterprise")).toEqual(["Enterprise", "Enterprise"]);
  const rolledBack = await prisma
    .$transaction(async (tx) => {
      await tx.enterprise.update({ where: { id: enterprise.id }, data: { city: "Turkistan" } });
      throw new Error("changed my mind");
    })
    .catch((error: Error) => error.message);
  expect(rolledBack).toBe("changed my mind");
  await prisma.enterprise.updateMany({ where: { slug: "no-such-enterprise" }, data: { city: "Aral" } });
  expect(await heardUntilNow()).toEqual([]);
});

test("an assessment being answered tells nobody; submitting it does", async () => {
  const enterprise = await prisma.enterprise.create({
    data: { ...validEnterpriseFields(), slug: `changes-a-${Date.now()}`, status: "published" },
  });
  await heardUntilNow();
  const draft = await prisma.assessment.create({ data: { enterpriseId: enterprise.id, methodologyVersion: "v2" } });
  await prisma.assessment.update({ where: { id: draft.id }, data: { answers: { q: 1 }, revision: { increment: 1 } } });
  expect(await heardUntilNow()).toEqual([]);
  await prisma.assessment.update({ where: { id: draft.id }, data: { status: "submitted", submittedAt: new Date() } });
  expect(await heardUntilNow()).toEqual(["Assessment"]);
});

test("stored sector figures tell the server processes only when figures shown are replaced by different ones", async () => {
  await heardUntilNow();
  const key = `test|changes-${Date.now()}`;
  const store = (rated: number) => prisma.$executeRaw`
    INSERT INTO "SectorSummary" (key, summary, version, "computedAt", "viewedAt")
    VALUES (${key}, ${JSON.stringify({ rated })}::jsonb, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET summary = EXCLUDED.summary, "viewedAt" = now()`;
  await store(7);
  await store(7);
  expect(await heardUntilNow()).toEqual([]);
  await store(8);
  expect(await heardUntilNow()).toEqual(["SectorSummary"]);
});
