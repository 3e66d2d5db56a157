import { currentMethodology } from "../../scoring";
import { SUPPORTED_LANGUAGES } from "../../app/utils/i18n";
import { expect, test } from "./fixtures";
import { chooseLanguageByCookie, lookup } from "./languages";

// Languages whose translators have not finished fail here until they do: that is the point.
for (const language of SUPPORTED_LANGUAGES) {
  test(`/methodology in ${language} shows every question of methodology ${currentMethodology.version}`, async ({ page, baseURL }) => {
    await chooseLanguageByCookie(page.context(), baseURL!, language);
    await page.goto("/methodology");
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.getByRole("heading", { level: 3 })).toHaveCount(currentMethodology.questions.length);
    const untranslated: string[] = [];
    for (const question of currentMethodology.questions) {
      const text = lookup(language, `methodology:question.${question.id}.text`);
      if (!text) {
        untranslated.push(question.id);
        continue;
      }
      await expect
        .soft(page.getByRole("heading", { level: 3, name: text, exact: true }), `question ${question.id} in ${language}`)
        .toBeVisible();
    }
    expect(untranslated, `questions with no text in app/locales/${language}/methodology.json`).toEqual([]);
  });
}
