import { describe, expect, test } from "vitest";
import { currentMethodology as m, scoreAssessment, type Answers } from "../../scoring";
import type { ResultRow } from "~/models/assessment.server";
import type { Decisions } from "~/models/verification.server";
import * as dashboard from "~/routes/dashboard";
import * as history from "~/routes/enterprises.$slug_.assessments";
import * as results from "~/routes/enterprises.$slug_.assessments_.$id_.results";
import { prisma } from "~/utils/db.server";
import { getFixedTFor } from "~/utils/i18next.server";
import { generateAnswers } from "../../prisma/demo-answers";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

let serial = 0;
async function enterpriseWithOwner() {
  serial += 1;
  const owner = await createTestUser();
  const enterprise = await prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      slug: `results-${serial}-${Date.now()}`,
      status: "published",
      members: { create: { userId: owner.id, role: "owner" } },
    },
    select: { id: true, slug: true },
  });
  return { owner, enterprise, slug: enterprise.slug };
}

/** Complete answers with no staff (so the questions about staff do not apply) and profit "not applicable". */
function answersWithoutStaff(): Answers {
  let seed = 11;
  const answers = generateAnswers(m, () => (seed = (seed * 16807) % 2147483647) / 2147483647, { quality: 0.6, employees: 0 });
  return { ...answers, es_profit_reinvested: "n/a", si_beneficiaries: 300, si_beneficiaries_women: 120, gt_registered: "yes" };
}

async function submitted(enterpriseId: string, answers: Answers, submittedAt = new Date()) {
  const result = scoreAssessment(m, answers);
  return prisma.assessment.create({
    data: {
      enterpriseId,
      methodologyVersion: m.version,
      status: "submitted",
      submittedAt,
      answers: answers as object,
      result: result as object,
      overall: result.overall,
      tier: result.tier,
      eligible: result.eligible,
    },
    select: { id: true },
  });
}

/** A completed verification in which the verifier changed one answer. */
async function verified(assessmentId: string, answers: Answers, changes: Answers, completedAt = new Date()) {
  const decisions: Decisions = Object.fromEntries(
    Object.entries(changes).map(([id, value]) => [
      id,
      { decision: "changed", value, reason: "Seen in the accounts", at: completedAt.toISOString() },
    ]),
  );
  const result = scoreAssessment(m, { ...answers, ...changes });
  await prisma.verification.create({
    data: {
      assessmentId,
      status: "completed",
      completedAt,
      organisation: "Audit Partners",
      decisions: decisions as object,
      result: result as object,
      overall: result.overall,
      tier: result.tier,
      eligible: result.eligible,
    },
    select: { id: true },
  });
  return result;
}

type ResultsPage = {
  result: { overall: number };
  trust: { label: string; organisation: string | null };
  rows: ResultRow[];
};

async function resultsPage(slug: string, id: string, cookie: string) {
  const outcome = await run(results.loader, getRequest(`/enterprises/${slug}/assessments/${id}/results`, cookie), { slug, id });
  expect(outcome.status).toBe(200);
  return outcome.data as ResultsPage;
}

describe("results explain every point", () => {
  test("each row says which rule gave the answer its points, and the rows' points add up to the result's", async () => {
    const { owner, enterprise, slug } = await enterpriseWithOwner();
    const answers = answersWithoutStaff();
    const { id } = await submitted(enterprise.id, answers);
    const page = await resultsPage(slug, id, owner.cookie);
    const row = (questionId: string) => page.rows.find((r) => r.questionId === questionId);

    expect(row("gt_registered")).toMatchObject({ answer: "yes", reason: { rule: "option", option: "yes" }, changedByVerifier: false });
    expect(row("si_beneficiaries")).toMatchObject({ reason: { rule: "band", min: 250, max: 1000, points: 6 }, possible: 8 });
    const earned = page.rows.reduce((sum, r) => sum + r.reason.points, 0);
    const result = scoreAssessment(m, answers);
    expect(earned).toBe(result.contributions.reduce((sum, c) => sum + c.earned, 0));
  });

  test("questions that do not apply have no row, and answers that count for nothing are not shown as 0 out of 0", async () => {
    const { owner, enterprise, slug } = await enterpriseWithOwner();
    const { id } = await submitted(enterprise.id, answersWithoutStaff());
    const page = await resultsPage(slug, id, owner.cookie);
    const ids = page.rows.map((r) => r.questionId);
    // No staff: the follow-up questions about staff do not apply.
    const aboutStaff = m.questions.filter((q) => q.appliesWhen?.question === "es_employees").map((q) => q.id);
    expect(aboutStaff.length).toBeGreaterThan(0);
    for (const questionId of aboutStaff) expect(ids).not.toContain(questionId);
    expect(page.rows.find((r) => r.questionId === "es_profit_reinvested")).toMatchObject({
      reason: { rule: "not_applicable" },
      possible: null,
    });
    expect(page.rows.find((r) => r.questionId === "si_beneficiaries_women")).toMatchObject({
      reason: { rule: "not_scored" },
      possible: null,
    });
    expect(page.rows.filter((r) => r.possible === 0)).toEqual([]);
  });

  test("“more points” follows each language's plural forms", async () => {
    const en = await getFixedTFor("en");
    expect(en("results.planItem", { count: 1, answer: "Yes", points: "1", gain: "2" })).toContain("1 more point (");
    expect(en("results.planItem", { count: 3, answer: "Yes", points: "3", gain: "2" })).toContain("3 more points (");
    const ru = await getFixedTFor("ru");
    expect(ru("results.planItem", { count: 1, answer: "Да", points: "1", gain: "2" })).toContain("1 балл (");
    expect(ru("results.planItem", { count: 2, answer: "Да", points: "2", gain: "2" })).toContain("2 балла (");
    expect(ru("results.planItem", { count: 5, answer: "Да", points: "5", gain: "2" })).toContain("5 баллов (");
  });
});

