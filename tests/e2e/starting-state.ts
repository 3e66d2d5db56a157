import type { APIResponse, Page } from "@playwright/test";
import { generateAnswers } from "../../prisma/demo-answers";
import { applicableQuestions, currentMethodology, type Answers } from "../../scoring";
import { enterpriseFormFields } from "../helpers/enterprise";
import { expect, uniqueEmail } from "./fixtures";
import { linkFromOutbox } from "./outbox";

/**
 * Starting states for journeys that are about something else, made by posting the app's own forms
 * over HTTP with the page's cookies: the same checks as in the browser, without drawing the pages.
 * The forms themselves are walked in the browser elsewhere: signing up and creating an enterprise in
 * foundation.spec.ts and no-javascript.spec.ts, the whole questionnaire in assessment.spec.ts and
 * assessment-no-javascript.spec.ts.
 */

type Form = Record<string, string | string[]>;

/** Posts a form as a browser would (repeated fields for lists) and returns the answer without following a redirect. */
async function post(page: Page, path: string, fields: Form) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return page.request.post(path, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: body.toString(),
    maxRedirects: 0,
  });
}

/** Where a successful form post sends the browser; fails the test with the answer otherwise. */
function redirectTarget(response: APIResponse, what: string) {
  expect(response.status(), `${what}: expected a redirect`).toBe(302);
  return new URL(response.headers().location!, response.url()).pathname;
}

/** A new account (an entrepreneur, in English), logged in on the page's browser context. */
export async function signUpByForm(
  page: Page,
  { name, email = uniqueEmail("starting"), password = "Steppe felt 2026 bakery" }: { name: string; email?: string; password?: string },
) {
  const response = await post(page, "/signup", { email, password, displayName: name, language: "en", role: "entrepreneur" });
  expect(redirectTarget(response, "signing up")).toBe("/dashboard");
  // Publishing and posting wait for a confirmed address: follow the link the server wrote to its outbox.
  const confirmation = new URL(await linkFromOutbox(email, "/confirm-email/")).pathname;
  redirectTarget(await post(page, confirmation, {}), "confirming the address");
  return { email, password };
}

/** A published enterprise (in Kazakhstan's Almaty region) owned by the logged-in person; returns its public path. */
export async function publishedEnterpriseByForm(page: Page, name: string) {
  const profile = redirectTarget(await post(page, "/enterprises/new", enterpriseFormFields({ name })), "creating the enterprise");
  redirectTarget(await post(page, profile, { intent: "publish" }), "publishing the enterprise");
  return profile;
}

/** The form fields of a questionnaire section, as the section's page would post them. */
function sectionFields(questions: ReturnType<typeof applicableQuestions>, answers: Answers): Form {
  const fields: Form = { shown: questions.map((q) => q.id) };
  for (const question of questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    fields[`q.${question.id}`] = Array.isArray(answer) ? (answer.length ? answer.map(String) : ["__none"]) : String(answer);
  }
  return fields;
}

/**
 * A submitted and published self-assessment of the enterprise at `profile`, with good answers
 * (a registered enterprise with staff), saved section by section; returns the results page's path.
 */
export async function publishedRatingByForm(page: Page, profile: string) {
  const assessment = redirectTarget(
    await post(page, `${profile}/assessments`, { intent: "start", prefill: "no" }),
    "starting the assessment",
  );
  const answers = generateAnswers(currentMethodology, () => 0.5, { quality: 0.9, employees: 4 });
  const applicable = applicableQuestions(currentMethodology, answers);
  let revision = 0;
  for (const dimension of currentMethodology.dimensions) {
    const questions = applicable.filter((q) => q.dimension === dimension.id);
    const saved = await post(page, assessment, {
      ...sectionFields(questions, answers),
      section: dimension.id,
      revision: String(revision),
      intent: "save",
    });
    redirectTarget(saved, `saving the section ${dimension.id}`);
    revision += 1;
  }
  const results = redirectTarget(
    await post(page, `${assessment}/submit`, { confirm: "yes", revision: String(revision) }),
    "submitting the assessment",
  );
  redirectTarget(await post(page, results, { intent: "publish" }), "publishing the rating");
  return results;
}

/** The public path of a published, rated demo enterprise, found through the open data API. */
export async function aPublishedEnterprise(page: Page) {
  const response = await page.request.get("/api/v1/enterprises?country=KZ&limit=1");
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { slug: string }[] };
  return `/enterprises/${items[0]!.slug}`;
}
