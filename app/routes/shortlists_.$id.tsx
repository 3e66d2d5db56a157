import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorList } from "~/components/forms";
import { deleteShortlist, getShortlist, removeEntry, renameShortlist, shortlistName, updateEntry } from "~/models/shortlist.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound, requireIdParam } from "~/utils/permissions.server";
import { countryName, sectorName } from "~/utils/reference-data";
import { ShortlistNameSchema } from "~/utils/shortlist-validation";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";
import { DataLicence } from "~/components/data-licence";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const shortlist = await getShortlist({ id: requireIdParam(params), userId: user.id });
  if (!shortlist) notFound();
  const t = await getFixedT(request);
  return {
    shortlist: { ...shortlist, name: shortlistName(t, shortlist.name) },
    // Deleting asks first: the link shows this confirmation, which works without JavaScript.
    confirmDelete: new URL(request.url).searchParams.has("delete"),
  };
}

const RenameSchema = z.object({ intent: z.literal("rename"), name: ShortlistNameSchema });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const shortlistId = requireIdParam(params);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "rename") {
    const submission = parseWithZod(form, { schema: RenameSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    if (!(await renameShortlist({ id: shortlistId, userId: user.id, name: submission.value.name }))) notFound();
    return redirectWithNotice(`/shortlists/${shortlistId}`, "shortlists.renamed");
  }
  if (intent === "delete") {
    if (!(await deleteShortlist({ id: shortlistId, userId: user.id }))) notFound();
    return redirectWithNotice("/shortlists", "shortlists.deleted");
  }
  const enterpriseId = String(form.get("enterpriseId") ?? "");
  if (!IdSchema.safeParse(enterpriseId).success) throw new Response("Unknown enterprise", { status: 400 });
  let done = false;
  if (intent === "note") {
    const note = String(form.get("note") ?? "").trim();
    if (note.length > 1000 || !hasNoControlCharacters(note)) throw new Response("The note is too long", { status: 400 });
    done = await updateEntry({ userId: user.id, shortlistId, enterpriseId, note });
  } else if (intent === "remove") {
    done = await removeEntry({ userId: user.id, shortlistId, enterpriseId });
  } else throw new Response("Unknown action", { status: 400 });
  if (!done) notFound();
  return redirect(`/shortlists/${shortlistId}`);
}

export default function ShortlistPage() {
  const { t } = useTranslation();
  const { shortlist, confirmDelete } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nameErrors = result?.error?.name ?? undefined;
  const exportHref = `/shortlists/${shortlist.id}/export`;
  return (
    <section>
      <p>
        <Link to="/shortlists">{t("shortlists.all")}</Link>
      </p>
      <h1>{shortlist.name}</h1>
      <p className="actions">
        <a href={exportHref} download>
          {t("shortlists.exportCsv")}
        </a>
        <a href={`${exportHref}?format=xlsx`} download>
          {t("shortlists.exportXlsx")}
        </a>
        <Link to="/ratings">{t("shortlists.findMore")}</Link>
      </p>
      <DataLicence />
      {shortlist.entries.length === 0 ? <p>{t("shortlists.empty")}</p> : null}
      <ul className="cards">
        {shortlist.entries.map((entry) => (
          <li key={entry.enterprise.id} className="card">
            <h2>
              <Link to={`/enterprises/${entry.enterprise.slug}`}>{entry.enterprise.name}</Link>
            </h2>
            <p>
              {sectorName(t, entry.enterprise.sector)} · {countryName(t, entry.enterprise.country)}
            </p>
            <Form method="post" className="form">
              <input type="hidden" name="enterpriseId" value={entry.enterprise.id} />
              <div className="field">
                <label htmlFor={`note-${entry.enterprise.id}`}>{t("shortlists.note", { name: entry.enterprise.name })}</label>
                <textarea id={`note-${entry.enterprise.id}`} name="note" rows={3} maxLength={1000} defaultValue={entry.note} />
              </div>
              <div className="actions">
                <button type="submit" name="intent" value="note">
                  {t("shortlists.saveNote")}
                </button>
                <button type="submit" name="intent" value="remove" className="button-secondary">
                  {t("shortlists.remove", { name: entry.enterprise.name })}
                </button>
              </div>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("shortlists.manage")}</h2>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="rename" />
        <div className="field">
          <label htmlFor="shortlist-rename">{t("shortlists.newName")}</label>
          <input
            id="shortlist-rename"
            name="name"
            type="text"
            required
            maxLength={80}
            defaultValue={typeof result?.initialValue?.name === "string" ? result.initialValue.name : shortlist.name}
            aria-invalid={nameErrors?.length ? true : undefined}
            aria-describedby={nameErrors?.length ? "shortlist-rename-error" : undefined}
          />
          <ErrorList id="shortlist-rename-error" errors={nameErrors} />
        </div>
        <div className="actions">
          <button type="submit">{t("shortlists.rename")}</button>
        </div>
      </Form>
      {confirmDelete ? (
        <div className="notice notice-warning" role="alert">
          <p>{t("shortlists.confirmDelete", { name: shortlist.name })}</p>
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="delete" />
            <button type="submit">{t("shortlists.deleteConfirmed", { name: shortlist.name })}</button>
            <Link to={`/shortlists/${shortlist.id}`}>{t("shortlists.keep")}</Link>
          </Form>
        </div>
      ) : (
        <p>
          <Link to={`/shortlists/${shortlist.id}?delete`}>{t("shortlists.delete")}</Link>
        </p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.shortlist.name ?? ""} · Ortaq` }];
