import * as verificationPage from "~/routes/enterprises.$slug_.assessments_.$id_.verification";
import * as organisationSettings from "~/routes/settings.organisation";
import * as verificationQueue from "~/routes/verification";
import * as verificationReview from "~/routes/verification_.$id";
import { prisma } from "~/utils/db.server";
import { currentMethodology } from "../../../scoring";
import { submittedOf } from "../../helpers/assessment";
import { SAMPLE_FILES, uploadRequest } from "../../helpers/evidence";
import { permissionMatrix, type World } from "../../helpers/permission-matrix";
import { createTestUser, formRequest } from "../../helpers/routes";

/** A verification of a submitted assessment, waiting, or in review by `verifierId`. */
async function verificationOf(world: World, verifierId?: string) {
  const assessment = await submittedOf(world.enterprise.id);
  const verification = await prisma.verification.create({
    data: { assessmentId: assessment.id, ...(verifierId ? { status: "in_review", verifierId, takenAt: new Date() } : {}) },
    select: { id: true },
  });
  return { assessmentId: assessment.id, id: verification.id };
}

/** A review the actor took; an anonymous visitor has none and tries the bystander's. */
async function ownReview(world: World) {
  return verificationOf(world, world.userId ?? world.other.id);
}

// The enterprise is a draft: to anyone outside it, its pages do not exist.
permissionMatrix([
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (request)",
    allowed: ["owner", "admin"],
    refused: 404,
    refusedFor: { member: 403 },
    async attempt(world) {
      const row = await submittedOf(world.enterprise.id);
      await world.run(verificationPage.action, formRequest("/x", { intent: "request" }, world.cookie), {
        slug: world.enterprise.slug,
        id: row.id,
      });
      return (await prisma.verification.count({ where: { assessmentId: row.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (upload a file)",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      const row = await submittedOf(world.enterprise.id);
      await world.run(
        verificationPage.action,
        uploadRequest("/x", { questionId: "gt_registered" }, { name: "a.pdf", bytes: SAMPLE_FILES.pdf }, world.cookie),
        {
          slug: world.enterprise.slug,
          id: row.id,
        },
      );
      return (await prisma.evidenceItem.count({ where: { assessmentId: row.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (add a link)",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      const row = await submittedOf(world.enterprise.id);
      await world.run(
        verificationPage.action,
        formRequest("/x", { intent: "link", questionId: "gt_registered", url: "https://example.org/proof" }, world.cookie),
        {
          slug: world.enterprise.slug,
          id: row.id,
        },
      );
      return (await prisma.evidenceItem.count({ where: { assessmentId: row.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (remove evidence)",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      const row = await submittedOf(world.enterprise.id);
      const item = await prisma.evidenceItem.create({
        data: { assessmentId: row.id, questionId: "gt_registered", kind: "link", url: "https://example.org/a" },
        select: { id: true },
      });
      await world.run(verificationPage.action, formRequest("/x", { intent: "remove", itemId: item.id }, world.cookie), {
        slug: world.enterprise.slug,
        id: row.id,
      });
      return (await prisma.evidenceItem.count({ where: { id: item.id } })) === 0;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (message)",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      const { assessmentId } = await verificationOf(world);
      await world.run(verificationPage.action, formRequest("/x", { intent: "message", body: "Hello" }, world.cookie), {
        slug: world.enterprise.slug,
        id: assessmentId,
      });
      return (await prisma.verificationMessage.count({ where: { assessmentId } })) === 1;
    },
  },
  {
    name: "POST /verification (take)",
    // A verifier with an organisation who is not a member of the enterprise.
    allowed: ["verifier"],
    refused: 403,
    async attempt(world) {
      if (world.userId) await prisma.user.update({ where: { id: world.userId }, data: { organisation: "Audit Org" } });
      const { id } = await verificationOf(world);
      await world.run(verificationQueue.action, formRequest("/verification", { intent: "take", verificationId: id }, world.cookie));
      return (await prisma.verification.count({ where: { id, status: "in_review" } })) === 1;
    },
  },
  {
    name: "POST /verification/:id (accept, on a review someone else took)",
    allowed: [],
    refused: 403,
    async attempt(world) {
      const other = await createTestUser({ roles: ["verifier"] });
      const { id } = await verificationOf(world, other.id);
      await world.run(verificationReview.action, formRequest("/x", { intent: "accept", questionId: "gt_registered" }, world.cookie), {
        id,
      });
      const { decisions } = await prisma.verification.findUniqueOrThrow({ where: { id }, select: { decisions: true } });
      return Object.keys(decisions as object).length > 0;
    },
  },
  {
    name: "POST /verification/:id (change, on one's own review)",
    allowed: ["verifier"],
    refused: 403,
    async attempt(world) {
      const { id } = await ownReview(world);
      await world.run(
        verificationReview.action,
        formRequest("/x", { intent: "change", questionId: "gt_registered", "q.gt_registered": "no", reason: "Registry" }, world.cookie),
        { id },
      );
      const { decisions } = await prisma.verification.findUniqueOrThrow({ where: { id }, select: { decisions: true } });
      return Object.keys(decisions as object).length === 1;
    },
  },
  {
    name: "POST /verification/:id (complete, on one's own review)",
    allowed: ["verifier"],
    refused: 403,
    async attempt(world) {
      const { id } = await ownReview(world);
      const decisions = Object.fromEntries(
        currentMethodology.questions.map((q) => [q.id, { decision: "accepted", at: new Date().toISOString() }]),
      );
      await prisma.verification.update({ where: { id }, data: { decisions } });
      await world.run(verificationReview.action, formRequest("/x", { intent: "complete" }, world.cookie), { id });
      return (await prisma.verification.count({ where: { id, status: "completed" } })) === 1;
    },
  },
  {
    name: "POST /settings/organisation",
    allowed: ["verifier"],
    refused: 403,
    async attempt(world) {
      const organisation = `Steppe Audit ${world.tag}`;
      await world.run(organisationSettings.action, formRequest("/settings/organisation", { organisation }, world.cookie));
      return (await prisma.user.count({ where: { organisation } })) === 1;
    },
  },
]);
