import { useTranslation } from "react-i18next";
import { ChartFrame, Line } from "./chart-frame";
import { BRAND, directionOptions, chartDescription } from "./chart-setup";

/** A score over time; the page shows the same points in a table. */
export function ScoreLineChart({
  label,
  labels,
  values,
  seriesName,
}: {
  label: string;
  labels: string[];
  values: number[];
  seriesName: string;
}) {
  const { i18n } = useTranslation();
  const direction = directionOptions(i18n.dir());
  return (
    <ChartFrame>
      <Line
        role="img"
        aria-label={chartDescription(label, labels, [{ values }], i18n.language)}
        data={{ labels, datasets: [{ label: seriesName, data: values, borderColor: BRAND, backgroundColor: BRAND }] }}
        options={{
          // Tick and tooltip numbers are written with Intl in this language (۲۰ in Dari, not 20).
          locale: i18n.language,
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { reverse: direction.reverse }, y: { min: 0, max: 100, position: direction.rtl ? "right" : "left" } },
          plugins: { legend: { rtl: direction.rtl }, tooltip: { rtl: direction.rtl } },
        }}
      />
    </ChartFrame>
  );
}
