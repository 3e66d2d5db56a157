import { describe, expect, test } from "vitest";
import { currentMethodology as m, type Answers, type Question } from "../../scoring";
import * as history from "~/routes/enterprises.$slug_.assessments";
import * as questionnaire from "~/routes/enterprises.$slug_.assessments_.$id";
import * as results from "~/routes/enterprises.$slug_.assessments_.$id_.results";
import * as submit from "~/routes/enterprises.$slug_.assessments_.$id_.submit";
import type { ResultRow } from "~/models/assessment.server";
import { updateEnterprise } from "~/models/enterprise.server";
import { prisma } from "~/utils/db.server";
import { generateAnswers } from "../../prisma/demo-answers";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

// The questions that make no sense for each kind of organisation, and are not asked of it.
const NOT_ASKED: Record<string, string[]> = {
  public_association: ["es_profit_reinvested", "es_member_benefit", "es_grant_share", "gt_profit_distribution_cap"],
  cooperative: ["es_profit_reinvested"],
  sole_proprietor: [
    "si_mission_in_statutes",
    "es_member_benefit",
    "gt_governing_body",
    "gt_conflict_of_interest",
    "gt_asset_lock",
    "gt_profit_distribution_cap",
    "gt_anti_corruption",
    "in_women_leadership",
  ],
};

let serial = 0;
async function enterpriseOfForm(legalForm: string) {
  serial += 1;
  const owner = await createTestUser();
  const enterprise = await prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      legalForm,
      employees: legalForm === "sole_proprietor" ? 0 : 5,
      slug: `form-${serial}-${Date.now()}`,
      status: "published",
      members: { create: { userId: owner.id, role: "owner" } },
    },
    select: { id: true, slug: true },
  });
  return { owner, enterprise, slug: enterprise.slug };
}

async function startDraft(slug: string, cookie: string) {
  const outcome = await run(history.action, formRequest(`/enterprises/${slug}/assessments`, { intent: "start", prefill: "no" }, cookie), {
    slug,
  });
  expect(outcome.status).toBe(302);
  return outcome.location!.split("/").at(-1)!;
}

type Page = { questions: Question[]; wordings: Record<string, string>; legalFormGroup: string | null };

async function section(slug: string, id: string, cookie: string, dimension: string) {
  const page = await run(questionnaire.loader, getRequest(`/enterprises/${slug}/assessments/${id}?section=${dimension}`, cookie), {
    slug,
    id,
  });
  expect(page.status).toBe(200);
  return page.data as Page;
}

async function revisionOf(id: string) {
  return (await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { revision: true } })).revision;
}

/** Posts one section as the browser would: the questions it shows, with their answers. */
async function post(slug: string, id: string, cookie: string, dimension: string, shown: string[], answers: Answers) {
  const fields: Record<string, string | string[]> = { section: dimension, shown, revision: String(await revisionOf(id)), client: "t" };
  for (const qid of shown) {
    const value = answers[qid];
    if (value === undefined) continue;
    if (value === "n/a") fields[`na.${qid}`] = "on";
    else if (Array.isArray(value)) fields[`q.${qid}`] = value.length ? value : ["__none"];
    else fields[`q.${qid}`] = String(value);
  }
  return run(questionnaire.action, formRequest(`/enterprises/${slug}/assessments/${id}`, fields, cookie), { slug, id });
}

describe.each(Object.entries(NOT_ASKED))("an assessment taken as a %s", (legalForm, notAsked) => {
  test("asks no question that makes no sense for it, and submits without them", async () => {
    const { owner, slug } = await enterpriseOfForm(legalForm);
    const id = await startDraft(slug, owner.cookie);
    expect((await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { legalForm: true } })).legalForm).toBe(legalForm);

    let seed = 7;
    const answers = generateAnswers(m, () => (seed = (seed * 16807) % 2147483647) / 2147483647, {
      quality: 0.8,
      employees: legalForm === "sole_proprietor" ? 0 : 5,
    });
    const asked: string[] = [];
    for (const d of m.dimensions) {
      const page = await section(slug, id, owner.cookie, d.id);
      expect(page.legalFormGroup).not.toBeNull();
      const ids = page.questions.map((q) => q.id);
      asked.push(...ids);
      const outcome = await post(slug, id, owner.cookie, d.id, ids, answers);
      expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    }
    for (const qid of notAsked) expect(asked, qid).not.toContain(qid);
    // Everything else of the methodology is asked.
    expect(asked.length).toBe(m.questions.length - m.questions.filter((q) => !asked.includes(q.id)).length);

    const missing = await run(submit.loader, getRequest(`/enterprises/${slug}/assessments/${id}/submit`, owner.cookie), { slug, id });
    expect((missing.data as { missing: unknown[] }).missing).toEqual([]);
    const done = await run(
      submit.action,
      formRequest(
        `/enterprises/${slug}/assessments/${id}/submit`,
        { confirm: "yes", revision: String(await revisionOf(id)) },
        owner.cookie,
      ),
      { slug, id },
    );
    expect(done.status).toBe(302);

    const stored = await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { answers: true, status: true, legalForm: true } });
    expect(stored.status).toBe("submitted");
    expect(stored.legalForm).toBe(legalForm);
    for (const qid of notAsked) expect(Object.keys(stored.answers as object), qid).not.toContain(qid);

    const page = await run(results.loader, getRequest(`/enterprises/${slug}/assessments/${id}/results`, owner.cookie), { slug, id });
    const { rows, result } = page.data as { rows: ResultRow[]; result: { completeness: number; contributions: { questionId: string }[] } };
    expect(result.completeness).toBe(1);
    for (const qid of notAsked) {
      expect(rows.find((r) => r.questionId === qid)?.reason.rule, qid).toBe("not_for_legal_form");
      expect(
        result.contributions.map((c) => c.questionId),
        qid,
      ).not.toContain(qid);
    }
  });
});

describe("questions by legal form", () => {
  test("a section posted with a question not asked of the form does not save its answer", async () => {
    const { owner, slug } = await enterpriseOfForm("sole_proprietor");
    const id = await startDraft(slug, owner.cookie);
    const outcome = await post(slug, id, owner.cookie, "governance_transparency", ["gt_registered", "gt_governing_body"], {
      gt_registered: "yes",
      gt_governing_body: "nobody",
    });
    expect(outcome.status).toBe(302);
    const stored = await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { answers: true } });
    expect(stored.answers).toEqual({ gt_registered: "yes" });
  });

  test("a cooperative reads the cooperative's wording, and a draft follows a change of legal form on the profile", async () => {
    const { owner, enterprise, slug } = await enterpriseOfForm("cooperative");
    const id = await startDraft(slug, owner.cookie);
    const gt = await section(slug, id, owner.cookie, "governance_transparency");
    expect(gt.wordings).toMatchObject({ gt_asset_lock: "cooperative", gt_profit_distribution_cap: "cooperative" });
    expect((await section(slug, id, owner.cookie, "economic_sustainability")).questions.map((q) => q.id)).toContain("es_member_benefit");

    const updated = await updateEnterprise({
      id: enterprise.id,
      input: { ...validEnterpriseFields(), legalForm: "public_foundation" } as never,
    });
    expect(updated).toMatchObject({ slug });
    const es = (await section(slug, id, owner.cookie, "economic_sustainability")).questions.map((q) => q.id);
    expect(es).not.toContain("es_member_benefit");
    expect(es).not.toContain("es_grant_share");
    expect((await section(slug, id, owner.cookie, "governance_transparency")).wordings).toEqual({ gt_asset_lock: "nonprofit" });
  });
});
