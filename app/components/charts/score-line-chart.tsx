import { Line } from "react-chartjs-2";
import { useHydrated } from "~/utils/use-hydrated";
import { BRAND } from "./chart-setup";

/** A score over time; the page shows the same points in a table. */
export function ScoreLineChart({ label, labels, values, seriesName }: { label: string; labels: string[]; values: number[]; seriesName: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <div className="chart">
      <Line
        aria-label={label}
        data={{ labels, datasets: [{ label: seriesName, data: values, borderColor: BRAND, backgroundColor: BRAND }] }}
        options={{ responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100 } } }}
      />
    </div>
  );
}
