import { describe, expect, test } from "vitest";
import { asksLegalFormGroup, currentMethodology as m, legalFormGroupOf, methodologies, scoreAssessment, type Answers } from "../../scoring";
import * as history from "~/routes/enterprises.$slug_.assessments";
import * as questionnaire from "~/routes/enterprises.$slug_.assessments_.$id";
import * as results from "~/routes/enterprises.$slug_.assessments_.$id_.results";
import * as submit from "~/routes/enterprises.$slug_.assessments_.$id_.submit";
import * as enterprisePage from "~/routes/enterprises.$slug";
import { prisma } from "~/utils/db.server";
import { generateAnswers } from "../../prisma/demo-answers";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

// The test enterprise's legal form (a company): every question but those for other forms is asked of it.
const company = { legalFormGroup: legalFormGroupOf(validEnterpriseFields().legalForm) };

let serial = 0;
async function enterpriseWithOwner(status: "draft" | "published" = "published") {
  serial += 1;
  const owner = await createTestUser();
  const enterprise = await prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      slug: `assess-${serial}-${Date.now()}`,
      status,
      members: { create: { userId: owner.id, role: "owner" } },
    },
    select: { id: true, slug: true },
  });
  return { owner, enterprise, slug: enterprise.slug };
}

async function startDraft(slug: string, cookie: string, prefill = "no") {
  const outcome = await run(history.action, formRequest(`/enterprises/${slug}/assessments`, { intent: "start", prefill }, cookie), {
    slug,
  });
  expect(outcome.status).toBe(302);
  return outcome.location!.split("/").at(-1)!;
}

/** The form a section posts, built from answers the way the browser would send them. */
function sectionForm(dimension: string, answers: Answers, extra: Record<string, string | string[]> = {}) {
  const fields: Record<string, string | string[]> = { section: dimension, shown: [], ...extra };
  for (const q of m.questions.filter((x) => x.dimension === dimension)) {
    (fields.shown as string[]).push(q.id);
    const value = answers[q.id];
    if (value === undefined) continue;
    if (value === "n/a") fields[`na.${q.id}`] = "on";
    else if (Array.isArray(value)) fields[`q.${q.id}`] = value.length ? value : ["__none"];
    else fields[`q.${q.id}`] = String(value);
  }
  return fields;
}

async function revisionOf(id: string) {
  return (await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { revision: true } })).revision;
}

