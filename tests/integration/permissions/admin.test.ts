import { beforeAll } from "vitest";
import * as adminForum from "~/routes/admin.forum";
import * as adminUsers from "~/routes/admin.users";
import { prisma } from "~/utils/db.server";
import { toLocalizedText } from "~/utils/localized-text";
import { createTestCategory } from "../../helpers/forum";
import { permissionMatrix } from "../../helpers/permission-matrix";
import { createTestUser, formRequest } from "../../helpers/routes";

beforeAll(async () => {
  // The last admin may never lose the role; keep one in reserve so removals can be tested.
  await createTestUser({ roles: ["admin"] });
});

permissionMatrix([
  {
    name: "POST /admin/users (organisation)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      await world.run(
        adminUsers.action,
        formRequest("/admin/users", { intent: "organisation", userId: world.other.id, organisation: "Khujand Audit" }, world.cookie),
      );
      return (await prisma.user.count({ where: { id: world.other.id, organisation: "Khujand Audit" } })) === 1;
    },
  },
  {
    name: "POST /admin/users (grant)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      await world.run(
        adminUsers.action,
        formRequest("/admin/users", { intent: "grant", userId: world.other.id, role: "verifier" }, world.cookie),
      );
      return (await prisma.userRole.count({ where: { userId: world.other.id, role: "verifier" } })) === 1;
    },
  },
  {
    name: "POST /admin/users (remove)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      await world.run(
        adminUsers.action,
        formRequest("/admin/users", { intent: "remove", userId: world.other.id, role: "funder" }, world.cookie),
      );
      return (await prisma.userRole.count({ where: { userId: world.other.id, role: "funder" } })) === 0;
    },
  },
  {
    name: "POST /admin/forum (create)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      const nameEn = `Cooperatives ${world.tag}`;
      await world.run(
        adminForum.action,
        formRequest("/admin/forum", { intent: "create", "name.en": nameEn, "name.ru": "Кооперативы", kind: "theme" }, world.cookie),
      );
      return (await prisma.forumCategory.count({ where: { name: { path: ["en"], equals: nameEn } } })) === 1;
    },
  },
  {
    name: "POST /admin/forum (edit)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      const category = await createTestCategory("Before");
      await world.run(
        adminForum.action,
        formRequest("/admin/forum", { intent: "edit", id: category.id, "name.en": "After", "name.ru": "После" }, world.cookie),
      );
      return (
        toLocalizedText((await prisma.forumCategory.findUniqueOrThrow({ where: { id: category.id }, select: { name: true } })).name).en ===
        "After"
      );
    },
  },
  {
    name: "POST /admin/forum (move)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      const last = (await prisma.forumCategory.aggregate({ _max: { position: true } }))._max.position ?? 0;
      const above = await createTestCategory("Above");
      const below = await createTestCategory("Below");
      await prisma.forumCategory.update({ where: { id: above.id }, data: { position: last + 10 } });
      await prisma.forumCategory.update({ where: { id: below.id }, data: { position: last + 20 } });
      await world.run(adminForum.action, formRequest("/admin/forum", { intent: "move", id: below.id, direction: "up" }, world.cookie));
      const [a, b] = await Promise.all(
        [above, below].map((c) => prisma.forumCategory.findUniqueOrThrow({ where: { id: c.id }, select: { position: true } })),
      );
      return b!.position < a!.position;
    },
  },
]);
