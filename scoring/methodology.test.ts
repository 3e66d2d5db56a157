import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  currentMethodology as m,
  fingerprintMethodology,
  methodologies,
  validateMethodology,
  type LocalizedText,
  type Methodology,
} from "./index";

// The rules of a published methodology never change: a change to one of these fails here, and
// belongs in a new version. Its texts (wording, translations, new languages) are not fingerprinted.
const PUBLISHED_FINGERPRINTS: Record<string, string> = {
  "1": "4b6643d7e9b2b98c",
  "2": "ac4a338a8d56e6a0",
  "3": "acaf43b9ca08081e",
};

/** Every localized text in a methodology (or any part of it), where it sits. */
function localizedTexts(value: unknown, where = ""): [string, LocalizedText][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${where}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if (typeof record.en === "string" && typeof record.ru === "string") return [[where, record as LocalizedText]];
  return Object.entries(record).flatMap(([k, v]) => localizedTexts(v, where ? `${where}.${k}` : k));
}

const DIMENSIONS = [
  "social_impact",
  "economic_sustainability",
  "governance_transparency",
  "inclusion",
  "ecosystem_partnership",
  "environment_climate",
];

describe("published methodologies", () => {
  test.each(Object.values(methodologies).map((x) => [x.version, x] as const))("version %s passes validation", (_v, methodology) => {
    expect(validateMethodology(methodology)).toEqual({ ok: true, errors: [] });
  });

  test("are frozen: each matches the fingerprint it was published with, and each has one", () => {
    expect(Object.keys(methodologies).sort()).toEqual(Object.keys(PUBLISHED_FINGERPRINTS).sort());
    for (const [version, methodology] of Object.entries(methodologies)) {
      expect(methodology.version).toBe(version);
      expect(fingerprintMethodology(methodology), `methodology ${version} changed after publication`).toBe(PUBLISHED_FINGERPRINTS[version]);
    }
  });

  test("cannot be changed at run time", () => {
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.questions[0]!.options![0]!)).toBe(true);
    expect(() => {
      (m.dimensions[0] as { weight: number }).weight = 1;
    }).toThrow(TypeError);
  });

  test("the current one is published", () => {
    expect(methodologies[m.version]).toBe(m);
  });

  describe.each(Object.values(methodologies).map((x) => [x.version, x] as const))("version %s", (_v, methodology) => {
    const filled = (text: LocalizedText | undefined) => Boolean(text && text.en.trim() && text.ru.trim() && /[а-яё]/i.test(text.ru));

    test("explains every question in English and Russian: its text and its help", () => {
      for (const q of methodology.questions) {
        expect(filled(q.text), `${q.id} text`).toBe(true);
        expect(filled(q.help), `${q.id} help`).toBe(true);
        expect(q.help!.en, `${q.id} help`).not.toBe(q.text.en);
        for (const o of q.options ?? []) expect(filled(o.label), `${q.id}.${o.id}`).toBe(true);
        if (q.unit) expect(q.unit.en.trim() && q.unit.ru.trim(), `${q.id} unit`).toBeTruthy();
      }
    });

    test("names every dimension, tier and eligibility criterion in English and Russian", () => {
      for (const d of methodology.dimensions) expect(filled(d.label), d.id).toBe(true);
      for (const t of methodology.tiers) expect(filled(t.label), t.id).toBe(true);
      for (const c of methodology.eligibility.criteria) expect(filled(c.label) && filled(c.failure), c.id).toBe(true);
    });
  });
});

