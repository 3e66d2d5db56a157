import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { publishedEnterpriseByForm, signUpByForm } from "./starting-state";

/**
 * How the page looks, measured in the browser (boxes and computed styles), for the rough edges of
 * the styling: the questionnaire's section stepper, the sector filters' grid, checkboxes, the date
 * field and the trust label in tables. Each check reads what a person sees, not class names.
 */

const PHONE = { width: 375, height: 800 };
const LAPTOP = { width: 1280, height: 900 };

/** A newcomer with a published enterprise and a self-assessment just started, on its first section. */
async function newcomerInQuestionnaire(page: Page, name: string) {
  await signUpByForm(page, { name });
  const profile = await publishedEnterpriseByForm(page, `${name} Felt ${Date.now()}`);
  await page.goto(profile);
  await page.getByRole("link", { name: "Self-assessments" }).click();
  await page.getByRole("button", { name: /Start a new assessment/ }).click();
  // A generous wait for the first section on a busy machine (creating the assessment is the slow part).
  await expect(page.getByRole("heading", { level: 2, name: "Social impact" })).toBeVisible({ timeout: 30_000 });
}

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => {
  const found = await locator.boundingBox();
  expect(found, "the element is laid out").not.toBeNull();
  return found!;
};

test("the questionnaire's sections are separate boxes, each with its name and then its count on a line of its own", async ({ page }) => {
  await newcomerInQuestionnaire(page, "Gulnara");
  const steps = page.getByRole("navigation", { name: "Sections of the questionnaire" }).getByRole("listitem");
  for (const size of [LAPTOP, PHONE]) {
    await page.setViewportSize(size);
    const count = await steps.count();
    expect(count).toBeGreaterThan(5);
    const boxes: Box[] = [];
    for (let i = 0; i < count; i++) {
      const step = steps.nth(i);
      const link = await box(step.getByRole("link"));
      const progress = await box(step.getByText(/^\(\d+ of \d+\)$/));
      const item = await box(step);
      // The count starts below the section's name, never on the same line right after it.
      expect(progress.y, `step ${i + 1}: its count is below its name`).toBeGreaterThanOrEqual(link.y + link.height - 1);
      // Both inside the step's own box.
      for (const inner of [link, progress]) {
        expect(inner.x).toBeGreaterThanOrEqual(item.x - 0.5);
        expect(inner.x + inner.width).toBeLessThanOrEqual(item.x + item.width + 0.5);
        expect(inner.y + inner.height).toBeLessThanOrEqual(item.y + item.height + 0.5);
      }
      boxes.push(item);
      // A visible box, with its number inside it (not hanging in the gap before it, beside the previous step's count).
      const style = await step.evaluate((element) => {
        const computed = getComputedStyle(element);
        return { border: parseFloat(computed.borderTopWidth), borderStyle: computed.borderTopStyle, marker: computed.listStylePosition };
      });
      expect(style.border, `step ${i + 1} has a border`).toBeGreaterThanOrEqual(1);
      expect(style.borderStyle).not.toBe("none");
      expect(style.marker, `step ${i + 1}'s number is inside its box`).toBe("inside");
    }
    // Steps never touch or overlap: some space between any two of them.
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1]!, boxes[i]!];
      const sameRow = Math.abs(a.y - b.y) < 1;
      const apart = sameRow ? Math.abs(b.x - (a.x + a.width)) : b.y - (a.y + a.height);
      expect(apart, `space between steps ${i} and ${i + 1} (${sameRow ? "same row" : "next row"})`).toBeGreaterThanOrEqual(4);
    }
  }
  await expectAccessible(page);
});

test("the sector filters line up: the fields of a row start at one height, their controls too, with no empty gap above any", async ({
  page,
}) => {
  for (const size of [LAPTOP, { width: 900, height: 900 }]) {
    await page.setViewportSize(size);
    // With a country chosen the region is a field too, and the period field has a hint under its input.
    await page.goto("/sector?country=KZ");
    const form = page.locator("form.filters");
    const fields = await form.evaluate((element) =>
      [...element.querySelectorAll<HTMLElement>(".field")].map((field) => {
        const rect = (el: Element) => el.getBoundingClientRect();
        const label = field.querySelector("label")!;
        const control = field.querySelector("input, select")!;
        return {
          name: label.textContent,
          field: { x: rect(field).x, y: rect(field).y, bottom: rect(field).bottom },
          label: { y: rect(label).y, bottom: rect(label).bottom },
          control: { y: rect(control).y, height: rect(control).height },
        };
      }),
    );
    expect(fields.map((f) => f.name)).toEqual(["Country", "Region", "Sector", "Size", "Period", "Trust"]);
    // Rows as the grid lays them out: a field further left than the one before it starts a new row.
    const rows: (typeof fields)[] = [];
    for (const field of fields) {
      const row = rows.at(-1);
      if (row && field.field.x > row.at(-1)!.field.x) row.push(field);
      else rows.push([field]);
    }
    expect(rows.length, "the filters take fewer rows than fields").toBeLessThan(fields.length);
    for (const row of rows) {
      const names = row.map((f) => f.name).join(", ");
      const top = Math.min(...row.map((f) => f.label.y));
      for (const field of row) {
        expect(field.label.y, `${field.name}'s label starts where the row starts (${names})`).toBeLessThanOrEqual(top + 1);
        expect(field.control.y - field.label.bottom, `${field.name}'s control follows its label`).toBeLessThanOrEqual(10);
      }
      const controlTops = row.map((f) => f.control.y);
      expect(Math.max(...controlTops) - Math.min(...controlTops), `the controls of ${names} start at one height`).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < rows.length; i++) {
      const above = Math.max(...rows[i - 1]!.map((f) => f.field.bottom));
      const below = Math.min(...rows[i]!.map((f) => f.field.y));
      expect(below - above, "no large gap between two rows of filters").toBeLessThanOrEqual(24);
    }
  }
});

