import { currentMethodology, methodologies } from "../../scoring";
import { expect, expectAccessible, test } from "./fixtures";

test("anyone can read the whole methodology: dimensions, weights, every question with its points, the gate and the tiers", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Methodology" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Methodology, version ${currentMethodology.version}` })).toBeVisible();
  const dimensions = page.getByRole("table", { name: "The six dimensions of the rating" });
  await expect(dimensions.getByRole("row")).toHaveCount(7);
  await expect(dimensions.getByRole("row", { name: /Social impact/ })).toContainText("25%");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(currentMethodology.questions.length);
  await expect(
    page
      .getByRole("table", { name: "Answers and points for How open are your finances?" })
      .getByRole("row", { name: /Audited and published/ }),
  ).toContainText("6");
  await expect(page.getByRole("heading", { name: "Eligibility gate" })).toBeVisible();
  await expect(page.getByText("At least 25% of income from trading")).toBeVisible();
  await expect(page.getByRole("table", { name: "Tiers by overall score" }).getByRole("row", { name: /Leading/ })).toContainText("80");
  const women = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "How many of them are women and girls?" }) });
  await expect(women).toContainText("up to 0 points");
  await expect(women).toContainText(
    "A part of the answer to “How many people benefited directly in the last 12 months?”: it cannot be more than that answer.",
  );
  await expectAccessible(page);

  // Version 1 stays readable, without the questions version 2 added.
  await page.getByRole("link", { name: "Version 1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Methodology, version 1" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(methodologies["1"]!.questions.length);
  await expect(page.getByRole("heading", { name: "How many of them are women and girls?" })).toHaveCount(0);
  await page.getByRole("link", { name: "See the current version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Methodology, version ${currentMethodology.version}` })).toBeVisible();

  await page.getByLabel("Language", { exact: true }).selectOption("ru");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Методология, версия ${currentMethodology.version}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Есть ли у вас письменная экологическая политика?" })).toBeVisible();
  await page.getByRole("link", { name: `Версия ${currentMethodology.version}` }).click();
  await expect(page).toHaveURL(new RegExp(`/methodology/${currentMethodology.version}$`));
  expect((await page.goto("/methodology/999"))?.status()).toBe(404);
});
