// Needs no database.
// No sentence ends in two full stops once its blanks are filled. A template's own full stop after a
// blank doubles the blank's when the blank can end in one: a date where the language abbreviates
// ("5 дек. 2026 г." in Russian, "2026 ж. 05 жел." in Kazakh), or a reason typed by a moderator
// ("Spam or advertising."). Only blanks whose values are known are filled here, with the app's own
// formatting (every month of a year) or with typed text ending in a full stop, so the check cannot
// fire on a blank that never ends in one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { LOCALES_DIR } from "../../scripts/i18n-report";
import { formatDate, formatWait } from "~/utils/format";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";

/** Text people type into the blanks that take it: a moderator's reason, a flag's note. */
const TYPED = ["Spam or advertising."];

/** Every value a blank can take in a language, for the blanks whose values are known. */
function sampleValues(language: string): Record<string, string[]> {
  const dates = Array.from({ length: 12 }, (_, month) => formatDate(new Date(Date.UTC(2026, month, 5)), language));
  return {
    date: dates,
    until: dates,
    submitted: dates,
    completed: dates,
    requested: dates,
    wait: [formatWait(30, language), formatWait(600, language)],
    reason: TYPED,
    note: TYPED,
  };
}

function strings(node: unknown, key = ""): [string, string][] {
  if (typeof node === "string") return [[key, node]];
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
}

/** Each way of filling a template's known blanks (one blank varied at a time), others left as a plain word. */
function fillings(template: string, values: Record<string, string[]>): string[] {
  const names = [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))].filter((name) => values[name]);
  const fill = (name: string, value: string) =>
    template.replace(/\{\{(\w+)\}\}/g, (_, blank: string) => (blank === name ? value : (values[blank]?.[0] ?? "word")));
  return names.flatMap((name) => values[name]!.map((value) => fill(name, value)));
}

const DOUBLED = /(?<!\.)\.\.(?!\.)/;

describe.each(SUPPORTED_LANGUAGES)("the %s texts", (language) => {
  test("never end a sentence in two full stops once their blanks are filled", () => {
    const values = sampleValues(language);
    const problems: string[] = [];
    for (const file of readdirSync(path.join(LOCALES_DIR, language)).filter((name) => name.endsWith(".json"))) {
      const json: unknown = JSON.parse(readFileSync(path.join(LOCALES_DIR, language, file), "utf8"));
      for (const [key, template] of strings(json)) {
        const doubled = fillings(template, values).find((text) => DOUBLED.test(text));
        if (doubled) problems.push(`${file} ${key}: ${doubled}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

test("the check finds a doubled full stop after a date or a typed reason, and not an ellipsis", () => {
  expect(fillings("Published on {{date}}.", sampleValues("ru")).some((text) => DOUBLED.test(text))).toBe(true);
  expect(fillings("By {{name}}: {{reason}}.", sampleValues("en")).some((text) => DOUBLED.test(text))).toBe(true);
  expect(fillings("Published on {{date}}.", sampleValues("en")).some((text) => DOUBLED.test(text))).toBe(false);
  expect(DOUBLED.test("Loading…  and more...")).toBe(false);
});
