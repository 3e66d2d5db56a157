import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSectorSummary } from "~/models/sector.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { i18next } from "~/utils/i18next.server";
import { parseSectorFilters } from "~/utils/sector-filters";
import { SECTOR_TABLES, sectorTables, type SectorTable } from "~/utils/sector-tables";
import { notFound } from "~/utils/permissions.server";

/** Any table of the dashboard as CSV, with the same filters and the same suppression as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const table = params.table as SectorTable;
  if (!SECTOR_TABLES.includes(table)) notFound();
  const filters = parseSectorFilters(new URL(request.url).searchParams);
  const summary = await getSectorSummary(filters);
  const t = await i18next.getFixedT(request, "common");
  const language = await i18next.getLocale(request);
  const data = sectorTables(summary, t, language)[table];
  return csvResponse(`ortaq-sector-${table}.csv`, toCsv(data.header, data.rows));
}
