import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "~/utils/format";
import { countryName, regionName, sectorName, sizeBandName, type SizeBand } from "~/utils/reference-data";

/**
 * Which selection the sector summary shows, in words, and (on paper) when it was printed: a
 * printed or saved page must say what it is a summary of.
 */
export function SelectionSummary({
  filters,
  generatedAt,
}: {
  filters: { country?: string; region?: string; sector?: string; size?: string; period?: string; trust?: string };
  generatedAt: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // The moment of the page, and with JavaScript the moment the print command is given.
  const [printedAt, setPrintedAt] = useState(generatedAt);
  useEffect(() => {
    const now = () => setPrintedAt(new Date().toISOString());
    window.addEventListener("beforeprint", now);
    return () => window.removeEventListener("beforeprint", now);
  }, []);
  const period = (label: string) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
    const year = (y: string) => formatNumber(Number(y), language, { useGrouping: false });
    return quarter ? t("sector.quarterName", { year: year(quarter[1]!), quarter: Number(quarter[2]) }) : year(label);
  };
  const parts = [
    filters.country ? `${t("sector.country")}: ${countryName(t, filters.country)}` : null,
    filters.region ? `${t("sector.region")}: ${regionName(t, filters.region)}` : null,
    filters.sector ? `${t("sector.sector")}: ${sectorName(t, filters.sector)}` : null,
    filters.size ? `${t("sector.size")}: ${sizeBandName(t, filters.size as SizeBand)}` : null,
    filters.period ? `${t("sector.period")}: ${period(filters.period)}` : null,
    filters.trust ? `${t("sector.trust")}: ${t(`sector.trustLabels.${filters.trust}`)}` : null,
  ].filter((p): p is string => p !== null);
  return (
    <div className="selection-summary">
      <p>{parts.length ? t("sector.selection", { list: parts.join("; ") }) : t("sector.selectionAll")}</p>
      <p className="print-only">{t("sector.printedAt", { date: formatDateTime(printedAt, language) })}</p>
    </div>
  );
}
