import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { shortlistName } from "~/utils/shortlist-validation";

/** The reader's shortlists, each a link to it with how many enterprises it holds. */
export function ShortlistLinks({ shortlists }: { shortlists: { id: string; name: string; entries: number }[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {shortlists.map((s) => (
        <li key={s.id}>
          <Link to={`/shortlists/${s.id}`}>{shortlistName(t, s.name)}</Link> ({t("shortlists.count", { count: s.entries })})
        </li>
      ))}
    </ul>
  );
}
