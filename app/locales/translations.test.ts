// Needs no database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { fingerprintMethodology, methodologies, type LocalizedText } from "../../scoring";
import { LOCALES_DIR, reportLanguage } from "../../scripts/i18n-report";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";

// Fingerprints of the published methodologies: translating them must never change their rules.
const PUBLISHED_FINGERPRINTS: Record<string, string> = { "1": "4b6643d7e9b2b98c", "2": "ac4a338a8d56e6a0" };

describe.each(SUPPORTED_LANGUAGES)("the %s translation", (language) => {
  const report = reportLanguage(language);
  test("has every key English has, and no other", () => {
    expect(report.missing, `keys missing in ${language}`).toEqual([]);
    expect(report.extra, `keys in ${language} that English does not have`).toEqual([]);
  });
  test("has exactly the plural forms its language uses", () => {
    expect(report.pluralProblems).toEqual([]);
  });
  test("keeps English's interpolation variables", () => {
    expect(report.variableProblems).toEqual([]);
  });
});

const methodologyFile = (language: string) =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, language, "methodology.json"), "utf8")) as Record<
    string,
    Record<string, Record<string, unknown>>
  >;

describe("the methodology's translation files", () => {
  test.each(["en", "ru"] as const)("carry the published %s wording of every methodology version", (language) => {
    const file = methodologyFile(language);
    const expectText = (where: string, actual: unknown, text: LocalizedText | undefined) => {
      if (text) expect(actual, where).toBe(text[language]);
    };
    for (const m of Object.values(methodologies)) {
      for (const d of m.dimensions) {
        expectText(`dimension ${d.id}`, (file.dimension![d.id] as { label: string }).label, d.label);
        expectText(`dimension ${d.id} description`, (file.dimension![d.id] as { description?: string }).description, d.description);
      }
      for (const q of m.questions) {
        const entry = file.question![q.id] as {
          text: string;
          help?: string;
          unit?: string;
          option?: Record<string, string>;
          for?: Record<string, { text?: string; help?: string }>;
        };
        expectText(`question ${q.id}`, entry.text, q.text);
        expectText(`question ${q.id} help`, entry.help, q.help);
        expectText(`question ${q.id} unit`, entry.unit, q.unit);
        for (const [group, wording] of Object.entries(q.wordingFor ?? {})) {
          expectText(`question ${q.id} for ${group}`, entry.for?.[group]?.text, wording.text);
          expectText(`question ${q.id} help for ${group}`, entry.for?.[group]?.help, wording.help);
        }
        for (const o of q.options ?? []) expectText(`option ${q.id}.${o.id}`, entry.option?.[o.id], o.label);
      }
      for (const tier of m.tiers) expectText(`tier ${tier.id}`, file.tier![tier.id], tier.label);
      for (const c of m.eligibility.criteria) {
        const entry = file.eligibility![c.id] as { label: string; failure: string };
        expectText(`criterion ${c.id}`, entry.label, c.label);
        expectText(`criterion ${c.id} failure`, entry.failure, c.failure);
      }
    }
  });

  test("leave every published methodology's fingerprint as it was", () => {
    for (const [version, fingerprint] of Object.entries(PUBLISHED_FINGERPRINTS)) {
      expect(fingerprintMethodology(methodologies[version]!)).toBe(fingerprint);
    }
  });
});
