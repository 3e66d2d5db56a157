import * as consultationPage from "~/routes/forum_.consultations_.$id";
import * as consultationNew from "~/routes/forum_.consultations_.new";
import { prisma } from "~/utils/db.server";
import { forumCategories } from "../../helpers/forum-moderation";
import { permissionMatrix } from "../../helpers/permission-matrix";
import { createTestUser, formRequest } from "../../helpers/routes";

/** A consultation of `country` opened by a ministry official of that country (not the actor). */
async function consultationOf(country: string, { closed = false } = {}) {
  const official = await createTestUser({ roles: ["ministry"], country });
  const { byCountry } = await forumCategories();
  const thread = await prisma.forumThread.create({
    data: {
      categoryId: byCountry.get(country)!,
      authorId: official.id,
      kind: "consultation",
      title: "A consultation",
      postCount: 1,
      posts: { create: { authorId: official.id, number: 1, body: "The question" } },
      consultation: {
        create: { country, question: "The question", closesAt: new Date(Date.now() + 86_400_000), closedAt: closed ? new Date() : null },
      },
    },
    select: { id: true },
  });
  return thread.id;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

permissionMatrix([
  {
    name: "POST /forum/consultations/new",
    allowed: ["ministry"],
    refused: 403,
    async attempt(world) {
      await forumCategories(); // a consultation goes to its country's category
      const title = `Consultation by ${world.tag}`;
      await world.run(
        consultationNew.action,
        formRequest("/forum/consultations/new", { title, question: "What would help most?", closesOn: inAWeek() }, world.cookie),
      );
      return (await prisma.forumThread.count({ where: { title } })) === 1;
    },
  },
  {
    name: "POST /forum/consultations/:id (close, the ministry's own country)",
    allowed: ["ministry", "admin"],
    refused: 403,
    async attempt(world) {
      const id = await consultationOf("KZ");
      await world.run(consultationPage.action, formRequest("/x", { intent: "close", confirm: "on" }, world.cookie), { id });
      return (await prisma.forumConsultation.count({ where: { threadId: id, closedAt: { not: null } } })) === 1;
    },
  },
  {
    // Only admins manage a consultation of a country they are not the ministry of.
    name: "POST /forum/consultations/:id (summary of another country's consultation)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      const id = await consultationOf("UZ", { closed: true });
      await world.run(
        consultationPage.action,
        formRequest("/x", { intent: "summary", summary: "What we heard, in short." }, world.cookie),
        { id },
      );
      return (await prisma.forumConsultation.count({ where: { threadId: id, summary: { not: null } } })) === 1;
    },
  },
]);
