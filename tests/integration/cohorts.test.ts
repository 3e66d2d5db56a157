import { describe, expect, test } from "vitest";
import { generateAnswers } from "../../prisma/demo-answers";
import { currentMethodology as m, scoreAssessment } from "../../scoring";
import { getCohort, inviteEnterprise } from "~/models/cohort.server";
import * as cohortPage from "~/routes/cohorts_.$id";
import * as cohortExport from "~/routes/cohorts_.$id_.export.$table";
import * as cohortsPage from "~/routes/cohorts";
import * as enterpriseCohorts from "~/routes/enterprises.$slug_.cohorts";
import * as results from "~/routes/enterprises.$slug_.assessments_.$id_.results";
import * as notifications from "~/routes/notifications";
import { prisma } from "~/utils/db.server";
import { enterpriseWithOwnerAndMember } from "../helpers/enterprise-people";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

let serial = 0;
const result = scoreAssessment(
  m,
  generateAnswers(m, () => 0.3, { quality: 0.2, employees: 8 }),
);

/** A published enterprise with an owner and a member, and a submitted assessment with an improvement plan. */
async function enterprise({ status = "published" as "published" | "draft" } = {}) {
  serial += 1;
  const {
    owner,
    member,
    enterprise: created,
  } = await enterpriseWithOwnerAndMember({ name: `Cohort Enterprise ${serial} ${Date.now()}`, status });
  const assessment = await prisma.assessment.create({
    data: {
      enterpriseId: created.id,
      methodologyVersion: m.version,
      status: "submitted",
      submittedAt: new Date(),
      answers: {},
      result: result as object,
      overall: result.overall,
      tier: result.tier,
    },
    select: { id: true },
  });
  return { owner, member, enterprise: created, assessment };
}

async function incubatorWithCohort() {
  const incubator = await createTestUser({ roles: ["incubator"] });
  await prisma.user.update({ where: { id: incubator.id }, data: { organisation: "Steppe Impact Hub" } });
  const made = await run(
    cohortsPage.action,
    formRequest("/cohorts", { name: "Autumn 2026", startsOn: "2026-09-01", endsOn: "2026-12-15" }, incubator.cookie),
  );
  expect(made.status).toBe(302);
  const cohortId = made.location!.split("/").pop()!;
  return { incubator, cohortId };
}

const invite = (cookie: string, cohortId: string, enterpriseId: string) =>
  run(cohortPage.action, formRequest(`/cohorts/${cohortId}`, { intent: "invite", enterpriseId }, cookie), { id: cohortId });

const answer = (cookie: string, slug: string, intent: string, memberId: string) =>
  run(enterpriseCohorts.action, formRequest(`/enterprises/${slug}/cohorts`, { intent, memberId }, cookie), { slug });

async function cohortView(cookie: string, cohortId: string, query = "") {
  const outcome = await run(cohortPage.loader, getRequest(`/cohorts/${cohortId}${query}`, cookie), { id: cohortId });
  return outcome as { status: number; data: Awaited<ReturnType<typeof cohortPage.loader>> };
}

