import * as forumCategory from "~/routes/forum_.$slug";
import * as forumNew from "~/routes/forum_.new";
import * as forumThread from "~/routes/forum_.threads.$id";
import * as notifications from "~/routes/notifications";
import { prisma } from "~/utils/db.server";
import { createTestCategory, createTestThread } from "../../helpers/forum";
import { permissionMatrix, SIGNED_IN, type World } from "../../helpers/permission-matrix";
import { formRequest } from "../../helpers/routes";

/** A thread by the bystander, in a category of its own. */
async function othersThread(world: World) {
  return createTestThread({ userId: world.other.id });
}

/** A thread of the actor's own; an anonymous visitor has none and tries the bystander's. */
async function ownThread(world: World) {
  return createTestThread({ userId: world.userId ?? world.other.id });
}

permissionMatrix([
  {
    name: "POST /forum/new",
    allowed: SIGNED_IN,
    async attempt(world) {
      const category = await createTestCategory();
      await world.run(
        forumNew.action,
        formRequest("/forum/new", { categoryId: category.id, title: "Hello, colleagues", body: "First post here." }, world.cookie),
      );
      return (await prisma.forumThread.count({ where: { categoryId: category.id } })) === 1;
    },
  },
  {
    name: "POST /forum/:slug (watch a category)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const category = await createTestCategory();
      await world.run(forumCategory.action, formRequest("/x", { intent: "subscribe" }, world.cookie), { slug: category.slug });
      return (await prisma.forumCategorySubscription.count({ where: { categoryId: category.id } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (reply)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await othersThread(world);
      await world.run(forumThread.action, formRequest("/x", { intent: "reply", body: "I agree with this." }, world.cookie), {
        id: thread.id,
      });
      return (await prisma.forumPost.count({ where: { threadId: thread.id } })) === 2;
    },
  },
  {
    name: "POST /forum/threads/:id (edit one's own post)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await ownThread(world);
      await world.run(
        forumThread.action,
        formRequest("/x", { intent: "edit", postId: thread.firstPostId, body: "Edited text." }, world.cookie),
        { id: thread.id },
      );
      return (await prisma.forumPost.count({ where: { id: thread.firstPostId, body: "Edited text." } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (edit someone else's post)",
    allowed: [],
    refused: 403,
    async attempt(world) {
      const thread = await othersThread(world);
      await world.run(
        forumThread.action,
        formRequest("/x", { intent: "edit", postId: thread.firstPostId, body: "Edited text." }, world.cookie),
        { id: thread.id },
      );
      return (await prisma.forumPost.count({ where: { id: thread.firstPostId, body: "Edited text." } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (delete one's own post)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await ownThread(world);
      await world.run(forumThread.action, formRequest("/x", { intent: "delete", postId: thread.firstPostId }, world.cookie), {
        id: thread.id,
      });
      return (await prisma.forumPost.count({ where: { id: thread.firstPostId, deletedAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (delete someone else's post)",
    allowed: [],
    refused: 403,
    async attempt(world) {
      const thread = await othersThread(world);
      await world.run(forumThread.action, formRequest("/x", { intent: "delete", postId: thread.firstPostId }, world.cookie), {
        id: thread.id,
      });
      return (await prisma.forumPost.count({ where: { id: thread.firstPostId, deletedAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (mark someone else's post helpful)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await othersThread(world);
      await world.run(forumThread.action, formRequest("/x", { intent: "helpful", postId: thread.firstPostId }, world.cookie), {
        id: thread.id,
      });
      return (await prisma.forumReaction.count({ where: { postId: thread.firstPostId } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (mark one's own post helpful)",
    allowed: [],
    refused: 403,
    async attempt(world) {
      const thread = await ownThread(world);
      await world.run(forumThread.action, formRequest("/x", { intent: "helpful", postId: thread.firstPostId }, world.cookie), {
        id: thread.id,
      });
      return (await prisma.forumReaction.count({ where: { postId: thread.firstPostId } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (watch a thread)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await othersThread(world);
      await world.run(forumThread.action, formRequest("/x", { intent: "subscribe" }, world.cookie), { id: thread.id });
      return (await prisma.forumThreadSubscription.count({ where: { threadId: thread.id, active: true } })) === 2;
    },
  },
  {
    name: "POST /notifications (mark one's own read)",
    allowed: SIGNED_IN,
    async attempt(world) {
      // An anonymous visitor has no notifications: they try to mark the bystander's.
      const n = await prisma.notification.create({ data: { userId: world.userId ?? world.other.id, kind: "reply" }, select: { id: true } });
      await world.run(notifications.action, formRequest("/notifications", { intent: "readAll" }, world.cookie));
      return (await prisma.notification.count({ where: { id: n.id, readAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /notifications (open someone else's)",
    allowed: [],
    refused: 404,
    async attempt(world) {
      const n = await prisma.notification.create({ data: { userId: world.other.id, kind: "reply" }, select: { id: true } });
      await world.run(notifications.action, formRequest("/notifications", { intent: "open", id: n.id }, world.cookie));
      return (await prisma.notification.count({ where: { id: n.id, readAt: { not: null } } })) === 1;
    },
  },
]);
