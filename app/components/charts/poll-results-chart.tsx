import { useTranslation } from "react-i18next";
import { Bar, ChartFrame } from "./chart-frame";
import { ACCENT, BRAND, directionOptions, chartDescription } from "./chart-setup";

const SERIES_COLOURS = [BRAND, ACCENT, "#3b5b92", "#7a4f9a", "#5c6b1f"];

/**
 * Votes per option of a poll as horizontal bars, one series per group (or one for everyone). Drawn in
 * the browser only; the page always shows the same figures in a table beside it.
 */
export function PollResultsChart({
  label,
  options,
  series,
}: {
  label: string;
  options: string[];
  series: { name: string; values: number[] }[];
}) {
  const { i18n } = useTranslation();
  const direction = directionOptions(i18n.dir());
  return (
    <ChartFrame className="chart-poll" style={{ height: `${Math.max(8, options.length * series.length * 1.6 + 4)}rem` }}>
      <Bar
        role="img"
        aria-label={chartDescription(label, options, series, i18n.language)}
        data={{
          labels: options,
          datasets: series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length] })),
        }}
        options={{
          // Tick and tooltip numbers are written with Intl in this language (۲۰ in Dari, not 20).
          locale: i18n.language,
          indexAxis: "y",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          // Votes are whole numbers: no ticks at 0.5.
          scales: { x: { min: 0, reverse: direction.reverse, ticks: { precision: 0 } }, y: { position: direction.rtl ? "right" : "left" } },
          plugins: { legend: { display: series.length > 1, rtl: direction.rtl }, tooltip: { rtl: direction.rtl } },
        }}
      />
    </ChartFrame>
  );
}
