// Helpers for the journeys in other languages: the translators' words, the language cookie, and a
// page check that finds English left on a page that should speak another language.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page, TestInfo } from "@playwright/test";
import { LANGUAGE_NAMES, type Language, type Namespace } from "../../app/utils/i18n";
import { axeViolations, expect } from "./fixtures";

type Tree = { [key: string]: string | Tree };

const files = new Map<string, Tree>();

/** A language's translation file, read from disk as translators left it. */
export function translations(language: Language, ns: Namespace = "common"): Tree {
  const key = `${language}/${ns}`;
  let tree = files.get(key);
  if (!tree) {
    tree = JSON.parse(readFileSync(path.join(process.cwd(), "app/locales", language, `${ns}.json`), "utf8")) as Tree;
    files.set(key, tree);
  }
  return tree;
}

/** The translation of `key` (dotted, optionally "ns:key") in a language, or undefined when there is none. */
export function lookup(language: Language, fullKey: string): string | undefined {
  const [ns, key] = fullKey.includes(":") ? (fullKey.split(":") as [Namespace, string]) : (["common", fullKey] as const);
  let node: string | Tree | undefined = translations(language, ns);
  for (const part of key.split(".")) {
    if (typeof node !== "object") return undefined;
    node = node[part];
  }
  return typeof node === "string" && node !== "" ? node : undefined;
}

/**
 * The translation of `key` with its `{{variables}}` filled in, numbers written with Intl in the
 * language as the app writes them; a missing translation fails the test.
 */
export function tr(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const text = lookup(language, key);
  expect(text, `"${key}" is not translated into ${language}`).toBeTruthy();
  const written = (value: string | number | undefined) =>
    typeof value === "number" ? new Intl.NumberFormat(language).format(value).replace(/\u202f/g, " ") : value;
  return text!.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(written(values[name]) ?? `{{${name}}}`));
}

/** Sets the language as the switcher does: the `lng` cookie, encoded the way Remix's createCookie encodes it. */
export async function chooseLanguageByCookie(context: BrowserContext, baseURL: string, language: Language) {
  const value = encodeURIComponent(Buffer.from(JSON.stringify(language)).toString("base64"));
  await context.addCookies([{ name: "lng", value, url: baseURL }]);
}

/**
 * Everything a person reads on the page, or hears from a screen reader: the rendered text, the
 * title, the page's description, and the labels, titles, placeholders and alternative texts of
 * elements. Text that the page isolates as written by people (in <bdi>, or between the isolate
 * marks U+2068 and U+2069 inside a sentence) is left out: names of enterprises and organisations
 * are in whatever script their owners chose.
 */
async function readableText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const parts = [
      document.title,
      document.querySelector('meta[name="description"]')?.getAttribute("content") ?? "",
      document.body.innerText,
    ];
    for (const element of Array.from(document.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-description]"))) {
      for (const name of ["aria-label", "title", "placeholder", "alt", "aria-description"]) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    let all = parts.join("\n");
    for (const isolated of Array.from(document.querySelectorAll("bdi"))) all = all.split((isolated as HTMLElement).innerText).join(" ");
    // Content marked as written in another language (a guide read in English, a post in Russian) is that language's, not a leak.
    const pageLanguage = document.documentElement.lang;
    for (const other of Array.from(document.body.querySelectorAll("[lang]")).filter((e) => (e as HTMLElement).lang !== pageLanguage)) {
      all = all.split((other as HTMLElement).innerText).join(" ");
    }
    return all;
  });
  return text.replace(/\u2068[^\u2069]*\u2069/g, " ");
}

/**
 * Fails when a run of four or more Latin letters is left on the page once the allowed words (the
 * brand, the language switcher's names of languages, what the person typed) are taken out. The
 * failure names each leaked word with the text around it.
 */
