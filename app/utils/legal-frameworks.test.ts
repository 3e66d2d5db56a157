// Needs no database.
import { describe, expect, test } from "vitest";
import enLegal from "~/locales/en/legal.json";
import { LEGAL_FORMS, COUNTRY_CODES } from "./reference-data";
import { actOf, frameworkOf, LEGAL_FRAMEWORKS, legalPath } from "./legal-frameworks";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = enLegal as unknown as {
  act: Record<string, { title: string }>;
  criterion: Record<string, { label: string; text: string; note?: string }>;
  country: Record<string, { summary: string }>;
};

test("every country of the region has a framework, under its own code", () => {
  expect(Object.keys(LEGAL_FRAMEWORKS).sort()).toEqual([...COUNTRY_CODES].sort());
  for (const code of COUNTRY_CODES) expect(LEGAL_FRAMEWORKS[code].country).toBe(code);
});

test("Kazakhstan and Tajikistan have a law and a register; the other five say no dedicated law exists", () => {
  expect(COUNTRY_CODES.filter((code) => LEGAL_FRAMEWORKS[code].hasLaw).sort()).toEqual(["KZ", "TJ"]);
  expect(COUNTRY_CODES.filter((code) => LEGAL_FRAMEWORKS[code].hasRegister).sort()).toEqual(["KZ", "TJ"]);
  for (const code of ["KG", "UZ", "TM", "AF", "MN"] as const) {
    expect(LEGAL_FRAMEWORKS[code].criteria.map((c) => c.kind)).toEqual(["no_law"]);
  }
});

test("Tajikistan's law is No. 2119 of 2 January 2025; Kazakhstan's register rules were adopted in 2023", () => {
  expect(actOf(LEGAL_FRAMEWORKS.TJ, "tj_social_entrepreneurship_law")).toMatchObject({ number: "2119", adoptedOn: "2025-01-02" });
  expect(actOf(LEGAL_FRAMEWORKS.KZ, "kz_register_rules").adoptedOn).toMatch(/^2023-/);
  expect(actOf(LEGAL_FRAMEWORKS.KZ, "kz_entrepreneurial_code").number).toBe("375-V");
});

describe.each(COUNTRY_CODES)("the framework of %s", (code) => {
  const framework = LEGAL_FRAMEWORKS[code];

  test("gives every criterion an act of its own country, a checked date and a kind", () => {
    expect(framework.criteria.length).toBeGreaterThan(0);
    for (const criterion of framework.criteria) {
      const act = actOf(framework, criterion.act);
      expect(act.country).toBe(code);
      expect(criterion.checkedOn, criterion.id).toMatch(ISO_DATE);
      expect(new Date(criterion.checkedOn).getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  test("names the article of every confirmed criterion of a law, and explains every unconfirmed one", () => {
    for (const criterion of framework.criteria) {
      if (criterion.kind === "no_law") continue;
      if (criterion.confirmed) expect(criterion.article, criterion.id).not.toBeNull();
      else expect(criterion.hasNote, `${criterion.id} is unconfirmed without a note`).toBe(true);
      if (criterion.hasNote) expect(text.criterion[criterion.id]?.note, criterion.id).toBeTruthy();
    }
  });

  test("has an English label and text for each criterion and act, and a summary", () => {
    expect(text.country[code]?.summary).toBeTruthy();
    for (const act of framework.acts) expect(text.act[act.id]?.title, act.id).toBeTruthy();
    for (const criterion of framework.criteria) {
      expect(text.criterion[criterion.id]?.label, criterion.id).toBeTruthy();
      expect(text.criterion[criterion.id]?.text, criterion.id).toBeTruthy();
    }
  });

  test("lists organisational forms that exist in Ortaq's list, including public associations and individual entrepreneurs", () => {
    for (const form of framework.organisationalForms) expect(LEGAL_FORMS).toContain(form);
    expect(framework.organisationalForms).toContain("public_association");
    expect(framework.organisationalForms).toContain("sole_proprietor");
  });

  test("dates its acts as ISO dates", () => {
    for (const act of framework.acts) if (act.adoptedOn) expect(act.adoptedOn).toMatch(ISO_DATE);
  });
});

test("a country is found by its ISO code; anything else is not", () => {
  expect(frameworkOf("KZ")?.country).toBe("KZ");
  expect(frameworkOf("xx")).toBeNull();
  expect(frameworkOf("constructor")).toBeNull();
  expect(legalPath("TJ")).toBe("/legal/tj");
});
