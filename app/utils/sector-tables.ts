import type { SectorSummary } from "~/utils/sector-summary";
import { TRUST_LABELS } from "~/utils/trust";
import { formatNumber } from "~/utils/format";
import { countryName, regionName, sdgLabel } from "~/utils/reference-data";
import { dimensionName, tierName } from "~/utils/methodology-text";

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The tiers and dimensions of the methodology the figures are of, in its order: the current one's, which the
 * page receives from its loader (so the browser does without the methodologies' code).
 */
export interface SectorScale {
  tiers: readonly { id: string }[];
  dimensions: readonly { id: string }[];
}

export const SECTOR_TABLES = ["overview", "tiers", "trust", "dimensions", "sdgs", "trend", "countries", "regions", "registration"] as const;
export type SectorTable = (typeof SECTOR_TABLES)[number];

/** Every table of the dashboard as header and rows: the page renders them and the CSV export writes them. */
export function sectorTables(
  summary: SectorSummary,
  scale: SectorScale,
  t: T,
  language: string,
): Record<SectorTable, { header: string[]; rows: (string | number | null)[][] }> {
  const tooFew = t("sector.tooFew");
  const dimensionLabel = (id: string) => dimensionName(t, id);
  const tierLabel = (id: string) => tierName(t, id);
  const pct = (x: number | undefined) =>
    x === undefined ? tooFew : formatNumber(x, language, { style: "percent", maximumFractionDigits: 1 });
  return {
    overview: {
      header: [t("sector.figure"), t("sector.value")],
      rows: [
        [t("sector.enterprises"), summary.enterprises],
        [t("sector.rated"), summary.suppressed ? tooFew : summary.rated],
        [t("sector.meanOverall"), summary.overall?.mean ?? tooFew],
        [t("sector.medianOverall"), summary.overall?.median ?? tooFew],
        [t("sector.jobs"), summary.jobs ?? tooFew],
        [t("sector.beneficiaries"), summary.beneficiaries ?? tooFew],
        [t("sector.beneficiaryPartsReportedBy"), summary.beneficiaryParts?.reportedBy ?? tooFew],
        [t("sector.beneficiariesWomen"), summary.beneficiaryParts?.women ?? tooFew],
        [t("sector.beneficiariesDisability"), summary.beneficiaryParts?.disability ?? tooFew],
        [t("sector.beneficiariesVulnerable"), summary.beneficiaryParts?.vulnerable ?? tooFew],
        [t("sector.womenLed"), pct(summary.shares?.womenLed)],
        [t("sector.youthLed"), pct(summary.shares?.youthLed)],
        [t("sector.eligible"), pct(summary.shares?.eligible)],
      ],
    },
    tiers: {
      header: [t("sector.tier"), t("sector.count")],
      rows: scale.tiers.map((tier) => [
        tierLabel(tier.id),
        summary.suppressed ? tooFew : (summary.tiers.find((x) => x.tier === tier.id)?.count ?? 0),
      ]),
    },
    trust: {
      header: [t("sector.trust"), t("sector.count")],
      rows: TRUST_LABELS.map((label) => [
        t(`sector.trustLabels.${label}`),
        summary.suppressed ? tooFew : (summary.trust.find((x) => x.label === label)?.count ?? 0),
      ]),
    },
    dimensions: {
      header: [t("sector.dimension"), t("sector.mean"), t("sector.median")],
      rows: scale.dimensions.map((d) => {
        const row = summary.dimensions.find((x) => x.id === d.id);
        return [dimensionLabel(d.id), row?.mean ?? tooFew, row?.median ?? tooFew];
      }),
    },
    sdgs: {
      header: [t("sector.goal"), t("sector.count")],
      rows: summary.suppressed ? [] : summary.sdgs.map((s) => [sdgLabel(t, s.goal, language), s.count]),
    },
    trend: {
      header: [t("sector.quarter"), t("sector.rated"), t("sector.mean")],
      rows: summary.trend.map((q) => [q.quarter, q.rated ?? tooFew, q.mean ?? tooFew]),
    },
    countries: {
      header: [t("sector.country"), t("sector.rated"), t("sector.mean")],
      rows: summary.byCountry.map((c) => [countryName(t, c.key), c.rated ?? tooFew, c.mean ?? tooFew]),
    },
    regions: {
      header: [t("sector.region"), t("sector.rated"), t("sector.mean")],
      rows: summary.byRegion.map((r) => [regionName(t, r.key), r.rated ?? tooFew, r.mean ?? tooFew]),
    },
    registration: {
      header: [t("registers.sectorColumn"), t("sector.rated"), t("sector.mean")],
      rows: (summary.byRegistration ?? []).map((r) => [t(`registers.sectorRow.${r.key}`), r.rated ?? tooFew, r.mean ?? tooFew]),
    },
  };
}
