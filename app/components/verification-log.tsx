import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField, useCheckedForm } from "~/components/forms";
import { formatDateTime } from "~/utils/format";
import { questionText } from "~/utils/methodology-text";
import { MessageFormSchema } from "~/utils/verification-validation";
import { TableCaption, TableScroll } from "~/components/table-scroll";

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
        <TableScroll>
          <table>
            <TableCaption>{t("verification.logCaption")}</TableCaption>
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
                  <td>
                    {t(`verification.log.${entry.action}`, {
                      ...entry.detail,
                      questionId: questionName(entry.detail.questionId),
                      defaultValue: entry.action,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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

/** Messages between the verifier and the enterprise, kept with the assessment, and the form to add one (showing `result`, its action's answer). */
export function VerificationMessages({
  messages,
  result,
  canWrite = true,
}: {
  messages: MessageEntry[];
  result?: SubmissionResult<string[]> | null;
  canWrite?: boolean;
}) {
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
                {m.author?.organisation ? ` (${m.author.organisation})` : ""} ·{" "}
                <time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTime(m.createdAt, i18n.language)}</time>
              </p>
              <p className="message-body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite ? <MessageForm result={result} /> : null}
    </section>
  );
}

function MessageForm({ result }: { result?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useCheckedForm({
    id: "message",
    lastResult: result,
    constraint: getZodConstraint(MessageFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MessageFormSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="message" />
      <TextAreaField field={fields.body} label={t("verification.newMessage")} rows={3} />
      <div className="actions">
        <button type="submit">{t("verification.send")}</button>
      </div>
    </Form>
  );
}
