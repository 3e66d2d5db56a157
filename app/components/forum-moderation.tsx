// Moderation and consultation pieces for forum pages: plain forms that post to the
// /forum/moderation, /forum/flags and /forum/consultations routes and come back to `redirectTo`.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { formatDate } from "~/utils/format";
import { isConsultationOpen } from "~/utils/forum-consultation";
import { localized } from "~/utils/i18n";
import { FLAG_REASONS, MAX_REASON_LENGTH, MAX_SUMMARY_LENGTH, MAX_SUSPENSION_DAYS } from "~/utils/forum-moderation-validation";
import { type CountryCode, countryName } from "~/utils/reference-data";

export type FieldErrors = Record<string, string[] | null | undefined> | null | undefined;
export type FieldValues = Record<string, unknown> | null | undefined;

function errorsOf(errors: FieldErrors, name: string) {
  return errors?.[name] ?? undefined;
}

function valueOf(values: FieldValues, name: string) {
  const value = values?.[name];
  return typeof value === "string" ? value : undefined;
}

function ReasonField({ id, label, errors, defaultValue }: { id: string; label: string; errors?: string[]; defaultValue?: string }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="reason"
        type="text"
        required
        minLength={3}
        maxLength={MAX_REASON_LENGTH}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** Where a reader flags a post: the flag page, which comes back to `back` once the flag is sent. */
export function FlagPostLink({ postId, number, back }: { postId: string; number: number; back: string }) {
  const { t } = useTranslation();
  return (
    <Link to={`/forum/flags?${new URLSearchParams({ post: postId, back })}`} className="flag-link" rel="nofollow">
      {t("forumModeration.flag.open", { number })}
    </Link>
  );
}

/** "Flag this post": a reason from the list and an optional note for the moderators. */
export function FlagPostForm({
  postId,
  redirectTo,
  errors,
  values,
  formError,
}: {
  postId: string;
  redirectTo: string;
  errors?: FieldErrors;
  values?: FieldValues;
  formError?: string | null;
}) {
  const { t } = useTranslation();
  const reasonErrors = errorsOf(errors, "reason");
  const noteErrors = errorsOf(errors, "note");
  return (
    <Form method="post" action={`/forum/flags?${new URLSearchParams({ post: postId, back: redirectTo })}`} className="form flag-form">
      <fieldset>
        <legend>{t("forumModeration.flag.legend")}</legend>
        {formError ? (
          <p role="alert" className="form-errors">
            {formError}
          </p>
        ) : null}
        <input type="hidden" name="postId" value={postId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor={`flag-reason-${postId}`}>{t("forumModeration.flag.reason")}</label>
          <select
            id={`flag-reason-${postId}`}
            name="reason"
            required
            defaultValue={valueOf(values, "reason") ?? ""}
            aria-invalid={reasonErrors?.length ? true : undefined}
            aria-describedby={reasonErrors?.length ? `flag-reason-${postId}-error` : undefined}
          >
            <option value="">{t("forumModeration.flag.choose")}</option>
            {FLAG_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`forumModeration.flagReason.${reason}`)}
              </option>
            ))}
          </select>
          <ErrorList id={`flag-reason-${postId}-error`} errors={reasonErrors} />
        </div>
        <div className="field">
          <label htmlFor={`flag-note-${postId}`}>{t("forumModeration.flag.note")}</label>
          <input
            id={`flag-note-${postId}`}
            name="note"
            type="text"
            maxLength={MAX_REASON_LENGTH}
            defaultValue={valueOf(values, "note")}
            aria-invalid={noteErrors?.length ? true : undefined}
            aria-describedby={noteErrors?.length ? `flag-note-${postId}-error` : undefined}
          />
          <ErrorList id={`flag-note-${postId}-error`} errors={noteErrors} />
        </div>
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
  errors,
  values,
}: {
  post: { id: string; hiddenAt: string | Date | null };
  redirectTo: string;
  withDismiss?: boolean;
  errors?: FieldErrors;
  values?: FieldValues;
}) {
  const { t } = useTranslation();
  const id = `moderate-post-${post.id}`;
  return (
    <Form method="post" action={`/forum/moderation/posts/${post.id}`} className="form moderation-form">
      <fieldset>
        <legend>{t("forumModeration.post.legend")}</legend>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <ReasonField id={`${id}-reason`} label={t("forumModeration.reason")} errors={errorsOf(errors, "reason")} defaultValue={valueOf(values, "reason")} />
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
  errors,
  values,
}: {
  thread: { id: string; locked: boolean; pinned: boolean; categoryId: string };
  categories: { id: string; nameEn: string; nameRu: string }[];
  redirectTo: string;
  errors?: FieldErrors;
  values?: FieldValues;
}) {
  const { t, i18n } = useTranslation();
  const id = `moderate-thread-${thread.id}`;
  const categoryErrors = errorsOf(errors, "categoryId");
  return (
    <Form method="post" action={`/forum/moderation/threads/${thread.id}`} className="form moderation-form">
      <fieldset>
        <legend>{t("forumModeration.thread.legend")}</legend>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <ReasonField id={`${id}-reason`} label={t("forumModeration.reason")} errors={errorsOf(errors, "reason")} defaultValue={valueOf(values, "reason")} />
        <div className="actions">
          <button type="submit" name="intent" value={thread.locked ? "unlock" : "lock"}>
            {thread.locked ? t("forumModeration.thread.unlock") : t("forumModeration.thread.lock")}
          </button>
          <button type="submit" name="intent" value={thread.pinned ? "unpin" : "pin"}>
            {thread.pinned ? t("forumModeration.thread.unpin") : t("forumModeration.thread.pin")}
          </button>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>{t("forumModeration.thread.moveTo")}</label>
          <select
            id={`${id}-category`}
            name="categoryId"
            defaultValue={valueOf(values, "categoryId") ?? thread.categoryId}
            aria-invalid={categoryErrors?.length ? true : undefined}
            aria-describedby={categoryErrors?.length ? `${id}-category-error` : undefined}
          >
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {localized({ en: category.nameEn, ru: category.nameRu }, i18n.language)}
              </option>
            ))}
          </select>
          <ErrorList id={`${id}-category-error`} errors={categoryErrors} />
        </div>
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
  errors,
  values,
}: {
  user: { id: string; activeSuspension: { endsAt: string | Date } | null };
  redirectTo: string;
  errors?: FieldErrors;
  values?: FieldValues;
}) {
  const { t } = useTranslation();
  const id = `moderate-user-${user.id}`;
  const daysErrors = errorsOf(errors, "days");
  return (
    <Form method="post" action={`/forum/moderation/users/${user.id}`} className="form moderation-form">
      <fieldset>
        <legend>{user.activeSuspension ? t("forumModeration.user.liftLegend") : t("forumModeration.user.suspendLegend")}</legend>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {user.activeSuspension ? null : (
          <div className="field">
            <label htmlFor={`${id}-days`}>{t("forumModeration.user.days")}</label>
            <input
              id={`${id}-days`}
              name="days"
              type="number"
              inputMode="numeric"
              required
              min={1}
              max={MAX_SUSPENSION_DAYS}
              defaultValue={valueOf(values, "days") ?? "7"}
              aria-invalid={daysErrors?.length ? true : undefined}
              aria-describedby={daysErrors?.length ? `${id}-days-error` : undefined}
            />
            <ErrorList id={`${id}-days-error`} errors={daysErrors} />
          </div>
        )}
        <ReasonField id={`${id}-reason`} label={t("forumModeration.reason")} errors={errorsOf(errors, "reason")} defaultValue={valueOf(values, "reason")} />
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
}

/** The top of a consultation: its state, country, closing date, question and, once published, the summary. */
export function ConsultationHeader({ consultation, now }: { consultation: ConsultationView; now?: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const open = isConsultationOpen(consultation, now);
  const country = consultation.country ? countryName(t, consultation.country) : undefined;
  const closedOn = consultation.closedAt ?? consultation.closesAt;
  return (
    <section className="consultation-header" aria-labelledby="consultation-heading">
      <h2 id="consultation-heading">
        {t("forumModeration.consultation.heading")}{" "}
        <span className={`badge ${open ? "badge-open" : "badge-closed"}`}>{open ? t("forumModeration.consultation.open") : t("forumModeration.consultation.closed")}</span>
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
          <div className="plain-text">{consultation.summary}</div>
        </div>
      ) : !open ? (
        <p>{t("forumModeration.consultation.summaryPending")}</p>
      ) : null}
    </section>
  );
}

