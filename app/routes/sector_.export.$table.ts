import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentMethodology } from "../../scoring";
import { getSectorSummary } from "~/models/sector.server";
import { filterProblems } from "~/utils/filter-problems";
import { i18next } from "~/utils/i18next.server";
import { parseSectorFilters } from "~/utils/sector-filters";
import { SECTOR_TABLES, sectorTables, type SectorTable } from "~/utils/sector-tables";
import { notFound } from "~/utils/permissions.server";
import { badExportRequest, exportFormat, tableResponse } from "~/utils/table-export.server";

/** Any table of the dashboard as CSV or a spreadsheet, with the same filters and the same suppression as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const table = params.table as SectorTable;
  if (!SECTOR_TABLES.includes(table)) notFound();
  const search = new URL(request.url).searchParams;
  const filters = parseSectorFilters(search);
  const format = exportFormat(search);
  const t = await i18next.getFixedT(request, "common");
  // A filter that is not understood would give the figures of another selection than the one asked.
  const problems = [...filters.ignored, ...(format === null ? ["format"] : [])];
  if (problems.length) return badExportRequest(t("exports.badFilters", { problems: filterProblems(t, problems) }));
  const summary = await getSectorSummary(filters);
  const language = await i18next.getLocale(request);
  const data = sectorTables(summary, currentMethodology, t, language)[table];
  return tableResponse({
    format: format!,
    filename: `ortaq-sector-${table}`,
    sheet: t(table === "trust" ? "verification.sectorTrust" : `sector.${table}`),
    header: data.header,
    rows: data.rows,
    language,
  });
}
