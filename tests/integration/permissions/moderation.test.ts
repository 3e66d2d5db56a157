import * as forumFlags from "~/routes/forum_.flags";
import * as moderatePost from "~/routes/forum_.moderation_.posts.$id";
import * as moderateThread from "~/routes/forum_.moderation_.threads.$id";
import * as moderateUser from "~/routes/forum_.moderation_.users.$id";
import { prisma } from "~/utils/db.server";
import { createThreadWithPosts } from "../../helpers/forum-moderation";
import { permissionMatrix, SIGNED_IN } from "../../helpers/permission-matrix";
import { formRequest } from "../../helpers/routes";

permissionMatrix([
  {
    name: "POST /forum/flags",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await createThreadWithPosts({ authorId: world.other.id });
      const postId = thread.posts[0]!.id;
      await world.run(forumFlags.action, formRequest(`/forum/flags?post=${postId}`, { postId, reason: "spam" }, world.cookie));
      return (await prisma.forumFlag.count({ where: { postId } })) === 1;
    },
  },
  {
    name: "POST /forum/moderation/posts/:id (hide)",
    allowed: ["moderator", "admin"],
    refused: 403,
    async attempt(world) {
      const thread = await createThreadWithPosts({ authorId: world.other.id });
      const postId = thread.posts[0]!.id;
      await world.run(moderatePost.action, formRequest("/x", { intent: "hide", reason: "Spam" }, world.cookie), { id: postId });
      return (await prisma.forumPost.count({ where: { id: postId, hiddenAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /forum/moderation/threads/:id (lock)",
    allowed: ["moderator", "admin"],
    refused: 403,
    async attempt(world) {
      const thread = await createThreadWithPosts({ authorId: world.other.id });
      await world.run(moderateThread.action, formRequest("/x", { intent: "lock", reason: "Heated" }, world.cookie), { id: thread.id });
      return (await prisma.forumThread.count({ where: { id: thread.id, locked: true } })) === 1;
    },
  },
  {
    name: "POST /forum/moderation/users/:id (suspend)",
    allowed: ["moderator", "admin"],
    refused: 403,
    async attempt(world) {
      await world.run(moderateUser.action, formRequest("/x", { intent: "suspend", days: "3", reason: "Insults" }, world.cookie), {
        id: world.other.id,
      });
      return (await prisma.userSuspension.count({ where: { userId: world.other.id } })) === 1;
    },
  },
]);
