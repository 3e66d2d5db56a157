import * as language from "~/routes/language";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as changePassword from "~/routes/settings.password";
import * as signup from "~/routes/signup";
import { verifyLogin } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { permissionMatrix, SIGNED_IN } from "../../helpers/permission-matrix";
import { createTestUser, formRequest } from "../../helpers/routes";

// Signing up and logging in hash and verify passwords for real: these are the tests about them.
permissionMatrix([
  {
    name: "POST /signup",
    allowed: ["anonymous"],
    refused: { redirect: "/dashboard" },
    async attempt(world) {
      const email = `signup-${world.tag}@test.ortaq.org`;
      await world.run(
        signup.action,
        formRequest(
          "/signup",
          { email, password: "a long enough password", displayName: "New Person", language: "en", role: "funder" },
          world.cookie,
        ),
      );
      return (await prisma.user.count({ where: { email } })) === 1;
    },
  },
  {
    name: "POST /login",
    allowed: ["anonymous"],
    refused: { redirect: "/dashboard" },
    async attempt(world) {
      const target = await createTestUser();
      await world.run(login.action, formRequest("/login", { email: target.email, password: target.password }, world.cookie));
      return (await prisma.session.count({ where: { userId: target.id } })) === 2;
    },
  },
  {
    name: "POST /logout",
    allowed: SIGNED_IN,
    // Logging out without a session ends nobody's.
    refusedFor: { anonymous: { redirect: "/" } },
    async attempt(world) {
      const whose = world.userId ?? world.other.id;
      const before = await prisma.session.count({ where: { userId: whose } });
      await world.run(logout.action, formRequest("/logout", {}, world.cookie));
      return (await prisma.session.count({ where: { userId: whose } })) < before;
    },
  },
  {
    name: "POST /language",
    allowed: SIGNED_IN,
    // Without an account the choice lives in a cookie only.
    refusedFor: { anonymous: { redirect: "/" } },
    async attempt(world) {
      await world.run(language.action, formRequest("/language", { language: "ru", redirectTo: "/" }, world.cookie));
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
      await world.run(
        changePassword.action,
        formRequest(
          "/settings/password",
          { currentPassword: world.password ?? "x", newPassword, confirmPassword: newPassword },
          world.cookie,
        ),
      );
      if (!world.userId) return false;
      return (await verifyLogin({ email: world.email!, password: newPassword })) !== null;
    },
  },
]);