describe("creating cohorts", () => {
  test("an incubator creates a cohort with a name and a period, and lists it", async () => {
    const { incubator, cohortId } = await incubatorWithCohort();
    const list = await run(cohortsPage.loader, getRequest("/cohorts", incubator.cookie));
    const data = list.data as Awaited<ReturnType<typeof cohortsPage.loader>>;
    expect(data.organisation).toBe("Steppe Impact Hub");
    expect(data.cohorts).toEqual([expect.objectContaining({ id: cohortId, name: "Autumn 2026", accepted: 0, invited: 0 })]);
  });

  test.each([
    [{ name: "", startsOn: "2026-01-01", endsOn: "2026-02-01" }, "name"],
    [{ name: "X", startsOn: "2026-02-30", endsOn: "2026-03-01" }, "startsOn"],
    [{ name: "X", startsOn: "someday", endsOn: "2026-03-01" }, "startsOn"],
    [{ name: "X", startsOn: "2026-03-01", endsOn: "2026-02-01" }, "endsOn"],
    [{ name: "X".repeat(121), startsOn: "2026-01-01", endsOn: "2026-02-01" }, "name"],
  ])("bad input %o is a 400 naming the field", async (fields, field) => {
    const incubator = await createTestUser({ roles: ["incubator"] });
    const outcome = await run(cohortsPage.action, formRequest("/cohorts", fields, incubator.cookie));
    expect(outcome.status).toBe(400);
    expect((outcome.data as { error: Record<string, string[]> }).error[field]).toBeTruthy();
    expect(await prisma.cohort.count({ where: { ownerId: incubator.id } })).toBe(0);
  });

  test("people without the incubator role cannot see or create cohorts", async () => {
    const funder = await createTestUser({ roles: ["funder", "admin"] });
    expect((await run(cohortsPage.loader, getRequest("/cohorts", funder.cookie))).status).toBe(403);
    const made = await run(
      cohortsPage.action,
      formRequest("/cohorts", { name: "X", startsOn: "2026-01-01", endsOn: "2026-02-01" }, funder.cookie),
    );
    expect(made.status).toBe(403);
  });
});

