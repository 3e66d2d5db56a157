import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentMethodology } from "../../scoring";
import { ScoreBarChart } from "~/components/charts/score-bar-chart";
import { KeptPart } from "~/components/kept-html";
import { ScoreLineChart } from "~/components/charts/score-line-chart";
import { registerCountriesOf } from "~/models/register.server";
import { getSectorSummary } from "~/models/sector.server";
import { formatNumber } from "~/utils/format";
import { MIN_GROUP } from "~/utils/sector-disclosure";
import { getOptionalUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { countryName } from "~/utils/reference-data";
import { filtersToSearch, parseSectorFilters } from "~/utils/sector-filters";
import { sectorTables, type SectorTable } from "~/utils/sector-tables";
import { dimensionName, tierName } from "~/utils/methodology-text";
import { CountryRegionFields } from "~/components/country-region-fields";
import { SectorFilterSelect, SizeFilterSelect, TrustFilterSelect } from "~/components/filter-select";
import { SelectionSummary } from "~/components/selection-summary";
import { filterProblems } from "~/utils/filter-problems";
import { TableCaption, TableScroll } from "~/components/table-scroll";
import { DataLicence } from "~/components/data-licence";
import { pageMeta } from "~/utils/page-meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getOptionalUser(request);
  // A ministry official lands on their own country.
  const ministryCountry = user?.roles.find((r) => r.role === "ministry")?.country;
  if (ministryCountry && [...url.searchParams.keys()].length === 0) throw redirect(`/sector?country=${ministryCountry}`);
  const filters = parseSectorFilters(url.searchParams);
  const t = await getFixedT(request);
  return {
    title: t("sector.title"),
    description: t("sector.intro", { min: MIN_GROUP }),
    filters: { ...filters, period: filters.period?.label },
    search: filtersToSearch(filters),
    summary: await getSectorSummary(filters),
    scale: {
      tiers: currentMethodology.tiers.map(({ id }) => ({ id })),
      dimensions: currentMethodology.dimensions.map(({ id }) => ({ id })),
    },
    periodTyped: url.searchParams.get("period")?.slice(0, 20) ?? null,
    generatedAt: new Date().toISOString(),
    canImportRegisters: registerCountriesOf(user).length > 0,
  };
}

