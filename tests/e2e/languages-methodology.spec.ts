import { currentMethodology } from "../../scoring";
import { SUPPORTED_LANGUAGES } from "../../app/utils/i18n";
import { expect, test } from "./fixtures";
import { chooseLanguageByCookie, lookup } from "./languages";

// Languages whose translators have not finished fail here until they do: that is the point.
for (const language of SUPPORTED_LANGUAGES) {
  test(`/methodology in ${language} shows every question of methodology ${currentMethodology.version}`, async ({ page, baseURL }) => {
    await chooseLanguageByCookie(page.context(), baseURL!, language);
    // Until the page's scripts have run: the body the server keeps rendered must be what React renders over it.
    await page.goto("/methodology", { waitUntil: "networkidle" });
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    const headings = page.getByRole("heading", { level: 3 });
    await expect(headings).toHaveCount(currentMethodology.questions.length);
    // Every heading read at once: one look at a long page instead of one per question.
    const shown = new Set((await headings.allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim()));
    const untranslated: string[] = [];
    const missing: string[] = [];
    for (const question of currentMethodology.questions) {
      const text = lookup(language, `methodology:question.${question.id}.text`);
      if (!text) untranslated.push(question.id);
      else if (!shown.has(text.replace(/\s+/g, " ").trim())) missing.push(`${question.id}: ${text}`);
    }
    expect.soft(missing, `questions not shown in ${language}`).toEqual([]);
    expect(untranslated, `questions with no text in app/locales/${language}/methodology.json`).toEqual([]);
    // The points tables' hidden captions, which screen readers announce, name the question in words, never by its id.
    const captions = (await page.locator("caption").allTextContents()).join("\n");
    const ids = currentMethodology.questions.map((question) => question.id).filter((id) => captions.includes(id));
    expect(ids, `question ids read out in the captions in ${language}`).toEqual([]);
  });
}
