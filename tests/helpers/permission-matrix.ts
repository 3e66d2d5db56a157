import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import type { RoleName } from "~/utils/roles";
import { validEnterpriseFields } from "./enterprise";
import { createTestUser, run, type Outcome } from "./routes";

/**
 * The permission matrix: every action that changes data, tried by every kind of person. Each area
 * (tests/integration/permissions/*.test.ts) lists its cases; each case runs once per actor, in a
 * world of its own, and checks both that the data changed only for the allowed actors and what a
 * refused one was answered.
 */

export type Actor = "anonymous" | RoleName | "owner" | "member";
export const ACTORS: Actor[] = [
  "anonymous",
  "entrepreneur",
  "funder",
  "ministry",
  "verifier",
  "moderator",
  "admin",
  "incubator",
  "owner",
  "member",
];
export const SIGNED_IN = ACTORS.filter((a) => a !== "anonymous");

/** What a refused actor is answered: a status, or a redirect to a page (the login page, the dashboard). */
export type Refusal = 403 | 404 | { redirect: string };
export const TO_LOGIN: Refusal = { redirect: "/login" };

export interface World {
  actor: Actor;
  /** Unique within the test file, for names and titles a case creates. */
  tag: string;
  cookie?: string;
  userId?: string;
  email?: string;
  password?: string;
  enterprise: { id: string; slug: string };
  other: { id: string; email: string; cookie: string };
  /** Runs a loader or action with this actor's request (see `run`), and keeps the answer for the matrix to check. */
  run: (
    fn: (args: ActionFunctionArgs & LoaderFunctionArgs) => unknown,
    request: Request,
    params?: Record<string, string>,
  ) => Promise<Outcome>;
}

export interface Case {
  name: string;
  allowed: Actor[];
  /** What a signed-in actor who is not allowed gets (not needed when every signed-in actor is allowed). */
  refused?: Refusal;
  /** Exceptions by actor; an anonymous visitor is otherwise sent to the login page. */
  refusedFor?: Partial<Record<Actor, Refusal>>;
  /** Sends the request through `world.run` and tells whether the data changed. */
  attempt: (world: World) => Promise<boolean>;
}

let serial = 0;

/** A fresh draft enterprise with an owner and a member, a bystander (a funder), and the actor itself. */
async function makeWorld(actor: Actor) {
  serial += 1;
  const owner = await createTestUser();
  const member = await createTestUser();
  const other = await createTestUser({ roles: ["funder"] });
  const enterprise = await prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      slug: `perm-${serial}-${Date.now()}`,
      members: {
        create: [
          { userId: owner.id, role: "owner" },
          { userId: member.id, role: "member" },
        ],
      },
    },
    select: { id: true, slug: true },
  });
  const self =
    actor === "anonymous" ? undefined : actor === "owner" ? owner : actor === "member" ? member : await createTestUser({ roles: [actor] });
  const outcomes: Outcome[] = [];
  const world: World = {
    actor,
    tag: `${actor}-${serial}`,
    cookie: self?.cookie,
    userId: self?.id,
    email: self?.email,
    password: self?.password,
    enterprise,
    other,
    async run(fn, request, params) {
      const outcome = await run(fn, request, params);
      outcomes.push(outcome);
      return outcome;
    },
  };
  return { world, outcomes };
}

function expectationFor(testCase: Case, actor: Actor): "allowed" | Refusal {
  if (testCase.allowed.includes(actor)) return "allowed";
  const refusal = testCase.refusedFor?.[actor] ?? (actor === "anonymous" ? TO_LOGIN : testCase.refused);
  if (!refusal) throw new Error(`${testCase.name}: say what a refused ${actor} gets`);
  return refusal;
}

function describeExpectation(expected: "allowed" | Refusal) {
  if (expected === "allowed") return "changes the data";
  if (typeof expected === "number") return `is refused with ${expected} and nothing changes`;
  return `is sent to ${expected.redirect} and nothing changes`;
}

/** One test per case and actor. */
export function permissionMatrix(cases: Case[]) {
  for (const testCase of cases) {
    describe(testCase.name, () => {
      for (const actor of ACTORS) {
        const expected = expectationFor(testCase, actor);
        test(`${actor} ${describeExpectation(expected)}`, async () => {
          const { world, outcomes } = await makeWorld(actor);
          const changed = await testCase.attempt(world);
          expect(outcomes, "the case sends exactly one request").toHaveLength(1);
          const outcome = outcomes[0]!;
          if (expected === "allowed") {
            expect(changed, `${actor} should be able to ${testCase.name}`).toBe(true);
            expect(outcome.status, `${actor} was answered ${outcome.status}`).toBeLessThan(400);
            return;
          }
          expect(changed, `${actor} should not be able to ${testCase.name}`).toBe(false);
          if (typeof expected === "number") {
            expect(outcome.status).toBe(expected);
          } else {
            expect(outcome.status).toBe(302);
            expect(outcome.location).toMatch(new RegExp(`^${expected.redirect.replace(/[/?]/g, "\\$&")}($|\\?)`));
          }
        });
      }
    });
  }
}
