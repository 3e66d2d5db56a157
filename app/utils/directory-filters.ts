import { currentMethodology } from "../../scoring";
import { COUNTRY_CODES, isRegionOf, SECTORS, SIZE_BANDS } from "~/utils/reference-data";
import { TRUST_LABELS } from "~/utils/sector-filters";

export const SORTS = ["score", "name", "date"] as const;
export type DirectorySort = (typeof SORTS)[number];

export interface DirectoryFilters {
  country?: string;
  region?: string;
  sector?: string;
  tier?: string;
  minScore?: number;
  trust?: string;
  eligible?: boolean;
  sdg?: number;
  size?: string;
  womenLed?: boolean;
  youthLed?: boolean;
  /** In (true) or not in (false) the national register of social enterprises of their country. */
  registered?: boolean;
  q?: string;
  sort: DirectorySort;
}

export const DIRECTORY_PARAMS = [
  "country",
  "region",
  "sector",
  "tier",
  "minScore",
  "trust",
  "eligible",
  "sdg",
  "size",
  "womenLed",
  "youthLed",
  "registered",
  "q",
  "sort",
  "cursor",
] as const;

const BOOLEAN = new Map([
  ["true", true],
  ["1", true],
  ["yes", true],
  ["false", false],
  ["0", false],
  ["no", false],
]);

/**
 * Reads the directory's filters from URL parameters with plain names (`country=KZ&tier=leading`).
 * A value that is not understood is reported in `invalid`: the page ignores it with a notice,
 * the API answers 400.
 */
export function parseDirectoryFilters(params: URLSearchParams): { filters: DirectoryFilters; invalid: string[] } {
  const invalid: string[] = [];
  const filters: DirectoryFilters = { sort: "score" };
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const check = <T>(name: string, value: string | undefined, parse: (v: string) => T | undefined): T | undefined => {
    if (value === undefined) return undefined;
    const parsed = parse(value);
    if (parsed === undefined) invalid.push(name);
    return parsed;
  };
  filters.country = check("country", get("country")?.toUpperCase(), (v) =>
    (COUNTRY_CODES as readonly string[]).includes(v) ? v : undefined,
  );
  filters.region = check("region", get("region")?.toUpperCase(), (v) =>
    filters.country ? (isRegionOf(filters.country, v) ? v : undefined) : COUNTRY_CODES.some((c) => isRegionOf(c, v)) ? v : undefined,
  );
  filters.sector = check("sector", get("sector"), (v) => ((SECTORS as readonly string[]).includes(v) ? v : undefined));
  filters.tier = check("tier", get("tier"), (v) => (currentMethodology.tiers.some((t) => t.id === v) ? v : undefined));
  filters.minScore = check("minScore", get("minScore"), (v) => (/^\d{1,3}(\.\d+)?$/.test(v) && Number(v) <= 100 ? Number(v) : undefined));
  filters.trust = check("trust", get("trust"), (v) => ((TRUST_LABELS as readonly string[]).includes(v) ? v : undefined));
  filters.eligible = check("eligible", get("eligible"), (v) => BOOLEAN.get(v));
  filters.sdg = check("sdg", get("sdg"), (v) => (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 17 ? Number(v) : undefined));
  filters.size = check("size", get("size"), (v) => ((SIZE_BANDS as readonly string[]).includes(v) ? v : undefined));
  filters.womenLed = check("womenLed", get("womenLed"), (v) => BOOLEAN.get(v));
  filters.youthLed = check("youthLed", get("youthLed"), (v) => BOOLEAN.get(v));
  filters.registered = check("registered", get("registered"), (v) => BOOLEAN.get(v));
  filters.q = check("q", get("q"), (v) => (v.length <= 200 && !/[\u0000-\u001f]/.test(v) ? v : undefined));
  filters.sort =
    check("sort", get("sort"), (v) => ((SORTS as readonly string[]).includes(v) ? (v as DirectorySort) : undefined)) ?? "score";
  return { filters, invalid };
}

/** The same filters as URL parameters, for links and exports. */
export function directorySearch(filters: DirectoryFilters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || (key === "sort" && value === "score")) continue;
    params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