function DataTable({
  id,
  caption,
  table,
}: {
  id: SectorTable;
  caption: string;
  table: { header: string[]; rows: (string | number | null)[][] };
}) {
  const { t, i18n } = useTranslation();
  // The CSV export keeps the bare numbers; the page writes them the reader's way.
  const cellText = (cell: string | number | null) =>
    typeof cell === "number" ? formatNumber(cell, i18n.language, { maximumFractionDigits: 1 }) : cell;
  return (
    <TableScroll captionId={`caption-${id}`}>
      <table id={`table-${id}`}>
        <TableCaption>{caption}</TableCaption>
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? "number" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.header.length}>{t("sector.noRows")}</td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="number">
                      {cellText(cell)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The rows that have a mean score. */
function withMean<T extends { mean: number | null }>(rows: T[]): (T & { mean: number })[] {
  return rows.filter((row): row is T & { mean: number } => row.mean !== null);
}

/** What the figures of a summary show, all of it plain data: a kept part is rendered from it alone (decision 039). */
interface SectorFiguresProps {
  summary: Awaited<ReturnType<typeof getSectorSummary>>;
  scale: { tiers: { id: string }[]; dimensions: { id: string }[] };
  /** The selection as a query string, for the export links. */
  search: string;
  /** Whether a country is chosen: its regions are then shown. */
  byRegion: boolean;
}

/** The summary's notices, its tables with their charts and export links, the licence. */
function SectorFigures({ summary, scale, search, byRegion }: SectorFiguresProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // A quarter as the reader names it ("ربع ۳ سال ۲۰۲۶"); the CSV export keeps "2026-Q3".
  const quarterName = (quarter: string) => {
    const parts = /^(\d{4})-Q([1-4])$/.exec(quarter);
    return parts
      ? t("sector.quarterName", { year: formatNumber(Number(parts[1]), language, { useGrouping: false }), quarter: Number(parts[2]) })
      : quarter;
  };
  // The quarters and countries with a mean score shown (a group too small has none): what the charts draw.
  const trend = withMean(summary.trend);
  const countries = withMean(summary.byCountry);
  const byTable = sectorTables(summary, scale, t, language);
  const tables = {
    ...byTable,
    trend: { ...byTable.trend, rows: byTable.trend.rows.map(([quarter, ...figures]) => [quarterName(String(quarter)), ...figures]) },
  };
  const exportLink = (table: SectorTable) => `/sector/export/${table}${search}`;
  const dimensionLabel = (id: string) => dimensionName(t, id);
  const section = (id: SectorTable, heading: string, caption: string, chart: React.ReactNode) => (
    <section aria-labelledby={`h-${id}`} className="sector-block">
      <h2 id={`h-${id}`}>{heading}</h2>
      {chart}
      <DataTable id={id} caption={caption} table={tables[id]} />
      <p className="actions">
        <a href={exportLink(id)} download>
          {t("sector.exportCsv", { table: heading })}
        </a>
        <a href={`${exportLink(id)}${search ? "&" : "?"}format=xlsx`} download>
          {t("sector.exportXlsx", { table: heading })}
        </a>
      </p>
    </section>
  );
  return (
    <>
      {summary.suppressed ? (
        <p role="status" className="notice notice-warning">
          {t(summary.suppressedBecause === "small_remainder" ? "sector.suppressedRemainder" : "sector.suppressed", { min: MIN_GROUP })}
        </p>
      ) : summary.weakest.length ? (
        <p className="notice">{t("sector.weakest", { list: summary.weakest.map(dimensionLabel).join(", ") })}</p>
      ) : null}

      {section("overview", t("sector.overview"), t("sector.overviewCaption"), null)}
      {section(
        "tiers",
        t("sector.tiers"),
        t("sector.tiersCaption"),
        summary.suppressed ? null : (
          <ScoreBarChart
            label={t("sector.tiersChart")}
            max={null}
            labels={scale.tiers.map((x) => tierName(t, x.id))}
            series={[
              {
                name: t("sector.count"),
                values: scale.tiers.map((x) => summary.tiers.find((y) => y.tier === x.id)?.count ?? 0),
              },
            ]}
          />
        ),
      )}
      {section("trust", t("verification.sectorTrust"), t("verification.sectorTrustCaption"), null)}
      {section(
        "dimensions",
        t("sector.dimensions"),
        t("sector.dimensionsCaption"),
        summary.suppressed ? null : (
          <ScoreBarChart
            label={t("sector.dimensionsChart")}
            labels={summary.dimensions.map((d) => dimensionLabel(d.id))}
            series={[
              { name: t("sector.mean"), values: summary.dimensions.map((d) => d.mean) },
              { name: t("sector.median"), values: summary.dimensions.map((d) => d.median) },
            ]}
          />
        ),
      )}
      {section("sdgs", t("sector.sdgs"), t("sector.sdgsCaption"), null)}
      {section(
        "trend",
        t("sector.trend"),
        t("sector.trendCaption"),
        trend.length > 0 ? (
          <ScoreLineChart
            label={t("sector.trendChart")}
            seriesName={t("sector.mean")}
            labels={trend.map((q) => quarterName(q.quarter))}
            values={trend.map((q) => q.mean)}
          />
        ) : null,
      )}
      {section(
        "countries",
        t("sector.countries"),
        t("sector.countriesCaption"),
        countries.length > 0 ? (
          <ScoreBarChart
            label={t("sector.countriesChart")}
            labels={countries.map((c) => countryName(t, c.key))}
            series={[{ name: t("sector.mean"), values: countries.map((c) => c.mean) }]}
          />
        ) : null,
      )}
      {byRegion ? section("regions", t("sector.regions"), t("sector.regionsCaption"), null) : null}
      {section("registration", t("registers.sectorHeading"), t("registers.sectorCaption"), null)}
      <DataLicence />
    </>
  );
}

export default function SectorPage() {
  const { t } = useTranslation();
  const { title, filters, search, summary, scale, periodTyped, generatedAt, canImportRegisters } = useLoaderData<typeof loader>();
  return (
    <article className="sector">
      <h1>{title}</h1>
      <SelectionSummary filters={filters} generatedAt={generatedAt} />
      <p>{t("sector.intro", { min: MIN_GROUP })}</p>
      {canImportRegisters ? (
        <p>
          <Link to="/admin/registers">{t("registers.importLink")}</Link>
        </p>
      ) : null}
      <Form key={search} method="get" className="filters">
        <CountryRegionFields country={filters.country} region={filters.region} />
        <SectorFilterSelect value={filters.sector} />
        <SizeFilterSelect value={filters.size} />
        <div className="field">
          <label htmlFor="f-period">{t("sector.period")}</label>
          <input
            id="f-period"
            name="period"
            type="text"
            placeholder="2026 / 2026-Q3"
            defaultValue={filters.period ?? periodTyped ?? ""}
            aria-describedby={filters.ignored.includes("period") ? "f-period-hint f-period-error" : "f-period-hint"}
            aria-invalid={filters.ignored.includes("period") ? true : undefined}
          />
          <p id="f-period-hint" className="field-hint">
            {t("sector.periodHint")}
          </p>
          {filters.ignored.includes("period") ? (
            <ul id="f-period-error" className="field-errors">
              <li>{filterProblems(t, ["period"])}</li>
            </ul>
          ) : null}
        </div>
        <TrustFilterSelect value={filters.trust} />
        <div className="actions">
          <button type="submit">{t("sector.apply")}</button>
          <Link to="/sector">{t("sector.clear")}</Link>
        </div>
      </Form>
      {filters.ignored.length ? (
        <p role="status" className="notice notice-warning">
          {t("filterProblems.ignored", { problems: filterProblems(t, filters.ignored) })}
        </p>
      ) : null}
      <KeptPart
        name="sector-figures"
        as="div"
        component={SectorFigures}
        props={{ summary, scale, search, byRegion: Boolean(filters.country) }}
      />
      <p className="print-note">{t("sector.printHint")}</p>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title, data?.description);
