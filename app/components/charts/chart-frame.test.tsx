// Needs no database.
import i18next from "i18next";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { PollResultsChart } from "~/components/charts/poll-results-chart";
import { ScoreBarChart } from "~/components/charts/score-bar-chart";
import en from "~/locales/en/common.json";
import { i18nConfig } from "~/utils/i18n";

async function render(chart: ReactNode) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: "en", resources: { en: { common: en } } });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{chart}</I18nextProvider>);
}

describe("a chart in the page the server sends", () => {
  it("is an empty box of the chart's size, so nothing below it moves when the browser draws the chart", async () => {
    const html = await render(<ScoreBarChart label="Scores" labels={["Social impact"]} series={[{ name: "Score", values: [72] }]} />);
    expect(html).toBe('<div class="chart"></div>');
  });

  it("keeps the height a chart of many bars needs", async () => {
    const html = await render(
      <PollResultsChart label="Votes" options={["Yes", "No", "Later"]} series={[{ name: "Votes", values: [3, 2, 1] }]} />,
    );
    expect(html).toBe('<div class="chart chart-poll" style="height:8.8rem"></div>');
  });
});
