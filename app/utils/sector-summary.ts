// The figures of one selection of the sector dashboard: computed by the sector model, shown by
// the page and written by the CSV exports. Shared by server and browser.

export interface Stat {
  mean: number;
  median: number;
}

export interface SectorSummary {
  enterprises: number;
  rated: number;
  /** No figure of the selection is shown: too few rated enterprises, or too few left out by a wider selection. */
  suppressed: boolean;
  suppressedBecause: "too_few" | "small_remainder" | null;
  tiers: { tier: string; count: number }[];
  trust: { label: string; count: number }[];
  overall: Stat | null;
  dimensions: { id: string; mean: number; median: number }[];
  jobs: number | null;
  beneficiaries: number | null;
  /** Of the beneficiaries, as reported by the rated enterprises asked (methodology v2 on); null for fewer than MIN_GROUP of them. */
  beneficiaryParts: { reportedBy: number; women: number | null; disability: number | null; vulnerable: number | null } | null;
  shares: { womenLed: number; youthLed: number; eligible: number } | null;
  sdgs: { goal: number; count: number }[];
  trend: { quarter: string; rated: number | null; mean: number | null }[];
  byCountry: { key: string; rated: number | null; mean: number | null }[];
  byRegion: { key: string; rated: number | null; mean: number | null }[];
  /** Rated enterprises in their country's national register of social enterprises (key `registered`) and not (`not_registered`). */
  byRegistration: { key: string; rated: number | null; mean: number | null }[];
  weakest: string[];
}
