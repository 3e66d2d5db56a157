import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getMailOverview, retryEmail } from "~/models/mail.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { outboxDir, readOutbox } from "~/utils/mail.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requirePermission } from "~/utils/permissions.server";
import { IdSchema } from "~/utils/validation";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:mail");
  const t = await getFixedT(request);
  const overview = await getMailOverview();
  // Without SMTP, what would have been sent is in the outbox folder: the newest messages, as their recipients would read them.
  const outbox = overview.smtp ? [] : await readOutbox({ limit: 20 });
  return { title: t("adminMail.title"), ...overview, outbox, outboxDir: overview.smtp ? null : outboxDir() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:mail");
  const form = await request.formData();
  const id = form.get("id");
  if (form.get("intent") !== "retry" || !IdSchema.safeParse(id).success) throw new Response("Unknown action", { status: 400 });
  if (!(await retryEmail({ id: String(id) }))) throw new Response("Not Found", { status: 404 });
  return redirectWithNotice("/admin/mail", "adminMail.retried");
}

export default function AdminMailPage() {
  const { t, i18n } = useTranslation();
  const { title, troubled, latest, pending, smtp, outbox, outboxDir } = useLoaderData<typeof loader>();
  const language = i18n.language;
  return (
    <section>
      <h1>{title}</h1>
      <p>{smtp ? t("adminMail.smtp") : t("adminMail.noSmtp", { dir: outboxDir })}</p>
      <p>{t("adminMail.pending", { count: pending })}</p>
      <h2>{t("adminMail.troubled")}</h2>
      {troubled.length === 0 ? (
        <p>{t("adminMail.noTrouble")}</p>
      ) : (
        <TableScroll>
          <table>
            <TableCaption>{t("adminMail.troubledCaption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("adminMail.to")}</th>
                <th scope="col">{t("adminMail.subject")}</th>
                <th scope="col">{t("adminMail.status")}</th>
                <th scope="col" className="number">
                  {t("adminMail.attempts")}
                </th>
                <th scope="col">{t("adminMail.error")}</th>
                <th scope="col">{t("adminMail.action")}</th>
              </tr>
            </thead>
            <tbody>
              {troubled.map((message) => (
                <tr key={message.id}>
                  <td>{message.toAddress}</td>
                  <td>{message.subject}</td>
                  <td>
                    {message.status === "failed"
                      ? t("adminMail.statusFailed")
                      : t("adminMail.statusRetrying", { date: formatDateTime(message.nextAttemptAt, language) })}
                  </td>
                  <td className="number">{message.attempts}</td>
                  <td>{message.lastError}</td>
                  <td>
                    {message.status === "failed" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="id" value={message.id} />
                        <button
                          type="submit"
                          className="button-secondary"
                          aria-label={t("adminMail.retryLabel", { subject: message.subject, to: message.toAddress })}
                        >
                          {t("adminMail.retry")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {smtp ? null : (
        <>
          <h2>{t("adminMail.outbox")}</h2>
          {outbox.length === 0 ? <p>{t("adminMail.outboxEmpty")}</p> : null}
          {outbox.map((message) => (
            <article key={message.file} className="mail-message" aria-labelledby={`mail-${message.file}`}>
              <h3 id={`mail-${message.file}`}>{message.subject}</h3>
              <p>
                {t("adminMail.toWhom", { to: message.to })}
                {message.date ? ` · ${formatDateTime(message.date, language)}` : null}
              </p>
              <pre className="mail-text">{message.text}</pre>
            </article>
          ))}
        </>
      )}
      <h2>{t("adminMail.latest")}</h2>
      <TableScroll>
        <table>
          <TableCaption>{t("adminMail.latestCaption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("adminMail.created")}</th>
              <th scope="col">{t("adminMail.to")}</th>
              <th scope="col">{t("adminMail.subject")}</th>
              <th scope="col">{t("adminMail.status")}</th>
            </tr>
          </thead>
          <tbody>
            {latest.map((message) => (
              <tr key={message.id}>
                <td>{formatDateTime(message.createdAt, language)}</td>
                <td>{message.toAddress}</td>
                <td>{message.subject}</td>
                <td>{t(`adminMail.state.${message.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
