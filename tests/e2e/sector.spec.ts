import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "./fixtures";

test("a newcomer narrows the sector summary to a country and sector, sees a suppressed group, exports a CSV and prints", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sector summaries" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sector summaries" })).toBeVisible();
  await expect(page.getByText(/The sector is weakest in: /)).toBeVisible();
  // A chart is drawn as it comes into view, beside its table.
  await page.getByRole("heading", { level: 2, name: "Tier distribution" }).scrollIntoViewIfNeeded();
  await expect(page.getByRole("img", { name: /^Bar chart of rated enterprises by tier/ })).toBeVisible();
  await expectAccessible(page);
  // Who the beneficiaries are, from the ratings that were asked.
  const figures = page.getByRole("table", { name: "Key figures for the selection" });
  await expect(figures.getByRole("row", { name: /Of the beneficiaries reported by them: women and girls \d/ })).toBeVisible();

  await page.getByLabel("Country", { exact: true }).selectOption("KZ");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/country=KZ/);
  await expect(page.getByRole("table", { name: "Rated enterprises and mean overall score by region" })).toBeVisible();
  await expect(figures.getByRole("row", { name: /^Rated enterprises \d/ })).toBeVisible();
  await page.getByLabel("Sector", { exact: true }).selectOption("agriculture_food");
  await page.getByLabel("Period", { exact: true }).fill("2019");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/sector=agriculture_food/);
  await expect(page.getByText(/Too few to show: fewer than 5 rated enterprises/)).toBeVisible();
  await expect(figures.getByRole("row", { name: /Mean overall score/ })).toContainText("too few to show");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Clear filters" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download “Scores by dimension” as CSV" }).click();
  const file = await (await download).path();
  const csv = await readFile(file!, "utf8");
  expect(csv.replace("\uFEFF", "").split("\r\n")[0]).toBe("Dimension,Mean,Median");
  expect(csv).toContain("Social impact");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Show" })).toBeHidden();
  await expect(page.getByRole("table", { name: "Mean and median score of each dimension" })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sector summary gives every figure in its tables and keeps no empty room for the charts", async ({ page }) => {
    await page.goto("/sector");
    await expect(page.getByRole("table", { name: "Rated enterprises by tier" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Mean and median score of each dimension" })).toBeVisible();
    await expect(page.locator(".chart")).not.toHaveCount(0);
    for (const chart of await page.locator(".chart").all()) await expect(chart).toBeHidden();
  });
});
