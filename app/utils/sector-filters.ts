import { COUNTRY_CODES, isRegionOf, SECTORS, SIZE_BANDS } from "~/utils/reference-data";

import { TRUST_LABELS } from "~/utils/trust";

export { TRUST_LABELS };

export interface ParsedSectorFilters {
  country?: string;
  region?: string;
  sector?: string;
  size?: string;
  period?: { label: string; from: Date; to: Date };
  trust?: string;
  /** Parameters that were present but not understood: ignored, and the page says so. */
  ignored: string[];
}

/** Reads the dashboard's filters from the URL; a malformed value is ignored, never an error. */
export function parseSectorFilters(params: URLSearchParams): ParsedSectorFilters {
  const result: ParsedSectorFilters = { ignored: [] };
  const take = (name: string, valid: (value: string) => boolean) => {
    const value = params.get(name)?.trim();
    if (!value) return undefined;
    if (valid(value)) return value;
    result.ignored.push(name);
    return undefined;
  };
  result.country = take("country", (v) => (COUNTRY_CODES as readonly string[]).includes(v));
  result.region = take("region", (v) => Boolean(result.country) && isRegionOf(result.country!, v));
  result.sector = take("sector", (v) => (SECTORS as readonly string[]).includes(v));
  result.size = take("size", (v) => (SIZE_BANDS as readonly string[]).includes(v));
  result.trust = take("trust", (v) => (TRUST_LABELS as readonly string[]).includes(v));
  const period = take("period", (v) => /^(19|20)\d\d(-Q[1-4])?$/.test(v));
  if (period) {
    const year = Number(period.slice(0, 4));
    const quarter = period.length > 4 ? Number(period.slice(-1)) : null;
    const from = new Date(Date.UTC(year, quarter ? (quarter - 1) * 3 : 0, 1));
    const to = new Date(Date.UTC(year, quarter ? quarter * 3 : 12, 1));
    result.period = { label: period, from, to };
  }
  return result;
}

export function filtersToSearch(filters: Omit<ParsedSectorFilters, "ignored">): string {
  const params = new URLSearchParams();
  for (const key of ["country", "region", "sector", "size", "trust"] as const) if (filters[key]) params.set(key, filters[key]!);
  if (filters.period) params.set("period", filters.period.label);
  const text = params.toString();
  return text ? `?${text}` : "";
}
