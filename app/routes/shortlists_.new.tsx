import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorList } from "~/components/forms";
import { addToNewShortlist } from "~/models/shortlist.server";
import { getPublicEnterprise } from "~/models/directory.server";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound } from "~/utils/permissions.server";
import { ShortlistNameSchema } from "~/utils/shortlist-validation";

/** A new shortlist made from an enterprise's "Shortlist" button: its name, then the enterprise goes in. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const url = new URL(request.url);
  const slug = url.searchParams.get("enterprise") ?? "";
  const enterprise = await getPublicEnterprise(slug);
  if (!enterprise) notFound();
  const t = await getFixedT(request);
  return {
    title: t("shortlists.newFor", { name: enterprise.name }),
    enterprise: { slug: enterprise.slug, name: enterprise.name },
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), "/ratings"),
  };
}

const NewShortlistSchema = z.object({
  name: ShortlistNameSchema,
  enterprise: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.invalid" }),
  redirectTo: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: NewShortlistSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const list = await addToNewShortlist({ userId: user.id, name: submission.value.name, slug: submission.value.enterprise });
  if (!list) return data(submission.reply({ formErrors: ["shortlists.cannotAdd"] }), { status: 404 });
  return redirectWithNotice(safeRedirect(submission.value.redirectTo, `/shortlists/${list.id}`), {
    message: "shortlists.added",
    link: { to: `/shortlists/${list.id}`, label: "shortlists.open" },
  });
}

export default function NewShortlistPage() {
  const { t } = useTranslation();
  const { title, enterprise, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nameErrors = result?.error?.name ?? undefined;
  return (
    <section>
      <h1>{title}</h1>
      <ErrorList errors={result?.error?.[""] ?? undefined} />
      <Form method="post" className="form">
        <input type="hidden" name="enterprise" value={enterprise.slug} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor="new-shortlist-name">{t("shortlists.name")}</label>
          <input
            id="new-shortlist-name"
            name="name"
            type="text"
            required
            maxLength={80}
            defaultValue={typeof result?.initialValue?.name === "string" ? result.initialValue.name : ""}
            aria-invalid={nameErrors?.length ? true : undefined}
            aria-describedby={nameErrors?.length ? "new-shortlist-name-error" : undefined}
          />
          <ErrorList id="new-shortlist-name-error" errors={nameErrors} />
        </div>
        <div className="actions">
          <button type="submit">{t("shortlists.createAndAdd", { name: enterprise.name })}</button>
          <Link to={redirectTo}>{t("shortlists.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
