import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentMethodology } from "../../scoring";
import { KeptPart } from "~/components/kept-html";
import { TrustLabel } from "~/components/trust-label";
import { countDirectory, decodeCursor, listDirectory, previousCursor, type DirectoryItem } from "~/models/directory.server";
import { listShortlists, shortlistName, shortlistsHolding } from "~/models/shortlist.server";
import { ShortlistControl, ShortlistControlForms, type ShortlistChoice } from "~/components/shortlist-control";
import { PlainLink } from "~/components/plain-links";
import { filterProblems } from "~/utils/filter-problems";
import { CountryRegionFields } from "~/components/country-region-fields";
import { FilterSelect, SectorFilterSelect, SizeFilterSelect, TrustFilterSelect } from "~/components/filter-select";
import { getOptionalUser } from "~/utils/auth.server";
import { directorySearch, parseDirectoryFilters, SORTS, type DirectoryFilters } from "~/utils/directory-filters";
import { formatDate, formatNumber } from "~/utils/format";
import { isolate } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { REGIONS, SDGS, type CountryCode, countryName, sdgLabel, sectorName, regionName } from "~/utils/reference-data";
import { tierName } from "~/utils/methodology-text";
import { TableCaption, TableScroll } from "~/components/table-scroll";
import { DataLicence } from "~/components/data-licence";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { filters, invalid } = parseDirectoryFilters(url.searchParams);
  const cursorText = url.searchParams.get("cursor");
  const cursor = decodeCursor(cursorText, filters.sort);
  if (cursorText && !cursor) invalid.push("cursor");
  // The page's number travels beside the cursor, for "page N of M"; a page reached without it has none.
  const pageText = url.searchParams.get("page");
  const pageNumber =
    pageText === null ? (cursor ? null : 1) : /^\d{1,6}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : null;
  if (pageText !== null && pageNumber === null) invalid.push("page");
  const [page, count, previous] = await Promise.all([
    listDirectory({ filters, cursor }),
    countDirectory(filters),
    cursor ? previousCursor({ filters, cursor }) : null,
  ]);
  const t = await getFixedT(request);
  const user = await getOptionalUser(request);
  const shortlists = user ? await listShortlists(user.id) : [];
  // Which of the page's enterprises are on their lists: nothing to look up for someone with no list.
  const held = user && shortlists.length > 0 ? await shortlistsHolding({ userId: user.id, slugs: page.items.map((i) => i.slug) }) : {};
  const pageParams = (cursorValue: string | null, n: number | null) => ({
    ...(cursorValue ? { cursor: cursorValue } : {}),
    ...(n !== null && n > 1 ? { page: String(n) } : {}),
  });
  return {
    title: t("directory.title"),
    description: t("directory.intro"),
    signedIn: Boolean(user),
    shortlists: shortlists.map((l) => ({ id: l.id, name: shortlistName(t, l.name) })),
    held: Object.fromEntries(
      Object.entries(held).map(([slug, lists]) => [slug, lists.map((l) => ({ id: l.id, name: shortlistName(t, l.name) }))]),
    ),
    count,
    pageNumber,
    pages: Math.max(1, Math.ceil(count.count / 20)),
    previousSearch: previous ? directorySearch(filters, pageParams(previous.cursor, pageNumber === null ? null : pageNumber - 1)) : null,
    nextSearch: page.nextCursor ? directorySearch(filters, pageParams(page.nextCursor, pageNumber === null ? null : pageNumber + 1)) : null,
    here: `${url.pathname}${directorySearch(filters, cursor ? pageParams(cursorText, pageNumber) : {})}`,
    shortlisted: url.searchParams.has("shortlisted"),
    filters,
    invalid,
    minScoreTyped: url.searchParams.get("minScore")?.slice(0, 20) ?? null,
    search: directorySearch(filters),
    firstPage: Boolean(cursor),
    items: page.items.map(rowItem),
  };
}

/** What a row of the directory shows of an enterprise, and all the page sends of it. */
type DirectoryRowItem = Pick<
  DirectoryItem,
  | "slug"
  | "name"
  | "registeredSince"
  | "country"
  | "region"
  | "sector"
  | "overall"
  | "tier"
  | "trust"
  | "verifiedAt"
  | "verifiedBy"
  | "eligible"
  | "ratedAt"
>;

function rowItem(item: DirectoryItem): DirectoryRowItem {
  return {
    slug: item.slug,
    name: item.name,
    registeredSince: item.registeredSince,
    country: item.country,
    region: item.region,
    sector: item.sector,
    overall: item.overall,
    tier: item.tier,
    trust: item.trust,
    verifiedAt: item.verifiedAt,
    verifiedBy: item.verifiedBy,
    eligible: item.eligible,
    ratedAt: item.ratedAt,
  };
}

