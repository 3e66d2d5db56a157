import { beforeAll, describe, expect, test } from "vitest";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as enterpriseEdit from "~/routes/enterprises.$slug_.edit";
import * as precheckPage from "~/routes/enterprises.$slug_.legal";
import * as enterpriseNew from "~/routes/enterprises.new";
import * as legalIndex from "~/routes/legal";
import * as legalCountry from "~/routes/legal_.$country";
import { prisma } from "~/utils/db.server";
import type { Precheck } from "~/utils/legal-precheck";
import { enterpriseFormFields } from "../helpers/enterprise";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

type Reply = { error: Record<string, string[]>; initialValue: Record<string, unknown> };

async function create(cookie: string, overrides: Record<string, string | string[]>) {
  return run(enterpriseNew.action, formRequest("/enterprises/new", enterpriseFormFields(overrides), cookie));
}

// The first enterprise created in a fresh database pays for the connections and first queries
// (seconds on a busy machine): done once here, within the hooks' time limit, not inside a test's.
beforeAll(async () => {
  const owner = await createTestUser();
  await create(owner.cookie, { name: "Warm-up Enterprise" });
});

describe("the national law pages", () => {
  test("list every country of the region, saying which have a law", async () => {
    const outcome = await run(legalIndex.loader, getRequest("/legal"));
    const data = outcome.data as { countries: { code: string; hasLaw: boolean }[] };
    expect(data.countries).toHaveLength(7);
    expect(data.countries.filter((c) => c.hasLaw).map((c) => c.code)).toEqual(["KZ", "TJ"]);
  });

  test("explain Tajikistan's law in the reader's language, with its articles", async () => {
    const user = await createTestUser({ language: "ru" });
    const outcome = await run(legalCountry.loader, getRequest("/legal/tj", user.cookie), { country: "tj" });
    const data = outcome.data as { title: string; framework: Precheck["framework"] };
    expect(outcome.status).toBe(200);
    expect(data.title).toContain("Таджикистан");
    expect(data.framework.acts[0]).toMatchObject({ number: "2119", adoptedOn: "2025-01-02" });
    expect(data.framework.criteria.find((c) => c.id === "tj_definition")?.article).toBe("1(1)");
  });

  test("answer 404 for an unknown country and send an upper-case code to the one address", async () => {
    for (const country of ["xx", "kazakhstan", "constructor", "ru"]) {
      expect((await run(legalCountry.loader, getRequest(`/legal/${country}`), { country })).status).toBe(404);
    }
    const outcome = await run(legalCountry.loader, getRequest("/legal/KZ"), { country: "KZ" });
    expect(outcome).toMatchObject({ status: 301, location: "/legal/kz" });
  });
});

describe("legal status on the enterprise form", () => {
  test("keeps a BIN typed with spaces as its 12 digits, and the stated register entry", async () => {
    const owner = await createTestUser();
    const outcome = await create(owner.cookie, {
      name: "Register Stated Bakery",
      taxId: "9401 4000 0385",
      socialRegisterNumber: "KZ-SE-0042",
      socialRegisteredOn: "2024-03-15",
    });
    expect(outcome.status).toBe(302);
    const stored = await prisma.enterprise.findFirstOrThrow({
      where: { name: "Register Stated Bakery" },
      select: { taxId: true, socialRegisterNumber: true, socialRegisteredOn: true },
    });
    expect(stored).toEqual({
      taxId: "940140000385",
      socialRegisterNumber: "KZ-SE-0042",
      socialRegisteredOn: new Date("2024-03-15T00:00:00Z"),
    });
  });

  test("refuses a BIN whose check digit is wrong, with the message next to the field, keeping what was typed", async () => {
    const owner = await createTestUser();
    const outcome = await create(owner.cookie, { name: "Bad Bin Workshop", taxId: "940140000386" });
    expect(outcome.status).toBe(400);
    const reply = outcome.data as Reply;
    expect(reply.error.taxId).toEqual(["legal:form.errors.taxIdCheckDigit"]);
    expect(reply.initialValue.taxId).toBe("940140000386");
    expect(await prisma.enterprise.count({ where: { name: "Bad Bin Workshop" } })).toBe(0);
  });

  test("checks the number against the chosen country: 12 digits are not a Tajik INN, letters are no number", async () => {
    const owner = await createTestUser();
    const tajik = await create(owner.cookie, { country: "TJ", region: "TJ-DU", taxId: "940140000385" });
    expect((tajik.data as Reply).error.taxId).toEqual(["legal:form.errors.taxIdLength"]);
    const letters = await create(owner.cookie, { taxId: "BIN-94014" });
    expect((letters.data as Reply).error.taxId).toEqual(["legal:form.errors.taxIdNotDigits"]);
  });

  test("refuses a register entry where the country has no register, a date without a number and a future date", async () => {
    const owner = await createTestUser();
    const kyrgyz = await create(owner.cookie, { country: "KG", region: "KG-C", socialRegisterNumber: "123" });
    expect((kyrgyz.data as Reply).error.socialRegisterNumber).toEqual(["legal:form.errors.noRegisterInCountry"]);
    const noNumber = await create(owner.cookie, { socialRegisteredOn: "2024-01-01" });
    expect((noNumber.data as Reply).error.socialRegisterNumber).toEqual(["legal:form.errors.registerDateWithoutNumber"]);
    const future = await create(owner.cookie, { socialRegisterNumber: "7", socialRegisteredOn: "2999-01-01" });
    expect((future.data as Reply).error.socialRegisteredOn).toEqual(["legal:form.errors.registerDate"]);
    const notADate = await create(owner.cookie, { socialRegisterNumber: "7", socialRegisteredOn: "2024-02-31x" });
    expect(notADate.status).toBe(400);
  });

  test("an edit can take the number away again", async () => {
    const owner = await createTestUser();
    const created = await create(owner.cookie, { name: "Removable Number", taxId: "940140000385" });
    const slug = created.location!.replace("/enterprises/", "");
    const edited = await run(
      enterpriseEdit.action,
      formRequest(`/enterprises/${slug}/edit`, enterpriseFormFields({ name: "Removable Number" }), owner.cookie),
      { slug },
    );
    expect(edited.status).toBe(302);
    expect((await prisma.enterprise.findUniqueOrThrow({ where: { slug }, select: { taxId: true } })).taxId).toBeNull();
  });
});