describe("methodology v1", () => {
  const v1 = methodologies["1"]!;

  test("has the six dimensions, with weights that sum to 1", () => {
    expect(v1.dimensions.map((d) => d.id)).toEqual(DIMENSIONS);
    expect(Math.abs(v1.dimensions.reduce((s, d) => s + d.weight, 0) - 1)).toBeLessThan(1e-9);
  });

  test("has 40 to 80 questions with stable snake_case ids prefixed by their dimension, every text in English and Russian", () => {
    const prefixes: Record<string, string> = {
      social_impact: "si_",
      economic_sustainability: "es_",
      governance_transparency: "gt_",
      inclusion: "in_",
      ecosystem_partnership: "ep_",
      environment_climate: "ec_",
    };
    expect(v1.questions.length).toBeGreaterThanOrEqual(40);
    expect(v1.questions.length).toBeLessThanOrEqual(80);
    for (const q of v1.questions) {
      expect(q.id.startsWith(prefixes[q.dimension]!), q.id).toBe(true);
      expect(q.text.en.length > 0 && q.text.ru.length > 0, q.id).toBe(true);
      // Russian text is written in Cyrillic, not copied from the English.
      expect(q.text.ru, q.id).toMatch(/[а-яё]/i);
      for (const option of q.options ?? []) expect(option.label.ru, `${q.id}.${option.id}`).toMatch(/[а-яё]/i);
    }
  });

  test("uses every kind of question, some conditional and some allowing 'not applicable'", () => {
    expect(new Set(v1.questions.map((q) => q.type))).toEqual(new Set(["single", "multi", "number", "percent"]));
    const yesNo = v1.questions.filter((q) => q.options?.map((o) => o.id).join() === "yes,no");
    expect(yesNo.length).toBeGreaterThan(0);
    expect(v1.questions.some((q) => q.appliesWhen)).toBe(true);
    expect(v1.questions.some((q) => q.allowNotApplicable)).toBe(true);
  });

  test("asks the number of employees first and the questions about staff only when there is at least one", () => {
    const employees = v1.questions.findIndex((q) => q.id === "es_employees");
    expect(v1.questions[employees]!.type).toBe("number");
    const staff = v1.questions.filter((q) => q.appliesWhen?.question === "es_employees");
    expect(staff.map((q) => q.id)).toEqual(expect.arrayContaining(["in_staff_women", "in_staff_disability", "in_staff_vulnerable"]));
    for (const q of staff) {
      expect(q.appliesWhen).toEqual({ question: "es_employees", min: 1 });
      expect(v1.questions.indexOf(q)).toBeGreaterThan(employees);
    }
    for (const id of ["in_staff_women", "in_staff_disability", "in_staff_vulnerable"]) {
      expect(v1.questions.find((q) => q.id === id)!.type, id).toBe("percent");
    }
  });

  test("has the questions the eligibility gate reads, of the right kind", () => {
    const question = (id: string) => v1.questions.find((q) => q.id === id)!;
    expect(question("si_primary_mission").type).toBe("single");
    expect(question("es_trading_income_share").type).toBe("percent");
    expect(question("es_profit_reinvested").type).toBe("percent");
    expect(question("es_profit_reinvested").allowNotApplicable).toBe(true);
    expect(v1.eligibility.criteria.map((c) => [c.id, c.question, c.min])).toEqual([
      ["primary_mission", "si_primary_mission", undefined],
      ["trading_income", "es_trading_income_share", 25],
      ["profit_reinvested", "es_profit_reinvested", 50],
    ]);
  });

  test("asks in Russian, as in English, how long the enterprise has been trading (selling), not merely in existence", () => {
    const years = v1.questions.find((q) => q.id === "es_years_operating")!;
    expect(years.text.en).toContain("trading");
    expect(years.text.ru).toBe("Сколько полных лет предприятие продаёт товары или услуги?");
  });

  test("has the four tiers, from 0, 40, 60 and 80, named in English and Russian", () => {
    expect(v1.tiers.map((t) => [t.id, t.minScore])).toEqual([
      ["emerging", 0],
      ["developing", 40],
      ["established", 60],
      ["leading", 80],
    ]);
    for (const t of v1.tiers) expect(t.label.en && t.label.ru, t.id).toBeTruthy();
  });
});

describe("methodology v2", () => {
  const v1 = methodologies["1"]!;
  const v2 = methodologies["2"]!;
  const breakdown = ["si_beneficiaries_women", "si_beneficiaries_disability", "si_beneficiaries_vulnerable"];

  test("is v1 with the beneficiaries counted by gender, disability and vulnerable group right after their total", () => {
    const ids = v2.questions.map((q) => q.id);
    const total = ids.indexOf("si_beneficiaries");
    expect(ids.slice(total + 1, total + 4)).toEqual(breakdown);
    expect(ids.filter((id) => !breakdown.includes(id))).toEqual(v1.questions.map((q) => q.id));
    // v1's questions, dimensions, tiers and eligibility are shared, not copied.
    for (const q of v1.questions)
      expect(
        v2.questions.find((x) => x.id === q.id),
        q.id,
      ).toBe(q);
    expect(v2.dimensions).toBe(v1.dimensions);
    expect(v2.tiers).toBe(v1.tiers);
    expect(v2.eligibility).toBe(v1.eligibility);
  });

  test("asks the counts only when at least one person benefited, as numbers that are part of the total and earn no points", () => {
    for (const id of breakdown) {
      const q = v2.questions.find((x) => x.id === id)!;
      expect(q.type, id).toBe("number");
      expect(q.dimension, id).toBe("social_impact");
      expect(q.appliesWhen, id).toEqual({ question: "si_beneficiaries", min: 1 });
      expect(q.partOf, id).toBe("si_beneficiaries");
      expect(q.maxPoints, id).toBe(0);
      expect(q.allowNotApplicable, id).toBeUndefined();
      expect(q.help?.en, id).toMatch(/cannot be more than the total/);
      expect(q.help?.ru, id).toMatch(/не может быть больше общего/);
    }
  });
});