/** What a row of the directory shows, all of it plain data: a kept part is rendered from it alone (decision 039). */
interface DirectoryRowProps {
  item: DirectoryRowItem;
  /** The reader's shortlists and those that hold this enterprise, for a signed-in reader. */
  shortlists: { held: ShortlistChoice[]; lists: ShortlistChoice[] } | null;
}

function DirectoryRow({ item, shortlists }: DirectoryRowProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const region = REGIONS[item.country as CountryCode]?.some((r) => r.code === item.region) ? regionName(t, item.region) : item.region;
  return (
    <>
      <td>
        <input
          type="checkbox"
          name="e"
          value={item.slug}
          id={`cmp-${item.slug}`}
          aria-label={t("directory.compareThis", { name: isolate(item.name) })}
        />
      </td>
      <th scope="row">
        <PlainLink to={`/enterprises/${item.slug}`}>
          <bdi>{item.name}</bdi>
        </PlainLink>
        {item.registeredSince ? (
          <>
            {" "}
            <span
              className="badge"
              title={t("registers.marked", {
                country: countryName(t, item.country),
                date: formatDate(item.registeredSince, language),
              })}
            >
              {t("registers.badge")}
            </span>
          </>
        ) : null}
      </th>
      <td>
        {region}, {countryName(t, item.country)}
      </td>
      <td>{sectorName(t, item.sector)}</td>
      <td className="number">{formatNumber(item.overall, language, { maximumFractionDigits: 1 })}</td>
      <td>{tierName(t, item.tier)}</td>
      <td>
        <TrustLabel trust={{ label: item.trust, verifiedAt: item.verifiedAt, organisation: item.verifiedBy }} />
      </td>
      <td>{item.eligible ? t("directory.yes") : t("directory.no")}</td>
      <td>{formatDate(item.ratedAt, language)}</td>
      {shortlists ? (
        <td>
          <ShortlistControl slug={item.slug} name={item.name} held={shortlists.held} lists={shortlists.lists} />
        </td>
      ) : null}
    </>
  );
}

/** What the directory's filters show: the filters as read, and the minimum score as typed when it was refused. */
interface DirectoryFilterFieldsProps {
  filters: DirectoryFilters;
  minScoreInvalid: boolean;
  minScoreTyped: string | null;
}