async function answerEverything(slug: string, id: string, cookie: string, answers: Answers) {
  for (const d of m.dimensions) {
    const outcome = await run(
      questionnaire.action,
      formRequest(
        `/enterprises/${slug}/assessments/${id}`,
        sectionForm(d.id, answers, { revision: String(await revisionOf(id)), client: "test-page" }),
        cookie,
      ),
      { slug, id },
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  }
}

describe("taking an assessment", () => {
  test("one draft per enterprise: starting again continues the open draft", async () => {
    const { owner, slug } = await enterpriseWithOwner();
    const first = await startDraft(slug, owner.cookie);
    const second = await startDraft(slug, owner.cookie);
    expect(second).toBe(first);
  });

  test("saves a section, keeps it across visits, and shows conditional questions only when they apply", async () => {
    const { owner, slug } = await enterpriseWithOwner();
    const id = await startDraft(slug, owner.cookie);
    const save = await run(
      questionnaire.action,
      formRequest(
        `/enterprises/${slug}/assessments/${id}`,
        sectionForm("economic_sustainability", { es_employees: 0, es_trading_income_share: 60 }, { revision: "0", client: "a" }),
        owner.cookie,
      ),
      { slug, id },
    );
    expect(save.status).toBe(302);
    const page = await run(
      questionnaire.loader,
      getRequest(`/enterprises/${slug}/assessments/${id}?section=economic_sustainability`, owner.cookie),
      { slug, id },
    );
    const data = page.data as { assessment: { answers: Answers }; progress: { id: string; applicable: number; answered: number }[] };
    expect(data.assessment.answers).toMatchObject({ es_employees: 0, es_trading_income_share: 60 });
    const economic = data.progress.find((p) => p.id === "economic_sustainability")!;
    expect(economic.answered).toBe(2);
    const staffQuestions = m.questions.filter(
      (q) => q.appliesWhen?.question === "es_employees" && q.dimension === "economic_sustainability",
    ).length;
    expect(economic.applicable).toBe(
      m.questions.filter((q) => q.dimension === "economic_sustainability" && asksLegalFormGroup(q, company.legalFormGroup)).length -
        staffQuestions,
    );
  });

  test("a tampered option, a number out of range and a bad link get messages next to their questions; valid answers are still saved", async () => {
    const { owner, slug } = await enterpriseWithOwner();
    const id = await startDraft(slug, owner.cookie);
    const outcome = await run(
      questionnaire.action,
      formRequest(
        `/enterprises/${slug}/assessments/${id}`,
        sectionForm(
          "economic_sustainability",
          { es_employees: 4 },
          {
            revision: "0",
            client: "a",
            "q.es_financial_result": "bankrupt-but-happy",
            "q.es_trading_income_share": "140",
            "q.es_grant_share": "ten",
            "q.es_business_plan": "yes",
            "links.es_business_plan": "javascript:alert(1)",
            "note.es_employees": "Two of them part-time",
          },
        ),
        owner.cookie,
      ),
      { slug, id },
    );
    expect(outcome.status).toBe(400);
    const reply = outcome.data as { errors: Record<string, string>; raw: Record<string, { value: string }> };
    expect(reply.errors).toEqual({
      es_financial_result: "unknown_option",
      es_trading_income_share: "out_of_range",
      es_grant_share: "number_format",
      es_business_plan: "bad_link",
    });
    expect(reply.raw.es_trading_income_share!.value).toBe("140");
    const stored = await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { answers: true, evidence: true } });
    expect(stored.answers).toEqual({ es_employees: 4, es_business_plan: "yes" });
    expect(stored.evidence).toMatchObject({ es_employees: { note: "Two of them part-time" } });
  });

  test("a save from a stale page is refused and the newer answers are kept", async () => {
    const { owner, slug } = await enterpriseWithOwner();
    const id = await startDraft(slug, owner.cookie);
    const tabA = formRequest(
      `/enterprises/${slug}/assessments/${id}`,
      sectionForm("inclusion", { in_women_leadership: "half_or_more" }, { revision: "0", client: "tab-a" }),
      owner.cookie,
    );
    const tabB = formRequest(
      `/enterprises/${slug}/assessments/${id}`,
      sectionForm("inclusion", { in_women_leadership: "none" }, { revision: "0", client: "tab-b" }),
      owner.cookie,
    );
    expect((await run(questionnaire.action, tabA, { slug, id })).status).toBe(302);
    const stale = await run(questionnaire.action, tabB, { slug, id });
    expect(stale.status).toBe(409);
    expect((stale.data as { status: string }).status).toBe("stale");
    const stored = await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { answers: true } });
    expect((stored.answers as Answers).in_women_leadership).toBe("half_or_more");
    // The same page saving again (its background save raced its own submit) is not stale.
    const again = formRequest(
      `/enterprises/${slug}/assessments/${id}`,
      sectionForm("inclusion", { in_women_leadership: "some" }, { revision: "0", client: "tab-a", intent: "autosave" }),
      owner.cookie,
    );
    expect((await run(questionnaire.action, again, { slug, id })).status).toBe(200);
  });

  test("submitting is refused while questions are unanswered, then locks, scores and stores the full result", async () => {
    const { owner, slug } = await enterpriseWithOwner();
    const id = await startDraft(slug, owner.cookie);
    const early = await run(submit.loader, getRequest(`/enterprises/${slug}/assessments/${id}/submit`, owner.cookie), { slug, id });
    expect((early.data as { missing: unknown[] }).missing.length).toBeGreaterThan(40);
    const refused = await run(
      submit.action,
      formRequest(
        `/enterprises/${slug}/assessments/${id}/submit`,
        { confirm: "yes", revision: String(await revisionOf(id)) },
        owner.cookie,
      ),
      { slug, id },
    );
    expect(refused.status).toBe(400);

    let seed = 1;
    const answers = generateAnswers(m, () => (seed = (seed * 16807) % 2147483647) / 2147483647, { quality: 0.7, employees: 6 });
    await answerEverything(slug, id, owner.cookie, answers);
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
    expect(done.location).toMatch(/\/results$/);
    expect(done.notice?.message).toBe("results.notice.submitted");
    const stored = await prisma.assessment.findUniqueOrThrow({
      where: { id },
      select: { status: true, methodologyVersion: true, result: true, overall: true, answers: true },
    });
    expect(stored.status).toBe("submitted");
    expect(stored.methodologyVersion).toBe(m.version);
    expect(stored.result).toEqual(scoreAssessment(m, stored.answers as Answers, company));
    expect(stored.overall).toBe(scoreAssessment(m, answers, company).overall);

    const locked = await run(
      questionnaire.action,
      formRequest(`/enterprises/${slug}/assessments/${id}`, sectionForm("inclusion", {}, { revision: "99", client: "x" }), owner.cookie),
      { slug, id },
    );
    expect(locked.status).toBe(302);
    expect(locked.location).toMatch(/\/results$/);
  });

  test("a new assessment can start pre-filled from the last one", async () => {
    const { owner, slug, enterprise } = await enterpriseWithOwner();
    await prisma.assessment.create({
      data: {
        enterpriseId: enterprise.id,
        methodologyVersion: m.version,
        status: "submitted",
        submittedAt: new Date(),
        answers: { gt_registered: "yes", nonsense: "x" },
      },
    });
    const id = await startDraft(slug, owner.cookie, "yes");
    const draft = await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { answers: true } });
    expect(draft.answers).toEqual({ gt_registered: "yes" });
  });
});

