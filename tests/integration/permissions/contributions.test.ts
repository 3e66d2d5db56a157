import { afterAll, beforeAll } from "vitest";
import * as enterprisePage from "~/routes/enterprises.$slug";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { permissionMatrix, SIGNED_IN } from "../../helpers/permission-matrix";
import { formRequest } from "../../helpers/routes";
import { TEST_WEBHOOK_SECRET } from "../../helpers/stripe-events";
import { startStripeStandIn } from "../../stand-ins/stripe-api";

let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
const saved = { ...process.env };

beforeAll(async () => {
  standIn = await startStripeStandIn();
  process.env.STRIPE_SECRET_KEY = "sk_test_ortaq";
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = standIn.url;
  resetEnvCache();
});
afterAll(async () => {
  await standIn.stop();
  process.env = saved;
  resetEnvCache();
});

// Whether the payment then happens is Stripe's part (see contributions.test.ts); starting one is Ortaq's.
permissionMatrix([
  {
    name: "POST /enterprises/:slug (contribute to a published enterprise)",
    allowed: SIGNED_IN,
    async attempt(world) {
      await prisma.enterprise.update({ where: { id: world.enterprise.id }, data: { status: "published" } });
      const before = standIn.sessions.length;
      await world.run(
        enterprisePage.action,
        formRequest(
          `/enterprises/${world.enterprise.slug}`,
          { intent: "contribute", attempt: crypto.randomUUID(), currency: "USD", amount: "25" },
          world.cookie,
        ),
        { slug: world.enterprise.slug },
      );
      return standIn.sessions.length === before + 1;
    },
  },
]);
