// chart.js and its React wrapper, fetched by chart-frame.tsx only when a chart is about to be seen.
import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip } from "chart.js";

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip, Legend);

export { Bar, Line } from "react-chartjs-2";
