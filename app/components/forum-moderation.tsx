// Moderation and consultation pieces for forum pages: forms that post to the /forum/moderation,
// /forum/flags and /forum/consultations routes and come back to `redirectTo`. Each takes the
// `result` its route's action answered with, so a refused form shows why next to its fields.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useRef, type ReactNode } from "react";
import type { z } from "zod";
import { useTranslation } from "react-i18next";
import { CheckboxField, FormErrors, SelectField, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { PlainLink } from "~/components/plain-links";
import { formatDate } from "~/utils/format";
import { isConsultationOpen } from "~/utils/forum-consultation";
import {
  ConsultationActionSchema,
  FLAG_REASONS,
  FlagSchema,
  PostModerationSchema,
  ThreadModerationSchema,
  UserModerationSchema,
} from "~/utils/forum-moderation-validation";
import { countryName } from "~/utils/reference-data";
import { useHydrated } from "~/utils/use-hydrated";

/** What a moderation route's action answered: the submission, with its messages and what was typed. */
export type ModerationFormResult = SubmissionResult<string[]> | null | undefined;

/** A form checked by `schema` in the browser (when it can) and again on the server, showing `result`. */
function useModerationForm(id: string, schema: z.ZodType, result: ModerationFormResult, defaultValue?: Record<string, string>) {
  return useCheckedForm({
    id,
    lastResult: result,
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/** Where a reader flags a post: the flag page, which comes back to `back` once the flag is sent. */
export function FlagPostLink({ postId, number, back }: { postId: string; number: number; back: string }) {
  const { t } = useTranslation();
  return (
    <PlainLink to={`/forum/flags?${new URLSearchParams({ post: postId, back })}`} className="flag-link" rel="nofollow">
      {t("forumModeration.flag.open", { number })}
    </PlainLink>
  );
}

/** "Flag this post": a reason from the list and an optional note for the moderators. */
export function FlagPostForm({ postId, redirectTo, result }: { postId: string; redirectTo: string; result?: ModerationFormResult }) {
  const { t } = useTranslation();
  const [form, fields] = useModerationForm(`flag-${postId}`, FlagSchema, result);
  return (
    <Form
      method="post"
      action={`/forum/flags?${new URLSearchParams({ post: postId, back: redirectTo })}`}
      className="form flag-form"
      {...getFormProps(form)}
    >
      <fieldset>
        <legend>{t("forumModeration.flag.legend")}</legend>
        <input type="hidden" name="postId" value={postId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <SelectField
          field={fields.reason}
          label={t("forumModeration.flag.reason")}
          placeholder={t("forumModeration.flag.choose")}
          options={FLAG_REASONS.map((reason) => ({ value: reason, label: t(`forumModeration.flagReason.${reason}`) }))}
        />
        <TextField field={fields.note} label={t("forumModeration.flag.note")} />
        <div className="actions">
          <button type="submit" className="button-secondary">
            {t("forumModeration.flag.submit")}
          </button>
        </div>
      </fieldset>
    </Form>
  );
}

/** Hide or restore a post (and, from the queue, dismiss its flags), with the reason the log keeps. */
export function PostModerationControls({
  post,
  redirectTo,
  withDismiss = false,
  result,
}: {
  post: { id: string; hiddenAt: string | Date | null };
  redirectTo: string;
  withDismiss?: boolean;
  result?: ModerationFormResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useModerationForm(`moderate-post-${post.id}`, PostModerationSchema, result);
  return (
    <Form method="post" action={`/forum/moderation/posts/${post.id}`} className="form moderation-form" {...getFormProps(form)}>
      <fieldset>
        <legend>{t("forumModeration.post.legend")}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField field={fields.reason} label={t("forumModeration.reason")} />
        <div className="actions">
          {post.hiddenAt ? (
            <button type="submit" name="intent" value="restore">
              {t("forumModeration.post.restore")}
            </button>
          ) : (
            <button type="submit" name="intent" value="hide">
              {t("forumModeration.post.hide")}
            </button>
          )}
          {withDismiss ? (
            <button type="submit" name="intent" value="dismiss" className="button-secondary">
              {t("forumModeration.post.dismiss")}
            </button>
          ) : null}
        </div>
      </fieldset>
    </Form>
  );
}

/** Lock, pin or move a thread. */
export function ThreadModerationControls({
  thread,
  categories,
  redirectTo,
  result,
}: {
  thread: { id: string; locked: boolean; pinned: boolean; categoryId: string };
  /** Named in the reader's language. */
  categories: { id: string; name: string }[];
  redirectTo: string;
  result?: ModerationFormResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useModerationForm(`moderate-thread-${thread.id}`, ThreadModerationSchema, result, {
    categoryId: thread.categoryId,
  });
  return (
    <Form method="post" action={`/forum/moderation/threads/${thread.id}`} className="form moderation-form" {...getFormProps(form)}>
      <fieldset>
        <legend>{t("forumModeration.thread.legend")}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField field={fields.reason} label={t("forumModeration.reason")} />
        <div className="actions">
          <button type="submit" name="intent" value={thread.locked ? "unlock" : "lock"}>
            {thread.locked ? t("forumModeration.thread.unlock") : t("forumModeration.thread.lock")}
          </button>
          <button type="submit" name="intent" value={thread.pinned ? "unpin" : "pin"}>
            {thread.pinned ? t("forumModeration.thread.unpin") : t("forumModeration.thread.pin")}
          </button>
        </div>
        <SelectField
          field={fields.categoryId}
          label={t("forumModeration.thread.moveTo")}
          placeholder={t("forum.chooseCategory")}
          options={categories.map((category) => ({ value: category.id, label: category.name }))}
        />
        <div className="actions">
          <button type="submit" name="intent" value="move" className="button-secondary">
            {t("forumModeration.thread.move")}
          </button>
        </div>
      </fieldset>
    </Form>
  );
}

/** Suspend a person for some days, or lift the suspension early. */
export function UserModerationControls({
  user,
  redirectTo,
  result,
}: {
  user: { id: string; activeSuspension: { endsAt: string | Date } | null };
  redirectTo: string;
  result?: ModerationFormResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useModerationForm(`moderate-user-${user.id}`, UserModerationSchema, result, { days: "7" });
  return (
    <Form method="post" action={`/forum/moderation/users/${user.id}`} className="form moderation-form" {...getFormProps(form)}>
      <fieldset>
        <legend>{user.activeSuspension ? t("forumModeration.user.liftLegend") : t("forumModeration.user.suspendLegend")}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {user.activeSuspension ? null : (
          <TextField field={fields.days} label={t("forumModeration.user.days")} type="number" inputMode="numeric" />
        )}
        <TextField field={fields.reason} label={t("forumModeration.reason")} />
        <div className="actions">
          {user.activeSuspension ? (
            <button type="submit" name="intent" value="lift">
              {t("forumModeration.user.lift")}
            </button>
          ) : (
            <button type="submit" name="intent" value="suspend">
              {t("forumModeration.user.suspend")}
            </button>
          )}
        </div>
      </fieldset>
    </Form>
  );
}

/** Shown to a suspended person: they may read, but not post, until the date. */
export function SuspensionNotice({ suspension }: { suspension: { endsAt: string | Date; reason: string } | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!suspension) return null;
  return (
    <div role="status" className="notice notice-warning suspension-notice">
      <p>{t("forumModeration.suspension.notice", { date: formatDate(suspension.endsAt, i18n.language) })}</p>
      <p>{t("forumModeration.suspension.reason", { reason: suspension.reason })}</p>
    </div>
  );
}

export interface ConsultationView {
  country: string;
  question: string;
  closesAt: string | Date;
  closedAt: string | Date | null;
  summary: string | null;
  summaryPublishedAt: string | Date | null;
  summaryAuthor?: { displayName: string } | null;
  /** The published summary as safe HTML (rendered from its Markdown on the server), when there is one. */
  summaryHtml?: string | null;
  /** The summary cites the consultation's poll (its results are shown with it). */
  summaryCitesPoll?: boolean;
}

/**
 * The top of a consultation: its state, country, closing date, question and, once published, the
 * summary, with the poll results it cites (`citedPoll`, shown when the summary cites them).
 */
export function ConsultationHeader({
  consultation,
  now,
  citedPoll,
}: {
  consultation: ConsultationView;
  now?: number;
  citedPoll?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const open = isConsultationOpen(consultation, now);
  const country = consultation.country ? countryName(t, consultation.country) : undefined;
  const closedOn = consultation.closedAt ?? consultation.closesAt;
  return (
    <section className="consultation-header" aria-labelledby="consultation-heading">
      <h2 id="consultation-heading">
        {t("forumModeration.consultation.heading")}{" "}
        <span className={`badge ${open ? "badge-open" : "badge-closed"}`}>
          {open ? t("forumModeration.consultation.open") : t("forumModeration.consultation.closed")}
        </span>
      </h2>
      <p>
        {t("forumModeration.consultation.country", { country: country ?? consultation.country })}
        {" · "}
        {open
          ? t("forumModeration.consultation.closesOn", { date: formatDate(consultation.closesAt, language) })
          : t("forumModeration.consultation.closedOn", { date: formatDate(closedOn, language) })}
      </p>
      {consultation.summary ? (
        <div className="consultation-summary">
          <h3>{t("forumModeration.consultation.summaryHeading")}</h3>
          <p className="field-hint">
            {t("forumModeration.consultation.summaryBy", {
              name: consultation.summaryAuthor?.displayName ?? "",
              date: formatDate(consultation.summaryPublishedAt ?? closedOn, language),
            })}
          </p>
          {consultation.summaryHtml ? (
            <div className="post-body" dir="auto" dangerouslySetInnerHTML={{ __html: consultation.summaryHtml }} />
          ) : (
            <div className="plain-text">{consultation.summary}</div>
          )}
          {consultation.summaryCitesPoll ? citedPoll : null}
        </div>
      ) : !open ? (
        <p>{t("forumModeration.consultation.summaryPending")}</p>
      ) : null}
    </section>
  );
}

/**
 * What the consultation's ministry (or an admin) may do: close it early while open (its poll with it),
 * publish the summary once closed, citing the poll's results when it has a poll (`hasPoll`).
 */
export function ConsultationManageForms({
  threadId,
  consultation,
  redirectTo,
  result,
  hasPoll = false,
}: {
  threadId: string;
  consultation: ConsultationView;
  redirectTo: string;
  result?: ModerationFormResult;
  hasPoll?: boolean;
}) {
  return isConsultationOpen(consultation) ? (
    <CloseConsultationForm threadId={threadId} redirectTo={redirectTo} result={result} hasPoll={hasPoll} />
  ) : (
    <ConsultationSummaryForm
      threadId={threadId}
      summary={consultation.summary}
      citesPoll={hasPoll ? (consultation.summary ? Boolean(consultation.summaryCitesPoll) : true) : null}
      redirectTo={redirectTo}
      result={result}
    />
  );
}

function CloseConsultationForm({
  threadId,
  redirectTo,
  result,
  hasPoll,
}: {
  threadId: string;
  redirectTo: string;
  result?: ModerationFormResult;
  hasPoll: boolean;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const keepOpen = useRef<HTMLButtonElement>(null);
  const [form, fields] = useModerationForm(`close-consultation-${threadId}`, ConsultationActionSchema, result);
  const hint = hasPoll ? t("forumModeration.consultation.closeHintPoll") : t("forumModeration.consultation.closeHint");
  const dialogHeading = `${form.id}-confirm-heading`;
  // Without JavaScript the person ticks a box before closing; with it, a dialog asks them to confirm.
  return (
    <Form method="post" action={`/forum/consultations/${threadId}`} className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <p>{hint}</p>
      {hydrated ? (
        <input type="hidden" name="confirm" value="on" />
      ) : (
        <CheckboxField field={fields.confirm} label={t("forumModeration.consultation.confirmClose")} />
      )}
      <div className="actions">
        {hydrated ? (
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => {
              dialog.current?.showModal();
              // The safe answer has the focus: Enter does not close the consultation by accident.
              keepOpen.current?.focus();
            }}
          >
            {t("forumModeration.consultation.close")}
          </button>
        ) : (
          <button type="submit" name="intent" value="close">
            {t("forumModeration.consultation.close")}
          </button>
        )}
      </div>
      {hydrated ? (
        <dialog ref={dialog} className="confirm-dialog" aria-labelledby={dialogHeading}>
          <h2 id={dialogHeading}>{t("forumModeration.consultation.confirmCloseHeading")}</h2>
          <p>{hint}</p>
          <div className="actions">
            <button type="submit" name="intent" value="close">
              {t("forumModeration.consultation.closeNow")}
            </button>
            <button type="button" className="button-secondary" ref={keepOpen} onClick={() => dialog.current?.close()}>
              {t("forumModeration.consultation.keepOpen")}
            </button>
          </div>
        </dialog>
      ) : null}
    </Form>
  );
}

function ConsultationSummaryForm({
  threadId,
  summary,
  citesPoll,
  redirectTo,
  result,
}: {
  threadId: string;
  summary: string | null;
  /** Whether the box citing the poll starts ticked; null when the consultation has no poll. */
  citesPoll: boolean | null;
  redirectTo: string;
  result?: ModerationFormResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useModerationForm(`consultation-summary-${threadId}`, ConsultationActionSchema, result, {
    ...(summary ? { summary } : {}),
    ...(citesPoll ? { citePoll: "on" } : {}),
  });
  return (
    <Form method="post" action={`/forum/consultations/${threadId}`} className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <TextAreaField
        field={fields.summary}
        label={summary ? t("forumModeration.consultation.editSummary") : t("forumModeration.consultation.summaryLabel")}
        hint={t("forumModeration.consultation.summaryHint")}
        rows={8}
      />
      {citesPoll !== null ? <CheckboxField field={fields.citePoll} label={t("forumModeration.consultation.citePoll")} /> : null}
      <div className="actions">
        <button type="submit" name="intent" value="summary">
          {t("forumModeration.consultation.publishSummary")}
        </button>
      </div>
    </Form>
  );
}
