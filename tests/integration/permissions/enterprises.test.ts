import * as enterpriseEdit from "~/routes/enterprises.$slug_.edit";
import * as enterpriseMembers from "~/routes/enterprises.$slug_.members";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as enterpriseNew from "~/routes/enterprises.new";
import { prisma } from "~/utils/db.server";
import { enterpriseFormFields } from "../../helpers/enterprise";
import { permissionMatrix, SIGNED_IN } from "../../helpers/permission-matrix";
import { formRequest } from "../../helpers/routes";

// The enterprise is a draft: to anyone outside it, its pages do not exist.
permissionMatrix([
  {
    name: "POST /enterprises/new",
    allowed: SIGNED_IN,
    async attempt(world) {
      const name = `Created by ${world.tag}`;
      await world.run(enterpriseNew.action, formRequest("/enterprises/new", enterpriseFormFields({ name }), world.cookie));
      return (await prisma.enterprise.count({ where: { name } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/edit",
    allowed: ["owner", "member", "admin"],
    refused: 404,
    async attempt(world) {
      const name = `Renamed by ${world.tag}`;
      await world.run(
        enterpriseEdit.action,
        formRequest(`/enterprises/${world.enterprise.slug}/edit`, enterpriseFormFields({ name }), world.cookie),
        {
          slug: world.enterprise.slug,
        },
      );
      return (await prisma.enterprise.count({ where: { id: world.enterprise.id, name } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug (publish)",
    allowed: ["owner", "admin"],
    refused: 404,
    refusedFor: { member: 403 },
    async attempt(world) {
      await world.run(enterprisePage.action, formRequest(`/enterprises/${world.enterprise.slug}`, { intent: "publish" }, world.cookie), {
        slug: world.enterprise.slug,
      });
      return (await prisma.enterprise.count({ where: { id: world.enterprise.id, status: "published" } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/members (add)",
    allowed: ["owner", "admin"],
    refused: 404,
    refusedFor: { member: 403 },
    async attempt(world) {
      await world.run(
        enterpriseMembers.action,
        formRequest(`/enterprises/${world.enterprise.slug}/members`, { intent: "add-member", email: world.other.email }, world.cookie),
        { slug: world.enterprise.slug },
      );
      return (await prisma.enterpriseMember.count({ where: { enterpriseId: world.enterprise.id, userId: world.other.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/members (remove)",
    allowed: ["owner", "admin"],
    refused: 404,
    refusedFor: { member: 403 },
    async attempt(world) {
      const members = await prisma.enterpriseMember.findMany({
        where: { enterpriseId: world.enterprise.id, role: "member" },
        select: { userId: true },
      });
      const target = members[0]!.userId;
      await world.run(
        enterpriseMembers.action,
        formRequest(`/enterprises/${world.enterprise.slug}/members`, { intent: "remove-member", userId: target }, world.cookie),
        { slug: world.enterprise.slug },
      );
      return (await prisma.enterpriseMember.count({ where: { enterpriseId: world.enterprise.id, userId: target } })) === 0;
    },
  },
]);
