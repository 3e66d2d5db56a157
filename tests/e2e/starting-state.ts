import type { APIResponse, Page } from "@playwright/test";
import { generateAnswers } from "../../prisma/demo-answers";
import { applicableQuestions, currentMethodology, type Answers, type ScoringContext } from "../../scoring";
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

/** A new account (an entrepreneur unless `role` says otherwise, in English), logged in on the page's browser context. */
export async function signUpByForm(
  page: Page,
  {
    name,
    email = uniqueEmail("starting"),
    password = "Steppe felt 2026 bakery",
    role = "entrepreneur",
  }: { name: string; email?: string; password?: string; role?: "entrepreneur" | "funder" },
) {
  const response = await post(page, "/signup", { email, password, displayName: name, language: "en", role });
  expect(redirectTarget(response, "signing up")).toBe("/dashboard");
  // Publishing and posting wait for a confirmed address: follow the link the server wrote to its outbox.
  const confirmation = new URL(await linkFromOutbox(email, "/confirm-email/")).pathname;
  redirectTarget(await post(page, confirmation, {}), "confirming the address");
  return { email, password };
}

/** An enterprise (in Kazakhstan's Almaty region, with the profile's `fields` changed) owned by the logged-in person, not yet published; returns its path. */
export async function enterpriseByForm(page: Page, name: string, fields: Form = {}) {
  return redirectTarget(await post(page, "/enterprises/new", enterpriseFormFields({ name, ...fields })), "creating the enterprise");
}

/** A published enterprise (in Kazakhstan's Almaty region) owned by the logged-in person; returns its public path. */
export async function publishedEnterpriseByForm(page: Page, name: string) {
  const profile = await enterpriseByForm(page, name);
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

/** A new, unanswered self-assessment of the enterprise at `profile`; returns its path (its first section's page). */
export async function startedAssessmentByForm(page: Page, profile: string) {
  return redirectTarget(await post(page, `${profile}/assessments`, { intent: "start", prefill: "no" }), "starting the assessment");
}

/**
 * Saves one section of the assessment at `assessment` as its page would post it: the questions asked of
 * an enterprise of the `context`'s legal form, with their `answers`. `revision` counts the saves before it.
 */
export async function savedSectionByForm(
  page: Page,
  assessment: string,
  section: { dimension: string; revision: number; answers: Answers; context?: ScoringContext },
) {
  const { dimension, revision, answers, context } = section;
  const questions = applicableQuestions(currentMethodology, answers, context).filter((q) => q.dimension === dimension);
  const saved = await post(page, assessment, {
    ...sectionFields(questions, answers),
    section: dimension,
    revision: String(revision),
    intent: "save",
  });
  redirectTarget(saved, `saving the section ${dimension}`);
}

/** Good answers to every question (a registered enterprise with staff, or with `employees` of its own). */
export function goodAnswers(employees = 4) {
  return generateAnswers(currentMethodology, () => 0.5, { quality: 0.9, employees });
}

/**
 * A submitted and published self-assessment of the enterprise at `profile`, with good answers
 * (a registered enterprise with staff), saved section by section; returns the results page's path.
 */
export async function publishedRatingByForm(page: Page, profile: string) {
  const assessment = await startedAssessmentByForm(page, profile);
  const answers = goodAnswers();
  let revision = 0;
  for (const { id: dimension } of currentMethodology.dimensions) {
    await savedSectionByForm(page, assessment, { dimension, revision, answers });
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
