import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MentorFacts } from "~/routes/mentors";
import { listPendingMentors, reviewMentor } from "~/models/mentorship.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { IdSchema } from "~/utils/validation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "approve:mentors");
  const t = await getFixedT(request);
  return { title: t("mentorship.queueTitle"), pending: await listPendingMentors() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "approve:mentors");
  const form = await request.formData();
  const userId = String(form.get("userId") ?? "");
  const intent = form.get("intent");
  if (!IdSchema.safeParse(userId).success || (intent !== "approve" && intent !== "reject"))
    throw new Response("Unknown action", { status: 400 });
  if (!(await reviewMentor({ userId, reviewerId: user.id, approve: intent === "approve" }))) notFound();
  return redirectWithNotice("/admin/mentors", intent === "approve" ? "mentorship.notice.approved" : "mentorship.notice.rejected");
}

export default function MentorQueuePage() {
  const { t, i18n } = useTranslation();
  const { title, pending } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{title}</h1>
      {pending.length === 0 ? <p>{t("mentorship.queueEmpty")}</p> : null}
      <ul className="cards">
        {pending.map((p) => (
          <li key={p.userId} className="card">
            <h2>{p.user.displayName}</h2>
            <p dir="auto">{p.bio}</p>
            <MentorFacts mentor={p} />
            <p className="field-hint">
              {p.availability} · {t("mentorship.capacityOf", { count: p.capacity })} · {formatDate(p.createdAt, i18n.language)}
            </p>
            <Form method="post" className="actions">
              <input type="hidden" name="userId" value={p.userId} />
              <button type="submit" name="intent" value="approve" aria-label={t("mentorship.approveName", { name: p.user.displayName })}>
                {t("mentorship.approve")}
              </button>
              <button
                type="submit"
                name="intent"
                value="reject"
                className="button-secondary"
                aria-label={t("mentorship.rejectName", { name: p.user.displayName })}
              >
                {t("mentorship.reject")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
