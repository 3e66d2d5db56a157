import { expect, expectAccessible, test } from "./fixtures";
import { signUpByForm } from "./starting-state";

/** An accessible name with names inside it, each possibly wrapped in the bidi isolation marks the pages put around names. */
const named = (strings: TemplateStringsArray, ...values: string[]) => {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^${strings.map((part, i) => escape(part) + (i < values.length ? `\u2068?${escape(values[i]!)}\u2069?` : "")).join("")}$`,
  );
};

test("comparing five enterprises says the fifth was left out and compares the first four", async ({ page }) => {
  await page.goto("/ratings");
  const rows = page
    .getByRole("table", { name: "Rated enterprises" })
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox") });
  const names = await rows.getByRole("rowheader").getByRole("link").allInnerTexts();
  for (let i = 0; i < 5; i++) await rows.nth(i).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Compare selected (2 to 4)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "At most four enterprises can be compared at once" })).toContainText(names[4]!);
  await expect(page.getByRole("table", { name: "The enterprises side by side" }).getByRole("columnheader")).toHaveCount(5);
  await expect(page.locator("canvas")).toBeVisible();
  await expectAccessible(page);
});

test("the sector summary's region list follows the chosen country at once, and the page says its selection", async ({ page }) => {
  await page.goto("/sector");
  await expect(page.getByText("Showing: all countries")).toBeVisible();
  await expect(page.getByLabel("Region", { exact: true })).toHaveCount(0);
  await page.getByLabel("Country", { exact: true }).selectOption("KG");
  const region = page.getByLabel("Region", { exact: true });
  await expect(region.locator("option", { hasText: "Chüy Region" })).toHaveCount(1);
  await page.getByLabel("Country", { exact: true }).selectOption("KZ");
  await expect(region.locator("option", { hasText: "Chüy Region" })).toHaveCount(0);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("Showing: Country: Kazakhstan.")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText(/^Printed on /)).toBeVisible();
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a funder makes a second shortlist from the directory's button, sees where it is, removes it, renames and deletes the list", async ({
      page,
    }) => {
      const listName = `Visit ${javaScriptEnabled ? "js" : "html"} ${Date.now()}`;
      // A funder of its own: the demo funder's lists are the directory journey's, which may run meanwhile.
      await signUpByForm(page, { name: "Farida Fund", role: "funder" });
      await page.goto("/ratings?country=TJ");
      const rows = page
        .getByRole("table", { name: "Rated enterprises" })
        .getByRole("row")
        .filter({ has: page.getByRole("checkbox") });
      const row = rows.first();
      const name = await row.getByRole("rowheader").getByRole("link").innerText();
      await row.getByRole("combobox", { name: named`Shortlist for ${name}` }).selectOption({ label: "New shortlist…" });
      await row.getByRole("button", { name: named`Add ${name} to the chosen shortlist` }).click();
      await expect(page.getByRole("heading", { level: 1, name: named`New shortlist for ${name}` })).toBeVisible();
      await page.getByLabel("Name", { exact: true }).fill(listName);
      await page.getByRole("button", { name: named`Create and add ${name}` }).click();
      await expect(page).toHaveURL(/\/ratings\?country=TJ/);
      await expect(page.getByRole("status").filter({ hasText: "Added to your shortlist." })).toBeVisible();
      await expect(row.locator("p").filter({ hasText: listName })).toContainText("In shortlist");
      await expect(row.getByRole("link", { name: listName })).toBeVisible();
      await expectAccessible(page);
      await row.getByRole("button", { name: named`Remove ${name} from ${listName}` }).click();
      await expect(page.getByRole("status").filter({ hasText: "Removed from the shortlist." })).toBeVisible();
      await expect(row.getByRole("link", { name: listName })).toHaveCount(0);

      await page.goto("/shortlists");
      await page.getByRole("link", { name: listName }).click();
      await page.getByLabel("New name").fill(`${listName} renamed`);
      await page.getByRole("button", { name: "Rename" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `${listName} renamed` })).toBeVisible();
      await page.getByRole("link", { name: "Delete this shortlist…" }).click();
      await expect(page.getByRole("alert")).toContainText(`Delete “${listName} renamed”?`);
      await page.getByRole("button", { name: `Yes, delete “${listName} renamed”` }).click();
      await expect(page).toHaveURL(/\/shortlists$/);
      await expect(page.getByRole("status").filter({ hasText: "The shortlist was deleted." })).toBeVisible();
      await expect(page.getByRole("link", { name: listName })).toHaveCount(0);
    });
  });
}