/** The directory's filter fields and buttons, drawn from their props alone: kept for each set of filters (decision 039). */
function DirectoryFilterFields({ filters, minScoreInvalid, minScoreTyped }: DirectoryFilterFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <>
      <div className="field">
        <label htmlFor="f-q">{t("directory.search")}</label>
        <input id="f-q" type="search" name="q" defaultValue={filters.q ?? ""} />
      </div>
      <CountryRegionFields country={filters.country} region={filters.region} />
      <SectorFilterSelect value={filters.sector} />
      <FilterSelect
        name="tier"
        label={t("directory.tier")}
        anyLabel={t("sector.all")}
        options={currentMethodology.tiers.map((x) => ({ value: x.id, label: tierName(t, x.id) }))}
        value={filters.tier}
      />
      <div className="field">
        <label htmlFor="f-minScore">{t("directory.minScore")}</label>
        <input
          id="f-minScore"
          name="minScore"
          type="number"
          min={0}
          max={100}
          step="any"
          defaultValue={filters.minScore ?? minScoreTyped ?? ""}
          aria-invalid={minScoreInvalid ? true : undefined}
          aria-describedby={minScoreInvalid ? "f-minScore-error" : undefined}
        />
        {minScoreInvalid ? (
          <ul id="f-minScore-error" className="field-errors">
            <li>{filterProblems(t, ["minScore"])}</li>
          </ul>
        ) : null}
      </div>
      <TrustFilterSelect value={filters.trust} />
      <FilterSelect
        name="sdg"
        label={t("directory.sdg")}
        anyLabel={t("sector.all")}
        options={SDGS.map((g) => ({ value: String(g), label: sdgLabel(t, g, language) }))}
        value={filters.sdg}
      />
      <SizeFilterSelect value={filters.size} />
      <div className="field">
        {/* No "All" here: the first order is the default one, and says so. */}
        <label htmlFor="f-sort">{t("directory.sort")}</label>
        <select id="f-sort" name="sort" defaultValue={filters.sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {s === "score" ? t("directory.sortDefault", { order: t(`directory.sorts.${s}`) }) : t(`directory.sorts.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <FilterSelect
        name="registered"
        label={t("registers.filterLabel")}
        anyLabel={t("sector.all")}
        options={[
          { value: "yes", label: t("registers.filterYes") },
          { value: "no", label: t("registers.filterNo") },
        ]}
        value={filters.registered === undefined ? undefined : filters.registered ? "yes" : "no"}
      />
      <fieldset className="field">
        <legend>{t("directory.only")}</legend>
        {(["eligible", "womenLed", "youthLed"] as const).map((name) => (
          <div key={name} className="field-checkbox">
            <input type="checkbox" id={`f-${name}`} name={name} value="true" defaultChecked={filters[name] === true} />
            <label htmlFor={`f-${name}`}>{t(`directory.${name}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit">{t("sector.apply")}</button>
        <PlainLink to="/ratings">{t("sector.clear")}</PlainLink>
      </div>
    </>
  );
}

export default function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const {
    title,
    filters,
    invalid,
    items,
    search,
    firstPage,
    signedIn,
    here,
    shortlisted,
    shortlists,
    held,
    count,
    pageNumber,
    pages,
    previousSearch,
    nextSearch,
    minScoreTyped,
  } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{title}</h1>
      <p>{t("directory.intro")}</p>
      {/* Keyed by the filters so that a navigation (e.g. "clear filters") resets the fields. */}
      <Form key={search} method="get" className="filters" role="search" aria-label={t("directory.filters")}>
        <KeptPart
          name="directory-filters"
          as="div"
          className="filter-fields"
          component={DirectoryFilterFields}
          props={{ filters, minScoreInvalid: invalid.includes("minScore"), minScoreTyped }}
        />
      </Form>
      {shortlisted ? (
        <p role="status" className="notice">
          {t("shortlists.added")} <Link to="/shortlists">{t("shortlists.title")}</Link>
        </p>
      ) : null}
      {invalid.length ? (
        <p role="status" className="notice notice-warning">
          {t("filterProblems.ignored", { problems: filterProblems(t, invalid) })}
        </p>
      ) : null}
      <p role="status" className="directory-count">
        {count.exact
          ? t("directory.count", { formatted: formatNumber(count.count, language) })
          : t("directory.countEstimate", {
              formatted: formatNumber(Number(count.count.toPrecision(2)), language),
            })}
      </p>
      <p className="actions">
        <a href={`/ratings/export${search}`} download>
          {t("directory.exportCsv")}
        </a>
        <a href={`/ratings/export${search ? `${search}&` : "?"}format=xlsx`} download>
          {t("directory.exportXlsx")}
        </a>
      </p>
      <DataLicence />
      {items.length === 0 ? (
        <div className="notice">
          <p>{t("directory.empty")}</p>
          <p>
            <Link to="/ratings">{t("sector.clear")}</Link>
          </p>
        </div>
      ) : (
        <Form method="get" action="/compare">
          <TableScroll>
            <table>
              <TableCaption>{t("directory.caption")}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t("directory.compare")}</th>
                  <th scope="col">{t("directory.name")}</th>
                  <th scope="col">{t("directory.place")}</th>
                  <th scope="col">{t("sector.sector")}</th>
                  <th scope="col" className="number">
                    {t("rating.score")}
                  </th>
                  <th scope="col">{t("directory.tier")}</th>
                  <th scope="col">{t("sector.trust")}</th>
                  <th scope="col">{t("directory.eligibleShort")}</th>
                  <th scope="col">{t("directory.ratedOn")}</th>
                  {signedIn ? <th scope="col">{t("shortlists.title")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <KeptPart
                    key={item.slug}
                    name="directory-row"
                    as="tr"
                    component={DirectoryRow}
                    props={{
                      item,
                      shortlists: signedIn ? { held: held[item.slug] ?? [], lists: shortlists } : null,
                    }}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="actions">
            <button type="submit">{t("directory.compareSelected")}</button>
          </div>
        </Form>
      )}
      {signedIn ? (
        <KeptPart
          name="shortlist-forms"
          as="div"
          component={ShortlistControlForms}
          props={{ slugs: items.map((i) => i.slug), redirectTo: here }}
        />
      ) : null}
      <nav aria-label={t("directory.pages")} className="actions">
        {firstPage ? <Link to={`/ratings${search}`}>{t("directory.firstPage")}</Link> : null}
        {previousSearch !== null ? <Link to={`/ratings${previousSearch}`}>{t("pagination.previous")}</Link> : null}
        {pageNumber !== null && items.length > 0 ? (
          <span aria-current="page">
            {count.exact
              ? t("pagination.pageOf", { page: formatNumber(pageNumber, language), pages: formatNumber(pages, language) })
              : t("pagination.pageOfAbout", { page: formatNumber(pageNumber, language), pages: formatNumber(pages, language) })}
          </span>
        ) : null}
        {nextSearch !== null ? <Link to={`/ratings${nextSearch}`}>{t("pagination.next")}</Link> : null}
      </nav>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · Ortaq` },
  { name: "description", content: data?.description ?? "" },
];
