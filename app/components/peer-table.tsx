import { useTranslation } from "react-i18next";
import type { Dimension } from "../../scoring";
import type { PeerGroupComparison } from "~/models/assessment.server";
import { formatNumber } from "~/utils/format";
import { dimensionName } from "~/utils/methodology-text";
import { TableCaption, TableScroll } from "~/components/table-scroll";

/** Percentiles among published peers by country, sector and size band; groups under 5 say so instead. */
export function PeerTable({ peers, dimensions }: { peers: PeerGroupComparison[]; dimensions: Pick<Dimension, "id" | "label">[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <>
      <p>{t("results.peersIntro", { min: 5 })}</p>
      <TableScroll>
        <table>
          <TableCaption>{t("results.peersCaption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("results.peerGroup")}</th>
              <th scope="col" className="number">
                {t("results.peerCount")}
              </th>
              <th scope="col" className="number">
                {t("results.overallPercentile")}
              </th>
              {dimensions.map((d) => (
                <th key={d.id} scope="col" className="number">
                  {dimensionName(t, d.id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {peers.map((p) => (
              <tr key={p.group}>
                <th scope="row">{t(`results.groups.${p.group}`)}</th>
                <td className="number">{p.overall === null ? t("sector.tooFew") : formatNumber(p.peers, language)}</td>
                {p.overall === null ? (
                  <td colSpan={dimensions.length + 1}>{t("results.tooFewPeers")}</td>
                ) : (
                  <>
                    <td className="number">{formatNumber(p.overall, language, { maximumFractionDigits: 0 })}</td>
                    {p.dimensions.map((d) => (
                      <td key={d.id} className="number">
                        {d.percentile === null ? "—" : formatNumber(d.percentile, language, { maximumFractionDigits: 0 })}
                      </td>
                    ))}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
