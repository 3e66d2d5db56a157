import { readFile } from "node:fs/promises";
import readXlsxFile from "read-excel-file/node";
import { expect, expectAccessible, logIn, test } from "./fixtures";

test("a funder filters, searches and sorts the directory, compares three, shortlists two with a note and downloads the same rows", async ({
  page,
}) => {
  await logIn(page, "funder@demo.ortaq.org");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ratings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ratings directory" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Country", { exact: true }).selectOption("KZ");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/country=KZ/);
  const table = page.getByRole("table", { name: "Rated enterprises" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("checkbox") });
  await expect(rows.locator("td:nth-child(3)").filter({ hasNotText: "Kazakhstan" })).toHaveCount(0);
  expect(await rows.count()).toBeGreaterThan(2);

  // The same rows through the API and in the CSV download.
  const names = await rows.getByRole("rowheader").getByRole("link").allInnerTexts();
  const api = (await (await page.request.get("/api/v1/enterprises?country=KZ&limit=100")).json()) as { items: { name: string }[] };
  expect(api.items.map((i) => i.name)).toEqual(names);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download this view as CSV" }).click();
  const csv = await readFile((await (await download).path())!, "utf8");
  const csvNames = csv
    .replace("\uFEFF", "")
    .trim()
    .split("\r\n")
    .slice(1)
    .map((line) => line.split(",")[0]!.replaceAll('"', ""));
  expect(csvNames).toEqual(names);
  // And in the spreadsheet, sent as it is written: the same names, the scores as numbers.
  const sheetDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download this view as a spreadsheet (.xlsx)" }).click();
  const [sheet] = await readXlsxFile((await (await sheetDownload).path())!);
  expect(sheet!.data.slice(1).map((row) => row[0])).toEqual(names);
  expect(sheet!.data.slice(1).every((row) => typeof row[4] === "number")).toBe(true);

  const tier = await rows.first().locator("td:nth-child(6)").innerText();
  await page.getByLabel("Tier", { exact: true }).selectOption({ label: tier });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/tier=/);
  await expect(rows.locator("td:nth-child(6)").filter({ hasNotText: tier })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/ratings$/);
  // The address changes before the new list is drawn: wait for the form of the new view.
  await expect(page.getByLabel("Tier", { exact: true })).toHaveValue("");
  const word = (await rows.first().getByRole("rowheader").getByRole("link").innerText()).split(" ")[0]!;
  await page.getByLabel("Search by name or description").fill(word);
  await page.getByLabel("Sort by").selectOption("name");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(rows.getByRole("rowheader").filter({ hasNotText: new RegExp(word, "i") })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
  const found = await rows.getByRole("rowheader").getByRole("link").allInnerTexts();
  expect(found).toEqual([...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/ratings$/);
  await expect(page.getByLabel("Sort by")).toHaveValue("score");
  await expect(page.getByLabel("Search by name or description")).toHaveValue("");
  const first = await rows.first().getByRole("rowheader").getByRole("link").innerText();
  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: first })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/ratings$/);

  for (let i = 0; i < 3; i++) await rows.nth(i).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Compare selected (2 to 4)" }).click();
  const comparison = page.getByRole("table", { name: "The enterprises side by side" });
  await expect(comparison.getByRole("columnheader")).toHaveCount(4);
  await expectAccessible(page);
  await page.goBack();
  await expect(page).toHaveURL(/\/ratings$/);

  const second = await rows.nth(1).getByRole("rowheader").getByRole("link").innerText();
  // The demo funder's own list, chosen by name: journeys running meanwhile may give the account other lists.
  await rows
    .first()
    .getByRole("combobox", { name: /^Shortlist for / })
    .selectOption({ label: "My shortlist" });
  await rows
    .first()
    .getByRole("button", { name: /Add .* to the chosen shortlist/ })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your shortlist." })).toBeVisible();
  await rows
    .nth(1)
    .getByRole("combobox", { name: /^Shortlist for / })
    .selectOption({ label: "My shortlist" });
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/shortlists") && r.request().method() === "POST"),
    rows
      .nth(1)
      .getByRole("button", { name: /Add .* to the chosen shortlist/ })
      .click(),
  ]);
  await expect(page.getByRole("status").filter({ hasText: "Added to your shortlist." })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shortlists" }).click();
  await page.getByRole("link", { name: "My shortlist" }).first().click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([first, second, "Rename or delete this shortlist"]);
  await page.getByLabel(`Private note about ${first}`).fill("Meet at the Almaty forum");
  await page.getByRole("button", { name: "Save note" }).first().click();
  await expect(page.getByLabel(`Private note about ${first}`)).toHaveValue("Meet at the Almaty forum");
  await expectAccessible(page);
  const listDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  const listCsv = await readFile((await (await listDownload).path())!, "utf8");
  expect(listCsv).toContain("Meet at the Almaty forum");
});