/** The sizes (width × height, to half a pixel) of the visible checkboxes and radio buttons on the page. */
async function choiceSizes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('main input[type="checkbox"], main input[type="radio"]')]
      .map((input) => input.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => `${Math.round(rect.width * 2) / 2}×${Math.round(rect.height * 2) / 2}`),
  );
}

test("checkboxes and radio buttons are the same size on every page: filters, tables, forms and the questionnaire", async ({ page }) => {
  const seen = new Map<string, string[]>();
  const collect = async (where: string) => {
    const sizes = await choiceSizes(page);
    expect(sizes.length, `${where} has checkboxes or radio buttons`).toBeGreaterThan(0);
    for (const size of sizes) seen.set(size, [...new Set([...(seen.get(size) ?? []), where])]);
  };
  // The directory: filter checkboxes beside labels, and a checkbox in each table row to compare.
  await page.goto("/ratings");
  await expect(page.getByRole("checkbox", { name: /^Compare / }).first()).toBeVisible();
  await collect("/ratings");
  await newcomerInQuestionnaire(page, "Rustam");
  await expect(page.getByRole("radio").first()).toBeVisible();
  await collect("the questionnaire");
  await page.goto("/enterprises/new");
  await collect("the enterprise form");
  expect(Object.fromEntries(seen), "one size for every checkbox and radio button").toEqual({ [[...seen.keys()][0]!]: expect.anything() });
  const [width, height] = [...seen.keys()][0]!.split("×").map(Number);
  expect(width).toBe(height);
  // Big enough to see and hit on a phone: more than the browser's own 13 px.
  expect(width).toBeGreaterThanOrEqual(16);
});

test("the date field looks like the other fields: same height, border, corners, font and background as a text field", async ({ page }) => {
  await signUpByForm(page, { name: "Dilnoza" });
  await page.goto("/enterprises/new");
  const looks = (locator: Locator) =>
    locator.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor} / ${style.borderBottomWidth} ${style.borderBottomStyle}`,
        radius: style.borderTopLeftRadius,
        font: `${style.fontSize} ${style.fontFamily}`,
        background: style.backgroundColor,
        padding: style.paddingInlineStart,
      };
    });
  const date = page.getByLabel("Date of entry in the register");
  const text = page.getByLabel("City or town");
  await expect(date).toHaveAttribute("type", "date");
  await expect(text).toHaveAttribute("type", "text");
  expect(await looks(date)).toEqual(await looks(text));
  const [dateBox, textBox] = [await box(date), await box(text)];
  expect(Math.abs(dateBox.height - textBox.height), "the date field is as tall as a text field").toBeLessThanOrEqual(1);
});

test("the trust label in the directory's table is a small one-line badge that fits its cell, not a rounded shape around the whole sentence", async ({
  page,
}) => {
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await page.goto("/ratings?trust=verified");
    const cells = page
      .getByRole("table")
      .getByRole("cell")
      .filter({ hasText: /^Verified \(/ });
    await expect(cells.first()).toBeVisible();
    const count = Math.min(await cells.count(), 5);
    for (let i = 0; i < count; i++) {
      const shapes = await cells.nth(i).evaluate((cell) => {
        const bounds = cell.getBoundingClientRect();
        // Every element of the cell drawn as a shape: a background of its own, or a visible border.
        return [...cell.querySelectorAll<HTMLElement>("*")]
          .filter((element) => {
            const style = getComputedStyle(element);
            const background = style.backgroundColor !== "rgba(0, 0, 0, 0)" && style.backgroundColor !== "transparent";
            const border = parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== "none";
            return background || border;
          })
          .map((element) => {
            const rect = element.getBoundingClientRect();
            return {
              text: element.textContent ?? "",
              lines: element.getClientRects().length,
              height: rect.height,
              lineHeight: parseFloat(getComputedStyle(element).fontSize) * 1.8,
              inside: rect.left >= bounds.left - 0.5 && rect.right <= bounds.right + 0.5,
            };
          });
      });
      // The badge holds the word alone, on one line, inside the cell; the date and verifier are plain text.
      expect(shapes.map((shape) => shape.text)).toEqual(["Verified"]);
      for (const shape of shapes) {
        expect(shape.lines, `"${shape.text}" on one line`).toBe(1);
        expect(shape.height, `"${shape.text}" one line tall`).toBeLessThanOrEqual(shape.lineHeight);
        expect(shape.inside, `"${shape.text}" inside its cell`).toBe(true);
      }
    }
  }
  await expectAccessible(page);
});
