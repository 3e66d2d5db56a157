import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/filter-select";
import { listResources } from "~/models/learning.server";
import { getOptionalUser } from "~/utils/auth.server";
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, type Language } from "~/utils/i18n";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { LEARNING_DIMENSIONS, LEARNING_FORMATS, learningFiltersOf } from "~/utils/learning";
import { dimensionName, questionText } from "~/utils/methodology-text";
import { userCan } from "~/utils/permissions.server";
import { COUNTRY_CODES, countryName } from "~/utils/reference-data";
import { PageSchema } from "~/utils/validation";
import { pageMeta } from "~/utils/page-meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = learningFiltersOf(url.searchParams);
  const page = PageSchema.parse(url.searchParams.get("page") ?? 1);
  const [t, language, user] = await Promise.all([getFixedT(request), getLanguage(request), getOptionalUser(request)]);
  const { items, total } = await listResources({ filters, language, page });
  return {
    title: t("learning.title"),
    description: t("learning.intro"),
    filters,
    // The choices of the filters, from here: the browser then needs neither the methodology nor the forms' schemas.
    dimensions: LEARNING_DIMENSIONS,
    formats: LEARNING_FORMATS,
    items,
    total,
    page,
    canWrite: userCan(user, "write:learning"),
  };
}

export default function LearningLibraryPage() {
  const { t } = useTranslation();
  const { title, filters, dimensions, formats, items, total, canWrite } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{title}</h1>
      <p>{t("learning.intro")}</p>
      {canWrite ? (
        <p>
          <Link to="/learn/new" className="button">
            {t("learning.new")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t("learning.filters.label")}>
        {filters.question ? <input type="hidden" name="question" value={filters.question} /> : null}
        <FilterSelect
          name="dimension"
          label={t("learning.filters.dimension")}
          anyLabel={t("learning.filters.any")}
          options={dimensions.map((id) => ({ value: id, label: dimensionName(t, id) }))}
          value={filters.dimension}
        />
        <FilterSelect
          name="language"
          label={t("learning.filters.language")}
          anyLabel={t("learning.filters.any")}
          options={SUPPORTED_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
          value={filters.language}
        />
        <FilterSelect
          name="format"
          label={t("learning.filters.format")}
          anyLabel={t("learning.filters.any")}
          options={formats.map((f) => ({ value: f, label: t(`learning.format.${f}`) }))}
          value={filters.format}
        />
        <FilterSelect
          name="country"
          label={t("learning.filters.country")}
          anyLabel={t("learning.filters.any")}
          options={COUNTRY_CODES.map((c) => ({ value: c, label: countryName(t, c) }))}
          value={filters.country}
        />
        <div className="actions">
          <button type="submit">{t("learning.filters.apply")}</button>
        </div>
      </Form>
      {filters.question ? (
        <p>
          {t("learning.forQuestion", { question: questionText(t, filters.question) })} <Link to="/learn">{t("learning.showAll")}</Link>
        </p>
      ) : null}
      <p role="status">{t("learning.count", { count: total })}</p>
      <ul className="cards">
        {items.map((r) => (
          <li key={r.id} className="card">
            <h2>
              <Link
                to={`/learn/${r.slug}${r.version.language !== "en" ? `?lang=${r.version.language}` : ""}`}
                lang={r.version.language}
                dir="auto"
              >
                {r.version.title}
              </Link>
            </h2>
            <p lang={r.version.language} dir="auto">
              {r.version.summary}
            </p>
            <ResourceFacts resource={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Format, level, country, dimensions and languages of a resource, as tags. */
export function ResourceFacts({
  resource,
}: {
  resource: { format: string; level: string; country: string | null; dimensions: string[]; languages: string[] };
}) {
  const { t } = useTranslation();
  return (
    <ul className="tag-list" aria-label={t("learning.facts")}>
      <li className="tag">{t(`learning.format.${resource.format}`)}</li>
      <li className="tag">{t(`learning.level.${resource.level}`)}</li>
      <li className="tag">{resource.country ? countryName(t, resource.country) : t("learning.allCountries")}</li>
      {resource.dimensions.map((d) => (
        <li key={d} className="tag">
          {dimensionName(t, d)}
        </li>
      ))}
      <li className="tag">{resource.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(", ")}</li>
    </ul>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title, data?.description);
