import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import * as adminForum from "~/routes/admin.forum";
import * as adminUsers from "~/routes/admin.users";
import * as enterpriseEdit from "~/routes/enterprises.$slug_.edit";
import * as enterpriseMembers from "~/routes/enterprises.$slug_.members";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as enterpriseNew from "~/routes/enterprises.new";
import * as language from "~/routes/language";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as changePassword from "~/routes/settings.password";
import * as signup from "~/routes/signup";
import * as consultationPage from "~/routes/forum_.consultations_.$id";
import * as consultationNew from "~/routes/forum_.consultations_.new";
import * as forumFlags from "~/routes/forum_.flags";
import * as moderatePost from "~/routes/forum_.moderation_.posts.$id";
import * as moderateThread from "~/routes/forum_.moderation_.threads.$id";
import * as moderateUser from "~/routes/forum_.moderation_.users.$id";
import { prisma } from "~/utils/db.server";
import * as assessments from "~/routes/enterprises.$slug_.assessments";
import * as shortlists from "~/routes/shortlists";
import * as shortlist from "~/routes/shortlists_.$id";
import * as forumCategory from "~/routes/forum_.$slug";
import * as forumNew from "~/routes/forum_.new";
import * as forumThread from "~/routes/forum_.threads.$id";
import * as notifications from "~/routes/notifications";
import { createTestCategory, createTestThread } from "../helpers/forum";
import * as questionnaire from "~/routes/enterprises.$slug_.assessments_.$id";
import * as results from "~/routes/enterprises.$slug_.assessments_.$id_.results";
import * as submitAssessment from "~/routes/enterprises.$slug_.assessments_.$id_.submit";
import * as verificationPage from "~/routes/enterprises.$slug_.assessments_.$id_.verification";
import * as verificationQueue from "~/routes/verification";
import * as verificationReview from "~/routes/verification_.$id";
import * as organisationSettings from "~/routes/settings.organisation";
import { SAMPLE_FILES, uploadRequest } from "../helpers/evidence";
import { currentMethodology, scoreAssessment } from "../../scoring";
import { generateAnswers } from "../../prisma/demo-answers";
import type { RoleName } from "~/utils/roles";
import { enterpriseFormFields, validEnterpriseFields } from "../helpers/enterprise";
import { createThreadWithPosts, forumCategories } from "../helpers/forum-moderation";
import { createTestUser, formRequest, run } from "../helpers/routes";

type Actor = "anonymous" | RoleName | "owner" | "member";
const ACTORS: Actor[] = ["anonymous", "entrepreneur", "funder", "ministry", "verifier", "moderator", "admin", "owner", "member"];
const SIGNED_IN = ACTORS.filter((a) => a !== "anonymous");

interface World {
  actor: Actor;
  cookie?: string;
  userId?: string;
  email?: string;
  password?: string;
  enterprise: { id: string; slug: string };
  other: { id: string; email: string };
}

let serial = 0;

/** A fresh enterprise with an owner and a member, a bystander user, and the actor itself. */
async function makeWorld(actor: Actor): Promise<World> {
  serial += 1;
  const owner = await createTestUser();
  const member = await createTestUser();
  const other = await createTestUser({ roles: ["funder"] });
  const enterprise = await prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      slug: `perm-${serial}-${Date.now()}`,
      members: { create: [{ userId: owner.id, role: "owner" }, { userId: member.id, role: "member" }] },
    },
    select: { id: true, slug: true },
  });
  const self =
    actor === "anonymous"
      ? undefined
      : actor === "owner"
        ? owner
        : actor === "member"
          ? member
          : await createTestUser({ roles: [actor] });
  return { actor, cookie: self?.cookie, userId: self?.id, email: self?.email, password: self?.password, enterprise, other };
}

interface Case {
  name: string;
  allowed: Actor[];
  /** Performs the request and tells whether the data changed. */
  attempt: (world: World) => Promise<boolean>;
}

const bestAnswers = generateAnswers(currentMethodology, () => 0.99, { quality: 1, employees: 2 });

async function draftOf(world: World, answers: Record<string, unknown> = {}) {
  return prisma.assessment.create({
    data: { enterpriseId: world.enterprise.id, methodologyVersion: currentMethodology.version, answers: answers as object },
    select: { id: true },
  });
}

