import { Link, useLocation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The notice an action left for the page it redirected to (see notice.server.ts): shown on that
 * page, and gone once the person moves on to another.
 */
export function Notice({ notice }: { notice: { message: string; link?: { to: string; label: string } } | null | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  // The root's data (and so the notice) stays the same while the person browses on without
  // sending a form: remember where it arrived and show it there only.
  const [arrival, setArrival] = useState({ notice, at: location.key });
  if (arrival.notice !== notice) setArrival({ notice, at: location.key });
  if (!notice || arrival.at !== location.key) return null;
  return (
    <p role="status" className="notice">
      {t(notice.message)}
      {notice.link ? (
        <>
          {" "}
          <Link to={notice.link.to}>{t(notice.link.label)}</Link>
        </>
      ) : null}
    </p>
  );
}
