// Needs no database.
import { describe, expect, test } from "vitest";
import { precheckEnterprise, type PrecheckAnswers, type PrecheckProfile } from "./legal-precheck";

const profile = (overrides: Partial<PrecheckProfile> = {}): PrecheckProfile => ({
  country: "TJ",
  legalForm: "llp",
  employees: 10,
  sector: "crafts_textiles",
  beneficiaryGroups: ["people_with_disabilities"],
  taxId: "020012345",
  socialRegisterNumber: null,
  socialRegisteredOn: null,
  ...overrides,
});

const answers = (overrides: Partial<PrecheckAnswers> = {}): PrecheckAnswers => ({
  primaryMission: "social",
  staffVulnerableShare: 60,
  beneficiariesVulnerable: 40,
  beneficiariesDisability: 12,
  ...overrides,
});

const outcomeOf = (result: ReturnType<typeof precheckEnterprise>, id: string) => {
  const item = result.items.find((i) => i.criterion.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

describe("the pre-check in Tajikistan", () => {
  test("reads each criterion of the law, citing its article", () => {
    const result = precheckEnterprise(profile(), answers());
    expect(result.items.map((i) => i.criterion.id)).toEqual([
      "tj_definition",
      "tj_subjects",
      "tj_vulnerable_groups",
      "tj_social_goods",
      "tj_inclusion_conditions",
      "tj_register",
      "tj_inn",
    ]);
    expect(outcomeOf(result, "tj_definition")).toMatchObject({ outcome: "met", reason: "missionSocial", criterion: { article: "1(1)" } });
  });

  test("an individual entrepreneur would be a social entrepreneur, a company a social enterprise, a public association cannot be told", () => {
    expect(outcomeOf(precheckEnterprise(profile({ legalForm: "sole_proprietor" }), null), "tj_subjects").reason).toBe(
      "formSocialEntrepreneur",
    );
    expect(outcomeOf(precheckEnterprise(profile({ legalForm: "llp" }), null), "tj_subjects").reason).toBe("formSocialCompany");
    expect(outcomeOf(precheckEnterprise(profile({ legalForm: "public_association" }), null), "tj_subjects")).toMatchObject({
      outcome: "unknown",
      reason: "formNonCommercialTJ",
    });
  });

  test("a profit-first purpose appears not to meet the definition; no assessment cannot tell", () => {
    expect(outcomeOf(precheckEnterprise(profile(), answers({ primaryMission: "profit" })), "tj_definition").outcome).toBe("not_met");
    expect(outcomeOf(precheckEnterprise(profile(), null), "tj_definition")).toMatchObject({ outcome: "unknown", reason: "noAssessment" });
  });

  test("the conditions for the register, whose figures are not confirmed, are never said to be met", () => {
    const item = outcomeOf(precheckEnterprise(profile(), answers({ staffVulnerableShare: 100 })), "tj_inclusion_conditions");
    expect(item).toMatchObject({ outcome: "unknown", reason: "staffShareNoThreshold", values: { share: 100 } });
    expect(item.criterion.confirmed).toBe(false);
  });

  test("a stated register entry is met, with its number and date; none is not", () => {
    const stated = precheckEnterprise(profile({ socialRegisterNumber: "СП-0042", socialRegisteredOn: "2025-06-01" }), null);
    expect(outcomeOf(stated, "tj_register")).toMatchObject({
      outcome: "met",
      reason: "registerStated",
      values: { number: "СП-0042", date: "2025-06-01" },
    });
    expect(outcomeOf(precheckEnterprise(profile(), null), "tj_register")).toMatchObject({
      outcome: "not_met",
      reason: "registerNotStated",
    });
  });

  test("a 9-digit INN is valid; a missing or malformed one is not", () => {
    expect(outcomeOf(precheckEnterprise(profile(), null), "tj_inn").outcome).toBe("met");
    expect(outcomeOf(precheckEnterprise(profile({ taxId: null }), null), "tj_inn").reason).toBe("taxIdMissing");
    expect(outcomeOf(precheckEnterprise(profile({ taxId: "12345" }), null), "tj_inn").reason).toBe("taxIdInvalid");
  });

  test("serving no vulnerable group appears not to meet the law's purpose", () => {
    const result = precheckEnterprise(
      profile({ beneficiaryGroups: [] }),
      answers({ beneficiariesVulnerable: 0, beneficiariesDisability: 0 }),
    );
    expect(outcomeOf(result, "tj_vulnerable_groups").outcome).toBe("not_met");
    expect(outcomeOf(result, "tj_social_goods").outcome).toBe("not_met");
  });
});

describe("the pre-check in Kazakhstan", () => {
  const kz = (overrides: Partial<PrecheckProfile> = {}) => profile({ country: "KZ", taxId: "940140000385", ...overrides });

  test("meets the employment category at 50 % of staff from vulnerable groups, not at 49 %", () => {
    expect(outcomeOf(precheckEnterprise(kz(), answers({ staffVulnerableShare: 50 })), "kz_category_employment")).toMatchObject({
      outcome: "met",
      values: { share: 50, threshold: 50 },
    });
    expect(outcomeOf(precheckEnterprise(kz(), answers({ staffVulnerableShare: 49 })), "kz_category_employment").outcome).toBe("not_met");
  });

  test("an enterprise without staff cannot meet the employment category", () => {
    expect(outcomeOf(precheckEnterprise(kz({ employees: 0 }), answers()), "kz_category_employment").reason).toBe("noStaff");
  });

  test("more than 250 employees is a large business", () => {
    expect(outcomeOf(precheckEnterprise(kz({ employees: 251 }), null), "kz_not_large")).toMatchObject({
      outcome: "not_met",
      reason: "tooLarge",
    });
    expect(outcomeOf(precheckEnterprise(kz({ employees: 250 }), null), "kz_not_large").outcome).toBe("met");
  });

  test("a public foundation is not a subject of entrepreneurship by its form alone", () => {
    expect(outcomeOf(precheckEnterprise(kz({ legalForm: "public_foundation" }), null), "kz_subjects")).toMatchObject({
      outcome: "unknown",
      reason: "formNonCommercial",
    });
  });

  test("a BIN with a wrong check digit appears not to be valid", () => {
    expect(outcomeOf(precheckEnterprise(kz({ taxId: "940140000386" }), null), "kz_bin").reason).toBe("taxIdInvalid");
  });

  test("education is in the social sphere, crafts are not", () => {
    expect(outcomeOf(precheckEnterprise(kz({ sector: "education" }), null), "kz_category_social_sphere").outcome).toBe("met");
    expect(outcomeOf(precheckEnterprise(kz(), null), "kz_category_social_sphere").outcome).toBe("not_met");
  });
});

test.each(["KG", "UZ", "TM", "AF", "MN"] as const)("in %s, with no law, nothing is said to be met or not", (country) => {
  const result = precheckEnterprise(profile({ country, taxId: null }), answers());
  expect(result.framework.hasLaw).toBe(false);
  expect(result.items.map((i) => [i.outcome, i.reason])).toEqual([["unknown", "noLaw"]]);
});
