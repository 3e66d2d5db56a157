// What every chart shares, without chart.js itself (chart-canvas.tsx, fetched when a chart is drawn).
import { formatNumber } from "~/utils/format";

export const BRAND = "#0b5d4b";
export const ACCENT = "#b34a00";

/** In Dari and Pashto the value or time axis runs from the right and legends read right to left. */
export function directionOptions(direction: string) {
  const rtl = direction === "rtl";
  return { rtl, reverse: rtl };
}

/**
 * The text alternative of a chart's canvas (role="img"): its title, then every figure it draws,
 * series by series, written in the page's language ("Scores. Economic: 72; Social: 64 …"), each
 * to one decimal as the tables beside the charts give them.
 */
export function chartDescription(label: string, labels: string[], series: { name?: string; values: number[] }[], language: string) {
  const parts = series.map((s) => {
    const figures = labels
      .map((name, i) => `${name}: ${s.values[i] === undefined ? "—" : formatNumber(s.values[i]!, language, { maximumFractionDigits: 1 })}`)
      .join("; ");
    return series.length > 1 && s.name ? `${s.name} — ${figures}` : figures;
  });
  // A title written as a sentence keeps its one full stop.
  return [label.trim().replace(/[.۔]$/u, ""), ...parts].join(". ");
}
