import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentMethodology } from "../../scoring";
import { registerColumnsOf } from "~/models/register.server";
import { currentRatings, getShortlist, shortlistName } from "~/models/shortlist.server";
import { requireUser } from "~/utils/auth.server";
import { absoluteUrl } from "~/utils/env.server";
import { filterProblems } from "~/utils/filter-problems";
import { i18next } from "~/utils/i18next.server";
import { dimensionName, tierName } from "~/utils/methodology-text";
import { notFound, requireIdParam } from "~/utils/permissions.server";
import { countryName, regionName, sectorName } from "~/utils/reference-data";
import { badExportRequest, exportFormat, tableResponse } from "~/utils/table-export.server";

/**
 * A shortlist as CSV or a spreadsheet (`format=xlsx`): names in the reader's language, the current public scores,
 * the identification number and since when the national register lists it, the notes.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const shortlist = await getShortlist({ id: requireIdParam(params), userId: user.id });
  if (!shortlist) notFound();
  const t = await i18next.getFixedT(request, "common");
  const format = exportFormat(new URL(request.url).searchParams);
  if (format === null) return badExportRequest(t("exports.badFilters", { problems: filterProblems(t, ["format"]) }));
  const enterpriseIds = shortlist.entries.map((e) => e.enterprise.id);
  const [ratings, registers, legal] = await Promise.all([
    currentRatings(enterpriseIds),
    registerColumnsOf(enterpriseIds),
    i18next.getFixedT(request, "legal"),
  ]);
  const dimensions = currentMethodology.dimensions.map((d) => d.id);
  const header = [
    t("directory.name"),
    t("sector.country"),
    t("sector.region"),
    t("sector.sector"),
    t("rating.score"),
    t("directory.tier"),
    t("sector.trust"),
    ...dimensions.map((id) => dimensionName(t, id)),
    legal("status.taxId"),
    t("registers.csvColumn"),
    t("shortlists.noteHeader"),
    "URL",
  ];
  const rows = shortlist.entries.map(({ enterprise, note }) => {
    const rating = ratings[enterprise.id];
    return [
      enterprise.name,
      countryName(t, enterprise.country),
      enterprise.region ? regionName(t, enterprise.region) : "",
      sectorName(t, enterprise.sector),
      rating?.overall ?? t("shortlists.notRated"),
      rating ? tierName(t, rating.tier) : "",
      rating ? t(`sector.trustLabels.${rating.trust}`) : "",
      ...dimensions.map((id) => rating?.dimensions[id] ?? ""),
      // Text, never a number: identification numbers keep their leading zeros (Tajikistan's begin with 0).
      registers[enterprise.id]?.taxId ?? "",
      registers[enterprise.id]?.registeredSince ?? "",
      note,
      absoluteUrl(`/enterprises/${enterprise.slug}`),
    ];
  });
  return tableResponse({
    format,
    filename: "ortaq-shortlist",
    sheet: shortlistName(t, shortlist.name),
    header,
    rows,
    language: await i18next.getLocale(request),
  });
}
