import type {
  Condition,
  Dimension,
  EligibilityCriterion,
  LegalFormGroup,
  LocalizedText,
  Methodology,
  Option,
  Question,
  Tier,
} from "./types";
import { LEGAL_FORM_GROUP_IDS } from "./legal-forms";

const QUESTION_TYPES = new Set(["single", "multi", "number", "percent"]);
const ID = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

function missingText(text: LocalizedText | undefined): boolean {
  return !text || typeof text.en !== "string" || typeof text.ru !== "string" || text.en.trim() === "" || text.ru.trim() === "";
}

/** What is wrong with a condition on an answer (to a question's applicability or an eligibility criterion). */
function conditionErrors(where: string, condition: Condition, target: Question | undefined): string[] {
  if (!target) return [];
  const errors: string[] = [];
  const choice = target.type === "single" || target.type === "multi";
  for (const option of condition.oneOf ?? []) {
    if (!target.options?.some((o) => o.id === option))
      errors.push(`${where}: its condition names an unknown option ${option} of ${target.id}`);
  }
  if (condition.oneOf && !choice) errors.push(`${where}: its condition lists options, but ${target.id} is a ${target.type} question`);
  if (condition.min !== undefined && choice)
    errors.push(`${where}: its condition sets a minimum, but ${target.id} is a ${target.type} question`);
  return errors;
}

/** What is wrong with a list of groups of legal forms a question or criterion is limited to. */
function legalFormErrors(where: string, groups: readonly string[] | undefined): string[] {
  if (groups === undefined) return [];
  const errors: string[] = [];
  if (!groups.length) errors.push(`${where}: it is limited to no group of legal forms`);
  for (const group of groups) if (!LEGAL_FORM_GROUP_IDS.includes(group as LegalFormGroup)) errors.push(`${where}: unknown group ${group}`);
  if (new Set(groups).size !== groups.length) errors.push(`${where}: a group of legal forms is named twice`);
  return errors;
}

