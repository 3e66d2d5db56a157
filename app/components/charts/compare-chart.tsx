import type { Plugin } from "chart.js";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/utils/format";
import { Bar, ChartFrame } from "./chart-frame";
import { chartDescription, directionOptions } from "./chart-setup";

/**
 * Each enterprise of a comparison has its own colour (dark enough on white, told apart by people
 * with colour-blindness) and its own fill pattern, and every bar carries the enterprise's name and
 * score at its end: the chart reads without colour, printed in black and white too.
 */
export const COMPARE_COLOURS = ["#0b5d4b", "#b34a00", "#1f5fa8", "#7b3f99"] as const;
export const COMPARE_PATTERNS = ["solid", "stripes", "dots", "crosshatch"] as const;

function pattern(kind: (typeof COMPARE_PATTERNS)[number], colour: string): CanvasPattern | string {
  if (kind === "solid" || typeof document === "undefined") return colour;
  const tile = document.createElement("canvas");
  tile.width = tile.height = 8;
  const g = tile.getContext("2d");
  if (!g) return colour;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = g.fillStyle = colour;
  g.lineWidth = 2;
  if (kind === "stripes") {
    g.beginPath();
    g.moveTo(-2, 10);
    g.lineTo(10, -2);
    g.moveTo(-2, 2);
    g.lineTo(2, -2);
    g.moveTo(6, 10);
    g.lineTo(10, 6);
    g.stroke();
  } else if (kind === "dots") {
    g.beginPath();
    g.arc(4, 4, 2, 0, Math.PI * 2);
    g.fill();
  } else {
    g.beginPath();
    g.moveTo(0, 4);
    g.lineTo(8, 4);
    g.moveTo(4, 0);
    g.lineTo(4, 8);
    g.stroke();
  }
  return g.createPattern(tile, "repeat") ?? colour;
}

const shorten = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

export function CompareChart({ label, labels, series }: { label: string; labels: string[]; series: { name: string; values: number[] }[] }) {
  const { i18n } = useTranslation();
  const direction = directionOptions(i18n.dir());
  const language = i18n.language;
  // The enterprise's name and score written at the end of each bar.
  const directLabels: Plugin<"bar"> = {
    id: "ortaqDirectLabels",
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = "12px system-ui, sans-serif";
      ctx.fillStyle = "#1a1a1a";
      ctx.textBaseline = "middle";
      ctx.direction = direction.rtl ? "rtl" : "ltr";
      chart.data.datasets.forEach((dataset, d) => {
        chart.getDatasetMeta(d).data.forEach((bar, i) => {
          const value = dataset.data[i] as number;
          const text = `${shorten(String(dataset.label ?? ""))} ${formatNumber(value, language, { maximumFractionDigits: 1 })}`;
          const { x, y } = bar.getProps(["x", "y"], true) as { x: number; y: number };
          ctx.textAlign = direction.rtl ? "right" : "left";
          ctx.fillText(text, direction.rtl ? x - 4 : x + 4, y);
        });
      });
      ctx.restore();
    },
  };
  return (
    <ChartFrame className="chart-compare" style={{ height: `${Math.max(320, labels.length * series.length * 26 + 80)}px` }}>
      <Bar
        role="img"
        aria-label={chartDescription(label, labels, series, language)}
        data={{
          labels,
          datasets: series.map((s, i) => ({
            label: s.name,
            data: s.values,
            backgroundColor: pattern(COMPARE_PATTERNS[i % 4]!, COMPARE_COLOURS[i % 4]!),
            borderColor: COMPARE_COLOURS[i % 4],
            borderWidth: 2,
          })),
        }}
        options={{
          locale: language,
          indexAxis: "y",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          // Room at the bars' end for their labels.
          scales: {
            x: {
              min: 0,
              max: 130,
              reverse: direction.reverse,
              ticks: { callback: (v) => (Number(v) <= 100 ? formatNumber(Number(v), language) : "") },
            },
            y: { position: direction.rtl ? "right" : "left" },
          },
          plugins: { legend: { display: true, rtl: direction.rtl }, tooltip: { rtl: direction.rtl } },
        }}
        plugins={[directLabels]}
      />
    </ChartFrame>
  );
}
