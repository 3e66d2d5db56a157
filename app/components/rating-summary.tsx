import { useTranslation } from "react-i18next";
import type { Methodology, ScoreResult } from "../../scoring";
import { ScoreBarChart } from "~/components/charts/score-bar-chart";
import { TrustLabel, type TrustInfo } from "~/components/trust-label";
import { formatDate, formatNumber } from "~/utils/format";
import { dimensionName, tierName, eligibilityFailure } from "~/utils/methodology-text";
import { TableCaption, TableScroll } from "~/components/table-scroll";

/** Overall score, tier, trust label, eligibility and the dimensions as a chart and a table. */
export function RatingSummary({
  result,
  methodology,
  submittedAt,
  headingLevel = 2,
  trust,
}: {
  result: ScoreResult;
  methodology: Pick<Methodology, "dimensions" | "tiers" | "version">;
  submittedAt: Date | string | null;
  headingLevel?: 2 | 3;
  /** Absent: a self-assessed result. */
  trust?: TrustInfo;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const tier = methodology.tiers.find((x) => x.id === result.tier);
  const dimensionLabel = (id: string) => dimensionName(t, id);
  return (
    <div className="rating-summary">
      <p>
        <span className="score-big">{formatNumber(result.overall, language, { maximumFractionDigits: 1 })}</span> /{" "}
        {formatNumber(100, language)} · <strong>{tier ? tierName(t, tier.id) : result.tier}</strong> ·{" "}
        {trust ? <TrustLabel trust={trust} /> : <span className="trust-label">{t("rating.selfAssessed")}</span>}
      </p>
      <p>
        {t("rating.methodologyAndDate", {
          version: methodology.version,
          date: submittedAt ? formatDate(submittedAt, language) : "—",
        })}
      </p>
      <Heading>{t("rating.eligibility")}</Heading>
      {result.eligible ? (
        <p>{t("rating.eligible")}</p>
      ) : (
        <>
          <p>{t("rating.notEligible")}</p>
          <ul>
            {result.eligibilityReasons.map((r) => (
              <li key={r.criterion}>{eligibilityFailure(t, r.criterion)}</li>
            ))}
          </ul>
        </>
      )}
      <Heading>{t("rating.dimensions")}</Heading>
      <ScoreBarChart
        label={t("rating.chartLabel")}
        labels={result.dimensions.map((d) => dimensionLabel(d.id))}
        series={[{ name: t("rating.score"), values: result.dimensions.map((d) => d.score) }]}
      />
      <TableScroll>
        <table>
          <TableCaption>{t("rating.dimensionsCaption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("rating.dimension")}</th>
              <th scope="col" className="number">
                {t("rating.score")}
              </th>
              <th scope="col" className="number">
                {t("rating.points")}
              </th>
              <th scope="col" className="number">
                {t("rating.weight")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.dimensions.map((d) => (
              <tr key={d.id}>
                <th scope="row">{dimensionLabel(d.id)}</th>
                <td className="number">
                  {d.possible > 0 ? formatNumber(d.score, language, { maximumFractionDigits: 1 }) : t("rating.notApplicable")}
                </td>
                <td className="number">
                  {formatNumber(d.earned, language)} / {formatNumber(d.possible, language)}
                </td>
                <td className="number">{formatNumber(d.weight, language, { style: "percent" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
