import { useTranslation } from "react-i18next";
import { Bar, ChartFrame } from "./chart-frame";
import { ACCENT, BRAND, directionOptions, chartDescription } from "./chart-setup";

/**
 * Scores 0–100 as horizontal bars. The chart is drawn in the browser only; the same figures
 * are always in the table the page shows beside it, so nothing depends on the canvas.
 */
export function ScoreBarChart({
  label,
  labels,
  series,
  max = 100,
}: {
  label: string;
  /** The top of the value axis: 100 for scores; leave undefined for counts. */
  max?: number | null;
  labels: string[];
  series: { name: string; values: number[] }[];
}) {
  const { i18n } = useTranslation();
  const direction = directionOptions(i18n.dir());
  return (
    <ChartFrame>
      <Bar
        role="img"
        aria-label={chartDescription(label, labels, series, i18n.language)}
        data={{
          labels,
          datasets: series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: i === 0 ? BRAND : ACCENT })),
        }}
        options={{
          // Tick and tooltip numbers are written with Intl in this language (۲۰ in Dari, not 20).
          locale: i18n.language,
          indexAxis: "y",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { min: 0, reverse: direction.reverse, ...(max === null ? {} : { max }) },
            y: { position: direction.rtl ? "right" : "left" },
          },
          plugins: { legend: { display: series.length > 1, rtl: direction.rtl }, tooltip: { rtl: direction.rtl } },
        }}
      />
    </ChartFrame>
  );
}
