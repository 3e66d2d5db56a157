import { readFile } from "node:fs/promises";
import { expect, expectAccessible, logIn, test } from "./fixtures";

// An incubator reports to its own funders: the figures of its whole cohort (the enterprises that
// consented), and the enterprises' rows, as files.

test("an incubator reads its cohort's figures and downloads them and the enterprises' rows for its funders", async ({ page }) => {
  await logIn(page, "incubator@demo.ortaq.org");
  await page.goto("/cohorts");
  await page.getByRole("link", { name: "Autumn 2026 accelerator" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cohort: Autumn 2026 accelerator" })).toBeVisible();

  // The demo cohort has six rated enterprises that consented: enough for its figures.
  const figures = page.getByRole("table", { name: "The cohort's figures: averages over its rated enterprises" });
  await expect(figures.getByRole("row", { name: /Rated enterprises/ })).toContainText("6");
  await expect(figures.getByRole("row", { name: /Mean overall score/ })).toContainText(/\d/);
  await expect(figures.getByRole("row", { name: /Average score: Social impact/ })).toContainText(/\d/);
  const members = page.getByRole("table", { name: "Enterprises in the cohort: rating and progress" });
  await expect(members.locator("tbody tr")).toHaveCount(6);
  await expectAccessible(page);

  let download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Cohort figures (CSV)" }).click();
  let csv = (await readFile((await (await download).path())!, "utf8")).replace("\uFEFF", "").split("\r\n");
  expect(csv[0]).toBe("Figure,Value");
  expect(csv).toContain("Rated enterprises,6");

  download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Enterprises (CSV)" }).click();
  csv = (await readFile((await (await download).path())!, "utf8")).replace("\uFEFF", "").trimEnd().split("\r\n");
  expect(csv[0]).toMatch(/^Enterprise,Country,Sector,Overall score,Tier,Trust,/);
  // One row for each enterprise of the table on the page, in its order.
  const names = await members.locator("tbody th").allTextContents();
  expect(csv.slice(1).map((line) => line.split(",")[0]!.replace(/^"|"$/g, ""))).toEqual(names);
});
