import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorList } from "~/components/forms";
import { addToShortlist, createShortlist, listShortlists } from "~/models/shortlist.server";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getFixedT(request);
  return { title: t("shortlists.title"), shortlists: await listShortlists(user.id) };
}

const ShortlistActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z
      .string({ error: "errors.required" })
      .trim()
      .min(1, { error: "errors.required" })
      .max(80, { error: "errors.tooLong" })
      .refine(hasNoControlCharacters, { error: "errors.invalid" }),
  }),
  z.object({
    intent: z.literal("add"),
    enterprise: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.invalid" }),
    shortlist: IdSchema.optional(),
    redirectTo: z.string().optional(),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: ShortlistActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value.intent === "create") {
    const list = await createShortlist({ userId: user.id, name: submission.value.name });
    return redirect(`/shortlists/${list.id}`);
  }
  const list = await addToShortlist({ userId: user.id, shortlistId: submission.value.shortlist, slug: submission.value.enterprise });
  if (!list) return data(submission.reply({ formErrors: ["shortlists.cannotAdd"] }), { status: 404 });
  const back = safeRedirect(submission.value.redirectTo, `/shortlists/${list.id}`);
  return redirectWithNotice(back, { message: "shortlists.added", link: { to: "/shortlists", label: "shortlists.title" } });
}

export default function ShortlistsPage() {
  const { t } = useTranslation();
  const { title, shortlists } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>{title}</h1>
      <ErrorList
        errors={
          result?.error
            ? Object.values(result.error)
                .flat()
                .filter((e): e is string => Boolean(e))
            : undefined
        }
      />
      {shortlists.length === 0 ? <p>{t("shortlists.none")}</p> : null}
      <ul>
        {shortlists.map((s) => (
          <li key={s.id}>
            <Link to={`/shortlists/${s.id}`}>{s.name}</Link> ({t("shortlists.count", { count: s._count.entries })})
          </li>
        ))}
      </ul>
      <h2>{t("shortlists.new")}</h2>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="create" />
        <div className="field">
          <label htmlFor="shortlist-name">{t("shortlists.name")}</label>
          <input id="shortlist-name" name="name" type="text" required maxLength={80} />
        </div>
        <div className="actions">
          <button type="submit">{t("shortlists.create")}</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
