// Compares every language's translation files with English, the reference: missing keys,
// keys English does not have, plural forms the language does not use (or lacks), and
// interpolation variables that differ. `npx tsx scripts/i18n-report.ts [lang...]` prints it.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "app", "locales");
const REFERENCE = "en";
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

export interface LanguageReport {
  language: string;
  missing: string[];
  extra: string[];
  pluralProblems: string[];
  variableProblems: string[];
  notTranslated: string[];
}

function flatten(tree: Tree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else flatten(value, full, out);
  }
  return out;
}

export function namespaces(): string[] {
  return readdirSync(path.join(LOCALES_DIR, REFERENCE))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""));
}

function load(language: string, ns: string): Map<string, string> {
  const file = path.join(LOCALES_DIR, language, `${ns}.json`);
  if (!existsSync(file)) return new Map();
  return flatten(JSON.parse(readFileSync(file, "utf8")) as Tree);
}

const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(",");

/** Keys without their plural suffix, with the plural forms each has. */
function pluralGroups(keys: Map<string, string>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of keys.keys()) {
    const m = PLURAL.exec(key);
    if (!m) continue;
    const stem = key.slice(0, -m[0].length);
    // A plural group has at least "one" and "other" in English ("too_many" alone is an ordinary key).
    if (!(keys.has(`${stem}_other`) && keys.has(`${stem}_one`))) continue;
    if (!groups.has(stem)) groups.set(stem, new Set());
    groups.get(stem)!.add(m[1]!);
  }
  return groups;
}

export function reportLanguage(language: string): LanguageReport {
  const report: LanguageReport = { language, missing: [], extra: [], pluralProblems: [], variableProblems: [], notTranslated: [] };
  const forms = new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[]);
  for (const ns of namespaces()) {
    const reference = load(REFERENCE, ns);
    const translated = load(language, ns);
    const referenceStems = pluralGroups(reference);
    const translatedStems = pluralGroups(translated);
    for (const [key, english] of reference) {
      const m = PLURAL.exec(key);
      if (m && referenceStems.has(key.slice(0, -m[0].length))) continue; // plurals are checked per stem below
      const text = translated.get(key);
      if (text === undefined) report.missing.push(`${ns}:${key}`);
      else if (variables(text) !== variables(english)) report.variableProblems.push(`${ns}:${key}`);
      else if (language !== REFERENCE && text === english && /[a-z]{4,}/i.test(english) && !/^[\p{Lu}\d\s.,:;()/+–-]+$/u.test(english))
        report.notTranslated.push(`${ns}:${key}`);
    }
    for (const [stem, referenceForms] of referenceStems) {
      const have = translatedStems.get(stem) ?? new Set<string>();
      const englishOther = reference.get(`${stem}_other`) ?? reference.get(`${stem}_${[...referenceForms][0]}`)!;
      for (const form of forms) {
        const text = translated.get(`${stem}_${form}`);
        if (text === undefined) report.missing.push(`${ns}:${stem}_${form}`);
        else if (
          variables(text) !== variables(englishOther).replace(/(^|,)count(,|$)/, "$1count$2") &&
          variables(text) !== variables(englishOther)
        ) {
          // "one" may drop {{count}} ("one enterprise"), so compare without it too.
          const without = (v: string) =>
            v
              .split(",")
              .filter((x) => x && x !== "count")
              .join(",");
          if (without(variables(text)) !== without(variables(englishOther))) report.variableProblems.push(`${ns}:${stem}_${form}`);
        }
      }
      for (const form of have)
        if (!forms.has(form)) report.pluralProblems.push(`${ns}:${stem}_${form} (${language} has no "${form}" form)`);
    }
    for (const key of translated.keys()) {
      const m = PLURAL.exec(key);
      if (m && referenceStems.has(key.slice(0, -m[0].length))) continue;
      if (!reference.has(key)) report.extra.push(`${ns}:${key}`);
    }
  }
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const languages = process.argv.slice(2).length
    ? process.argv.slice(2)
    : readdirSync(LOCALES_DIR).filter((d) => existsSync(path.join(LOCALES_DIR, d, "common.json")));
  for (const language of languages) {
    const r = reportLanguage(language);
    console.log(
      `${language}: ${r.missing.length} missing, ${r.extra.length} extra, ${r.pluralProblems.length} plural, ${r.variableProblems.length} variables, ${r.notTranslated.length} same as English`,
    );
    for (const [name, list] of Object.entries(r))
      if (Array.isArray(list)) for (const item of list.slice(0, 40)) console.log(`  ${name}: ${item}`);
  }
}
