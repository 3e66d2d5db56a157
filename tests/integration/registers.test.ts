import { readFileSync } from "node:fs";
import path from "node:path";
import writeXlsxFile from "write-excel-file/node";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as registers from "~/routes/admin.registers";
import * as registerImport from "~/routes/admin.registers_.$id";
import * as apiList from "~/routes/api.v1.enterprises";
import * as apiOne from "~/routes/api.v1.enterprises_.$slug";
import * as dashboard from "~/routes/dashboard";
import * as ratingsExport from "~/routes/ratings_.export";
import { computeSectorSummary } from "~/models/sector.server";
import { resetApiRateLimit } from "~/utils/api.server";
import { prisma } from "~/utils/db.server";
import { getEnv, resetEnvCache } from "~/utils/env.server";
import { kazakhstanCheckDigit } from "~/utils/tax-id";
import { seedIfEmpty } from "../../prisma/seed";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

const FIXTURE = readFileSync(path.join(import.meta.dirname, "../fixtures/registers/kz-register.csv"));

/** Valid Kazakh BINs, different from the demo data's. */
function bins(count: number, prefix = "2412400") {
  const out: string[] = [];
  for (let n = 1; out.length < count; n++) {
    const first = `${prefix}${String(n).padStart(4, "0")}`;
    const check = kazakhstanCheckDigit(first);
    if (check !== null) out.push(`${first}${check}`);
  }
  return out;
}

function upload(fields: Record<string, string>, file: { name: string; bytes: Uint8Array | string } | null, cookie: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([file.bytes as BlobPart]), file.name);
  return new Request("http://localhost/admin/registers", { method: "POST", body: form, headers: { Cookie: cookie } });
}

async function apiItems(query: string) {
  await resetApiRateLimit();
  const response = (await apiList.loader({
    request: getRequest(`/api/v1/enterprises?${query}&limit=100`),
    params: {},
    context: { clientAddress: "198.51.100.9" },
  })) as Response;
  return { status: response.status, body: (await response.json()) as any };
}

async function apiOneOf(slug: string) {
  await resetApiRateLimit();
  const response = (await apiOne.loader({
    request: getRequest(`/api/v1/enterprises/${slug}`),
    params: { slug },
    context: { clientAddress: "198.51.100.9" },
  })) as Response;
  return (await response.json()) as any;
}

/** Uploads a file and confirms the columns it guessed; returns the import's id. */
async function importFile(cookie: string, country: string, name: string, bytes: Uint8Array | string) {
  const uploaded = await run(registers.action, upload({ country }, { name, bytes }, cookie));
  expect(uploaded.status).toBe(302);
  const id = uploaded.location!.split("/").pop()!;
  const page = await run(registerImport.loader, getRequest(`/admin/registers/${id}`, cookie), { id });
  const columns = (page.data as any).found.columns as Record<string, number>;
  const fields = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, String(v)]));
  const done = await run(registerImport.action, formRequest(`/admin/registers/${id}`, { intent: "import", ...fields }, cookie), { id });
  return { id, done, columns };
}

let ministry: Awaited<ReturnType<typeof createTestUser>>;
let rated: { id: string; slug: string }[];
const ids = bins(8);

let demo: { country: string; slug: string; since: string | null }[] = [];

beforeAll(async () => {
  await seedIfEmpty(prisma);
  // What the demo data's imported registers give, before the tests replace Kazakhstan's.
  const listed = await prisma.registerListing.findMany({ where: { removedAt: null }, select: { country: true, taxId: true } });
  const enterprises = await prisma.enterprise.findMany({
    where: { OR: listed.map((l) => ({ country: l.country, taxId: l.taxId })) },
    select: { country: true, slug: true },
  });
  demo = await Promise.all(enterprises.map(async (e) => ({ ...e, since: (await apiOneOf(e.slug)).nationalRegister?.since ?? null })));
  ministry = await createTestUser({ roles: ["ministry"], country: "KZ" });
  // Eight rated, published enterprises of Kazakhstan take the numbers of the test's register file.
  const facts = await prisma.ratingFact.findMany({
    where: { isCurrent: true, country: "KZ" },
    select: { enterpriseId: true },
    distinct: ["enterpriseId"],
    orderBy: { enterpriseId: "asc" },
    take: 8,
  });
  expect(facts.length).toBe(8);
  rated = [];
  for (const [i, f] of facts.entries()) {
    const e = await prisma.enterprise.update({ where: { id: f.enterpriseId }, data: { taxId: ids[i] }, select: { id: true, slug: true } });
    rated.push(e);
  }
});

