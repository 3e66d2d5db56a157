import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";
import { localized } from "~/utils/i18n";
import { questionText } from "~/utils/methodology-text";

export interface LogEntry {
  id: string;
  action: string;
  detail: Record<string, string | number | null>;
  createdAt: Date | string;
  actor: { displayName: string } | null;
}

/** Every step of the verification: who, when, what changed. */
export function VerificationLog({ log, questions = {} }: { log: LogEntry[]; questions?: Record<string, { en: string; ru: string }> }) {
  const { t, i18n } = useTranslation();
  const questionName = (id: unknown) => (typeof id === "string" && questions[id] ? questionText(t, id) : id);
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">{t("verification.logHeading")}</h2>
      {log.length === 0 ? (
        <p>{t("verification.logEmpty")}</p>
      ) : (
        <table>
          <caption>{t("verification.logCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("verification.when")}</th>
              <th scope="col">{t("verification.who")}</th>
              <th scope="col">{t("verification.what")}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.createdAt, i18n.language)}</td>
                <td>{entry.actor?.displayName ?? t("verification.formerUser")}</td>
                <td>{t(`verification.log.${entry.action}`, { ...entry.detail, questionId: questionName(entry.detail.questionId), defaultValue: entry.action })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface MessageEntry {
  id: string;
  body: string;
  createdAt: Date | string;
  author: { displayName: string; organisation: string | null } | null;
}

/** Messages between the verifier and the enterprise, kept with the assessment, and the form to add one. */
export function VerificationMessages({ messages, error, typed, canWrite = true }: { messages: MessageEntry[]; error?: string; typed?: string; canWrite?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="messages-heading" id="messages">
      <h2 id="messages-heading">{t("verification.messagesHeading")}</h2>
      {messages.length === 0 ? (
        <p>{t("verification.noMessages")}</p>
      ) : (
        <ol className="messages">
          {messages.map((m) => (
            <li key={m.id}>
              <p>
                <strong>{m.author?.displayName ?? t("verification.formerUser")}</strong>
                {m.author?.organisation ? ` (${m.author.organisation})` : ""} · <time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTime(m.createdAt, i18n.language)}</time>
              </p>
              <p className="message-body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="message" />
          <div className="field">
            <label htmlFor="message-body">{t("verification.newMessage")}</label>
            <textarea
              id="message-body"
              name="body"
              rows={3}
              maxLength={4000}
              required
              defaultValue={typed ?? ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "message-error" : undefined}
            />
            {error ? (
              <p className="field-errors" id="message-error" role="alert">
                {t(error)}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit">{t("verification.send")}</button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
