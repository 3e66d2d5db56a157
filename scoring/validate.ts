import type { Methodology } from "./types";

/** Checks that a methodology is coherent; every published version must pass. */
export function validateMethodology(m: Methodology): { ok: boolean; errors: string[] } {
  const errors: string[] = [];
  const dimensionIds = new Set(m.dimensions.map((d) => d.id));
  if (dimensionIds.size !== m.dimensions.length) errors.push("dimension ids are not unique");
  const weights = m.dimensions.reduce((sum, d) => sum + d.weight, 0);
  if (Math.abs(weights - 1) > 1e-9) errors.push(`dimension weights sum to ${weights}, not 1`);
  if (m.dimensions.some((d) => d.weight < 0)) errors.push("a dimension has a negative weight");

  const seen = new Map<string, number>();
  m.questions.forEach((q, index) => {
    if (seen.has(q.id)) errors.push(`question id ${q.id} is used twice`);
    seen.set(q.id, index);
    if (!dimensionIds.has(q.dimension)) errors.push(`${q.id}: dimension ${q.dimension} does not exist`);
    if (!(q.maxPoints >= 0)) errors.push(`${q.id}: maxPoints must be 0 or more`);
    if (q.type === "single" || q.type === "multi") {
      if (!q.options?.length) errors.push(`${q.id}: a ${q.type} question needs options`);
      const optionIds = new Set(q.options?.map((o) => o.id));
      if (optionIds.size !== (q.options?.length ?? 0)) errors.push(`${q.id}: option ids are not unique`);
      for (const o of q.options ?? []) {
        if (o.points < 0 || o.points > q.maxPoints) errors.push(`${q.id}: option ${o.id} gives ${o.points}, outside 0–${q.maxPoints}`);
      }
      if (q.type === "single" && q.options?.length && Math.max(...q.options.map((o) => o.points)) !== q.maxPoints) {
        errors.push(`${q.id}: no option earns the maximum of ${q.maxPoints}`);
      }
    } else {
      if (!q.bands?.length) errors.push(`${q.id}: a ${q.type} question needs bands`);
      for (const b of q.bands ?? []) {
        if (b.points < 0 || b.points > q.maxPoints) errors.push(`${q.id}: a band gives ${b.points}, outside 0–${q.maxPoints}`);
        if (b.max !== undefined && b.max < b.min) errors.push(`${q.id}: a band ends before it starts`);
      }
      if (q.type === "percent" && ((q.min ?? 0) < 0 || (q.max ?? 100) > 100)) errors.push(`${q.id}: a percentage lies in 0–100`);
    }
    if (q.appliesWhen) {
      const ref = seen.get(q.appliesWhen.question);
      const target = m.questions.find((other) => other.id === q.appliesWhen!.question);
      if (ref === undefined || ref >= index) errors.push(`${q.id}: its condition must refer to an earlier question`);
      for (const option of q.appliesWhen.oneOf ?? []) {
        if (!target?.options?.some((o) => o.id === option)) errors.push(`${q.id}: its condition names an unknown option ${option}`);
      }
    }
  });

  if (!m.tiers.length || m.tiers[0]!.minScore !== 0) errors.push("the first tier must start at 0");
  for (let i = 1; i < m.tiers.length; i++) {
    if (m.tiers[i]!.minScore <= m.tiers[i - 1]!.minScore) errors.push("tiers must be in rising order");
  }
  for (const c of m.eligibility.criteria) {
    if (!seen.has(c.question)) errors.push(`eligibility ${c.id}: question ${c.question} does not exist`);
  }
  return { ok: errors.length === 0, errors };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A stable fingerprint of a methodology's content (64-bit FNV-1a over canonical JSON, as hex). */
export function fingerprintMethodology(m: Methodology): string {
  const text = canonical(m);
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}