describe("a verified assessment, as its members read it", () => {
  test("shows the verifier's answers and figures with the trust label the public sees, not “self-assessed”", async () => {
    const { owner, enterprise, slug } = await enterpriseWithOwner();
    const answers = answersWithoutStaff();
    const { id } = await submitted(enterprise.id, answers);
    expect((await resultsPage(slug, id, owner.cookie)).trust.label).toBe("self_assessed");

    const verifiedResult = await verified(id, answers, { gt_registered: "no" });
    const page = await resultsPage(slug, id, owner.cookie);
    expect(page.trust).toMatchObject({ label: "verified", organisation: "Audit Partners" });
    expect(page.result.overall).toBe(verifiedResult.overall);
    expect(page.rows.find((r) => r.questionId === "gt_registered")).toMatchObject({
      answer: "no",
      changedByVerifier: true,
      reason: { rule: "option", option: "no", points: 0 },
    });
  });

  test("a verification older than 24 months shows as expired", async () => {
    const { owner, enterprise, slug } = await enterpriseWithOwner();
    const answers = answersWithoutStaff();
    const longAgo = new Date(Date.now() - 25 * 31 * 24 * 3600 * 1000);
    const { id } = await submitted(enterprise.id, answers, longAgo);
    await verified(id, answers, {}, longAgo);
    expect((await resultsPage(slug, id, owner.cookie)).trust.label).toBe("expired");
  });

  test("a new assessment started from the last answers copies the verified answers", async () => {
    const { owner, enterprise, slug } = await enterpriseWithOwner();
    const answers = answersWithoutStaff();
    const { id } = await submitted(enterprise.id, answers);
    await verified(id, answers, { gt_registered: "no", si_beneficiaries: 280 });
    const started = await run(
      history.action,
      formRequest(`/enterprises/${slug}/assessments`, { intent: "start", prefill: "yes" }, owner.cookie),
      {
        slug,
      },
    );
    expect(started.status).toBe(302);
    const draft = await prisma.assessment.findUniqueOrThrow({
      where: { id: started.location!.split("/").at(-1)! },
      select: { answers: true },
    });
    expect(draft.answers).toMatchObject({ gt_registered: "no", si_beneficiaries: 280, si_primary_mission: answers.si_primary_mission });
  });
});

describe("the dashboard", () => {
  test("gives each of a member's enterprises its current rating as verified, its plan's progress and its assessment in progress", async () => {
    const { owner, enterprise } = await enterpriseWithOwner();
    const answers = answersWithoutStaff();
    await submitted(enterprise.id, answers, new Date(Date.now() - 60 * 86_400_000));
    const { id } = await submitted(enterprise.id, answers);
    const shown = await verified(id, answers, { gt_registered: "no", si_beneficiaries: 280 });
    const planned = shown.improvements.map((i) => i.questionId);
    await prisma.planItemDone.create({ data: { assessmentId: id, questionId: planned[0]! } });
    const draft = await prisma.assessment.create({
      data: { enterpriseId: enterprise.id, methodologyVersion: m.version },
      select: { id: true },
    });
    const unrated = await prisma.enterprise.create({
      data: { ...validEnterpriseFields(), slug: `unrated-${Date.now()}`, members: { create: { userId: owner.id, role: "owner" } } },
      select: { slug: true },
    });

    const page = await run(dashboard.loader, getRequest("/dashboard", owner.cookie));
    expect(page.status).toBe(200);
    const { memberships } = page.data as {
      memberships: {
        enterprise: { slug: string };
        rating: {
          assessmentId: string;
          overall: number;
          tier: string;
          trust: { label: string; organisation: string | null };
          plan: object;
        } | null;
        draftId: string | null;
      }[];
    };
    const rated = memberships.find((m) => m.enterprise.slug === enterprise.slug)!;
    expect(shown.overall).not.toBe(scoreAssessment(m, answers).overall);
    expect(rated.rating).toMatchObject({
      assessmentId: id,
      overall: shown.overall,
      tier: shown.tier,
      trust: { label: "verified", organisation: "Audit Partners" },
      plan: { done: 1, total: planned.length },
    });
    expect(rated.draftId).toBe(draft.id);
    expect(memberships.find((m) => m.enterprise.slug === unrated.slug)).toMatchObject({ rating: null, draftId: null });
  });
});