describe("invitation, consent, decline and withdrawal", () => {
  test("before consent the organisation sees only the public profile; after, rating and progress; after leaving, nothing", async () => {
    const { incubator, cohortId } = await incubatorWithCohort();
    const { owner, member, enterprise: e, assessment } = await enterprise();

    // The search finds the published enterprise by part of its name.
    const found = await cohortView(incubator.cookie, cohortId, `?q=${encodeURIComponent(e.name.slice(0, 20))}`);
    expect(found.data.found.map((f) => f.id)).toContain(e.id);
    expect(Object.keys(found.data.found[0]!).sort()).toEqual(["country", "id", "name", "sector", "slug"]);

    const invited = await invite(incubator.cookie, cohortId, e.id);
    expect(invited.status).toBe(302);
    expect(invited.notice?.message).toBe("cohorts.notice.invited");

    // Invited: listed by public name only, no rating or progress.
    let view = await cohortView(incubator.cookie, cohortId);
    expect(view.data.cohort.members).toEqual([]);
    expect(view.data.cohort.invited).toEqual([
      expect.objectContaining({ enterprise: expect.objectContaining({ id: e.id, name: e.name }) }),
    ]);
    expect(JSON.stringify(view.data.cohort.invited)).not.toMatch(/overall|rating|plan|sessions/);
    // Already invited: not offered again, and a second invitation is a 409.
    expect((await cohortView(incubator.cookie, cohortId, `?q=${encodeURIComponent(e.name)}`)).data.found).toEqual([]);
    expect((await invite(incubator.cookie, cohortId, e.id)).status).toBe(409);

    // The owners hear of it (not the member), and the notification leads to the enterprise's cohorts page.
    const ownerNotes = await prisma.notification.findMany({ where: { userId: owner.id, kind: "cohort_invited" }, select: { id: true } });
    expect(ownerNotes).toHaveLength(1);
    expect(await prisma.notification.count({ where: { userId: member.id, kind: "cohort_invited" } })).toBe(0);
    const opened = await run(notifications.action, formRequest("/notifications", { intent: "open", id: ownerNotes[0]!.id }, owner.cookie));
    expect(opened.location).toBe(`/enterprises/${e.slug}/cohorts`);

    // Members see the invitation; only an owner answers it.
    const page = await run(enterpriseCohorts.loader, getRequest(`/enterprises/${e.slug}/cohorts`, member.cookie), { slug: e.slug });
    const pageData = page.data as Awaited<ReturnType<typeof enterpriseCohorts.loader>>;
    expect(pageData.isOwner).toBe(false);
    expect(pageData.invitations).toEqual([expect.objectContaining({ name: "Autumn 2026", organisation: "Steppe Impact Hub" })]);
    const memberId = pageData.invitations[0]!.id;
    expect((await answer(member.cookie, e.slug, "accept", memberId)).status).toBe(403);

    // A plan item marked done and a mentorship session logged: the progress the cohort will read.
    const item = result.improvements[0]!.questionId;
    const marked = await run(
      results.action,
      formRequest(`/enterprises/${e.slug}/assessments/${assessment.id}/results`, { intent: "done", questionId: item }, member.cookie),
      { slug: e.slug, id: assessment.id },
    );
    expect(marked.status).toBe(302);
    const mentor = await createTestUser({ roles: ["funder"] });
    await prisma.mentorship.create({
      data: {
        enterpriseId: e.id,
        mentorId: mentor.id,
        status: "active",
        sessions: {
          create: [
            { heldOn: new Date(), notes: "First", authorId: mentor.id },
            { heldOn: new Date(), notes: "Second" },
          ],
        },
      },
    });

    const accepted = await answer(owner.cookie, e.slug, "accept", memberId);
    expect(accepted.status).toBe(302);
    expect(accepted.notice?.message).toBe("cohorts.notice.accepted");
    expect((await answer(owner.cookie, e.slug, "decline", memberId)).status).toBe(409);

    view = await cohortView(incubator.cookie, cohortId);
    expect(view.data.cohort.invited).toEqual([]);
    expect(view.data.cohort.members).toEqual([
      expect.objectContaining({
        enterprise: expect.objectContaining({ id: e.id }),
        rating: expect.objectContaining({
          overall: result.overall,
          tier: result.tier,
          trust: expect.objectContaining({ label: "self_assessed" }),
        }),
        plan: { done: 1, total: result.improvements.length },
        sessions: 2,
      }),
    ]);

    // Leaving withdraws consent: the enterprise disappears from the cohort page.
    const left = await answer(owner.cookie, e.slug, "leave", memberId);
    expect(left.status).toBe(302);
    view = await cohortView(incubator.cookie, cohortId);
    expect(view.data.cohort.members).toEqual([]);
    expect(view.data.cohort.invited).toEqual([]);
    expect((await answer(owner.cookie, e.slug, "leave", memberId)).status).toBe(409);
    // It may be invited again, and then waits for a new answer.
    expect((await invite(incubator.cookie, cohortId, e.id)).status).toBe(302);
    expect((await cohortView(incubator.cookie, cohortId)).data.cohort.invited).toHaveLength(1);
  });

  test("a declined invitation disappears and shows nothing", async () => {
    const { incubator, cohortId } = await incubatorWithCohort();
    const { owner, enterprise: e } = await enterprise();
    await invite(incubator.cookie, cohortId, e.id);
    const memberId = (await prisma.cohortMember.findFirstOrThrow({ where: { cohortId, enterpriseId: e.id } })).id;
    const declined = await answer(owner.cookie, e.slug, "decline", memberId);
    expect(declined.status).toBe(302);
    const view = await cohortView(incubator.cookie, cohortId);
    expect(view.data.cohort.members).toEqual([]);
    expect(view.data.cohort.invited).toEqual([]);
    expect((await answer(owner.cookie, e.slug, "accept", memberId)).status).toBe(409);
  });

  test("a draft or unknown enterprise cannot be invited, and bad input is a 400", async () => {
    const { incubator, cohortId } = await incubatorWithCohort();
    const { enterprise: draft } = await enterprise({ status: "draft" });
    expect((await invite(incubator.cookie, cohortId, draft.id)).status).toBe(404);
    expect((await invite(incubator.cookie, cohortId, "nosuchenterprise")).status).toBe(404);
    expect((await invite(incubator.cookie, cohortId, "bad id!")).status).toBe(400);
    expect((await cohortView(incubator.cookie, cohortId, `?q=${encodeURIComponent(draft.name)}`)).data.found).toEqual([]);
    const { owner, enterprise: e } = await enterprise();
    expect((await answer(owner.cookie, e.slug, "explode", "abc")).status).toBe(400);
    expect((await answer(owner.cookie, e.slug, "accept", "nosuchinvitation")).status).toBe(404);
  });

  test("another organisation's cohort is a 404, for reading and inviting alike", async () => {
    const { cohortId } = await incubatorWithCohort();
    const { incubator: other } = await incubatorWithCohort();
    const { enterprise: e } = await enterprise();
    expect((await cohortView(other.cookie, cohortId)).status).toBe(404);
    expect((await invite(other.cookie, cohortId, e.id)).status).toBe(404);
    expect((await run(cohortPage.loader, getRequest("/cohorts/bad!id", other.cookie), { id: "bad!id" })).status).toBe(404);
    expect(await getCohort({ id: cohortId, ownerId: other.id })).toBeNull();
    expect(await inviteEnterprise({ cohortId, ownerId: other.id, enterpriseId: e.id })).toEqual({ ok: false, refusal: "not_found" });
  });

  test("an invitation of one enterprise cannot be answered from another enterprise's page", async () => {
    const { incubator, cohortId } = await incubatorWithCohort();
    const { enterprise: invited } = await enterprise();
    const { owner: otherOwner, enterprise: other } = await enterprise();
    await invite(incubator.cookie, cohortId, invited.id);
    const memberId = (await prisma.cohortMember.findFirstOrThrow({ where: { cohortId, enterpriseId: invited.id } })).id;
    expect((await answer(otherOwner.cookie, other.slug, "accept", memberId)).status).toBe(404);
    expect((await prisma.cohortMember.findUniqueOrThrow({ where: { id: memberId } })).status).toBe("invited");
  });
});