describe("the enterprise page", () => {
  test("shows a company's BIN to everyone, and an individual entrepreneur's personal number to members only", async () => {
    const owner = await createTestUser();
    const company = (await create(owner.cookie, { name: "Public Bin Company", taxId: "971240001315" })).location!.split("/").pop()!;
    const person = (await create(owner.cookie, { name: "Private Iin Person", legalForm: "sole_proprietor", taxId: "940140000385" }))
      .location!.split("/")
      .pop()!;
    await prisma.enterprise.updateMany({
      where: { slug: { in: [company, person] } },
      data: { status: "published", publishedAt: new Date() },
    });
    const visitor = async (slug: string) =>
      ((await run(enterprisePage.loader, getRequest(`/enterprises/${slug}`), { slug })).data as { enterprise: { taxId: string | null } })
        .enterprise.taxId;
    expect(await visitor(company)).toBe("971240001315");
    expect(await visitor(person)).toBeNull();
    const asOwner = await run(enterprisePage.loader, getRequest(`/enterprises/${person}`, owner.cookie), { slug: person });
    expect((asOwner.data as { enterprise: { taxId: string | null } }).enterprise.taxId).toBe("940140000385");
  });
});

describe("the pre-check page", () => {
  async function tajikEnterprise() {
    const owner = await createTestUser();
    const created = await create(owner.cookie, {
      name: `Pre-check Weavers ${Date.now()}`,
      country: "TJ",
      region: "TJ-DU",
      taxId: "020012345",
      socialRegisterNumber: "0042",
      socialRegisteredOn: "2025-05-20",
      beneficiaryGroups: ["people_with_disabilities"],
    });
    return { owner, slug: created.location!.replace("/enterprises/", "") };
  }

  test("shows a member each criterion of the law with its outcome and article, from the latest assessment", async () => {
    const { owner, slug } = await tajikEnterprise();
    const enterprise = await prisma.enterprise.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await prisma.assessment.create({
      data: {
        enterpriseId: enterprise.id,
        methodologyVersion: "2",
        status: "submitted",
        submittedAt: new Date("2026-10-01T00:00:00Z"),
        answers: { si_primary_mission: "profit", in_staff_vulnerable: 30 },
      },
    });
    const outcome = await run(precheckPage.loader, getRequest(`/enterprises/${slug}/legal`, owner.cookie), { slug });
    expect(outcome.status).toBe(200);
    const data = outcome.data as { precheck: Precheck; assessment: { status: string } };
    expect(data.assessment.status).toBe("submitted");
    const byId = Object.fromEntries(data.precheck.items.map((i) => [i.criterion.id, i]));
    expect(byId.tj_definition).toMatchObject({ outcome: "not_met", reason: "missionCommercial", criterion: { article: "1(1)" } });
    expect(byId.tj_register).toMatchObject({ outcome: "met", values: { number: "0042", date: "2025-05-20" } });
    expect(byId.tj_inn).toMatchObject({ outcome: "met" });
  });

  test("is for members only: a visitor is sent to log in, another entrepreneur of a draft gets 404", async () => {
    const { slug } = await tajikEnterprise();
    const visitor = await run(precheckPage.loader, getRequest(`/enterprises/${slug}/legal`), { slug });
    expect(visitor.status).toBe(302);
    expect(visitor.location).toContain("/login");
    const stranger = await createTestUser();
    expect((await run(precheckPage.loader, getRequest(`/enterprises/${slug}/legal`, stranger.cookie), { slug })).status).toBe(404);
  });

  test("says there is no law to check against in a country without one", async () => {
    const owner = await createTestUser();
    const created = await create(owner.cookie, { country: "UZ", region: "UZ-TK", name: "No Law Uzbek Bakery" });
    const slug = created.location!.replace("/enterprises/", "");
    const outcome = await run(precheckPage.loader, getRequest(`/enterprises/${slug}/legal`, owner.cookie), { slug });
    const data = outcome.data as { precheck: Precheck };
    expect(data.precheck.framework.hasLaw).toBe(false);
    expect(data.precheck.items.map((i) => i.reason)).toEqual(["noLaw"]);
  });
});
