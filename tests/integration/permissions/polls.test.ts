import * as pollPage from "~/routes/forum_.threads.$id_.poll";
import * as pollForm from "~/routes/forum_.threads.$id_.poll_.edit";
import { prisma } from "~/utils/db.server";
import { createThreadWithPosts, forumCategories } from "../../helpers/forum-moderation";
import { permissionMatrix, SIGNED_IN } from "../../helpers/permission-matrix";
import { createTestUser, formRequest } from "../../helpers/routes";

/** A thread by someone else (the world's bystander) with an open poll of two options. */
async function threadWithPoll(authorId: string) {
  const thread = await createThreadWithPosts({ authorId });
  const poll = await prisma.forumPoll.create({
    data: {
      threadId: thread.id,
      question: "Which first?",
      options: {
        create: [
          { label: "Grants", position: 0 },
          { label: "Loans", position: 1 },
        ],
      },
    },
    select: { threadId: true, options: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  return { threadId: poll.threadId, optionId: poll.options[0]!.id };
}

/** An open consultation of Kazakhstan, opened by a ministry official who is not the actor. */
async function consultationOfKazakhstan() {
  const official = await createTestUser({ roles: ["ministry"], country: "KZ" });
  const { byCountry } = await forumCategories();
  const thread = await prisma.forumThread.create({
    data: {
      categoryId: byCountry.get("KZ")!,
      authorId: official.id,
      kind: "consultation",
      title: "A consultation",
      postCount: 1,
      posts: { create: { authorId: official.id, number: 1, body: "The question" } },
      consultation: { create: { country: "KZ", question: "The question", closesAt: new Date(Date.now() + 7 * 86_400_000) } },
    },
    select: { id: true },
  });
  return thread.id;
}

const POLL_FIELDS = { pollQuestion: "Which programme first?", pollOptions: "Grants\nLoans" };

permissionMatrix([
  {
    name: "POST /forum/threads/:id/poll (vote)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const { threadId, optionId } = await threadWithPoll(world.other.id);
      await world.run(pollPage.action, formRequest("/x", { intent: "vote", choice: optionId }, world.cookie), { id: threadId });
      return (await prisma.forumPollBallot.count({ where: { pollId: threadId } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id/poll (close early)",
    allowed: ["moderator", "admin"],
    refused: 403,
    async attempt(world) {
      const { threadId } = await threadWithPoll(world.other.id);
      await world.run(pollPage.action, formRequest("/x", { intent: "close", reason: "Settled" }, world.cookie), { id: threadId });
      return (await prisma.forumPoll.count({ where: { threadId, closedAt: { not: null } } })) === 1;
    },
  },
  {
    // Only a thread's author adds a poll to it (the author is the world's bystander, not an actor).
    name: "POST /forum/threads/:id/poll/edit (someone else's thread)",
    allowed: [],
    refused: 403,
    async attempt(world) {
      const thread = await createThreadWithPosts({ authorId: world.other.id });
      await world.run(pollForm.action, formRequest("/x", POLL_FIELDS, world.cookie), { id: thread.id });
      return (await prisma.forumPoll.count({ where: { threadId: thread.id } })) === 1;
    },
  },
  {
    // Whoever may manage a consultation may add its poll: a ministry official of its country, or an admin.
    name: "POST /forum/threads/:id/poll/edit (a consultation of the ministry's country)",
    allowed: ["ministry", "admin"],
    refused: 403,
    async attempt(world) {
      const threadId = await consultationOfKazakhstan();
      await world.run(pollForm.action, formRequest("/x", POLL_FIELDS, world.cookie), { id: threadId });
      return (await prisma.forumPoll.count({ where: { threadId } })) === 1;
    },
  },
]);