async function submittedOf(world: World) {
  const result = scoreAssessment(currentMethodology, bestAnswers);
  return prisma.assessment.create({
    data: {
      enterpriseId: world.enterprise.id,
      methodologyVersion: currentMethodology.version,
      status: "submitted",
      submittedAt: new Date(),
      answers: bestAnswers as object,
      result: result as object,
      overall: result.overall,
      tier: result.tier,
      eligible: result.eligible,
    },
    select: { id: true },
  });
}

/** A verification of a submitted assessment, waiting, or in review by `verifierId`. */
async function verificationOf(world: World, verifierId?: string) {
  const assessment = await submittedOf(world);
  const verification = await prisma.verification.create({
    data: { assessmentId: assessment.id, ...(verifierId ? { status: "in_review", verifierId, takenAt: new Date() } : {}) },
    select: { id: true },
  });
  return { assessmentId: assessment.id, id: verification.id };
}

async function shortlistWithEntry(ownerId: string, world: World) {
  return prisma.shortlist.create({
    data: { userId: ownerId, name: "List", entries: { create: { enterpriseId: world.enterprise.id } } },
    select: { id: true },
  });
}

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
      consultation: { create: { country, question: "The question", closesAt: new Date(Date.now() + 86_400_000), closedAt: closed ? new Date() : null } },
    },
    select: { id: true },
  });
  return thread.id;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** A thread by the bystander, in a category of its own. */
async function othersThread(world: World) {
  return createTestThread({ userId: world.other.id });
}

