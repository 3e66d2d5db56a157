import * as shortlists from "~/routes/shortlists";
import * as shortlist from "~/routes/shortlists_.$id";
import * as shortlistNew from "~/routes/shortlists_.new";
import { prisma } from "~/utils/db.server";
import { permissionMatrix, SIGNED_IN, type World } from "../../helpers/permission-matrix";
import { formRequest } from "../../helpers/routes";

async function shortlistWithEntry(ownerId: string, world: World) {
  return prisma.shortlist.create({
    data: { userId: ownerId, name: "List", entries: { create: { enterpriseId: world.enterprise.id } } },
    select: { id: true },
  });
}

permissionMatrix([
  {
    name: "POST /shortlists (add)",
    allowed: SIGNED_IN,
    async attempt(world) {
      await prisma.enterprise.update({ where: { id: world.enterprise.id }, data: { status: "published" } });
      await world.run(shortlists.action, formRequest("/shortlists", { intent: "add", enterprise: world.enterprise.slug }, world.cookie));
      return (await prisma.shortlistEntry.count({ where: { enterpriseId: world.enterprise.id } })) === 1;
    },
  },
  {
    name: "POST /shortlists/new (a new shortlist holding an enterprise)",
    allowed: SIGNED_IN,
    async attempt(world) {
      await prisma.enterprise.update({ where: { id: world.enterprise.id }, data: { status: "published" } });
      const name = `Visits ${world.tag}`;
      await world.run(shortlistNew.action, formRequest("/shortlists/new", { name, enterprise: world.enterprise.slug }, world.cookie));
      return (await prisma.shortlistEntry.count({ where: { enterpriseId: world.enterprise.id, shortlist: { name } } })) === 1;
    },
  },
  {
    name: "POST /shortlists/:id (note on one's own shortlist)",
    allowed: SIGNED_IN,
    async attempt(world) {
      // An anonymous visitor has no shortlist: they try the bystander's.
      const list = await shortlistWithEntry(world.userId ?? world.other.id, world);
      await world.run(
        shortlist.action,
        formRequest("/x", { intent: "note", enterpriseId: world.enterprise.id, note: "promising" }, world.cookie),
        { id: list.id },
      );
      return (await prisma.shortlistEntry.count({ where: { shortlistId: list.id, note: "promising" } })) === 1;
    },
  },
  {
    name: "POST /shortlists/:id (someone else's shortlist)",
    allowed: [],
    refused: 404,
    async attempt(world) {
      const list = await shortlistWithEntry(world.other.id, world);
      await world.run(shortlist.action, formRequest("/x", { intent: "remove", enterpriseId: world.enterprise.id }, world.cookie), {
        id: list.id,
      });
      return (await prisma.shortlistEntry.count({ where: { shortlistId: list.id } })) === 0;
    },
  },
]);