describe("the beneficiaries split by gender, disability and vulnerable group", () => {
  const breakdown = ["si_beneficiaries_women", "si_beneficiaries_disability", "si_beneficiaries_vulnerable"];
  const save = (slug: string, id: string, cookie: string, fields: Record<string, string | string[]>) =>
    revisionOf(id).then((revision) =>
      run(
        questionnaire.action,
        formRequest(`/enterprises/${slug}/assessments/${id}`, { ...fields, revision: String(revision), client: "a" }, cookie),
        { slug, id },
      ),
    );
  const stored = async (id: string) =>
    (await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { answers: true } })).answers as Answers;

  test("new assessments are taken with the current version, which asks the split right after the total and only when someone benefited", async () => {
    const { owner, slug } = await enterpriseWithOwner();
    const id = await startDraft(slug, owner.cookie);
    expect((await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { methodologyVersion: true } })).methodologyVersion).toBe(
      m.version,
    );
    const progress = async () => {
      const page = await run(questionnaire.loader, getRequest(`/enterprises/${slug}/assessments/${id}`, owner.cookie), { slug, id });
      const data = page.data as { questions: { id: string }[]; progress: { id: string; applicable: number }[] };
      return { ids: data.questions.map((q) => q.id), applicable: data.progress.find((p) => p.id === "social_impact")!.applicable };
    };
    const before = await progress();
    expect(before.ids.slice(before.ids.indexOf("si_beneficiaries") + 1).slice(0, 3)).toEqual(breakdown);
    expect((await save(slug, id, owner.cookie, sectionForm("social_impact", { si_beneficiaries: 0 }))).status).toBe(302);
    expect((await progress()).applicable).toBe(before.applicable);
    expect(
      (
        await save(
          slug,
          id,
          owner.cookie,
          sectionForm("social_impact", {
            si_beneficiaries: 120,
            si_beneficiaries_women: 70,
            si_beneficiaries_disability: 0,
            si_beneficiaries_vulnerable: 120,
          }),
        )
      ).status,
    ).toBe(302);
    expect((await progress()).applicable).toBe(before.applicable + 3);
    expect(await stored(id)).toEqual({
      si_beneficiaries: 120,
      si_beneficiaries_women: 70,
      si_beneficiaries_disability: 0,
      si_beneficiaries_vulnerable: 120,
    });
  });

  test("a part larger than the total gets a message next to it, and neither it nor the total is saved", async () => {
    const { owner, slug } = await enterpriseWithOwner();
    const id = await startDraft(slug, owner.cookie);
    const answers = { si_beneficiaries: 40, si_beneficiaries_women: 25, si_beneficiaries_disability: 3, si_beneficiaries_vulnerable: 30 };
    expect((await save(slug, id, owner.cookie, sectionForm("social_impact", answers))).status).toBe(302);

    const tooMany = await save(
      slug,
      id,
      owner.cookie,
      sectionForm("social_impact", { ...answers, si_beneficiaries_women: 41, si_primary_mission: "social" }),
    );
    expect(tooMany.status).toBe(400);
    const reply = tooMany.data as { errors: Record<string, string>; raw: Record<string, { value: string }> };
    expect(reply.errors).toEqual({ si_beneficiaries_women: "exceeds_total" });
    expect(reply.raw.si_beneficiaries_women!.value).toBe("41");
    expect(await stored(id)).toEqual({ ...answers, si_primary_mission: "social" });

    // A smaller total than a part already saved is refused the same way.
    const fewer = await save(slug, id, owner.cookie, sectionForm("social_impact", { ...answers, si_beneficiaries: 20 }));
    expect((fewer.data as { errors: Record<string, string> }).errors).toEqual({
      si_beneficiaries_women: "exceeds_total",
      si_beneficiaries_vulnerable: "exceeds_total",
    });
    const onlyTotal = await save(slug, id, owner.cookie, {
      section: "social_impact",
      shown: ["si_beneficiaries"],
      "q.si_beneficiaries": "20",
    });
    expect((onlyTotal.data as { errors: Record<string, string> }).errors).toEqual({ si_beneficiaries: "exceeds_total" });
    expect((await stored(id)).si_beneficiaries).toBe(40);
  });

  test("a version 1 assessment keeps its version and score; the next one, pre-filled from it, is taken with the current version and asks only the split anew", async () => {
    const { owner, slug, enterprise } = await enterpriseWithOwner();
    const v1 = methodologies["1"]!;
    let seed = 7;
    const answers = generateAnswers(v1, () => (seed = (seed * 16807) % 2147483647) / 2147483647, { quality: 0.6, employees: 3 });
    const first = scoreAssessment(v1, answers);
    const old = await prisma.assessment.create({
      data: {
        enterpriseId: enterprise.id,
        methodologyVersion: "1",
        status: "submitted",
        submittedAt: new Date(Date.now() - 86_400_000),
        answers,
        result: first as object,
        overall: first.overall,
        tier: first.tier,
        eligible: first.eligible,
      },
      select: { id: true },
    });
    const id = await startDraft(slug, owner.cookie, "yes");
    const draft = await prisma.assessment.findUniqueOrThrow({ where: { id }, select: { methodologyVersion: true, answers: true } });
    expect(draft.methodologyVersion).toBe(m.version);
    expect(draft.answers).toEqual(answers);
    const review = await run(submit.loader, getRequest(`/enterprises/${slug}/assessments/${id}/submit`, owner.cookie), { slug, id });
    const missing = (review.data as { missing: ({ id: string } | string)[] }).missing.map((q) => (typeof q === "string" ? q : q.id));
    expect(missing.sort()).toEqual([...breakdown].sort());

    const total = answers.si_beneficiaries as number;
    const split = { si_beneficiaries_women: Math.floor(total / 2), si_beneficiaries_disability: 0, si_beneficiaries_vulnerable: total };
    await answerEverything(slug, id, owner.cookie, { ...answers, ...split });
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

    // The split earns no points: the same answers score the same under both versions, so the two can be compared.
    const [older, newer] = await Promise.all(
      [old.id, id].map((x) =>
        prisma.assessment.findUniqueOrThrow({ where: { id: x }, select: { methodologyVersion: true, overall: true, result: true } }),
      ),
    );
    expect(older).toEqual({ methodologyVersion: "1", overall: first.overall, result: first });
    expect(newer!.methodologyVersion).toBe(m.version);
    expect(newer!.overall).toBe(first.overall);
    expect(scoreAssessment(v1, answers)).toEqual(first);

    const list = await run(history.loader, getRequest(`/enterprises/${slug}/assessments`, owner.cookie), { slug });
    expect((list.data as { submitted: { methodologyVersion: string }[] }).submitted.map((a) => a.methodologyVersion)).toEqual([
      "1",
      m.version,
    ]);
    for (const [assessmentId, version, count] of [
      [old.id, "1", v1.questions.length],
      [id, m.version, m.questions.length],
    ] as const) {
      const page = await run(results.loader, getRequest(`/enterprises/${slug}/assessments/${assessmentId}/results`, owner.cookie), {
        slug,
        id: assessmentId,
      });
      const data = page.data as { methodology: { version: string; questions: unknown[] } };
      expect(data.methodology.version).toBe(version);
      expect(data.methodology.questions).toHaveLength(count);
    }
  });
});

