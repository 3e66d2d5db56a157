type T = (key: string, options?: Record<string, unknown>) => string;

/** The field label of each filter parameter of the directory and the sector pages. */
const LABELS: Record<string, string> = {
  country: "sector.country",
  region: "sector.region",
  sector: "sector.sector",
  size: "sector.size",
  period: "sector.period",
  trust: "sector.trust",
  tier: "directory.tier",
  minScore: "directory.minScore",
  eligible: "directory.eligible",
  sdg: "directory.sdg",
  womenLed: "directory.womenLed",
  youthLed: "directory.youthLed",
  registered: "registers.filterLabel",
  q: "directory.search",
  sort: "directory.sort",
  cursor: "directory.pages",
  page: "directory.pages",
  format: "exports.format",
};

/** What is wrong with each filter that was not understood, in words: "“Lowest score” must be a number from 0 to 100". */
export function filterProblems(t: T, names: string[]): string {
  return names
    .map((name) => {
      if (name === "minScore") return t("filterProblems.minScore", { label: t(LABELS.minScore!) });
      if (name === "period") return t("filterProblems.period", { label: t(LABELS.period!) });
      if (name === "region") return t("filterProblems.region", { label: t(LABELS.region!) });
      return t("filterProblems.other", { label: LABELS[name] ? t(LABELS[name]) : name });
    })
    .join("; ");
}
