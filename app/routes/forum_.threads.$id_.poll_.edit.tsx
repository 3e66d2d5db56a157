import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, useCheckedForm } from "~/components/forms";
import { PollFields } from "~/components/forum-poll";
import { getPollForEditing, mayEditPoll, savePoll } from "~/models/forum-poll.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { pollFieldDefaults, pollFormSchema, pollInputOf } from "~/utils/forum-poll-validation";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden, notFound, requireIdParam } from "~/utils/permissions.server";
import { requireReadableThread } from "~/models/forum-access.server";

/** The thread whose poll is added or changed, and only for whoever may do it (its author; for a consultation, its managers). */
async function requirePollEditor(request: Request, threadId: string) {
  const user = await requireUser(request);
  await requireReadableThread(threadId, user);
  const thread = await getPollForEditing(threadId);
  if (!thread) notFound();
  if (!mayEditPoll(user, thread)) forbidden();
  return { user, thread };
}

const threadPage = (thread: { id: string; kind: string }) =>
  thread.kind === "consultation" ? `/forum/consultations/${thread.id}` : `/forum/threads/${thread.id}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { thread } = await requirePollEditor(request, requireIdParam(params));
  const t = await getFixedT(request);
  const poll = thread.poll;
  return {
    title: poll ? t("forumPoll.editTitle") : t("forumPoll.addTitle"),
    thread: { id: thread.id, title: thread.title, kind: thread.kind, consultationClosesAt: thread.consultation?.closesAt ?? null },
    defaults: pollFieldDefaults(poll),
    // Once anyone has voted, the poll stays as they saw it.
    hasVotes: (poll?._count.ballots ?? 0) > 0,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, thread } = await requirePollEditor(request, requireIdParam(params));
  const latestClose = thread.consultation?.closesAt ?? null;
  const submission = parseWithZod(await request.formData(), { schema: pollFormSchema({ latestClose }) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const saved = await savePoll({ user, threadId: thread.id, input: pollInputOf(submission.value)! });
  if (!saved.ok) {
    switch (saved.refusal.reason) {
      case "not_found":
        return notFound();
      case "forbidden":
        return forbidden();
      case "after_consultation":
        return data(submission.reply({ fieldErrors: { pollClosesOn: ["forumPoll.errors.afterConsultation"] } }), { status: 400 });
      case "suspended":
        return data(submission.reply({ formErrors: ["forumModeration.refusal.suspendedShort"] }), { status: 403 });
      case "unconfirmed":
        return data(submission.reply({ formErrors: ["confirmEmail.requiredToPost"] }), { status: 403 });
      case "has_votes":
        return data(submission.reply({ formErrors: ["forumPoll.refusal.hasVotes"] }), { status: 409 });
      case "locked":
        return data(submission.reply({ formErrors: ["forum.refusal.locked"] }), { status: 409 });
      case "closed":
        return data(submission.reply({ formErrors: ["forumPoll.refusal.closedNoChange"] }), { status: 409 });
    }
  }
  return redirectWithNotice(threadPage(thread), saved.created ? "forumPoll.notice.added" : "forumPoll.notice.saved");
}

export default function PollFormPage() {
  const { t, i18n } = useTranslation();
  const { title, thread, defaults, hasVotes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const latestClose = thread.consultationClosesAt ? new Date(thread.consultationClosesAt) : null;
  const [form, fields] = useCheckedForm({
    id: "poll-form",
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(pollFormSchema()),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pollFormSchema({ latestClose }) }),
  });
  return (
    <section className="forum">
      <nav aria-label={t("forum.breadcrumbs")} className="breadcrumbs">
        <Link to="/forum">{t("forum.title")}</Link> ›{" "}
        <Link to={threadPage(thread)} dir="auto">
          {thread.title}
        </Link>
      </nav>
      <h1>{title}</h1>
      {hasVotes ? (
        <p className="notice notice-warning">{t("forumPoll.refusal.hasVotes")}</p>
      ) : (
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <PollFields
            fields={fields}
            legend={t("forumPoll.fields.legend")}
            hint={t("forumPoll.fields.lockedHint")}
            closingHint={
              latestClose
                ? t("forumPoll.fields.closesOnConsultationHint", { date: formatDate(latestClose, i18n.language) })
                : t("forumPoll.fields.closesOnHint")
            }
          />
          <div className="actions">
            <button type="submit">{t("forumPoll.save")}</button>
            <Link to={threadPage(thread)}>{t("forum.cancel")}</Link>
          </div>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