/** What the consultation's ministry (or an admin) may do: close it early while open, publish the summary once closed. */
export function ConsultationManageForms({
  threadId,
  consultation,
  redirectTo,
  errors,
  values,
}: {
  threadId: string;
  consultation: ConsultationView;
  redirectTo: string;
  errors?: FieldErrors;
  values?: FieldValues;
}) {
  const { t } = useTranslation();
  const open = isConsultationOpen(consultation);
  const summaryErrors = errorsOf(errors, "summary");
  if (open) {
    return (
      <Form method="post" action={`/forum/consultations/${threadId}`} className="form">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <p>{t("forumModeration.consultation.closeHint")}</p>
        <div className="actions">
          <button type="submit" name="intent" value="close">
            {t("forumModeration.consultation.close")}
          </button>
        </div>
      </Form>
    );
  }
  return (
    <Form method="post" action={`/forum/consultations/${threadId}`} className="form">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <div className="field">
        <label htmlFor={`summary-${threadId}`}>{consultation.summary ? t("forumModeration.consultation.editSummary") : t("forumModeration.consultation.summaryLabel")}</label>
        <p id={`summary-${threadId}-hint`} className="field-hint">
          {t("forumModeration.consultation.summaryHint")}
        </p>
        <textarea
          id={`summary-${threadId}`}
          name="summary"
          rows={8}
          required
          maxLength={MAX_SUMMARY_LENGTH}
          defaultValue={valueOf(values, "summary") ?? consultation.summary ?? ""}
          aria-invalid={summaryErrors?.length ? true : undefined}
          aria-describedby={[`summary-${threadId}-hint`, summaryErrors?.length ? `summary-${threadId}-error` : null].filter(Boolean).join(" ")}
        />
        <ErrorList id={`summary-${threadId}-error`} errors={summaryErrors} />
      </div>
      <div className="actions">
        <button type="submit" name="intent" value="summary">
          {t("forumModeration.consultation.publishSummary")}
        </button>
      </div>
    </Form>
  );
}