export async function expectNoEnglish(page: Page, allowed: readonly string[] = []) {
  let text = await readableText(page);
  // Ortaq is the brand; Stripe, the payment service, is named as it is; the glossaries keep the
  // code SDG in Latin letters, in Dari also as "SDGs"; ".xlsx" names the spreadsheet file type.
  const allowList = ["Ortaq", "Stripe", "SDGs", ".xlsx", ...Object.values(LANGUAGE_NAMES), ...allowed]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  for (const word of allowList) text = text.split(word).join(" ");
  // E-mail and web addresses are typed by people, not written by translators.
  text = text.replace(/[\w.+-]+@[\w.-]+\.\w+/g, " ").replace(/https?:\/\/\S*/g, " ");
  const leaks = [...text.matchAll(/[A-Za-z]{4,}/g)].map((m) => {
    const start = Math.max(0, m.index - 40);
    return `“${m[0]}” in “…${text
      .slice(start, m.index + m[0].length + 40)
      .replace(/\s+/g, " ")
      .trim()}…”`;
  });
  expect.soft(leaks, `English left on ${page.url()}`).toEqual([]);
}

/**
 * In a language whose own digits are not ASCII (Dari and Pashto write ۰–۹), a number left in ASCII
 * digits was formatted by hand instead of with Intl; the failure names each with the text around it.
 */
export async function expectNumbersInLanguage(page: Page, language: Language, allowed: readonly string[] = []) {
  if (new Intl.NumberFormat(language).format(0) === "0") return;
  let text = await readableText(page);
  // The open data licence is named by its identifier, the same in every language.
  for (const word of ["CC BY 4.0", ...allowed].filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(word).join(" ");
  text = text.replace(/[\w.+-]+@[\w.-]+\.\w+/g, " ").replace(/https?:\/\/\S*/g, " ");
  const leaks = [...text.matchAll(/\d+/g)].map((m) => {
    const start = Math.max(0, m.index - 40);
    return `“${m[0]}” in “…${text
      .slice(start, m.index + m[0].length + 40)
      .replace(/\s+/g, " ")
      .trim()}…”`;
  });
  expect.soft(leaks, `numbers not written in ${language} digits on ${page.url()}`).toEqual([]);
}

/** As expectAccessible, but the journey goes on, so one run reports every page's violations. */
async function expectAccessibleSoftly(page: Page) {
  expect.soft(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

export interface PageCheck {
  language: Language;
  testInfo: TestInfo;
  /** What the person typed, which the page may show back in any script. */
  allowed: readonly string[];
}

let shot = 0;

/**
 * The checks every visited page must pass: the page's language and direction on <html>, no axe
 * violation, no English left, numbers in the language's digits; right-to-left pages are also
 * checked for mirroring and photographed whole into the test's output. The content checks are
 * soft, so one run lists every page's problems.
 */
export async function checkPage(page: Page, { language, testInfo, allowed }: PageCheck, name: string) {
  const rtl = language === "fa-AF" || language === "ps";
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  await expect(page.locator("html")).toHaveAttribute("dir", rtl ? "rtl" : "ltr");
  if (rtl) {
    shot += 1;
    const file = testInfo.outputPath(`${String(shot).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${language} ${name}`, { path: file, contentType: "image/png" });
    await expectMirrored(page);
  }
  await expectAccessibleSoftly(page);
  await expectNoEnglish(page, allowed);
  await expectNumbersInLanguage(page, language, allowed);
}

/**
 * A mirrored page: the brand sits at the right edge of the header, the main text runs right to
 * left, and the first heading's words end at the right edge of its box.
 */
export async function expectMirrored(page: Page) {
  const viewport = page.viewportSize()!;
  const brand = await page.locator(".site-header .brand").boundingBox();
  expect(brand, "the header's brand link").not.toBeNull();
  expect.soft(viewport.width - (brand!.x + brand!.width), "distance of the brand from the right edge").toBeLessThan(64);
  expect.soft(brand!.x, "the brand is in the right half of the header").toBeGreaterThan(viewport.width / 2);
  const layout = await page
    .locator("main h1")
    .first()
    .evaluate((heading) => {
      const style = getComputedStyle(heading);
      const box = heading.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(heading);
      const words = range.getBoundingClientRect();
      return {
        direction: getComputedStyle(heading.closest("main")!).direction,
        textAlign: style.textAlign,
        contentRight: box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth),
        wordsRight: words.right,
      };
    });
  expect.soft(layout.direction, "direction of <main>").toBe("rtl");
  expect.soft(["start", "right"], "text alignment of the heading").toContain(layout.textAlign);
  expect.soft(Math.abs(layout.contentRight - layout.wordsRight), "the heading's words end at its right edge").toBeLessThan(4);
}
