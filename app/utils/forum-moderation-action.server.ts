// What every moderation page (a post, a thread, a person) does before and after its own change:
// only moderators, only well-formed ids and forms, and one way of answering a refusal.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { notFound, requireIdParam, requirePermission } from "~/utils/permissions.server";
import { redirectWithNotice } from "~/utils/notice.server";

type Params = LoaderFunctionArgs["params"];

/** The moderator making the request and the id in its URL: a 403 for anyone else, a 404 for an id that cannot exist. */
export async function requireModerationSubject(request: Request, params: Params) {
  const user = await requireUser(request);
  requirePermission(user, "moderate:forum");
  return { user, id: requireIdParam(params) };
}

/** A refusal shown on the whole form (409) or next to one field (400). */
export type ModerationRefusalMessage = { formError: string } | { field: string; error: string };

type ModerationForm = { intent: string; redirectTo?: string };

// The actions with a message of their own under forumModeration.done; any other says "Done."
const DONE_NOTICES = new Set(["hide", "restore", "dismiss", "lock", "unlock", "pin", "unpin", "move", "suspend", "lift"]);

/**
 * Parses the form with `schema` (400 with the messages when it fails), lets `act` make the change
 * and redirects to `redirectTo` (or the subject's page), which says it was done. A refusal is answered
 * by `refusal` when it returns a message; otherwise `not_found` is a 404 and any other reason
 * `forumModeration.refusal.<intent>NoChange`.
 */
export async function handleModerationAction<Schema extends z.ZodType<ModerationForm>, Refusal extends string>({
  request,
  params,
  schema,
  subjectPage,
  act,
  refusal,
}: {
  request: Request;
  params: Params;
  schema: Schema;
  subjectPage: (id: string) => string;
  act: (args: {
    moderatorId: string;
    id: string;
    value: z.output<Schema>;
  }) => Promise<{ ok: true } | { ok: false; reason: Refusal | "not_found" }>;
  refusal?: (reason: Refusal | "not_found", value: z.output<Schema>) => ModerationRefusalMessage | undefined;
}) {
  const { user, id } = await requireModerationSubject(request, params);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value: z.output<Schema> & ModerationForm = submission.value;
  const outcome = await act({ moderatorId: user.id, id, value });
  if (!outcome.ok) {
    const message = refusal?.(outcome.reason, value);
    if (!message && outcome.reason === "not_found") notFound();
    if (message && "field" in message)
      return data(submission.reply({ fieldErrors: { [message.field]: [message.error] } }), { status: 400 });
    return data(submission.reply({ formErrors: [message?.formError ?? `forumModeration.refusal.${value.intent}NoChange`] }), {
      status: 409,
    });
  }
  return redirectWithNotice(
    safeRedirect(value.redirectTo, subjectPage(id)),
    `forumModeration.done.${DONE_NOTICES.has(value.intent) ? value.intent : "other"}`,
  );
}
