import { requestPasswordReset, resendConfirmation } from "~/models/account-email.server";
import { verifyLogin } from "~/models/user.server";
import * as adminMail from "~/routes/admin.mail";
import * as confirmEmail from "~/routes/confirm-email.$token";
import * as unsubscribe from "~/routes/email.unsubscribe.$token";
import * as forgotPassword from "~/routes/forgot-password";
import * as resetPassword from "~/routes/reset-password.$token";
import * as settingsEmail from "~/routes/settings.email";
import * as settingsNotifications from "~/routes/settings.notifications";
import { prisma } from "~/utils/db.server";
import { unsubscribeToken } from "~/utils/email-links.server";
import { ACTORS, permissionMatrix, SIGNED_IN } from "../../helpers/permission-matrix";
import { formRequest } from "../../helpers/routes";

/** The token of the link in the newest queued message to this person (the queue holds the body until it is sent). */
async function tokenSentTo(userId: string, path: string) {
  const message = await prisma.outgoingEmail.findFirstOrThrow({
    where: { userId },
    select: { textBody: true },
    orderBy: { createdAt: "desc" },
  });
  return new RegExp(`${path}([A-Za-z0-9_-]{43})`).exec(message.textBody)![1]!;
}

// Links sent by e-mail are their own authority: whoever holds one may use it, signed in or not.
permissionMatrix([
  {
    name: "POST /forgot-password",
    allowed: ACTORS,
    async attempt(world) {
      await world.run(forgotPassword.action, formRequest("/forgot-password", { email: world.other.email }, world.cookie));
      return (await prisma.emailToken.count({ where: { userId: world.other.id, purpose: "password_reset" } })) === 1;
    },
  },
  {
    name: "POST /reset-password/:token",
    allowed: ACTORS,
    async attempt(world) {
      await requestPasswordReset({ email: world.other.email });
      const token = await tokenSentTo(world.other.id, "/reset-password/");
      const password = "violet-tractor-1987-quill";
      await world.run(
        resetPassword.action,
        formRequest(`/reset-password/${token}`, { newPassword: password, confirmPassword: password }, world.cookie),
        { token },
      );
      return (await verifyLogin({ email: world.other.email, password })) !== null;
    },
  },
  {
    name: "POST /confirm-email/:token",
    allowed: ACTORS,
    async attempt(world) {
      await prisma.user.update({ where: { id: world.other.id }, data: { emailConfirmedAt: null } });
      await resendConfirmation({ userId: world.other.id });
      const token = await tokenSentTo(world.other.id, "/confirm-email/");
      await world.run(confirmEmail.action, formRequest(`/confirm-email/${token}`, {}, world.cookie), { token });
      return (await prisma.user.count({ where: { id: world.other.id, emailConfirmedAt: { not: null } } })) === 1;
    },
  },
  {
    name: "POST /email/unsubscribe/:token",
    allowed: ACTORS,
    async attempt(world) {
      const token = await unsubscribeToken(world.other.id, "verification");
      await world.run(unsubscribe.action, formRequest(`/email/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" }, world.cookie), {
        token,
      });
      return (await prisma.emailPreference.count({ where: { userId: world.other.id, verification: false } })) === 1;
    },
  },
  {
    name: "POST /settings/email (change)",
    allowed: SIGNED_IN,
    async attempt(world) {
      const email = `changed-${world.tag}@test.ortaq.org`;
      await world.run(
        settingsEmail.action,
        formRequest("/settings/email", { intent: "change", email, password: world.password ?? "x" }, world.cookie),
      );
      return (await prisma.emailToken.count({ where: { email, purpose: "email_confirmation" } })) === 1;
    },
  },
  {
    name: "POST /settings/notifications",
    allowed: SIGNED_IN,
    async attempt(world) {
      await world.run(
        settingsNotifications.action,
        formRequest("/settings/notifications", { forum: "daily", countries: ["KZ"] }, world.cookie),
      );
      return world.userId ? (await prisma.emailPreference.count({ where: { userId: world.userId, forum: "daily" } })) === 1 : false;
    },
  },
  {
    name: "POST /admin/mail (retry)",
    allowed: ["admin"],
    refused: 403,
    async attempt(world) {
      const message = await prisma.outgoingEmail.create({
        data: {
          toAddress: world.other.email,
          kind: "passwordReset",
          language: "en",
          subject: "s",
          textBody: "t",
          htmlBody: "h",
          status: "failed",
          attempts: 10,
        },
        select: { id: true },
      });
      await world.run(adminMail.action, formRequest("/admin/mail", { intent: "retry", id: message.id }, world.cookie));
      return (await prisma.outgoingEmail.count({ where: { id: message.id, status: "pending" } })) === 1;
    },
  },
]);