const FORUM_CASES: Case[] = [
  {
    name: "POST /forum/new",
    allowed: SIGNED_IN,
    async attempt(world) {
      const category = await createTestCategory();
      await run(forumNew.action, formRequest("/forum/new", { categoryId: category.id, title: "Hello, colleagues", body: "First post here." }, world.cookie));
      return (await prisma.forumThread.count({ where: { categoryId: category.id } })) === 1;
    },
  },
  {
    name: "POST /forum/:slug (watch a category)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const category = await createTestCategory();
      await run(forumCategory.action, formRequest("/x", { intent: "subscribe" }, world.cookie), { slug: category.slug });
      return (await prisma.forumCategorySubscription.count({ where: { categoryId: category.id } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (reply)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await othersThread(world);
      await run(forumThread.action, formRequest("/x", { intent: "reply", body: "I agree with this." }, world.cookie), { id: thread.id });
      return (await prisma.forumPost.count({ where: { threadId: thread.id } })) === 2;
    },
  },
  {
    name: "POST /forum/threads/:id (edit one's own post)",
    allowed: SIGNED_IN,
    async attempt(world) {
      if (!world.userId) return false;
      const thread = await createTestThread({ userId: world.userId });
      await run(forumThread.action, formRequest("/x", { intent: "edit", postId: thread.firstPostId, body: "Edited text." }, world.cookie), { id: thread.id });
      return (await prisma.forumPost.count({ where: { id: thread.firstPostId, body: "Edited text." } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (edit someone else's post)",
    allowed: [],
    async attempt(world) {
      const thread = await othersThread(world);
      await run(forumThread.action, formRequest("/x", { intent: "edit", postId: thread.firstPostId, body: "Edited text." }, world.cookie), { id: thread.id });
      return (await prisma.forumPost.count({ where: { id: thread.firstPostId, body: "Edited text." } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (delete one's own post)",
    allowed: SIGNED_IN,
    async attempt(world) {
      if (!world.userId) return false;
      const thread = await createTestThread({ userId: world.userId });
      await run(forumThread.action, formRequest("/x", { intent: "delete", postId: thread.firstPostId }, world.cookie), { id: thread.id });
      return (await prisma.forumPost.count({ where: { id: thread.firstPostId, deletedAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (delete someone else's post)",
    allowed: [],
    async attempt(world) {
      const thread = await othersThread(world);
      await run(forumThread.action, formRequest("/x", { intent: "delete", postId: thread.firstPostId }, world.cookie), { id: thread.id });
      return (await prisma.forumPost.count({ where: { id: thread.firstPostId, deletedAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (mark someone else's post helpful)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await othersThread(world);
      await run(forumThread.action, formRequest("/x", { intent: "helpful", postId: thread.firstPostId }, world.cookie), { id: thread.id });
      return (await prisma.forumReaction.count({ where: { postId: thread.firstPostId } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (mark one's own post helpful)",
    allowed: [],
    async attempt(world) {
      if (!world.userId) return false;
      const thread = await createTestThread({ userId: world.userId });
      await run(forumThread.action, formRequest("/x", { intent: "helpful", postId: thread.firstPostId }, world.cookie), { id: thread.id });
      return (await prisma.forumReaction.count({ where: { postId: thread.firstPostId } })) === 1;
    },
  },
  {
    name: "POST /forum/threads/:id (watch a thread)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await othersThread(world);
      await run(forumThread.action, formRequest("/x", { intent: "subscribe" }, world.cookie), { id: thread.id });
      return (await prisma.forumThreadSubscription.count({ where: { threadId: thread.id, active: true } })) === 2;
    },
  },
  {
    name: "POST /notifications (mark one's own read)",
    allowed: SIGNED_IN,
    async attempt(world) {
      if (!world.userId) return false;
      const n = await prisma.notification.create({ data: { userId: world.userId, kind: "reply" }, select: { id: true } });
      await run(notifications.action, formRequest("/notifications", { intent: "readAll" }, world.cookie));
      return (await prisma.notification.count({ where: { id: n.id, readAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /notifications (open someone else's)",
    allowed: [],
    async attempt(world) {
      const n = await prisma.notification.create({ data: { userId: world.other.id, kind: "reply" }, select: { id: true } });
      await run(notifications.action, formRequest("/notifications", { intent: "open", id: n.id }, world.cookie));
      return (await prisma.notification.count({ where: { id: n.id, readAt: { not: null } } })) === 1;
    },
  },
];

const CASES: Case[] = [
  ...FORUM_CASES,
  {
    name: "POST /forum/flags",
    allowed: SIGNED_IN,
    async attempt(world) {
      const thread = await createThreadWithPosts({ authorId: world.other.id });
      const postId = thread.posts[0]!.id;
      await run(forumFlags.action, formRequest(`/forum/flags?post=${postId}`, { postId, reason: "spam" }, world.cookie));
      return (await prisma.forumFlag.count({ where: { postId } })) === 1;
    },
  },
  {
    name: "POST /forum/moderation/posts/:id (hide)",
    allowed: ["moderator", "admin"],
    async attempt(world) {
      const thread = await createThreadWithPosts({ authorId: world.other.id });
      const postId = thread.posts[0]!.id;
      await run(moderatePost.action, formRequest("/x", { intent: "hide", reason: "Spam" }, world.cookie), { id: postId });
      return (await prisma.forumPost.count({ where: { id: postId, hiddenAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /forum/moderation/threads/:id (lock)",
    allowed: ["moderator", "admin"],
    async attempt(world) {
      const thread = await createThreadWithPosts({ authorId: world.other.id });
      await run(moderateThread.action, formRequest("/x", { intent: "lock", reason: "Heated" }, world.cookie), { id: thread.id });
      return (await prisma.forumThread.count({ where: { id: thread.id, locked: true } })) === 1;
    },
  },
  {
    name: "POST /forum/moderation/users/:id (suspend)",
    allowed: ["moderator", "admin"],
    async attempt(world) {
      await run(moderateUser.action, formRequest("/x", { intent: "suspend", days: "3", reason: "Insults" }, world.cookie), { id: world.other.id });
      return (await prisma.userSuspension.count({ where: { userId: world.other.id } })) === 1;
    },
  },
  {
    name: "POST /forum/consultations/new",
    allowed: ["ministry"],
    async attempt(world) {
      const title = `Consultation by ${world.actor} ${serial}`;
      await run(consultationNew.action, formRequest("/forum/consultations/new", { title, question: "What would help most?", closesOn: inAWeek() }, world.cookie));
      return (await prisma.forumThread.count({ where: { title } })) === 1;
    },
  },
  {
    name: "POST /forum/consultations/:id (close, the ministry's own country)",
    allowed: ["ministry", "admin"],
    async attempt(world) {
      const id = await consultationOf("KZ");
      await run(consultationPage.action, formRequest("/x", { intent: "close" }, world.cookie), { id });
      return (await prisma.forumConsultation.count({ where: { threadId: id, closedAt: { not: null } } })) === 1;
    },
  },
  {
    // Only admins manage a consultation of a country they are not the ministry of.
    name: "POST /forum/consultations/:id (summary of another country's consultation)",
    allowed: ["admin"],
    async attempt(world) {
      const id = await consultationOf("UZ", { closed: true });
      await run(consultationPage.action, formRequest("/x", { intent: "summary", summary: "What we heard, in short." }, world.cookie), { id });
      return (await prisma.forumConsultation.count({ where: { threadId: id, summary: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /shortlists (add)",
    allowed: SIGNED_IN,
    async attempt(world) {
      await prisma.enterprise.update({ where: { id: world.enterprise.id }, data: { status: "published" } });
      await run(shortlists.action, formRequest("/shortlists", { intent: "add", enterprise: world.enterprise.slug }, world.cookie));
      return (await prisma.shortlistEntry.count({ where: { enterpriseId: world.enterprise.id } })) === 1;
    },
  },
  {
    name: "POST /shortlists/:id (note on one's own shortlist)",
    allowed: SIGNED_IN,
    async attempt(world) {
      if (!world.userId) return false;
      const list = await shortlistWithEntry(world.userId, world);
      await run(shortlist.action, formRequest("/x", { intent: "note", enterpriseId: world.enterprise.id, note: "promising" }, world.cookie), { id: list.id });
      return (await prisma.shortlistEntry.count({ where: { shortlistId: list.id, note: "promising" } })) === 1;
    },
  },
  {
    name: "POST /shortlists/:id (someone else's shortlist)",
    allowed: [],
    async attempt(world) {
      const list = await shortlistWithEntry(world.other.id, world);
      await run(shortlist.action, formRequest("/x", { intent: "remove", enterpriseId: world.enterprise.id }, world.cookie), { id: list.id });
      return (await prisma.shortlistEntry.count({ where: { shortlistId: list.id } })) === 0;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments (start)",
    allowed: ["owner", "member", "admin"],
    async attempt(world) {
      await run(assessments.action, formRequest(`/enterprises/${world.enterprise.slug}/assessments`, { intent: "start", prefill: "no" }, world.cookie), {
        slug: world.enterprise.slug,
      });
      return (await prisma.assessment.count({ where: { enterpriseId: world.enterprise.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id (save answers)",
    allowed: ["owner", "member", "admin"],
    async attempt(world) {
      const draft = await draftOf(world);
      await run(
        questionnaire.action,
        formRequest(`/x`, { section: "governance_transparency", shown: ["gt_registered"], "q.gt_registered": "yes", revision: "0", client: "p" }, world.cookie),
        { slug: world.enterprise.slug, id: draft.id },
      );
      const stored = await prisma.assessment.findUniqueOrThrow({ where: { id: draft.id }, select: { answers: true } });
      return (stored.answers as Record<string, unknown>).gt_registered === "yes";
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/submit",
    allowed: ["owner", "member", "admin"],
    async attempt(world) {
      const draft = await draftOf(world, bestAnswers);
      await run(submitAssessment.action, formRequest(`/x`, { confirm: "yes", revision: "0" }, world.cookie), { slug: world.enterprise.slug, id: draft.id });
      return (await prisma.assessment.count({ where: { id: draft.id, status: "submitted" } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/results (publish)",
    allowed: ["owner", "admin"],
    async attempt(world) {
      const row = await prisma.assessment.create({
        data: { enterpriseId: world.enterprise.id, methodologyVersion: currentMethodology.version, status: "submitted", submittedAt: new Date(), answers: {}, result: {} },
        select: { id: true },
      });
      await run(results.action, formRequest(`/x`, { intent: "publish" }, world.cookie), { slug: world.enterprise.slug, id: row.id });
      return (await prisma.assessment.count({ where: { id: row.id, published: true } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (request)",
    allowed: ["owner", "admin"],
    async attempt(world) {
      const row = await submittedOf(world);
      await run(verificationPage.action, formRequest("/x", { intent: "request" }, world.cookie), { slug: world.enterprise.slug, id: row.id });
      return (await prisma.verification.count({ where: { assessmentId: row.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (upload a file)",
    allowed: ["owner", "member", "admin"],
    async attempt(world) {
      const row = await submittedOf(world);
      await run(verificationPage.action, uploadRequest("/x", { questionId: "gt_registered" }, { name: "a.pdf", bytes: SAMPLE_FILES.pdf }, world.cookie), { slug: world.enterprise.slug, id: row.id });
      return (await prisma.evidenceItem.count({ where: { assessmentId: row.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (add a link)",
    allowed: ["owner", "member", "admin"],
    async attempt(world) {
      const row = await submittedOf(world);
      await run(verificationPage.action, formRequest("/x", { intent: "link", questionId: "gt_registered", url: "https://example.org/proof" }, world.cookie), {
        slug: world.enterprise.slug,
        id: row.id,
      });
      return (await prisma.evidenceItem.count({ where: { assessmentId: row.id } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (remove evidence)",
    allowed: ["owner", "member", "admin"],
    async attempt(world) {
      const row = await submittedOf(world);
      const item = await prisma.evidenceItem.create({ data: { assessmentId: row.id, questionId: "gt_registered", kind: "link", url: "https://example.org/a" }, select: { id: true } });
      await run(verificationPage.action, formRequest("/x", { intent: "remove", itemId: item.id }, world.cookie), { slug: world.enterprise.slug, id: row.id });
      return (await prisma.evidenceItem.count({ where: { id: item.id } })) === 0;
    },
  },
  {
    name: "POST /enterprises/:slug/assessments/:id/verification (message)",
    allowed: ["owner", "member", "admin"],
    async attempt(world) {
      const { assessmentId } = await verificationOf(world);
      await run(verificationPage.action, formRequest("/x", { intent: "message", body: "Hello" }, world.cookie), { slug: world.enterprise.slug, id: assessmentId });
      return (await prisma.verificationMessage.count({ where: { assessmentId } })) === 1;
    },
  },
  {
    name: "POST /verification (take)",
    // A verifier with an organisation who is not a member of the enterprise.
    allowed: ["verifier"],
    async attempt(world) {
      if (world.userId) await prisma.user.update({ where: { id: world.userId }, data: { organisation: "Audit Org" } });
      const { id } = await verificationOf(world);
      await run(verificationQueue.action, formRequest("/verification", { intent: "take", verificationId: id }, world.cookie));
      return (await prisma.verification.count({ where: { id, status: "in_review" } })) === 1;
    },
  },
  {
    name: "POST /verification/:id (accept, on a review someone else took)",
    allowed: [],
    async attempt(world) {
      const other = await createTestUser({ roles: ["verifier"] });
      const { id } = await verificationOf(world, other.id);
      await run(verificationReview.action, formRequest("/x", { intent: "accept", questionId: "gt_registered" }, world.cookie), { id });
      const { decisions } = await prisma.verification.findUniqueOrThrow({ where: { id }, select: { decisions: true } });
      return Object.keys(decisions as object).length > 0;
    },
  },
  {
    name: "POST /verification/:id (change, on one's own review)",
    allowed: ["verifier"],
    async attempt(world) {
      if (!world.userId) return false;
      const { id } = await verificationOf(world, world.userId);
      await run(verificationReview.action, formRequest("/x", { intent: "change", questionId: "gt_registered", "q.gt_registered": "no", reason: "Registry" }, world.cookie), { id });
      const { decisions } = await prisma.verification.findUniqueOrThrow({ where: { id }, select: { decisions: true } });
      return Object.keys(decisions as object).length === 1;
    },
  },
  {
    name: "POST /verification/:id (complete, on one's own review)",
    allowed: ["verifier"],
    async attempt(world) {
      if (!world.userId) return false;
      const { id } = await verificationOf(world, world.userId);
      const decisions = Object.fromEntries(currentMethodology.questions.map((q) => [q.id, { decision: "accepted", at: new Date().toISOString() }]));
      await prisma.verification.update({ where: { id }, data: { decisions } });
      await run(verificationReview.action, formRequest("/x", { intent: "complete" }, world.cookie), { id });
      return (await prisma.verification.count({ where: { id, status: "completed" } })) === 1;
    },
  },
  {
    name: "POST /settings/organisation",
    allowed: ["verifier"],
    async attempt(world) {
      await run(organisationSettings.action, formRequest("/settings/organisation", { organisation: "Steppe Audit" }, world.cookie));
      if (!world.userId) return false;
      return (await prisma.user.count({ where: { id: world.userId, organisation: "Steppe Audit" } })) === 1;
    },
  },
  {
    name: "POST /admin/users (organisation)",
    allowed: ["admin"],
    async attempt(world) {
      await run(adminUsers.action, formRequest("/admin/users", { intent: "organisation", userId: world.other.id, organisation: "Khujand Audit" }, world.cookie));
      return (await prisma.user.count({ where: { id: world.other.id, organisation: "Khujand Audit" } })) === 1;
    },
  },
  {
    name: "POST /signup",
    allowed: ["anonymous"],
    async attempt(world) {
      const email = `signup-${world.actor}-${serial}@test.ortaq.org`;
      await run(
        signup.action,
        formRequest("/signup", { email, password: "a long enough password", displayName: "New Person", language: "en", role: "funder" }, world.cookie),
      );
      return (await prisma.user.count({ where: { email } })) === 1;
    },
  },
  {
    name: "POST /login",
    allowed: ["anonymous"],
    async attempt(world) {
      const target = await createTestUser();
      await run(login.action, formRequest("/login", { email: target.email, password: target.password }, world.cookie));
      return (await prisma.session.count({ where: { userId: target.id } })) === 2;
    },
  },
  {
    name: "POST /logout",
    allowed: SIGNED_IN,
    async attempt(world) {
      if (!world.userId) return false;
      const before = await prisma.session.count({ where: { userId: world.userId } });
      await run(logout.action, formRequest("/logout", {}, world.cookie));
      return (await prisma.session.count({ where: { userId: world.userId } })) < before;
    },
  },
  {
    name: "POST /language",
    allowed: SIGNED_IN,
    async attempt(world) {
      await run(language.action, formRequest("/language", { language: "ru", redirectTo: "/" }, world.cookie));
      if (!world.userId) return false;
      const user = await prisma.user.findUnique({ where: { id: world.userId }, select: { locale: true } });
      return user?.locale === "ru";
    },
  },
  {
    name: "POST /settings/password",
    allowed: SIGNED_IN,
    async attempt(world) {
      const newPassword = "a brand new password";
      await run(
        changePassword.action,
        formRequest("/settings/password", { currentPassword: world.password ?? "x", newPassword, confirmPassword: newPassword }, world.cookie),
      );
      if (!world.userId) return false;
      const { verifyLogin } = await import("~/models/user.server");
      return (await verifyLogin({ email: world.email!, password: newPassword })) !== null;
    },
  },
  {
    name: "POST /enterprises/new",
    allowed: SIGNED_IN,
    async attempt(world) {
      const name = `Created by ${world.actor} ${serial}`;
      await run(enterpriseNew.action, formRequest("/enterprises/new", enterpriseFormFields({ name }), world.cookie));
      return (await prisma.enterprise.count({ where: { name } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/edit",
    allowed: ["owner", "member", "admin"],
    async attempt(world) {
      const name = `Renamed by ${world.actor} ${serial}`;
      await run(
        enterpriseEdit.action,
        formRequest(`/enterprises/${world.enterprise.slug}/edit`, enterpriseFormFields({ name }), world.cookie),
        { slug: world.enterprise.slug },
      );
      return (await prisma.enterprise.count({ where: { id: world.enterprise.id, name } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug (publish)",
    allowed: ["owner", "admin"],
    async attempt(world) {
      await run(enterprisePage.action, formRequest(`/enterprises/${world.enterprise.slug}`, { intent: "publish" }, world.cookie), {
        slug: world.enterprise.slug,
      });
      return (await prisma.enterprise.count({ where: { id: world.enterprise.id, status: "published" } })) === 1;
    },
  },
  {
    name: "POST /enterprises/:slug/members (add)",
    allowed: ["owner", "admin"],
    async attempt(world) {
      await run(
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
    async attempt(world) {
      const members = await prisma.enterpriseMember.findMany({ where: { enterpriseId: world.enterprise.id, role: "member" }, select: { userId: true } });
      const target = members[0]!.userId;
      await run(
        enterpriseMembers.action,
        formRequest(`/enterprises/${world.enterprise.slug}/members`, { intent: "remove-member", userId: target }, world.cookie),
        { slug: world.enterprise.slug },
      );
      return (await prisma.enterpriseMember.count({ where: { enterpriseId: world.enterprise.id, userId: target } })) === 0;
    },
  },
  {
    name: "POST /admin/users (grant)",
    allowed: ["admin"],
    async attempt(world) {
      await run(adminUsers.action, formRequest("/admin/users", { intent: "grant", userId: world.other.id, role: "verifier" }, world.cookie));
      return (await prisma.userRole.count({ where: { userId: world.other.id, role: "verifier" } })) === 1;
    },
  },
  {
    name: "POST /admin/forum (create)",
    allowed: ["admin"],
    async attempt(world) {
      const nameEn = `Cooperatives ${serial} ${Date.now()}`;
      await run(adminForum.action, formRequest("/admin/forum", { intent: "create", nameEn, nameRu: "Кооперативы", kind: "theme" }, world.cookie));
      return (await prisma.forumCategory.count({ where: { nameEn } })) === 1;
    },
  },
  {
    name: "POST /admin/forum (edit)",
    allowed: ["admin"],
    async attempt(world) {
      const category = await createTestCategory("Before");
      await run(adminForum.action, formRequest("/admin/forum", { intent: "edit", id: category.id, nameEn: "After", nameRu: "После" }, world.cookie));
      return (await prisma.forumCategory.findUniqueOrThrow({ where: { id: category.id }, select: { nameEn: true } })).nameEn === "After";
    },
  },
  {
    name: "POST /admin/forum (move)",
    allowed: ["admin"],
    async attempt(world) {
      const last = (await prisma.forumCategory.aggregate({ _max: { position: true } }))._max.position ?? 0;
      const above = await createTestCategory("Above");
      const below = await createTestCategory("Below");
      await prisma.forumCategory.update({ where: { id: above.id }, data: { position: last + 10 } });
      await prisma.forumCategory.update({ where: { id: below.id }, data: { position: last + 20 } });
      await run(adminForum.action, formRequest("/admin/forum", { intent: "move", id: below.id, direction: "up" }, world.cookie));
      const [a, b] = await Promise.all([above, below].map((c) => prisma.forumCategory.findUniqueOrThrow({ where: { id: c.id }, select: { position: true } })));
      return b!.position < a!.position;
    },
  },
  {
    name: "POST /admin/users (remove)",
    allowed: ["admin"],
    async attempt(world) {
      await run(adminUsers.action, formRequest("/admin/users", { intent: "remove", userId: world.other.id, role: "funder" }, world.cookie));
      return (await prisma.userRole.count({ where: { userId: world.other.id, role: "funder" } })) === 0;
    },
  },
];

beforeAll(async () => {
  // The last admin may never lose the role; keep one in reserve so removals can be tested.
  await createTestUser({ roles: ["admin"] });
});

describe.each(CASES)("$name", (testCase) => {
  test.each(ACTORS)("changes data for %s only when that actor is allowed", async (actor) => {
    const world = await makeWorld(actor);
    const changed = await testCase.attempt(world);
    const expected = testCase.allowed.includes(actor);
    expect(changed, `${actor} ${expected ? "should" : "should not"} be able to ${testCase.name}`).toBe(expected);
  });
});

test("every route that accepts a POST is in the permission matrix", () => {
  const routesDir = path.join(process.cwd(), "app/routes");
  const withAction = readdirSync(routesDir)
    .filter((file) => /\.tsx?$/.test(file) && !file.includes(".test."))
    .filter((file) => /export (async )?function action/.test(readFileSync(path.join(routesDir, file), "utf8")))
    .map((file) => file.replace(/\.tsx?$/, ""));
  const covered = new Set([
    "signup", "login", "logout", "language", "settings.password", "enterprises.new", "enterprises.$slug_.edit",
    "enterprises.$slug", "enterprises.$slug_.members", "admin.users", "admin.forum", "enterprises.$slug_.assessments",
    "enterprises.$slug_.assessments_.$id", "enterprises.$slug_.assessments_.$id_.submit", "enterprises.$slug_.assessments_.$id_.results",
    "shortlists", "shortlists_.$id",
    "enterprises.$slug_.assessments_.$id_.verification", "verification", "verification_.$id", "settings.organisation",
    "forum_.flags", "forum_.moderation_.posts.$id", "forum_.moderation_.threads.$id", "forum_.moderation_.users.$id",
    "forum_.consultations_.new", "forum_.consultations_.$id",
    "forum_.new", "forum_.$slug", "forum_.threads.$id", "notifications",
    "$", // the catch-all answers every POST with a 404 and changes nothing
    // read-only: a CORS preflight gets 204, any other method 405, and nothing changes (see directory.test.ts)
    "api.v1.enterprises", "api.v1.enterprises_.$slug", "api.v1.openapi[.]json",
    "webhooks.stripe", // authenticated by Stripe's signature, not a session: see contributions.test.ts
  ]);
  expect(withAction.filter((route) => !covered.has(route))).toEqual([]);
});
