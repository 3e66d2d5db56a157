import type { LoaderFunctionArgs } from "@remix-run/node";
import type { TFunction } from "i18next";
import { readDirectoryInPages, type DirectoryItem } from "~/models/directory.server";
import { parseDirectoryFilters, type DirectoryFilters } from "~/utils/directory-filters";
import { absoluteUrl } from "~/utils/env.server";
import { filterProblems } from "~/utils/filter-problems";
import { i18next } from "~/utils/i18next.server";
import { countryName, regionName, sectorName } from "~/utils/reference-data";
import { tierName } from "~/utils/methodology-text";
import { badExportRequest, exportFormat, tableResponse, type ExportFormat } from "~/utils/table-export.server";

/** The current directory view as CSV or a spreadsheet (`format=xlsx`): every matching row, not just one page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const { filters, invalid } = parseDirectoryFilters(params);
  const format = exportFormat(params);
  const t = await i18next.getFixedT(request, "common");
  if (format === null) invalid.push("format");
  if (invalid.length) return badExportRequest(t("exports.badFilters", { problems: filterProblems(t, invalid) }));
  return buildExport(filters, format!, t, await i18next.getLocale(request), request.signal);
}

/** Sent as it is read, a thousand rows at a time: 100,000 enterprises never sit in memory at once (decision 030). */
function buildExport(filters: DirectoryFilters, format: ExportFormat, t: TFunction, language: string, signal: AbortSignal) {
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
  const row = (item: DirectoryItem) => [
    item.name,
    countryName(t, item.country),
    item.region ? regionName(t, item.region) : "",
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
  ];
  async function* rows() {
    for await (const page of readDirectoryInPages(filters)) yield page.map(row);
  }
  return tableResponse({ format, filename: "ortaq-ratings", sheet: t("directory.caption"), header, rows: rows(), language, signal });
}
