import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorList } from "~/components/forms";
import { ShortlistLinks } from "~/components/shortlist-links";
import { addToShortlist, createShortlist, listShortlists, removeFromShortlist } from "~/models/shortlist.server";
import { requireUser, safeRedirect } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { ShortlistNameSchema } from "~/utils/shortlist-validation";
import { IdSchema } from "~/utils/validation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getFixedT(request);
  return { title: t("shortlists.title"), shortlists: await listShortlists(user.id) };
}

const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.invalid" });

const ShortlistActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: ShortlistNameSchema,
  }),
  z.object({
    intent: z.literal("add"),
    enterprise: SlugSchema,
    // A shortlist's id, "new" to make one (its name is asked on /shortlists/new), or none for the first one.
    shortlist: z.union([z.literal("new"), IdSchema]).optional(),
    redirectTo: z.string().optional(),
  }),
  z.object({
    intent: z.literal("remove"),
    enterprise: SlugSchema,
    shortlist: IdSchema,
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
  const { enterprise, shortlist, redirectTo } = submission.value;
  if (submission.value.intent === "remove") {
    const removed = await removeFromShortlist({ userId: user.id, shortlistId: submission.value.shortlist, slug: enterprise });
    if (!removed) return data(submission.reply({ formErrors: ["shortlists.cannotAdd"] }), { status: 404 });
    return redirectWithNotice(safeRedirect(redirectTo, `/shortlists/${submission.value.shortlist}`), {
      message: "shortlists.removed",
      link: { to: `/shortlists/${submission.value.shortlist}`, label: "shortlists.open" },
    });
  }
  if (shortlist === "new") {
    const next = new URLSearchParams({ enterprise, redirectTo: safeRedirect(redirectTo, "/ratings") });
    return redirect(`/shortlists/new?${next}`);
  }
  const list = await addToShortlist({ userId: user.id, shortlistId: shortlist, slug: enterprise });
  if (!list) return data(submission.reply({ formErrors: ["shortlists.cannotAdd"] }), { status: 404 });
  return redirectWithNotice(safeRedirect(redirectTo, `/shortlists/${list.id}`), {
    message: "shortlists.added",
    link: { to: `/shortlists/${list.id}`, label: "shortlists.open" },
  });
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
      <ShortlistLinks shortlists={shortlists} />
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
