import { generateAnswers } from "../../../prisma/demo-answers";
import { currentMethodology as m, scoreAssessment } from "../../../scoring";
import * as queue from "~/routes/admin.mentors";
import * as ask from "~/routes/enterprises.$slug_.mentorship";
import * as offer from "~/routes/mentors_.new";
import * as page from "~/routes/mentorships.$id";
import { prisma } from "~/utils/db.server";
import { permissionMatrix, SIGNED_IN, type World } from "../../helpers/permission-matrix";
import { createTestUser, formRequest } from "../../helpers/routes";

const result = scoreAssessment(
  m,
  generateAnswers(m, () => 0.3, { quality: 0.2, employees: 8 }),
);

async function planAndMentor(world: World) {
  await prisma.assessment.create({
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
  const mentor = await createTestUser({ roles: ["funder"] });
  await prisma.mentorProfile.create({
    data: {
      userId: mentor.id,
      bio: "Bio",
      dimensions: result.dimensions.map((d) => d.id),
      countries: ["KZ"],
      sectors: ["education"],
      languages: ["en"],
      capacity: 2,
      availability: "Any",
      status: "approved",
    },
  });
  return mentor;
}

permissionMatrix([
  {
    name: "POST /mentors/new (offer to mentor)",
    allowed: SIGNED_IN,
    async attempt(world) {
      await world.run(
        offer.action,
        formRequest(
          "/mentors/new",
          {
            bio: "Bio",
            dimensions: "inclusion",
            sectors: "education",
            countries: "KZ",
            languages: "en",
            capacity: "2",
            availability: "Any",
          },
          world.cookie,
        ),
      );
      return world.userId
        ? (await prisma.mentorProfile.count({ where: { userId: world.userId } })) === 1
        : (await prisma.mentorProfile.count()) > 1_000_000;
    },
  },
  {
    name: "POST /admin/mentors (approve a mentor)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      await prisma.mentorProfile.create({
        data: {
          userId: world.other.id,
          bio: "Bio",
          capacity: 1,
          availability: "Any",
          dimensions: ["inclusion"],
          sectors: [],
          countries: [],
          languages: ["en"],
        },
      });
      await world.run(queue.action, formRequest("/admin/mentors", { userId: world.other.id, intent: "approve" }, world.cookie));
      return (
        (await prisma.mentorProfile.findUniqueOrThrow({ where: { userId: world.other.id }, select: { status: true } })).status ===
        "approved"
      );
    },
  },
  {
    name: "POST /enterprises/:slug/mentorship (ask for a mentor)",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      const mentor = await planAndMentor(world);
      await world.run(
        ask.action,
        formRequest(
          `/enterprises/${world.enterprise.slug}/mentorship`,
          { mentorId: mentor.id, goals: result.improvements.slice(0, 2).map((i) => i.questionId) },
          world.cookie,
        ),
        { slug: world.enterprise.slug },
      );
      return (await prisma.mentorship.count({ where: { enterpriseId: world.enterprise.id } })) === 1;
    },
  },
  {
    name: "POST /mentorships/:id (log a session)",
    allowed: ["owner", "member"],
    refused: 404,
    async attempt(world) {
      const mentor = await planAndMentor(world);
      const mentorship = await prisma.mentorship.create({
        data: { enterpriseId: world.enterprise.id, mentorId: mentor.id, status: "active" },
        select: { id: true },
      });
      await world.run(
        page.action,
        formRequest(`/mentorships/${mentorship.id}`, { intent: "session", heldOn: "2026-11-01", notes: "Met." }, world.cookie),
        { id: mentorship.id },
      );
      return (await prisma.mentorshipSession.count({ where: { mentorshipId: mentorship.id } })) === 1;
    },
  },
]);
