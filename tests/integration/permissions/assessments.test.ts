import * as assessments from "~/routes/enterprises.$slug_.assessments";
import * as questionnaire from "~/routes/enterprises.$slug_.assessments_.$id";
import * as results from "~/routes/enterprises.$slug_.assessments_.$id_.results";
import * as submitAssessment from "~/routes/enterprises.$slug_.assessments_.$id_.submit";
import { prisma } from "~/utils/db.server";
import { currentMethodology } from "../../../scoring";
import { bestAnswers, draftOf } from "../../helpers/assessment";
import { permissionMatrix } from "../../helpers/permission-matrix";
import { formRequest } from "../../helpers/routes";

// The enterprise is a draft: to anyone outside it, its pages do not exist.
permissionMatrix([
  {
    name: "POST /enterprises/:slug/assessments (start)",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      await world.run(
        assessments.action,
        formRequest(`/enterprises/${world.enterprise.slug}/assessments`, { intent: "start", prefill: "no" }, world.cookie),
        {
          slug: world.enterprise.slug,
        },
      );
      return (await prisma.assessment.count({ where: { enterpriseId: world.enterprise.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id (save answers)",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      const draft = await draftOf(world.enterprise.id);
      await world.run(
        questionnaire.action,
        formRequest(
          `/x`,
          { section: "governance_transparency", shown: ["gt_registered"], "q.gt_registered": "yes", revision: "0", client: "p" },
          world.cookie,
        ),
        { slug: world.enterprise.slug, id: draft.id },
      );
      const stored = await prisma.assessment.findUniqueOrThrow({ where: { id: draft.id }, select: { answers: true } });
      return (stored.answers as Record<string, unknown>).gt_registered === "yes";
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/submit",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      const draft = await draftOf(world.enterprise.id, bestAnswers);
      await world.run(submitAssessment.action, formRequest(`/x`, { confirm: "yes", revision: "0" }, world.cookie), {
        slug: world.enterprise.slug,
        id: draft.id,
      });
      return (await prisma.assessment.count({ where: { id: draft.id, status: "submitted" } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/results (publish)",
    allowed: ["owner", "admin"],
    refused: 404,
    refusedFor: { member: 403 },
    async attempt(world) {
      const row = await prisma.assessment.create({
        data: {
          enterpriseId: world.enterprise.id,
          methodologyVersion: currentMethodology.version,
          status: "submitted",
          submittedAt: new Date(),
          answers: {},
          result: {},
        },
        select: { id: true },
      });
      await world.run(results.action, formRequest(`/x`, { intent: "publish" }, world.cookie), { slug: world.enterprise.slug, id: row.id });
      return (await prisma.assessment.count({ where: { id: row.id, published: true } })) === 1;
    },
  },
]);
