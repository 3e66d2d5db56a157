// The newcomer's whole journey in one language, from the language switcher to the results;
// every page on the way is checked with checkPage (language, direction, axe, no English left).
import type { Page, TestInfo } from "@playwright/test";
import { currentMethodology } from "../../scoring";
import type { Language } from "../../app/utils/i18n";
import { answerShownQuestions, expect, uniqueEmail } from "./fixtures";
import { checkPage, tr, type PageCheck } from "./languages";

/** What a newcomer types, in their own language. */
export interface Newcomer {
  displayName: string;
  enterpriseName: string;
  city: string;
  mission: string;
  description: string;
}

export async function newcomerJourney(page: Page, testInfo: TestInfo, language: Language, person: Newcomer) {
  const email = uniqueEmail(`lang-${language}`);
  const check: PageCheck = {
    language,
    testInfo,
    // The example in the hint for the public address is Latin by necessity (zhasyl-qala, shahr-e-sabz).
    allowed: [
      email,
      person.displayName,
      person.enterpriseName,
      person.city,
      person.mission,
      person.description,
      "zhasyl-qala",
      "shahr-e-sabz",
    ],
  };
  const t = (key: string, values?: Record<string, string | number>) => tr(language, key, values);

  // The newcomer arrives in English and picks their language with the switcher.
  await page.goto("/");
  await page.getByLabel("Language", { exact: true }).selectOption(language);
  await page.getByRole("button", { name: "Change language" }).click();
  await checkPage(page, check, "home");

  await page
    .getByRole("navigation", { name: t("nav.main") })
    .getByRole("link", { name: t("nav.signup") })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: t("signup.title") })).toBeVisible();
  await checkPage(page, check, "signup");
  await page.getByLabel(t("fields.email"), { exact: true }).fill(email);
  await page.getByLabel(t("fields.password"), { exact: true }).fill("a long enough password");
  await page.getByLabel(t("fields.displayName"), { exact: true }).fill(person.displayName);
  await expect(page.getByLabel(t("fields.language"), { exact: true })).toHaveValue(language);
  await page.getByLabel(t("signup.comeAs"), { exact: true }).selectOption("entrepreneur");
  await page.getByRole("button", { name: t("signup.submit") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("dashboard.greeting", { name: person.displayName }) })).toBeVisible();
  await checkPage(page, check, "dashboard");

  await page.getByRole("link", { name: t("dashboard.createEnterprise") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("enterprise.newTitle") })).toBeVisible();
  await checkPage(page, check, "enterprise-new");
  await page.getByLabel(t("enterprise.fields.name"), { exact: true }).fill(person.enterpriseName);
  await page.getByLabel(t("enterprise.fields.legalForm"), { exact: true }).selectOption("llp");
  await page.getByLabel(t("enterprise.fields.country"), { exact: true }).selectOption("KZ");
  await page.getByLabel(t("enterprise.fields.region"), { exact: true }).selectOption("KZ-19");
  await page.getByLabel(t("enterprise.fields.city"), { exact: true }).fill(person.city);
  await page.getByLabel(t("enterprise.fields.sector"), { exact: true }).selectOption("agriculture_food");
  await page.getByLabel(t("enterprise.fields.foundedYear"), { exact: true }).fill("2019");
  await page.getByLabel(t("enterprise.fields.employees"), { exact: true }).fill("7");
  await page.getByLabel(t("enterprise.fields.womenLed"), { exact: true }).check();
  await page.getByLabel(t("enterprise.fields.mission"), { exact: true }).fill(person.mission);
  await page.getByLabel(t("enterprise.fields.description"), { exact: true }).fill(person.description);
  await page.getByRole("checkbox", { name: new RegExp(`${escape(t("reference:sdg.5"))}$`) }).check();
  await page.getByRole("checkbox", { name: t("reference:beneficiaryGroup.women"), exact: true }).check();
  await page.getByRole("button", { name: t("enterprise.create") }).click();
  await expect(page.getByRole("heading", { level: 1, name: person.enterpriseName })).toBeVisible();
  const profile = new URL(page.url()).pathname;
  // The address of the public page is made from the name in Latin letters; the person sees it back.
  check.allowed = [...check.allowed, profile.split("/").pop()!];
  await checkPage(page, check, "enterprise");

  await page.getByRole("link", { name: t("enterprise.assessments") }).click();
  // Checked once the assessments' page has replaced the profile (it has the button that starts one).
  const start = page.getByRole("button", { name: t("history.start", { version: Number(currentMethodology.version) }) });
  await expect(start).toBeVisible();
  await checkPage(page, check, "assessments");
  await start.click();

  // Every section of the questionnaire, in order, until the review.
  const sections = currentMethodology.dimensions.map((d) => tr(language, `methodology:dimension.${d.id}.label`));
  for (const [index, section] of sections.entries()) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
    await answerShownQuestions(page, index === 0 ? "3" : "60");
    // Sales and grants are shares of one income: together at most 100 %.
    const grants = page.locator('input[name="q.es_grant_share"]');
    if ((await grants.count()) > 0) await grants.fill("20");
    await checkPage(page, check, `section-${index + 1}`);
    const last = index === sections.length - 1;
    await page.getByRole("button", { name: t(last ? "assessment.saveReview" : "assessment.saveNext") }).click();
  }

  await expect(page.getByRole("heading", { name: t("assessment.submitTitle") })).toBeVisible();
  await checkPage(page, check, "submit");
  await page.getByLabel(t("assessment.confirmLabel"), { exact: true }).check();
  await page.getByRole("button", { name: t("assessment.submit") }).click();

  await expect(page.getByText(t("results.notice.submitted"))).toBeVisible();
  await expect(page.getByRole("heading", { name: t("results.plan") })).toBeVisible();
  await expect(page.getByRole("table", { name: t("rating.dimensionsCaption") }).getByRole("row")).toHaveCount(
    currentMethodology.dimensions.length + 1,
  );
  await checkPage(page, check, "results");

  await page.getByRole("link", { name: t("assessment.backToHistory") }).click();
  await expect(page.getByRole("table", { name: t("history.caption") }).getByRole("row")).toHaveCount(2);
  await checkPage(page, check, "assessments-submitted");
  await page.goto(profile);
  await expect(page.getByRole("heading", { level: 1, name: person.enterpriseName })).toBeVisible();
  await checkPage(page, check, "enterprise-assessed");
  return { check, profile };
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