beforeEach(async () => {
  // Each test starts from no register at all.
  await prisma.registerImport.deleteMany();
  await prisma.registerListing.deleteMany();
  await prisma.ratingFact.updateMany({ data: { registeredSince: null } });
});

function csv(rows: string[][]) {
  return `\uFEFF${rows.map((r) => r.join(";")).join("\r\n")}\r\n`;
}
const HEADER = ["№", "БИН", "Наименование субъекта", "Дата включения в реестр", "Категория"];

describe("importing a register", () => {
  test("the sample file (title line, Russian headers, semicolons, BOM) is read, its columns recognised, and the import logged with its matches and row errors", async () => {
    const { id, done, columns } = await importFile(ministry.cookie, "KZ", "reestr.csv", FIXTURE);
    expect(columns).toEqual({ taxId: 1, name: 2, includedOn: 3, category: 4 });
    expect(done.status).toBe(302);
    const log = await prisma.registerImport.findUniqueOrThrow({ where: { id } });
    expect(log).toMatchObject({ status: "completed", fileName: "reestr.csv", importedById: ministry.id, rowsRead: 8, matched: 3 });
    expect(log.unmatched).toBe(2);
    expect(log.table).toBeNull();
    const problems = log.problems as { row: number; problem: string }[];
    expect(problems.map((p) => p.problem).sort()).toEqual(["dateInvalid", "duplicate", "taxId.checkDigit"]);
    const page = await run(registerImport.loader, getRequest(`/admin/registers/${id}`, ministry.cookie), { id });
    expect((page.data as any).matched.map((m: any) => m.enterprise.slug).sort()).toEqual(
      rated
        .slice(0, 3)
        .map((r) => r.slug)
        .sort(),
    );
    const list = await run(registers.loader, getRequest("/admin/registers", ministry.cookie));
    expect((list.data as any).imports[0]).toMatchObject({ id, matched: 3, unmatched: 2, importedBy: expect.any(String) });
  });

  test("matched enterprises are marked in the API, the directory filter and the CSV export; the others are not", async () => {
    const rows = ids.slice(0, 5).map((bin, i) => [String(i + 1), bin, `Org ${i}`, "15.03.2024", "1"]);
    const { done } = await importFile(ministry.cookie, "KZ", "kz.csv", csv([HEADER, ...rows]));
    expect(done.status).toBe(302);
    const yes = await apiItems("country=KZ&registered=yes");
    expect(yes.status).toBe(200);
    expect(yes.body.items.map((i: any) => i.slug).sort()).toEqual(
      rated
        .slice(0, 5)
        .map((r) => r.slug)
        .sort(),
    );
    for (const item of yes.body.items) expect(item.registeredSince).toBe("2024-03-15");
    const no = await apiItems("country=KZ&registered=no");
    expect(no.body.items.length).toBeGreaterThan(0);
    for (const item of no.body.items) expect(item.registeredSince).toBeNull();
    expect(no.body.items.map((i: any) => i.slug)).not.toContain(rated[0]!.slug);
    expect((await apiItems("registered=maybe")).status).toBe(400);
    const one = await apiOneOf(rated[0]!.slug);
    expect(one.nationalRegister).toEqual({ status: "registered", since: "2024-03-15", removedAt: null, category: "1" });
    expect(one.taxId).toBeUndefined();
    expect((await apiOneOf(rated[6]!.slug)).nationalRegister).toBeNull();
    const exported = await (ratingsExport.loader({
      request: getRequest("/ratings/export?country=KZ&registered=yes"),
      params: {},
      context: {},
    } as any) as Promise<Response>);
    const text = await exported.text();
    expect(text).toContain("In the national register since");
    expect(text).toContain("2024-03-15");
    expect(text.trim().split(/\r\n/).length).toBe(6);
  });

  test("an enterprise missing from a later import of the same country is shown as removed, and no longer counts as registered", async () => {
    const first = ids.slice(0, 6).map((bin, i) => [String(i + 1), bin, `Org ${i}`, "2024-01-10", ""]);
    await importFile(ministry.cookie, "KZ", "first.csv", csv([HEADER, ...first]));
    const { id: second, done } = await importFile(ministry.cookie, "KZ", "second.csv", csv([HEADER, ...first.slice(1)]));
    expect(done.status).toBe(302);
    const log = await prisma.registerImport.findUniqueOrThrow({ where: { id: second } });
    expect(log.removed).toBe(1);
    const page = await run(registerImport.loader, getRequest(`/admin/registers/${second}`, ministry.cookie), { id: second });
    expect((page.data as any).removed.map((r: any) => r.taxId)).toEqual([ids[0]]);
    const gone = await apiOneOf(rated[0]!.slug);
    expect(gone.nationalRegister).toMatchObject({ status: "removed", since: "2024-01-10", removedAt: log.completedAt!.toISOString() });
    const yes = await apiItems("country=KZ&registered=yes");
    expect(yes.body.items.map((i: any) => i.slug)).not.toContain(rated[0]!.slug);
    expect(yes.body.items.length).toBe(5);
    // Listed again by a third import, it is registered again.
    await importFile(ministry.cookie, "KZ", "third.csv", csv([HEADER, ...first]));
    expect((await apiOneOf(rated[0]!.slug)).nationalRegister.status).toBe("registered");
  });

  test("sector summaries count registered and unregistered enterprises apart, withholding a group of fewer than 5", async () => {
    const rows = (n: number) => ids.slice(0, n).map((bin, i) => [String(i + 1), bin, `Org ${i}`, "2024-01-10", ""]);
    await importFile(ministry.cookie, "KZ", "few.csv", csv([HEADER, ...rows(3)]));
    let summary = await computeSectorSummary({});
    expect(summary.byRegistration.map((g) => g.rated)).toEqual([null, null]);
    await importFile(ministry.cookie, "KZ", "more.csv", csv([HEADER, ...rows(6)]));
    summary = await computeSectorSummary({});
    const registered = summary.byRegistration.find((g) => g.key === "registered");
    const others = summary.byRegistration.find((g) => g.key === "not_registered");
    expect(registered?.rated).toBe(6);
    expect(others?.rated).toBe(summary.rated - 6);
  });

  test("a spreadsheet (.xlsx) with Kazakh headers and dates as dates is imported like a CSV", async () => {
    const data = [
      [{ value: "БСН" }, { value: "Атауы" }, { value: "Тізілімге енгізілген күні" }],
      ...ids
        .slice(0, 2)
        .map((bin, i) => [{ value: bin }, { value: `Org ${i}` }, { value: new Date(Date.UTC(2023, 5, 1 + i)), format: "dd.mm.yyyy" }]),
    ];
    const bytes = await writeXlsxFile(data as any).toBuffer();
    const { done, columns } = await importFile(ministry.cookie, "KZ", "tizilim.xlsx", new Uint8Array(bytes));
    expect(columns).toEqual({ taxId: 0, name: 1, includedOn: 2 });
    expect(done.status).toBe(302);
    expect((await apiOneOf(rated[1]!.slug)).nationalRegister.since).toBe("2023-06-02");
  });

  test("a file whose rows are all wrong changes nothing and says why (400), and the import stays open", async () => {
    await importFile(ministry.cookie, "KZ", "good.csv", csv([HEADER, ["1", ids[0]!, "Org", "2024-01-10", ""]]));
    const { id, done } = await importFile(ministry.cookie, "KZ", "bad.csv", csv([HEADER, ["1", "123", "Org", "2024-01-10", ""]]));
    expect(done.status).toBe(400);
    expect((done.data as any).rowErrors[0]).toMatchObject({ row: 2, problem: "taxId.length" });
    expect((await prisma.registerImport.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    expect(await prisma.registerEntry.count({ where: { importId: id } })).toBe(0);
    expect((await apiOneOf(rated[0]!.slug)).nationalRegister.status).toBe("registered");
  });

  test("the columns must be chosen, and a column the file does not have is refused", async () => {
    const uploaded = await run(registers.action, upload({ country: "KZ" }, { name: "x.csv", bytes: FIXTURE }, ministry.cookie));
    const id = uploaded.location!.split("/").pop()!;
    const missing = await run(
      registerImport.action,
      formRequest(`/admin/registers/${id}`, { intent: "import", taxId: "1" }, ministry.cookie),
      { id },
    );
    expect(missing.status).toBe(400);
    const outside = await run(
      registerImport.action,
      formRequest(`/admin/registers/${id}`, { intent: "import", taxId: "1", name: "2", includedOn: "40" }, ministry.cookie),
      { id },
    );
    expect(outside.status).toBe(400);
    const discarded = await run(registerImport.action, formRequest(`/admin/registers/${id}`, { intent: "discard" }, ministry.cookie), {
      id,
    });
    expect(discarded.status).toBe(302);
    expect(await prisma.registerImport.count({ where: { id } })).toBe(0);
  });
});

describe("bad files get a 400 with a message, and nothing is kept", () => {
  test.each([
    ["no file", null, "missing"],
    ["an empty file", { name: "empty.csv", bytes: "" }, "empty"],
    [
      "a PNG named .csv",
      { name: "r.csv", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0, 0]) },
      "bad_type",
    ],
    ["a ZIP that is not a workbook", { name: "r.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) }, "bad_type"],
    ["a header without rows", { name: "r.csv", bytes: "БИН;Наименование;Дата\r\n" }, "no_rows"],
    ["a file over the size limit", { name: "big.csv", bytes: "a;b\r\n".repeat(1_100_000) }, "too_large"],
  ] as const)("%s", async (_name, file, problem) => {
    const before = await prisma.registerImport.count();
    const outcome = await run(registers.action, upload({ country: "KZ" }, file as any, ministry.cookie));
    expect(outcome.status).toBe(400);
    expect((outcome.data as any).error.file).toEqual([`registers.upload.${problem}`]);
    expect(await prisma.registerImport.count()).toBe(before);
  });

  test("the size limit is the setting REGISTER_MAX_BYTES, stated on the form, and refuses a file over it", async () => {
    const saved = process.env.REGISTER_MAX_BYTES;
    try {
      delete process.env.REGISTER_MAX_BYTES;
      resetEnvCache();
      expect(getEnv().REGISTER_MAX_BYTES).toBe(5 * 1024 * 1024);
      process.env.REGISTER_MAX_BYTES = String(1.5 * 1024 * 1024);
      resetEnvCache();
      const page = await run(registers.loader, getRequest("/admin/registers", ministry.cookie));
      expect((page.data as { maxMegabytes: number }).maxMegabytes).toBe(1.5);
      // 2 MB: under the default limit, over this one.
      const rows = csv([
        HEADER,
        ...Array.from({ length: 30_000 }, (_, i) => [String(i), ids[0]!, "Organisation ".repeat(4), "01.02.2024", "1"]),
      ]);
      expect(Buffer.byteLength(rows)).toBeGreaterThan(1.6 * 1024 * 1024);
      const before = await prisma.registerImport.count();
      const outcome = await run(registers.action, upload({ country: "KZ" }, { name: "big.csv", bytes: rows }, ministry.cookie));
      expect(outcome.status).toBe(400);
      expect((outcome.data as any).error.file).toEqual(["registers.upload.too_large"]);
      expect(await prisma.registerImport.count()).toBe(before);
      process.env.REGISTER_MAX_BYTES = "12";
      resetEnvCache();
      expect(() => getEnv()).toThrow(/REGISTER_MAX_BYTES: must be at least 1024 bytes/);
    } finally {
      if (saved === undefined) delete process.env.REGISTER_MAX_BYTES;
      else process.env.REGISTER_MAX_BYTES = saved;
      resetEnvCache();
    }
  });

  test("a body that is not a form at all", async () => {
    const request = new Request("http://localhost/admin/registers", {
      method: "POST",
      headers: { Cookie: ministry.cookie, "Content-Type": "multipart/form-data; boundary=zzz" },
      body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
    });
    expect((await run(registers.action, request)).status).toBe(400);
  });
});

test("the demo data holds imported registers of Kazakhstan and Tajikistan with registered enterprises", () => {
  expect(
    demo
      .filter((d) => d.country === "KZ")
      .map((d) => d.since)
      .sort(),
  ).toEqual(["2023-11-02", "2024-03-12"]);
  expect(
    demo
      .filter((d) => d.country === "TJ")
      .map((d) => d.since)
      .sort(),
  ).toEqual(["2025-06-20", "2025-09-03"]);
});

describe("who may import", () => {
  test("a ministry official imports for their own country only; admins for any; others not at all", async () => {
    const other = await run(registers.action, upload({ country: "TJ" }, { name: "tj.csv", bytes: FIXTURE }, ministry.cookie));
    expect(other.status).toBe(403);
    const entrepreneur = await createTestUser({ roles: ["entrepreneur"] });
    expect((await run(registers.loader, getRequest("/admin/registers", entrepreneur.cookie))).status).toBe(403);
    expect((await run(registers.action, upload({ country: "KZ" }, { name: "a.csv", bytes: FIXTURE }, entrepreneur.cookie))).status).toBe(
      403,
    );
    const admin = await createTestUser({ roles: ["admin"] });
    const tj = await run(
      registers.action,
      upload({ country: "TJ" }, { name: "tj.csv", bytes: "ИНН;Ном;Сана\r\n020012345;Org;01.02.2025\r\n" }, admin.cookie),
    );
    expect(tj.status).toBe(302);
    const id = tj.location!.split("/").pop()!;
    // The Kazakh ministry cannot read Tajikistan's import.
    expect((await run(registerImport.loader, getRequest(`/admin/registers/${id}`, ministry.cookie), { id })).status).toBe(404);
    expect((await run(registerImport.loader, getRequest(`/admin/registers/${id}`, admin.cookie), { id })).status).toBe(200);
    // Nor apply or discard it; an entrepreneur cannot either.
    for (const intent of ["import", "discard"]) {
      const refused = await run(registerImport.action, formRequest(`/admin/registers/${id}`, { intent }, ministry.cookie), { id });
      expect(refused.status).toBe(404);
      const stranger = await run(registerImport.action, formRequest(`/admin/registers/${id}`, { intent }, entrepreneur.cookie), { id });
      expect(stranger.status).toBe(403);
    }
    expect(await prisma.registerImport.findUniqueOrThrow({ where: { id }, select: { status: true } })).toMatchObject({ status: "pending" });
    await prisma.registerImport.delete({ where: { id } });
  });

  test("the dashboard links to the register page for a ministry official and an admin, and for nobody else", async () => {
    const canImport = async (cookie: string) =>
      ((await run(dashboard.loader, getRequest("/dashboard", cookie))).data as { canImportRegisters: boolean }).canImportRegisters;
    expect(await canImport(ministry.cookie)).toBe(true);
    expect(await canImport((await createTestUser({ roles: ["admin"] })).cookie)).toBe(true);
    for (const role of ["entrepreneur", "funder", "verifier"] as const)
      expect(await canImport((await createTestUser({ roles: [role] })).cookie)).toBe(false);
  });
});