describe("current methodology", () => {
  test("is explained in METHODOLOGY.md: every weight, tier, threshold and question with its points", () => {
    const doc = readFileSync(path.join(import.meta.dirname, "METHODOLOGY.md"), "utf8");
    const percent = (w: number) => `${Math.round(w * 100)}%`;
    for (const d of m.dimensions) expect(doc, d.id).toContain(`| ${d.label.en} | ${percent(d.weight)} |`);
    for (const t of m.tiers) expect(doc, t.id).toContain(`| ${t.label.en} (${t.label.ru}) | ${t.minScore} |`);
    for (const c of m.eligibility.criteria) expect(doc, c.id).toContain(`**${c.label.en}** (question \`${c.question}\``);
    const sections = doc.split(/^### /m).slice(1);
    expect(sections).toHaveLength(m.questions.length);
    m.questions.forEach((q, i) => {
      const section = sections[i]!;
      expect(section.startsWith(`\`${q.id}\` — ${q.text.en}`), q.id).toBe(true);
      expect(section, q.id).toContain(`Maximum ${q.maxPoints} points`);
      expect(section, q.id).toMatch(/- Why: \S/);
      for (const o of q.options ?? []) expect(section, `${q.id}.${o.id}`).toContain(`${o.label.en} — ${o.points}`);
      for (const b of q.bands ?? []) {
        expect(section, `${q.id} band from ${b.min}`).toContain(
          b.max === undefined ? `${b.min} or more: ${b.points}` : `${b.min}–${b.max}: ${b.points}`,
        );
      }
      if (q.appliesWhen) expect(section, q.id).toContain(`asked only when \`${q.appliesWhen.question}\``);
      if (q.allowNotApplicable) expect(section, q.id).toContain(`"not applicable" allowed`);
      if (q.partOf) expect(section, q.id).toContain(`at most the answer to \`${q.partOf}\``);
    });
  });
});

describe("fingerprintMethodology", () => {
  const changed = (change: (copy: Methodology) => void) => {
    const copy = structuredClone(m) as Methodology;
    change(copy);
    return fingerprintMethodology(copy);
  };
  const question = (c: Methodology, id: string) => c.questions.find((q) => q.id === id)!;

  test("is 16 hex digits and does not depend on the order of keys", () => {
    const reordered = Object.fromEntries(Object.entries(structuredClone(m)).reverse()) as unknown as Methodology;
    expect(fingerprintMethodology(reordered)).toBe(fingerprintMethodology(m));
    expect(fingerprintMethodology(m)).toMatch(/^[0-9a-f]{16}$/);
  });

  test("stays the same when the wording changes: every text reworded, help added or removed, another language added", () => {
    const texts = localizedTexts(m);
    expect(texts.map(([where]) => where)).toEqual(
      expect.arrayContaining([
        "dimensions[0].label",
        "questions[0].text",
        "questions[0].help",
        "questions[0].options[0].label",
        "tiers[0].label",
        "eligibility.criteria[0].failure",
      ]),
    );
    expect(
      changed((c) => {
        for (const [, text] of localizedTexts(c)) {
          text.en = `${text.en} (reworded)`;
          text.ru = `${text.ru} (иначе)`;
          (text as LocalizedText & { kk: string }).kk = "мәтін";
        }
      }),
    ).toBe(fingerprintMethodology(m));
    expect(changed((c) => delete c.questions[0]!.help)).toBe(fingerprintMethodology(m));
    expect(changed((c) => (question(c, "es_years_operating").help = { en: "Full years only.", ru: "Только полные годы." }))).toBe(
      fingerprintMethodology(m),
    );
    expect(changed((c) => (c.dimensions[0]!.description = { en: "Why it exists.", ru: "Зачем оно существует." }))).toBe(
      fingerprintMethodology(m),
    );
  });

  test.each<[string, (c: Methodology) => void]>([
    ["the version", (c) => (c.version = "1.1")],
    ["the publication date", (c) => (c.publishedAt = "2026-11-25")],
    ["a dimension's weight", (c) => ((c.dimensions[0]!.weight -= 0.05), (c.dimensions[1]!.weight += 0.05))],
    ["a dimension's id", (c) => ((c.dimensions[0] as { id: string }).id = "impact")],
    ["a question's id", (c) => (c.questions[0]!.id = "si_purpose")],
    ["a question's dimension", (c) => (question(c, "gt_registered").dimension = "economic_sustainability")],
    ["a question's type", (c) => (question(c, "es_reserve_months").type = "percent")],
    ["the order of the questions", (c) => c.questions.reverse()],
    ["an option's points", (c) => (question(c, "si_outcome_measurement").options![1]!.points += 1)],
    ["an option's id", (c) => (question(c, "si_outcome_measurement").options![1]!.id = "counts")],
    ["an option added", (c) => question(c, "ep_partners").options!.push({ id: "media", label: { en: "Media", ru: "СМИ" }, points: 1 })],
    ["a cap on a multiple choice", (c) => (question(c, "ep_partners").maxPoints = 3)],
    ["a band's lower bound", (c) => (question(c, "si_beneficiaries").bands![1]!.min = 200)],
    ["a band's upper bound", (c) => (question(c, "es_trading_income_share").bands![1]!.max = 80)],
    ["a band's points", (c) => (question(c, "es_grant_share").bands![0]!.points = 4)],
    ["a question's minimum", (c) => (question(c, "es_years_operating").min = 1)],
    ["a question's maximum", (c) => (question(c, "es_years_operating").max = 100)],
    ["a condition's threshold", (c) => (question(c, "in_staff_women").appliesWhen = { question: "es_employees", min: 2 })],
    ["a condition added", (c) => (question(c, "ec_water_saving").appliesWhen = { question: "es_employees", min: 1 })],
    ["a condition's options", (c) => (question(c, "si_affordability").appliesWhen = { question: "si_primary_mission", oneOf: ["social"] })],
    ["'not applicable' allowed", (c) => (question(c, "gt_registered").allowNotApplicable = true)],
    ["'not applicable' withdrawn", (c) => (question(c, "si_affordability").allowNotApplicable = false)],
    ["an eligibility threshold", (c) => (c.eligibility.criteria[1]!.min = 30)],
    ["an eligibility criterion's options", (c) => (c.eligibility.criteria[0]!.oneOf = ["social"])],
    ["an eligibility criterion's question", (c) => (c.eligibility.criteria[2]!.question = "es_grant_share")],
    ["how an eligibility criterion treats 'not applicable'", (c) => (c.eligibility.criteria[2]!.passIfNotApplicable = false)],
    ["a tier's threshold", (c) => (c.tiers[1]!.minScore = 45)],
    ["a tier's id", (c) => (c.tiers[3]!.id = "leader")],
    ["the total a part belongs to", (c) => (question(c, "si_beneficiaries_women").partOf = "es_employees")],
  ])("changes when a rule changes: %s", (_name, change) => {
    expect(changed(change)).not.toBe(fingerprintMethodology(m));
  });
});

describe("validateMethodology", () => {
  const broken = (change: (copy: Methodology) => void) => {
    const copy = structuredClone(m) as Methodology;
    change(copy);
    const { ok, errors } = validateMethodology(copy);
    expect(ok).toBe(false);
    return errors.join("\n");
  };
  const question = (c: Methodology, id: string) => c.questions.find((q) => q.id === id)!;

  test.each<[string, (c: Methodology) => void, RegExp]>([
    ["a duplicate question id", (c) => (c.questions[1]!.id = c.questions[0]!.id), /used twice/],
    ["a question id that is not snake_case", (c) => (c.questions[0]!.id = "Si-Mission"), /snake_case/],
    ["a duplicate dimension id", (c) => (c.dimensions[1]!.id = c.dimensions[0]!.id), /dimension ids are not unique/],
    [
      "a question in a dimension that does not exist",
      (c) => ((c.questions[0] as { dimension: string }).dimension = "nowhere"),
      /does not exist/,
    ],
    ["weights that do not sum to 1", (c) => (c.dimensions[0]!.weight = 0.5), /weights sum/],
    ["a negative weight", (c) => ((c.dimensions[0]!.weight = -0.1), (c.dimensions[1]!.weight += 0.1 + 0.25)), /negative weight/],
    ["an option worth more than the question's maximum", (c) => (c.questions[0]!.options![0]!.points = 99), /outside/],
    ["a negative option", (c) => (c.questions[0]!.options![1]!.points = -1), /outside/],
    ["a band worth more than the question's maximum", (c) => (question(c, "si_beneficiaries").bands![0]!.points = 99), /a band gives 99/],
    ["a band that ends before it starts", (c) => (question(c, "si_beneficiaries").bands![1]!.max = 10), /ends before it starts/],
    ["a maximum no answer can earn", (c) => (question(c, "gt_registered").maxPoints = 5), /no answer earns the maximum/],
    [
      "a multiple choice whose options cannot reach the cap",
      (c) => (question(c, "ep_partners").maxPoints = 9),
      /no answer earns the maximum/,
    ],
    ["a maximum no band can earn", (c) => (question(c, "si_beneficiaries").maxPoints = 12), /no band earns the maximum/],
    ["a percentage beyond 100", (c) => (question(c, "es_trading_income_share").max = 150), /0–100/],
    ["a choice question without options", (c) => (question(c, "gt_registered").options = []), /needs options/],
    ["duplicate option ids", (c) => (question(c, "gt_registered").options![1]!.id = "yes"), /option ids are not unique/],
    ["a number question without bands", (c) => (question(c, "si_beneficiaries").bands = []), /needs bands/],
    ["an unknown question type", (c) => ((question(c, "gt_registered") as { type: string }).type = "essay"), /unknown type/],
    ["a missing Russian text", (c) => (c.questions[0]!.text.ru = ""), /English and Russian/],
    ["a missing Russian option label", (c) => (c.questions[0]!.options![0]!.label.ru = " "), /label in English and Russian/],
    [
      "a condition on a later question",
      (c) => (c.questions[0]!.appliesWhen = { question: c.questions.at(-1)!.id, min: 1 }),
      /earlier question/,
    ],
    [
      "a condition on a question that does not exist",
      (c) => (c.questions.at(-1)!.appliesWhen = { question: "nowhere", min: 1 }),
      /earlier question/,
    ],
    [
      "a condition naming an option that does not exist",
      (c) => (c.questions.at(-1)!.appliesWhen = { question: "gt_registered", oneOf: ["perhaps"] }),
      /unknown option perhaps/,
    ],
    [
      "a condition with a minimum on a choice",
      (c) => (c.questions.at(-1)!.appliesWhen = { question: "gt_registered", min: 1 }),
      /sets a minimum/,
    ],
    [
      "a condition listing options of a number",
      (c) => (c.questions.at(-1)!.appliesWhen = { question: "es_employees", oneOf: ["1"] }),
      /lists options/,
    ],
    ["a first tier that does not start at 0", (c) => (c.tiers[0]!.minScore = 10), /first tier/],
    ["tiers out of order", (c) => (c.tiers[2]!.minScore = 30), /rising order/],
    ["a duplicate tier id", (c) => (c.tiers[1]!.id = c.tiers[0]!.id), /tier ids are not unique/],
    [
      "an eligibility criterion on a question that does not exist",
      (c) => (c.eligibility.criteria[0]!.question = "nowhere"),
      /eligibility primary_mission/,
    ],
    [
      "an eligibility criterion naming an option that does not exist",
      (c) => (c.eligibility.criteria[0]!.oneOf = ["charity"]),
      /unknown option charity/,
    ],
    ["a publication date that is not a date", (c) => (c.publishedAt = "soon"), /ISO date/],
    [
      "a part of a later question",
      (c) => (question(c, "si_beneficiaries_women").partOf = "ec_renewable_share"),
      /part of an earlier question/,
    ],
    [
      "a part of a question that does not exist",
      (c) => (question(c, "si_beneficiaries_women").partOf = "nowhere"),
      /part of an earlier question/,
    ],
    ["a part of a choice", (c) => (question(c, "si_beneficiaries_women").partOf = "si_primary_mission"), /only a number/],
  ])("catches %s", (_name, change, message) => {
    expect(broken(change)).toMatch(message);
  });
});