describe("the cohort's figures and its exports for the organisation's funders", () => {
  const exported = (cookie: string, cohortId: string, table: string, query = "") =>
    run(cohortExport.loader, getRequest(`/cohorts/${cohortId}/export/${table}${query}`, cookie), { id: cohortId, table });
  async function csvOf(cookie: string, cohortId: string, table: string) {
    const response = (await cohortExport.loader({
      request: getRequest(`/cohorts/${cohortId}/export/${table}`, cookie),
      params: { id: cohortId, table },
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    // Private to the organisation: not under the open data's licence.
    expect(response.headers.get("Link")).toBeNull();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    return text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
  }
  const figure = (lines: string[], label: string) => lines.find((line) => line.startsWith(`${label},`))?.slice(label.length + 1);

  test("are withheld below five rated enterprises, then averaged over those that consented; the enterprises' rows only for those", async () => {
    const { incubator, cohortId } = await incubatorWithCohort();
    const enterprises = await Promise.all(Array.from({ length: 6 }, () => enterprise()));
    for (const { enterprise: e } of enterprises) await invite(incubator.cookie, cohortId, e.id);
    const memberOf = async (enterpriseId: string) => (await prisma.cohortMember.findFirstOrThrow({ where: { cohortId, enterpriseId } })).id;
    // Four accept; the fifth is still to answer and the sixth declines.
    for (const { owner, enterprise: e } of enterprises.slice(0, 4)) await answer(owner.cookie, e.slug, "accept", await memberOf(e.id));
    await answer(enterprises[5]!.owner.cookie, enterprises[5]!.enterprise.slug, "decline", await memberOf(enterprises[5]!.enterprise.id));

    let view = await cohortView(incubator.cookie, cohortId);
    expect(view.data.cohort.figures).toEqual({ rated: 4, figures: null });
    let figures = await csvOf(incubator.cookie, cohortId, "figures");
    expect(figures[0]).toBe("Figure,Value");
    expect(figure(figures, "Rated enterprises")).toBe("4");
    expect(figure(figures, "Mean overall score")).toBe("too few to show");
    const members = await csvOf(incubator.cookie, cohortId, "members");
    expect(members[0]).toMatch(/^Enterprise,Country,Sector,Overall score,Tier,Trust,Social impact,/);
    expect(members).toHaveLength(1 + 4);
    for (const { enterprise: e } of enterprises.slice(0, 4)) expect(members.some((line) => line.startsWith(`${e.name},`))).toBe(true);
    for (const { enterprise: e } of enterprises.slice(4)) expect(members.join("\n")).not.toContain(e.name);

    // The fifth accepts: five rated enterprises, and the figures are theirs.
    await answer(enterprises[4]!.owner.cookie, enterprises[4]!.enterprise.slug, "accept", await memberOf(enterprises[4]!.enterprise.id));
    view = await cohortView(incubator.cookie, cohortId);
    const social = result.dimensions.find((d) => d.id === "social_impact")!.score;
    expect(view.data.cohort.figures).toEqual({
      rated: 5,
      figures: expect.objectContaining({
        meanOverall: Math.round(result.overall * 100) / 100,
        medianOverall: Math.round(result.overall * 100) / 100,
        planItemsDone: 0,
        planItemsTotal: 5 * result.improvements.length,
        sessions: 0,
      }),
    });
    expect(view.data.cohort.figures.figures!.dimensions).toContainEqual({ id: "social_impact", mean: Math.round(social * 100) / 100 });
    figures = await csvOf(incubator.cookie, cohortId, "figures");
    expect(figure(figures, "Rated enterprises")).toBe("5");
    expect(Number(figure(figures, "Mean overall score"))).toBeCloseTo(result.overall, 2);
    expect(Number(figure(figures, "Average score: Social impact"))).toBeCloseTo(social, 2);
  });

  test("are the cohort owner's alone; an unknown table is a 404 and an unknown format a 400", async () => {
    const { incubator, cohortId } = await incubatorWithCohort();
    const { incubator: other } = await incubatorWithCohort();
    const funder = await createTestUser({ roles: ["funder"] });
    expect((await exported(other.cookie, cohortId, "members")).status).toBe(404);
    expect((await exported(other.cookie, cohortId, "figures")).status).toBe(404);
    expect((await exported(funder.cookie, cohortId, "members")).status).toBe(403);
    expect((await exported(incubator.cookie, cohortId, "secrets")).status).toBe(404);
    expect((await exported(incubator.cookie, cohortId, "members", "?format=pdf")).status).toBe(400);
    const xlsx = await exported(incubator.cookie, cohortId, "figures", "?format=xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Type")).toMatch(/spreadsheetml/);
  });
});

describe("plan items done", () => {
  test("a member marks an item done and undone; an item outside the plan is a 400", async () => {
    const { member, enterprise: e, assessment } = await enterprise();
    const path = `/enterprises/${e.slug}/assessments/${assessment.id}/results`;
    const params = { slug: e.slug, id: assessment.id };
    const item = result.improvements[0]!.questionId;
    await run(results.action, formRequest(path, { intent: "done", questionId: item }, member.cookie), params);
    let page = await run(results.loader, getRequest(path, member.cookie), params);
    expect((page.data as { done: string[] }).done).toEqual([item]);
    await run(results.action, formRequest(path, { intent: "undone", questionId: item }, member.cookie), params);
    page = await run(results.loader, getRequest(path, member.cookie), params);
    expect((page.data as { done: string[] }).done).toEqual([]);
    const notInPlan = m.questions.find((q) => !result.improvements.some((i) => i.questionId === q.id))!.id;
    expect((await run(results.action, formRequest(path, { intent: "done", questionId: notInPlan }, member.cookie), params)).status).toBe(
      400,
    );
    expect((await run(results.action, formRequest(path, { intent: "done", questionId: "BAD ID" }, member.cookie), params)).status).toBe(
      400,
    );
    const stranger = await createTestUser();
    expect((await run(results.action, formRequest(path, { intent: "done", questionId: item }, stranger.cookie), params)).status).toBe(403);
  });
});
