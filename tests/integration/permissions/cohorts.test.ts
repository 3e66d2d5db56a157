import { generateAnswers } from "../../../prisma/demo-answers";
import { currentMethodology as m, scoreAssessment } from "../../../scoring";
import * as cohortPage from "~/routes/cohorts_.$id";
import * as cohorts from "~/routes/cohorts";
import * as enterpriseCohorts from "~/routes/enterprises.$slug_.cohorts";
import * as results from "~/routes/enterprises.$slug_.assessments_.$id_.results";
import { prisma } from "~/utils/db.server";
import { permissionMatrix, type World } from "../../helpers/permission-matrix";
import { createTestUser, formRequest } from "../../helpers/routes";

const result = scoreAssessment(
  m,
  generateAnswers(m, () => 0.3, { quality: 0.2, employees: 8 }),
);

/** The world's enterprise published (so a stranger is refused with a 403, not told it does not exist). */
async function publish(world: World) {
  await prisma.enterprise.update({ where: { id: world.enterprise.id }, data: { status: "published" } });
}

/** A cohort of the actor when they are an organisation, of another organisation otherwise. */
async function cohortFor(world: World) {
  const ownerId = world.actor === "incubator" ? world.userId! : (await createTestUser({ roles: ["incubator"] })).id;
  return prisma.cohort.create({
    data: { ownerId, name: `Cohort ${world.tag}`, startsOn: new Date("2026-09-01"), endsOn: new Date("2026-12-01") },
    select: { id: true },
  });
}

/** The world's enterprise invited into a cohort, in the given state. */
async function invitation(world: World, status: "invited" | "accepted") {
  await publish(world);
  const cohort = await cohortFor({ ...world, actor: "anonymous" });
  return prisma.cohortMember.create({ data: { cohortId: cohort.id, enterpriseId: world.enterprise.id, status }, select: { id: true } });
}

async function statusOf(id: string) {
  return (await prisma.cohortMember.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

permissionMatrix([
  {
    name: "POST /cohorts (create a cohort)",
    allowed: ["incubator"],
    refused: 403,
    async attempt(world) {
      const name = `Cohort ${world.tag}`;
      await world.run(cohorts.action, formRequest("/cohorts", { name, startsOn: "2026-09-01", endsOn: "2026-12-01" }, world.cookie));
      return (await prisma.cohort.count({ where: { name } })) === 1;
    },
  },
  {
    name: "POST /cohorts/:id (invite an enterprise into one's own cohort)",
    allowed: ["incubator"],
    refused: 403,
    async attempt(world) {
      await publish(world);
      const cohort = await cohortFor(world);
      await world.run(
        cohortPage.action,
        formRequest(`/cohorts/${cohort.id}`, { intent: "invite", enterpriseId: world.enterprise.id }, world.cookie),
        { id: cohort.id },
      );
      return (await prisma.cohortMember.count({ where: { cohortId: cohort.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/cohorts (accept an invitation: consent to share results)",
    allowed: ["owner"],
    refused: 403,
    async attempt(world) {
      const member = await invitation(world, "invited");
      await world.run(
        enterpriseCohorts.action,
        formRequest(`/enterprises/${world.enterprise.slug}/cohorts`, { intent: "accept", memberId: member.id }, world.cookie),
        { slug: world.enterprise.slug },
      );
      return (await statusOf(member.id)) === "accepted";
    },
  },
  {
    name: "POST /enterprises/:slug/cohorts (decline an invitation)",
    allowed: ["owner"],
    refused: 403,
    async attempt(world) {
      const member = await invitation(world, "invited");
      await world.run(
        enterpriseCohorts.action,
        formRequest(`/enterprises/${world.enterprise.slug}/cohorts`, { intent: "decline", memberId: member.id }, world.cookie),
        { slug: world.enterprise.slug },
      );
      return (await statusOf(member.id)) === "declined";
    },
  },
  {
    name: "POST /enterprises/:slug/cohorts (leave a cohort: consent withdrawn)",
    allowed: ["owner"],
    refused: 403,
    async attempt(world) {
      const member = await invitation(world, "accepted");
      await world.run(
        enterpriseCohorts.action,
        formRequest(`/enterprises/${world.enterprise.slug}/cohorts`, { intent: "leave", memberId: member.id }, world.cookie),
        { slug: world.enterprise.slug },
      );
      return (await statusOf(member.id)) === "withdrawn";
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/results (mark a plan item done)",
    allowed: ["owner", "member", "admin"],
    refused: 403,
    async attempt(world) {
      await publish(world);
      const assessment = await prisma.assessment.create({
        data: {
          enterpriseId: world.enterprise.id,
          methodologyVersion: m.version,
          status: "submitted",
          submittedAt: new Date(),
          answers: {},
          result: result as object,
        },
        select: { id: true },
      });
      const questionId = result.improvements[0]!.questionId;
      await world.run(
        results.action,
        formRequest(
          `/enterprises/${world.enterprise.slug}/assessments/${assessment.id}/results`,
          { intent: "done", questionId },
          world.cookie,
        ),
        { slug: world.enterprise.slug, id: assessment.id },
      );
      return (await prisma.planItemDone.count({ where: { assessmentId: assessment.id } })) === 1;
    },
  },
]);