describe("results and publishing", () => {
  async function submitted(status: "draft" | "published" = "published") {
    const ctx = await enterpriseWithOwner(status);
    const answers = generateAnswers(m, Math.random, { quality: 0.6, employees: 3 });
    const result = scoreAssessment(m, answers);
    const row = await prisma.assessment.create({
      data: {
        enterpriseId: ctx.enterprise.id,
        methodologyVersion: m.version,
        status: "submitted",
        submittedAt: new Date(),
        answers,
        result: result as object,
        overall: result.overall,
        tier: result.tier,
        eligible: result.eligible,
      },
      select: { id: true },
    });
    return { ...ctx, id: row.id, result };
  }

  test("unpublished results and drafts are visible only to members and admins", async () => {
    const { slug, id, owner } = await submitted();
    const stranger = await createTestUser({ roles: ["funder"] });
    const admin = await createTestUser({ roles: ["admin"] });
    expect((await run(results.loader, getRequest(`/x`, owner.cookie), { slug, id })).status).toBe(200);
    expect((await run(results.loader, getRequest(`/x`, admin.cookie), { slug, id })).status).toBe(200);
    expect((await run(results.loader, getRequest(`/x`, stranger.cookie), { slug, id })).status).toBe(403);
    expect((await run(results.loader, getRequest(`/x`), { slug, id })).status).toBe(302);
    expect((await run(questionnaire.loader, getRequest(`/x`, stranger.cookie), { slug, id })).status).toBe(403);
    expect((await run(history.loader, getRequest(`/x`, stranger.cookie), { slug })).status).toBe(403);
    const publicPage = await run(enterprisePage.loader, getRequest(`/enterprises/${slug}`), { slug });
    expect((publicPage.data as { rating: unknown }).rating).toBeNull();
  });

  test("only the owner publishes; the published rating appears on the public page without the answer-by-answer detail", async () => {
    const { slug, id, owner, enterprise, result } = await submitted();
    const member = await createTestUser();
    await prisma.enterpriseMember.create({ data: { enterpriseId: enterprise.id, userId: member.id, role: "member" } });
    expect((await run(results.action, formRequest(`/x`, { intent: "publish" }, member.cookie), { slug, id })).status).toBe(403);
    expect((await run(results.action, formRequest(`/x`, { intent: "publish" }, owner.cookie), { slug, id })).status).toBe(302);
    const publicPage = await run(enterprisePage.loader, getRequest(`/enterprises/${slug}`), { slug });
    const rating = (publicPage.data as { rating: { result: { overall: number; contributions: unknown[]; improvements: unknown[] } } })
      .rating;
    expect(rating.result.overall).toBe(result.overall);
    expect(rating.result.contributions).toEqual([]);
    expect(rating.result.improvements).toEqual([]);
  });

  test("a published rating of a draft profile stays hidden from the public", async () => {
    const { slug, id, owner } = await submitted("draft");
    await run(results.action, formRequest(`/x`, { intent: "publish" }, owner.cookie), { slug, id });
    expect((await run(enterprisePage.loader, getRequest(`/enterprises/${slug}`), { slug })).status).toBe(404);
  });

  test("peer percentiles are shown only for groups of at least 5 published peers", async () => {
    const { slug, id, owner } = await submitted();
    const before = await run(results.loader, getRequest(`/x`, owner.cookie), { slug, id });
    const groups = (before.data as { peers: { group: string; peers: number; overall: number | null }[] }).peers;
    for (const g of groups) expect(g.peers < 5 ? g.overall === null : g.overall !== null).toBe(true);
  });
});
