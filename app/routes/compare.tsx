import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentMethodology } from "../../scoring";
import { CompareChart } from "~/components/charts/compare-chart";
import { getComparison } from "~/models/directory.server";
import { formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { sizeBand, sizeBandName, sectorName, countryName } from "~/utils/reference-data";
import { dimensionName, tierName } from "~/utils/methodology-text";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request }: LoaderFunctionArgs) {
  const chosen = [...new Set(new URL(request.url).searchParams.getAll("e"))];
  // At most four side by side: the first four chosen stay, and the page names the ones left out.
  const slugs = chosen.slice(0, 4);
  const enterprises = slugs.length >= 2 ? await getComparison(slugs) : [];
  const leftOut = chosen.length > 4 ? (await getComparison(chosen.slice(4, 20))).map((e) => e.name) : [];
  const t = await getFixedT(request);
  return { title: t("compare.title"), enterprises, asked: chosen.length, leftOut };
}

export default function ComparePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, enterprises, asked, leftOut } = useLoaderData<typeof loader>();
  const tier = (id: string) => tierName(t, id);
  if (enterprises.length < 2) {
    return (
      <article>
        <h1>{title}</h1>
        <p className="notice">{asked > 4 ? t("compare.tooMany") : t("compare.chooseTwo")}</p>
        <p>
          <Link to="/ratings">{t("compare.toDirectory")}</Link>
        </p>
      </article>
    );
  }
  const current = enterprises.map((e) => e.ratings[0]!);
  const rows: [string, string[]][] = [
    [t("rating.score"), current.map((r) => formatNumber(r.overall, language, { maximumFractionDigits: 1 }))],
    [t("directory.tier"), current.map((r) => tier(r.tier))],
    [t("directory.eligibleShort"), current.map((r) => (r.eligible ? t("directory.yes") : t("directory.no")))],
    ...currentMethodology.dimensions.map((d): [string, string[]] => [
      dimensionName(t, d.id),
      current.map((r) => {
        const score = r.dimensions.find((x) => x.id === d.id)?.score;
        return score === undefined ? "—" : formatNumber(score, language, { maximumFractionDigits: 1 });
      }),
    ]),
    [t("sector.size"), enterprises.map((e) => sizeBandName(t, sizeBand(e.employees)))],
    [t("sector.sector"), enterprises.map((e) => sectorName(t, e.sector))],
    [t("sector.country"), enterprises.map((e) => countryName(t, e.country))],
  ];
  return (
    <article>
      <h1>{title}</h1>
      {asked > 4 ? (
        <p role="status" className="notice notice-warning">
          {t("compare.fifthLeftOut", { names: leftOut.join(", ") })}
        </p>
      ) : null}
      <CompareChart
        label={t("compare.chart")}
        labels={currentMethodology.dimensions.map((d) => dimensionName(t, d.id))}
        series={enterprises.map((e, i) => ({
          name: e.name,
          values: currentMethodology.dimensions.map((d) => current[i]!.dimensions.find((x) => x.id === d.id)?.score ?? 0),
        }))}
      />
      <TableScroll>
        <table>
          <TableCaption>{t("compare.caption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("sector.figure")}</th>
              {enterprises.map((e) => (
                <th key={e.slug} scope="col">
                  <Link to={`/enterprises/${e.slug}`}>{e.name}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, values]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {values.map((v, i) => (
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
