/**
 * Chart.js, tree-shaken: only the controllers and elements the dashboard draws, with nl-NL
 * number formats and the app's calm palette. Every chart also has a table (DataTable).
 */
import {
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', sans-serif";
Chart.defaults.color = "#4b5563";
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
