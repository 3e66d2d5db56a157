import { currentMethodology } from "../../scoring";
import type { CohortFigures } from "~/utils/cohort-figures";
import { dimensionName, tierName } from "~/utils/methodology-text";
import { countryName, sectorName } from "~/utils/reference-data";
import type { TrustLabel } from "~/utils/trust";

type T = (key: string, options?: Record<string, unknown>) => string;
type Cell = string | number | null;

export const COHORT_TABLES = ["members", "figures"] as const;
export type CohortTable = (typeof COHORT_TABLES)[number];

export interface CohortForTables {
  members: {
    enterprise: { slug: string; name: string; country: string; sector: string };
    rating: { overall: number; tier: string; dimensions: Record<string, number>; trust: { label: TrustLabel } } | null;
    plan: { done: number; total: number } | null;
    sessions: number;
  }[];
  figures: CohortFigures;
}

/**
 * A cohort's tables as header and rows: the enterprises that consented, one row each, and the cohort's
 * figures. The page shows the figures from them and the exports write both.
 */
export function cohortTables(
  cohort: CohortForTables,
  t: T,
  url: (path: string) => string,
): Record<CohortTable, { header: string[]; rows: Cell[][] }> {
  const dimensions = currentMethodology.dimensions.map((d) => d.id);
  const { rated, figures } = cohort.figures;
  const tooFew = t("sector.tooFew");
  return {
    members: {
      header: [
        t("cohorts.enterprise"),
        t("sector.country"),
        t("sector.sector"),
        t("cohorts.score"),
        t("cohorts.tier"),
        t("cohorts.trust"),
        ...dimensions.map((id) => dimensionName(t, id)),
        t("cohorts.figures.planItemsDone"),
        t("cohorts.figures.planItemsTotal"),
        t("cohorts.sessions"),
        "URL",
      ],
      rows: cohort.members.map(({ enterprise, rating, plan, sessions }) => [
        enterprise.name,
        countryName(t, enterprise.country),
        sectorName(t, enterprise.sector),
        rating?.overall ?? t("cohorts.notRated"),
        rating ? tierName(t, rating.tier) : "",
        rating ? t(`sector.trustLabels.${rating.trust.label}`) : "",
        ...dimensions.map((id) => rating?.dimensions[id] ?? ""),
        plan?.done ?? "",
        plan?.total ?? "",
        sessions,
        url(`/enterprises/${enterprise.slug}`),
      ]),
    },
    figures: {
      header: [t("sector.figure"), t("sector.value")],
      rows: [
        [t("sector.rated"), rated],
        [t("sector.meanOverall"), figures?.meanOverall ?? tooFew],
        [t("sector.medianOverall"), figures?.medianOverall ?? tooFew],
        ...dimensions.map((id): Cell[] => [
          t("cohorts.figures.dimensionMean", { dimension: dimensionName(t, id) }),
          figures?.dimensions.find((d) => d.id === id)?.mean ?? tooFew,
        ]),
        [t("cohorts.figures.planItemsDone"), figures?.planItemsDone ?? tooFew],
        [t("cohorts.figures.planItemsTotal"), figures?.planItemsTotal ?? tooFew],
        [t("cohorts.sessions"), figures?.sessions ?? tooFew],
      ],
    },
  };
}
