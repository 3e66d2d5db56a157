import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ForumPoll } from "~/components/forum-poll";
import { closePoll } from "~/models/forum-moderation.server";
import { castVote, getPollView } from "~/models/forum-poll.server";
import { getOptionalUser, requireUser, safeRedirect } from "~/utils/auth.server";
import { PollActionSchema } from "~/utils/forum-poll-validation";
import { isolate } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound, requireIdParam, requirePermission } from "~/utils/permissions.server";
import { requireReadableThread } from "~/models/forum-access.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const threadId = requireIdParam(params);
  const reader = await getOptionalUser(request);
  await requireReadableThread(threadId, reader);
  const [poll, t] = await Promise.all([getPollView({ threadId, reader }), getFixedT(request)]);
  if (!poll) notFound();
  return { poll, title: t("forumPoll.pageTitle", { thread: isolate(poll.threadTitle) }) };
}

/** A vote (anyone who may vote), or a moderator closing the poll early; a refusal comes back to this page with its message. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const threadId = requireIdParam(params);
  await requireReadableThread(threadId, user);
  const submission = parseWithZod(await request.formData(), { schema: PollActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const back = safeRedirect(value.redirectTo, `/forum/threads/${threadId}/poll`);
  if (value.intent === "close") {
    requirePermission(user, "moderate:forum");
    const closed = await closePoll({ moderatorId: user.id, threadId, reason: value.reason });
    if (!closed.ok) {
      if (closed.reason === "not_found") notFound();
      return data(submission.reply({ formErrors: ["forumPoll.refusal.alreadyClosed"] }), { status: 409 });
    }
    return redirectWithNotice(back, "forumPoll.notice.closed");
  }
  const voted = await castVote({ user, threadId, optionIds: value.choice });
  if (!voted.ok) {
    switch (voted.refusal.reason) {
      case "not_found":
        return notFound();
      case "invalid_choice":
        return data(submission.reply({ fieldErrors: { choice: ["forumPoll.errors.invalidChoice"] } }), { status: 400 });
      case "closed":
        return data(submission.reply({ formErrors: ["forumPoll.refusal.closed"] }), { status: 409 });
      case "suspended":
        return data(submission.reply({ formErrors: ["forumPoll.refusal.suspended"] }), { status: 403 });
      case "unconfirmed":
        return data(submission.reply({ formErrors: ["confirmEmail.requiredToVote"] }), { status: 403 });
    }
  }
  return redirectWithNotice(back, voted.changed ? "forumPoll.notice.changed" : "forumPoll.notice.voted");
}

export default function PollPage() {
  const { t } = useTranslation();
  const { poll, title } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const threadPage = poll.isConsultation ? `/forum/consultations/${poll.threadId}` : `/forum/threads/${poll.threadId}`;
  return (
    <section className="forum">
      <nav aria-label={t("forum.breadcrumbs")} className="breadcrumbs">
        <Link to="/forum">{t("forum.title")}</Link> ›{" "}
        <Link to={threadPage} lang={poll.language} dir="auto">
          {poll.threadTitle}
        </Link>
      </nav>
      <h1>{title}</h1>
      <ForumPoll poll={poll} redirectTo={`/forum/threads/${poll.threadId}/poll`} result={result} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
