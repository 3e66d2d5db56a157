import { PlainForm, PlainLink } from "~/components/plain-links";
import { useTranslation } from "react-i18next";
import { isolate } from "~/utils/i18n";

export interface ShortlistChoice {
  id: string;
  /** As the reader sees it (the default shortlist's name in their language). */
  name: string;
}

/**
 * An enterprise's place in the reader's shortlists, inside a table cell: the shortlists holding
 * it (each with a way to take it out) and a choice of shortlist, or a new one, to add it to. The
 * controls belong to forms drawn outside the table (ShortlistControlForms), so that they work
 * without JavaScript inside the table's own form.
 */
export function ShortlistControl({
  slug,
  name,
  held,
  lists,
}: {
  slug: string;
  name: string;
  held: ShortlistChoice[];
  lists: ShortlistChoice[];
}) {
  const { t } = useTranslation();
  const others = lists.filter((l) => !held.some((h) => h.id === l.id));
  return (
    <div className="shortlist-control">
      {held.map((list) => (
        <p key={list.id}>
          {t("shortlists.inList")} <PlainLink to={`/shortlists/${list.id}`}>{list.name}</PlainLink>{" "}
          <button
            type="submit"
            form={`shortlist-remove-${slug}`}
            name="shortlist"
            value={list.id}
            className="button-secondary"
            aria-label={t("shortlists.removeFrom", { name: isolate(name), list: isolate(list.name) })}
          >
            {t("shortlists.removeShort")}
          </button>
        </p>
      ))}
      <select
        form={`shortlist-add-${slug}`}
        name="shortlist"
        aria-label={t("shortlists.chooseFor", { name: isolate(name) })}
        defaultValue={others[0]?.id ?? (lists.length === 0 ? "" : "new")}
      >
        {lists.length === 0 ? <option value="">{t("shortlists.defaultName")}</option> : null}
        {others.map((list) => (
          <option key={list.id} value={list.id}>
            {list.name}
          </option>
        ))}
        <option value="new">{t("shortlists.newOption")}</option>
      </select>{" "}
      <button
        type="submit"
        form={`shortlist-add-${slug}`}
        className="button-secondary"
        aria-label={t("shortlists.addThis", { name: isolate(name) })}
      >
        {t("shortlists.addShort")}
      </button>
    </div>
  );
}

/** The forms the controls of each row belong to; drawn once, after the table. */
export function ShortlistControlForms({ slugs, redirectTo }: { slugs: string[]; redirectTo: string }) {
  return (
    <>
      {slugs.map((slug) => (
        <div key={slug} hidden>
          <PlainForm method="post" action="/shortlists" id={`shortlist-add-${slug}`}>
            <input type="hidden" name="intent" value="add" />
            <input type="hidden" name="enterprise" value={slug} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
          </PlainForm>
          <PlainForm method="post" action="/shortlists" id={`shortlist-remove-${slug}`}>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="enterprise" value={slug} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
          </PlainForm>
        </div>
      ))}
    </>
  );
}
