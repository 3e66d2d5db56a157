import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, logIn, test } from "./fixtures";

// Both journeys reorder the same country list: one after the other.
test.describe.configure({ mode: "serial", timeout: 180_000 });

/** The category names of one section of /forum ("Themes" or "Countries"), top to bottom. */
async function forumOrder(page: Page, section: "Themes" | "Countries") {
  await page.goto("/forum");
  return page.getByRole("region", { name: section }).locator("tbody tr td:first-child > a").allInnerTexts();
}

/** A category form's name or description in one language: each language is a group of its own, named by its legend. */
function textField(form: Locator, language: "English" | "Russian" | "Kazakh", label: "Name" | "Description") {
  return form.getByRole("group", { name: new RegExp(`^${language}`) }).getByLabel(label, { exact: true });
}

async function addRenameAndMoveUp(page: Page, { check }: { check?: (page: Page) => Promise<void> } = {}) {
  const suffix = Math.floor(Math.random() * 1e6);
  const name = `Karakalpakstan ${suffix}`;
  const renamed = `Karakalpak Republic ${suffix}`;
  await logIn(page, "admin@demo.ortaq.org");
  await page.goto("/forum");
  await page.getByRole("link", { name: "Forum categories" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forum categories" })).toBeVisible();
  await check?.(page);

  const add = page.getByRole("region", { name: "Add a category" });
  // A name whose address is taken is refused beside the field, and what was typed stays.
  await textField(add, "English", "Name").fill("Inclusion");
  await textField(add, "Russian", "Name").fill("Каракалпакстан");
  await textField(add, "Kazakh", "Name").fill("Қарақалпақстан");
  await textField(add, "English", "Description").fill("The autonomous republic in the west of Uzbekistan.");
  await add.getByLabel("Kind").selectOption("country");
  await add.getByLabel("Country", { exact: true }).selectOption("UZ");
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(add.getByText("A category with this address already exists. Choose a different English name.")).toBeVisible();
  await expect(textField(add, "Russian", "Name")).toHaveValue("Каракалпакстан");
  await expect(textField(add, "Kazakh", "Name")).toHaveValue("Қарақалпақстан");
  await expect(textField(add, "English", "Description")).toHaveValue("The autonomous republic in the west of Uzbekistan.");
  await expect(add.getByLabel("Country", { exact: true })).toHaveValue("UZ");
  await check?.(page);
  // So is a name whose address a forum page uses.
  await textField(add, "English", "Name").fill("Search");
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(
    add.getByText(
      "This English name would give the category an address a forum page already uses (such as /forum/search). Choose a different English name.",
    ),
  ).toBeVisible();
  await expect(textField(add, "Russian", "Name")).toHaveValue("Каракалпакстан");

  await textField(add, "English", "Name").fill(name);
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
  expect((await forumOrder(page, "Countries")).slice(-2)).toEqual(["Mongolia", name]);

  await page.goto("/admin/forum");
  await page.getByText(`Edit ${name}`).click();
  const edit = page.getByRole("form", { name: `Names and descriptions of ${name}` });
  await expect(textField(edit, "Kazakh", "Name")).toHaveValue("Қарақалпақстан");
  await textField(edit, "English", "Name").fill(renamed);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 3, name: renamed })).toBeVisible();

  await page.getByRole("button", { name: `Move ${renamed} up` }).click();
  await expect(page.getByRole("button", { name: `Move ${renamed} down` })).toBeVisible();
  const countries = await forumOrder(page, "Countries");
  expect(countries.indexOf(renamed)).toBeGreaterThanOrEqual(0);
  expect(countries.indexOf(renamed)).toBeLessThan(countries.indexOf("Mongolia"));
  expect(countries).not.toContain(name);
  expect(await forumOrder(page, "Themes")).not.toContain(renamed);
}

test("an admin adds a country category, renames it and moves it up, and the forum lists it there", async ({ page }) => {
  await addRenameAndMoveUp(page, { check: expectAccessible });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same through plain forms", async ({ page }) => {
    await addRenameAndMoveUp(page);
  });
});

test("people who are not admins get no category page", async ({ page }) => {
  await logIn(page, "moderator@demo.ortaq.org");
  await page.goto("/forum");
  await expect(page.getByRole("link", { name: "Forum categories" })).toHaveCount(0);
  const response = await page.goto("/admin/forum");
  expect(response?.status()).toBe(403);
});
