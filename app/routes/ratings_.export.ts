import type { LoaderFunctionArgs } from "@remix-run/node";
import type { TFunction } from "i18next";
import { listDirectoryAll } from "~/models/directory.server";
import { parseDirectoryFilters, type DirectoryFilters } from "~/utils/directory-filters";
import { absoluteUrl } from "~/utils/env.server";
import { filterProblems } from "~/utils/filter-problems";
import { i18next } from "~/utils/i18next.server";
import { countryName, regionName, sectorName } from "~/utils/reference-data";
import { tierName } from "~/utils/methodology-text";
import { oneAtATime } from "~/utils/one-at-a-time.server";
import { badExportRequest, exportFormat, tableResponse, type ExportFormat } from "~/utils/table-export.server";

/** The current directory view as CSV or a spreadsheet (`format=xlsx`): every matching row, not just one page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const { filters, invalid } = parseDirectoryFilters(params);
  const format = exportFormat(params);
  const t = await i18next.getFixedT(request, "common");
  if (format === null) invalid.push("format");
  if (invalid.length) return badExportRequest(t("exports.badFilters", { problems: filterProblems(t, invalid) }));
  const locale = await i18next.getLocale(request);
  const built = await wholeDirectoryExports(() => buildExport(filters, format!, t, locale), EXPORT_WAIT_MS);
  if (!built) {
    return new Response(t("errorPage.503.title"), {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30", "Cache-Control": "no-store" },
    });
  }
  return built.value;
}

// Built in memory (100,000 enterprises as a spreadsheet take several hundred MB): one at a time per
// server process, the next waiting its turn, at most a minute (a proxy in front gives up after about that).
const wholeDirectoryExports = oneAtATime();
const EXPORT_WAIT_MS = 60_000;

async function buildExport(filters: DirectoryFilters, format: ExportFormat, t: TFunction, language: string) {
  const items = await listDirectoryAll(filters);
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
  ]);
  return tableResponse({ format, filename: "ortaq-ratings", sheet: t("directory.caption"), header, rows, language });
}
