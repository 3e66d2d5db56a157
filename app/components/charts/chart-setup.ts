import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip } from "chart.js";

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip, Legend);

export const BRAND = "#0b5d4b";
export const ACCENT = "#b34a00";

/** In Dari and Pashto the value or time axis runs from the right and legends read right to left. */
export function directionOptions(direction: string) {
  const rtl = direction === "rtl";
  return { rtl, reverse: rtl };
}
