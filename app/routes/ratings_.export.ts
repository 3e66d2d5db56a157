import type { LoaderFunctionArgs } from "@remix-run/node";
import { listDirectoryAll } from "~/models/directory.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { parseDirectoryFilters } from "~/utils/directory-filters";
import { absoluteUrl } from "~/utils/env.server";
import { i18next } from "~/utils/i18next.server";
import { countryName, sectorName } from "~/utils/reference-data";
import { tierName } from "~/utils/methodology-text";

/** The current directory view as CSV: every matching row, not just one page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { filters } = parseDirectoryFilters(new URL(request.url).searchParams);
  const items = await listDirectoryAll(filters);
  const t = await i18next.getFixedT(request, "common");
  const header = [
    t("directory.name"),
    t("sector.country"),
    t("sector.region"),
    t("sector.sector"),
    t("rating.score"),
    t("directory.tier"),
    t("sector.trust"),
    t("verification.verifiedAtColumn"),
    t("verification.verifierColumn"),
    t("directory.eligibleShort"),
    t("registers.csvColumn"),
    t("directory.ratedOn"),
    "URL",
  ];
  const rows = items.map((item) => [
    item.name,
    countryName(t, item.country),
    item.region,
    sectorName(t, item.sector),
    item.overall,
    tierName(t, item.tier),
    t(`sector.trustLabels.${item.trust}`),
    item.verifiedAt?.slice(0, 10) ?? "",
    item.verifiedBy ?? "",
    item.eligible ? t("directory.yes") : t("directory.no"),
    item.registeredSince ?? "",
    item.ratedAt.slice(0, 10),
    absoluteUrl(`/enterprises/${item.slug}`),
  ]);
  return csvResponse("ortaq-ratings.csv", toCsv(header, rows));
}
