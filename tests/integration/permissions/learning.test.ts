import * as resourcePage from "~/routes/learn_.$slug";
import * as editPage from "~/routes/learn_.$slug_.edit";
import * as newPage from "~/routes/learn_.new";
import { prisma } from "~/utils/db.server";
import { permissionMatrix, type World } from "../../helpers/permission-matrix";
import { formRequest } from "../../helpers/routes";

async function resource(world: World) {
  return prisma.learningResource.create({
    data: {
      slug: `guide-${world.tag}`,
      format: "guide",
      level: "beginner",
      dimensions: ["inclusion"],
      questionIds: [],
      versions: { create: { language: "en", title: "Guide", summary: "Short.", body: "Text of the guide." } },
    },
    select: { id: true, slug: true },
  });
}

const fields = (title: string) => ({
  intent: "save",
  language: "en",
  title,
  summary: "A summary.",
  body: "A body.",
  format: "guide",
  level: "beginner",
  dimensions: ["inclusion"],
});

permissionMatrix([
  {
    name: "POST /learn/:slug (mark a resource done)",
    allowed: ["owner", "member"],
    refused: 403,
    async attempt(world) {
      const { id, slug } = await resource(world);
      await world.run(resourcePage.action, formRequest(`/learn/${slug}`, { mark: "done", value: "true" }, world.cookie), { slug });
      return (await prisma.learningProgress.count({ where: { resourceId: id, done: true } })) === 1;
    },
  },
  {
    name: "POST /learn/new (publish a resource)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      await world.run(newPage.action, formRequest("/learn/new", fields(`New guide ${world.tag}`), world.cookie));
      return (await prisma.learningResourceVersion.count({ where: { title: `New guide ${world.tag}` } })) === 1;
    },
  },
  {
    name: "POST /learn/:slug/edit (add a translation)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      const { id, slug } = await resource(world);
      await world.run(
        editPage.action,
        formRequest(`/learn/${slug}/edit?lang=ru`, { ...fields("Руководство"), language: "ru" }, world.cookie),
        { slug },
      );
      return (await prisma.learningResourceVersion.count({ where: { resourceId: id } })) === 2;
    },
  },
]);