/** Checks that a methodology is coherent; every published version must pass. */
export function validateMethodology(m: Methodology): { ok: boolean; errors: string[] } {
  const errors: string[] = [];
  if (typeof m.version !== "string" || m.version.trim() === "") errors.push("the version is missing");
  if (!/^\d{4}-\d{2}-\d{2}/.test(m.publishedAt ?? "") || Number.isNaN(Date.parse(m.publishedAt)))
    errors.push("publishedAt is not an ISO date");

  const dimensionIds = new Set(m.dimensions.map((d) => d.id));
  if (dimensionIds.size !== m.dimensions.length) errors.push("dimension ids are not unique");
  const weights = m.dimensions.reduce((sum, d) => sum + d.weight, 0);
  if (Math.abs(weights - 1) > 1e-9) errors.push(`dimension weights sum to ${weights}, not 1`);
  for (const d of m.dimensions) {
    if (!(d.weight >= 0)) errors.push(`dimension ${d.id} has a negative weight`);
    if (missingText(d.label)) errors.push(`dimension ${d.id} needs a label in English and Russian`);
  }

  const seen = new Map<string, number>();
  const byId = new Map(m.questions.map((q) => [q.id, q]));
  m.questions.forEach((q, index) => {
    if (seen.has(q.id)) errors.push(`question id ${q.id} is used twice`);
    seen.set(q.id, index);
    if (!ID.test(q.id)) errors.push(`${q.id}: a question id is snake_case`);
    if (!dimensionIds.has(q.dimension)) errors.push(`${q.id}: dimension ${q.dimension} does not exist`);
    if (!QUESTION_TYPES.has(q.type)) errors.push(`${q.id}: unknown type ${q.type}`);
    if (missingText(q.text)) errors.push(`${q.id}: the text needs English and Russian`);
    if (q.help && missingText(q.help)) errors.push(`${q.id}: the help needs English and Russian`);
    if (!(q.maxPoints >= 0)) errors.push(`${q.id}: maxPoints must be 0 or more`);

    if (q.type === "single" || q.type === "multi") {
      const options = q.options ?? [];
      if (!options.length) errors.push(`${q.id}: a ${q.type} question needs options`);
      if (new Set(options.map((o) => o.id)).size !== options.length) errors.push(`${q.id}: option ids are not unique`);
      for (const o of options) {
        if (!(o.points >= 0 && o.points <= q.maxPoints)) errors.push(`${q.id}: option ${o.id} gives ${o.points}, outside 0–${q.maxPoints}`);
        if (missingText(o.label)) errors.push(`${q.id}: option ${o.id} needs a label in English and Russian`);
      }
      const best =
        q.type === "single" ? Math.max(0, ...options.map((o) => o.points)) : options.reduce((sum, o) => sum + Math.max(0, o.points), 0);
      if (options.length && best < q.maxPoints) errors.push(`${q.id}: no answer earns the maximum of ${q.maxPoints}`);
    } else if (q.type === "number" || q.type === "percent") {
      const bands = q.bands ?? [];
      if (!bands.length) errors.push(`${q.id}: a ${q.type} question needs bands`);
      for (const b of bands) {
        if (!(b.points >= 0 && b.points <= q.maxPoints)) errors.push(`${q.id}: a band gives ${b.points}, outside 0–${q.maxPoints}`);
        if (b.max !== undefined && b.max < b.min) errors.push(`${q.id}: a band ends before it starts`);
      }
      if (bands.length && Math.max(...bands.map((b) => b.points)) < q.maxPoints)
        errors.push(`${q.id}: no band earns the maximum of ${q.maxPoints}`);
      if (q.min !== undefined && q.max !== undefined && q.max < q.min) errors.push(`${q.id}: max is below min`);
      if (q.type === "percent" && ((q.min ?? 0) < 0 || (q.max ?? 100) > 100)) errors.push(`${q.id}: a percentage lies in 0–100`);
    }

    if (q.appliesWhen) {
      const ref = seen.get(q.appliesWhen.question);
      if (ref === undefined || ref >= index) errors.push(`${q.id}: its condition must refer to an earlier question`);
      else errors.push(...conditionErrors(q.id, q.appliesWhen, byId.get(q.appliesWhen.question)));
    }

    errors.push(...legalFormErrors(q.id, q.legalForms));
    for (const [group, wording] of Object.entries(q.wordingFor ?? {})) {
      if (!LEGAL_FORM_GROUP_IDS.includes(group as LegalFormGroup)) errors.push(`${q.id}: its wording names an unknown group ${group}`);
      else if (q.legalForms && !q.legalForms.includes(group as LegalFormGroup))
        errors.push(`${q.id}: it has words for ${group}, but is not asked of that group`);
      if (
        !wording ||
        (!wording.text && !wording.help) ||
        (wording.text && missingText(wording.text)) ||
        (wording.help && missingText(wording.help))
      )
        errors.push(`${q.id}: its wording for ${group} needs a text or help in English and Russian`);
    }
    if (q.appliesWhen && q.legalForms) {
      const target = byId.get(q.appliesWhen.question);
      if (target?.legalForms && q.legalForms.some((g) => !target.legalForms!.includes(g)))
        errors.push(`${q.id}: it is asked of a group its condition's question is not asked of`);
    }

    if (q.partOf !== undefined) {
      const ref = seen.get(q.partOf);
      if (ref === undefined || ref >= index) errors.push(`${q.id}: it must be part of an earlier question`);
      else if (q.type !== "number" || byId.get(q.partOf)!.type !== "number")
        errors.push(`${q.id}: only a number can be part of another number`);
    }
  });

  if (!m.tiers.length || m.tiers[0]!.minScore !== 0) errors.push("the first tier must start at 0");
  for (let i = 1; i < m.tiers.length; i++) {
    if (!(m.tiers[i]!.minScore > m.tiers[i - 1]!.minScore)) errors.push("tiers must be in rising order");
  }
  if (new Set(m.tiers.map((t) => t.id)).size !== m.tiers.length) errors.push("tier ids are not unique");
  for (const t of m.tiers) {
    if (t.minScore > 100) errors.push(`tier ${t.id} starts above 100`);
    if (missingText(t.label)) errors.push(`tier ${t.id} needs a label in English and Russian`);
  }

  const criteria = m.eligibility?.criteria ?? [];
  if (new Set(criteria.map((c) => c.id)).size !== criteria.length) errors.push("eligibility criterion ids are not unique");
  for (const c of criteria) {
    const target = byId.get(c.question);
    if (!target) errors.push(`eligibility ${c.id}: question ${c.question} does not exist`);
    else errors.push(...conditionErrors(`eligibility ${c.id}`, c, target));
    errors.push(...legalFormErrors(`eligibility ${c.id}`, c.legalForms));
    if (target?.legalForms && (c.legalForms ?? LEGAL_FORM_GROUP_IDS).some((g) => !target.legalForms!.includes(g)))
      errors.push(`eligibility ${c.id}: it holds for a group its question ${c.question} is not asked of`);
    if (missingText(c.label) || missingText(c.failure))
      errors.push(`eligibility ${c.id}: needs a label and a failure message in English and Russian`);
  }
  return { ok: errors.length === 0, errors };
}

/**
 * The properties that hold words for people to read, in each language: labels, question texts,
 * help, units, eligibility failure messages, descriptions. None of them changes a score.
 */
const LOCALIZED_KEYS = ["label", "text", "help", "unit", "failure", "description"] as const satisfies readonly MethodologyTextKeys[];

// Compiles only while every localized property of a methodology's types is listed above.
type TextKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends LocalizedText ? K : never }[keyof T];
type MethodologyTextKeys = TextKeys<Dimension> | TextKeys<Question> | TextKeys<Option> | TextKeys<Tier> | TextKeys<EligibilityCriterion>;
type Listed<T extends never> = T;
type _EveryLocalizedKeyListed = Listed<Exclude<MethodologyTextKeys, (typeof LOCALIZED_KEYS)[number]>>;

const TEXTS = new Set<string>(LOCALIZED_KEYS);

/**
 * JSON with keys in sorted order, undefined properties and the given keys left out, so equal
 * content gives equal text.
 */
function canonical(value: unknown, omit: ReadonlySet<string>): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, omit)).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !omit.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, omit)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * A stable fingerprint of a methodology's rules: 64-bit FNV-1a over its canonical JSON (UTF-16
 * code units) with every localized text left out, as 16 hex digits. It covers the version,
 * publication date, ids, dimensions and weights, question types and order, points, bands, min
 * and max, caps, options, conditions, "not applicable", the eligibility thresholds and the
 * tiers: anything that can change a score changes it. Wording and translations (and new
 * languages) do not, so they can be improved in a published methodology; the order of keys in
 * the source does not either.
 */
export function fingerprintMethodology(m: Methodology): string {
  const text = canonical(m, TEXTS);
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
