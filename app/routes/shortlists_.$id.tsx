import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getShortlist, removeEntry, updateEntry } from "~/models/shortlist.server";
import { requireUser } from "~/utils/auth.server";
import { notFound, requireIdParam } from "~/utils/permissions.server";
import { countryName, sectorName } from "~/utils/reference-data";
import { hasNoControlCharacters, IdSchema } from "~/utils/validation";
import { DataLicence } from "~/components/data-licence";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const shortlist = await getShortlist({ id: requireIdParam(params), userId: user.id });
  if (!shortlist) notFound();
  return { shortlist };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const shortlistId = requireIdParam(params);
  const form = await request.formData();
  const enterpriseId = String(form.get("enterpriseId") ?? "");
  if (!IdSchema.safeParse(enterpriseId).success) throw new Response("Unknown enterprise", { status: 400 });
  const intent = form.get("intent");
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
  const { shortlist } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/shortlists">{t("shortlists.all")}</Link>
      </p>
      <h1>{shortlist.name}</h1>
      <p className="actions">
        <a href={`/shortlists/${shortlist.id}/export`} download>
          {t("shortlists.exportCsv")}
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
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.shortlist.name ?? ""} · Ortaq` }];
